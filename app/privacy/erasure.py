"""The "Slet min profil": what goes, and what stays as a pseudonymous id.

Goes: every text of the profile, the accommodation needs and their note, the CV file, the
person's name, e-mail and phone, the messages of their matches (both sides wrote about them),
the notes on their matches and follow-ups, notifications, sessions, API tokens and links, call-back requests,
event sign-ups, and the rate-limit and failed-login rows that hold the e-mail address.
Stays: the user and profile rows as tombstones (ids only, so the append-only audit trail and the
consent history keep their meaning), the consents (company, scopes, dates), the sign-in
days and status changes (ids and dates only: the jobcentre's figures), and each match's
states, dates and hours — so a company's match page can say "Personen har slettet sin profil".
"""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.kit.clock import utcnow
from app.matches.lifecycle import DELETED_REASON
from app.models import (
    AccommodationNeeds,
    ApiToken,
    CallbackRequest,
    ConversationRead,
    EventSignup,
    FlexjobberProfile,
    FollowUp,
    LoginFailure,
    Match,
    MatchEvent,
    MatchState,
    Message,
    Notification,
    OneTimeLink,
    RateEvent,
    User,
    UserSession,
    Visibility,
)
from app.profiles import cv_storage

# Every match of a deleted person ends (a dismissed suggestion could be recommended again).
_CLOSED = (MatchState.ENDED,)


def erase(db: Session, data_dir: Path, actor: User, profile: FlexjobberProfile) -> None:
    """Deletes the person behind `profile` (callers have checked that `actor` may)."""
    owner = db.get(User, profile.user_id)
    assert owner is not None
    now = utcnow()
    _erase_matches(db, actor, profile.id)
    db.execute(delete(AccommodationNeeds).where(AccommodationNeeds.profile_id == profile.id))
    for model in (Notification, UserSession, ApiToken, OneTimeLink, EventSignup):
        db.execute(delete(model).where(model.user_id == owner.id))
    db.execute(delete(CallbackRequest).where(CallbackRequest.requester_id == owner.id))
    db.execute(delete(ConversationRead).where(ConversationRead.user_id == owner.id))
    address = owner.email.lower()
    db.execute(delete(LoginFailure).where(LoginFailure.email == address))
    db.execute(delete(RateEvent).where(RateEvent.key.contains(address, autoescape=True)))
    if profile.cv_storage_key:
        # The file goes now: if the transaction failed after this, the profile would point at
        # a missing file ("Der er intet CV"), which is the lesser harm than keeping a CV.
        cv_storage.remove(data_dir, profile.cv_storage_key)
    _tombstone_profile(profile, now)
    _tombstone_user(owner, now)
    audit.record(
        db,
        actor,
        "profile.deleted",
        "profile",
        profile.id,
        on_behalf_of=owner.id if actor.id != owner.id else None,
        details={"by": "self" if actor.id == owner.id else "jobcentre"},
    )
    db.flush()


def _erase_matches(db: Session, actor: User, profile_id: int) -> None:
    match_ids = select(Match.id).where(Match.profile_id == profile_id).scalar_subquery()
    db.execute(delete(Message).where(Message.match_id.in_(match_ids)))
    db.execute(delete(ConversationRead).where(ConversationRead.match_id.in_(match_ids)))
    for model, values in ((MatchEvent, {"note": ""}), (FollowUp, {"note": "", "next_step": ""})):
        db.execute(
            update(model)
            .where(model.match_id.in_(match_ids))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    now = utcnow()
    for match in db.scalars(select(Match).where(Match.profile_id == profile_id)):
        match.recommendation_note = ""
        match.meeting_participants = ""
        match.meeting_place = ""
        match.ended_note = ""
        match.expires_at = None
        if match.state not in _CLOSED:
            db.add(
                MatchEvent(
                    match_id=match.id,
                    actor_id=actor.id,
                    kind="state",
                    from_state=match.state.value,
                    to_state=MatchState.ENDED.value,
                )
            )
            match.state = MatchState.ENDED
        match.ended_reason = DELETED_REASON  # the ending companies read
        match.updated_at = now


def _tombstone_profile(profile: FlexjobberProfile, now: datetime) -> None:
    profile.pseudonym = "Slettet " + secrets.token_hex(6)
    for name in ("headline", "about", "search_text"):
        setattr(profile, name, "")
    for name in ("wished_jobs", "skills", "experience", "education", "languages", "schedule"):
        setattr(profile, name, [])
    for name in (
        "driving_licence",
        "hours_min",
        "hours_max",
        "postcode",
        "max_distance_km",
        "status",
        "available_from",
        "consultant_id",
        "cv_filename",
        "cv_content_type",
        "cv_storage_key",
        "cv_size",
    ):
        setattr(profile, name, None)
    profile.visibility = Visibility.HIDDEN
    profile.share_accommodations = False
    profile.remote_only = profile.remote_ok = profile.keeps_looking = False
    profile.deleted_at = now
    profile.match_ready_at = None
    profile.updated_at = now  # the match index drops it


def _tombstone_user(user: User, now: datetime) -> None:
    # A unique address nobody can receive mail at (".invalid" is reserved, RFC 2606).
    user.email = f"slettet-{user.id}-{secrets.token_hex(4)}@slettet.invalid"
    user.display_name = ""
    user.password_hash = None
    user.phone = None
    user.active = False
    user.deleted_at = now
