"""Flexjobber profiles: creating them (a hidden profile on the person's first visit), finding
the profile a viewer or editor may have, and storing validated changes.

``apply_changes`` is the one place a profile is written: it keeps search_text and readiness
fresh, gives an anonymous profile a new pseudonym and public id, and writes the on-behalf audit
trail. Validation is in app.profiles.cleaning, the CV in cv_files, consultants' citizens in
citizens, search in search. No FastAPI, never commits.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.audit import service as audit
from app.errors import Forbidden
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.tokens import random_public_id
from app.models import (
    AccommodationNeeds,
    FlexjobberProfile,
    ProfileStatusChange,
    User,
    Visibility,
)
from app.privacy import access_log
from app.profiles import policy
from app.profiles.completeness import mark_readiness
from app.profiles.disclosure import ProfileView, view_profile
from app.profiles.policy import Audience
from app.profiles.search_text import profile_search_text

Cleaned = dict[str, Any]
_PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I look-alikes


# ---------------------------------------------------------------- creating and finding


def new_pseudonym(db: Session) -> str:
    while True:
        candidate = "Kandidat " + "".join(secrets.choice(_PSEUDONYM_ALPHABET) for _ in range(4))
        taken = db.scalar(
            select(FlexjobberProfile.id).where(FlexjobberProfile.pseudonym == candidate)
        )
        if taken is None:
            return candidate


def new_public_id(db: Session) -> int:
    """A fresh random public id (app.kit.tokens), checked against the ones in use."""
    while True:
        candidate = random_public_id()
        taken = db.scalar(
            select(FlexjobberProfile.id).where(FlexjobberProfile.public_id == candidate)
        )
        if taken is None:
            return candidate


def create_profile(db: Session, user: User, consultant_id: int | None = None) -> FlexjobberProfile:
    if not roles.is_flexjobber(user) or user.jobcentre_id is None:
        raise Forbidden(N_("Kun fleksjobbere har en profil."))
    profile = FlexjobberProfile(
        user_id=user.id,
        jobcentre_id=user.jobcentre_id,
        consultant_id=consultant_id,
        pseudonym=new_pseudonym(db),
        public_id=new_public_id(db),
        visibility=Visibility.HIDDEN,
        share_accommodations=False,
    )
    profile.search_text = ""
    db.add(profile)
    db.flush()
    return profile


def own_profile(
    db: Session, user: User, found: FlexjobberProfile | None = None
) -> FlexjobberProfile:
    """The flexjobber's own profile, created (hidden) on first visit. ``found`` is what the
    ``FlexjobberUser`` guard already looked up (so the profile is not read twice)."""
    roles.ensure_flexjobber(user)
    existing = found or policy.own_profile(db, user)
    if existing is not None:
        return existing
    try:
        with db.begin_nested():
            return create_profile(db, user)
    except IntegrityError:  # created by a parallel request a moment ago
        again = policy.own_profile(db, user)
        if again is None:
            raise
        return again


def profile_for_viewer(db: Session, viewer: User, public_id: int) -> FlexjobberProfile:
    profile = policy.by_public_id(db, public_id)
    policy.audience(db, viewer, profile)  # NotFound for those who may not know it exists
    return profile


def profile_for_editor(db: Session, editor: User, public_id: int) -> FlexjobberProfile:
    profile = policy.by_public_id(db, public_id)
    policy.ensure_can_edit(db, editor, profile)
    return profile


def owner_of(db: Session, profile: FlexjobberProfile) -> User:
    owner = db.get(User, profile.user_id)
    assert owner is not None
    return owner


def needs_of(db: Session, profile: FlexjobberProfile) -> AccommodationNeeds | None:
    """Health data: only for the owner's and consultants' pages (callers check the policy)."""
    return db.get(AccommodationNeeds, profile.id)


def view_for(db: Session, viewer: User, public_id: int) -> ProfileView:
    """The profile at this public id as this viewer may see it. Every look by someone else
    than the person is recorded (who, why, whether the needs were shown): the person reads it
    on "Mine data"."""
    profile = policy.by_public_id(db, public_id)
    view = view_profile(db, viewer, profile)
    if view.audience != Audience.OWNER.value:
        saw_needs = view.accommodation_needs is not None
        details = access_log.details_for(viewer, saw_needs)
        audit.record(db, viewer, "profile.viewed", "profile", profile.id, details=details)
    return view


# ---------------------------------------------------------------- saving


_NEEDS_FIELDS = {"accommodation_needs": "needs", "accommodation_note": "note"}


def apply_changes(
    db: Session, actor: User, profile: FlexjobberProfile, cleaned: Cleaned
) -> list[str]:
    """Stores validated changes; returns the names of the fields that changed. A save on
    someone's behalf is recorded in the audit trail (field names only, never values)."""
    policy.ensure_can_edit(db, actor, profile)
    owner = owner_of(db, profile)
    changed: list[str] = []
    needs_row: AccommodationNeeds | None = None
    for name, value in cleaned.items():
        if name == "display_name":
            if owner.display_name != value:
                owner.display_name = value
                changed.append(name)
        elif name in _NEEDS_FIELDS:
            if needs_row is None:
                needs_row = db.get(AccommodationNeeds, profile.id)
                if needs_row is None:
                    needs_row = AccommodationNeeds(profile_id=profile.id, needs={}, note="")
                    db.add(needs_row)
                    changed.append("accommodation_needs")
            column = _NEEDS_FIELDS[name]
            if getattr(needs_row, column) != value:
                setattr(needs_row, column, value)
                changed.append(name)
        elif getattr(profile, name) != value:
            if name == "visibility" and profile.visibility == Visibility.NAMED:
                # Turning anonymous: a new pseudonym and a new public id, so the anonymous
                # profile cannot be tied to the name a company saw before (the old address
                # is 404 from now on, app.profiles.policy.by_public_id).
                profile.pseudonym = new_pseudonym(db)
                profile.public_id = new_public_id(db)
            setattr(profile, name, value)
            changed.append(name)
    changed = sorted(set(changed))
    if "status" in changed:
        # Dated history: fleksjob unemployment on a past day needs the status as it was then.
        db.add(ProfileStatusChange(profile_id=profile.id, status=profile.status, actor_id=actor.id))
    if changed:
        profile.search_text = profile_search_text(profile)
        profile.updated_at = utcnow()
        if needs_row is None:
            needs_row = db.get(AccommodationNeeds, profile.id)
        mark_readiness(profile, needs_row, profile.updated_at)
    if actor.id != profile.user_id:
        audit.record(
            db,
            actor,
            "profile.updated",
            "profile",
            profile.id,
            on_behalf_of=profile.user_id,
            details={"fields": changed},
        )
    db.flush()
    return changed
