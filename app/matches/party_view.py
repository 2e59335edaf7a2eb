"""What each party sees of one match: the person (``person_for``, from the one disclosure
decision with the consent given the posting's company), why it ended, the timeline and the
conversation (names of people the reader may not know are replaced by the pseudonym), and the
record of each look at the profile. No FastAPI, never commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.errors import NotFound
from app.kit.i18n import N_
from app.matches import consent as consents
from app.matches import lifecycle, messaging
from app.matches.lifecycle import MatchContext
from app.matches.policy import Party, allowed_actions
from app.models import AccommodationNeeds, Consent, FlexjobberProfile, PostingStatus, User
from app.privacy import access_log
from app.profiles.disclosure import Disclosure, decide
from app.profiles.policy import Audience


@dataclass
class PersonView:
    """The flexjobber as the reading party may see them; None/False means "not disclosed"."""

    profile_id: int  # the public id (app.profiles.policy.by_public_id)
    name: str
    is_pseudonym: bool
    email: str | None
    headline: str
    skills: list[str]
    wished_jobs: list[str]
    hours_min: int | None
    hours_max: int | None
    postcode: str | None
    has_cv: bool
    # None: not disclosed to this party (not even whether there are any).
    accommodation_needs: dict[str, bool] | None = None
    accommodation_note: str | None = None
    deleted: bool = False  # the person deleted their profile: only that is shown


def company_consent(db: Session, ctx: MatchContext) -> Consent | None:
    found = consents.active(db, ctx.profile.id, {ctx.job.company_id})
    return found[0] if found else None


_AUDIENCE = {
    Party.FLEXJOBBER: Audience.OWNER,
    Party.CONSULTANT: Audience.CONSULTANT,
    Party.ADMIN: Audience.ADMIN,
    Party.COMPANY: Audience.COMPANY,
}


def disclosure(db: Session, ctx: MatchContext) -> Disclosure:
    """What this party may know of the person: the one decision, with the consent the person
    gave the posting's company (read now, so a withdrawal counts on the next request)."""
    consent = company_consent(db, ctx) if ctx.party == Party.COMPANY else None
    return decide(_AUDIENCE[ctx.party], ctx.profile, consent)


def identity_visible(db: Session, ctx: MatchContext) -> bool:
    """Whether this party may know the person's name."""
    return disclosure(db, ctx).identity


def person_for(db: Session, ctx: MatchContext, decided: Disclosure | None = None) -> PersonView:
    """The person as this party may see them (``decided``: the party's disclosure, when the
    caller has it already — app.matches.read_model decides once for the whole view)."""
    owner = db.get(User, ctx.profile.user_id)
    assert owner is not None
    profile = ctx.profile
    d = decided or disclosure(db, ctx)
    if profile.deleted_at is not None:
        return PersonView(
            profile.public_id, "", True, None, "", [], [], None, None, None, False, deleted=True
        )
    needs = db.get(AccommodationNeeds, profile.id) if d.needs else None
    return PersonView(
        profile_id=profile.public_id,
        name=owner.display_name if d.identity else profile.pseudonym,
        is_pseudonym=not d.identity,
        email=owner.email if d.contact else None,
        headline=profile.headline,
        skills=list(profile.skills),
        wished_jobs=[str(w.get("label", "")) for w in profile.wished_jobs if w.get("label")],
        hours_min=profile.hours_min,
        hours_max=profile.hours_max,
        postcode=profile.postcode,
        has_cv=d.cv and bool(profile.cv_storage_key),
        accommodation_needs=(dict(needs.needs) if needs else {}) if d.needs else None,
        accommodation_note=(needs.note if needs else "") if d.needs else None,
    )


@dataclass(frozen=True)
class Ending:
    reason: str
    note: str


def _health_ending_hidden(ctx: MatchContext, d: Disclosure) -> bool:
    return ctx.match.ended_reason in lifecycle.HEALTH_END_REASONS and not d.health_reasons


def ending_for(db: Session, ctx: MatchContext, decided: Disclosure | None = None) -> Ending:
    """Why the match ended, as this party may read it: a health reason (and the note that
    came with it) reaches a company only with the accommodations consent — else "Andet"."""
    if _health_ending_hidden(ctx, decided or disclosure(db, ctx)):
        return Ending("other", "")
    return Ending(ctx.match.ended_reason, ctx.match.ended_note)


def record_view(db: Session, viewer: User, ctx: MatchContext) -> None:
    """A company or consultant opening the match has seen the profile: the person can see who,
    when and why in /mine-data."""
    if ctx.party in (Party.COMPANY, Party.CONSULTANT):
        saw_needs = disclosure(db, ctx).needs
        details = access_log.details_for(viewer, saw_needs, via_match=True)
        audit.record(db, viewer, "profile.viewed", "profile", ctx.profile.id, details=details)


def cv_for(db: Session, viewer: User, ctx: MatchContext) -> FlexjobberProfile:
    """The profile whose CV this party may download (the CV consent for companies), else 404."""
    person = person_for(db, ctx)
    if not person.has_cv or ctx.party == Party.ADMIN:
        raise NotFound(N_("Der er intet CV."))
    if ctx.party == Party.COMPANY:
        details = access_log.details_for(viewer, saw_needs=False, via_match=True)
        audit.record(
            db, viewer, "profile.cv_downloaded", "profile", ctx.profile.id, details=details
        )
    return ctx.profile


def _label_for(
    db: Session, ctx: MatchContext, user_id: int | None, names: dict[int, str], anonymous: bool
) -> str:
    """The name to show for an actor; "" for the system or a deleted user (the page says
    "Fleksbro"). The flexjobber is their pseudonym to a company that may not know the name."""
    if user_id is None:
        return ""
    if user_id == ctx.profile.user_id and anonymous:
        return ctx.profile.pseudonym
    if user_id not in names:
        person = db.get(User, user_id)
        names[user_id] = person.display_name if person else ""
    return names[user_id]


@dataclass
class TimelineEntry:
    when: datetime
    who: str
    kind: str
    from_state: str
    to_state: str
    note: str


def timeline_for(
    db: Session, ctx: MatchContext, decided: Disclosure | None = None
) -> list[TimelineEntry]:
    d = decided or disclosure(db, ctx)
    anonymous = not d.identity
    hide_end_note = _health_ending_hidden(ctx, d)
    names: dict[int, str] = {}
    entries = []
    for event in lifecycle.timeline(db, ctx.match):
        # A consultant's dismissal reason is for the jobcentre only; a health-related end
        # note only for those who may read health reasons.
        note = event.note
        if (event.kind == "dismissed" and ctx.party != Party.CONSULTANT) or (
            event.kind == "ended" and hide_end_note
        ):
            note = ""
        entries.append(
            TimelineEntry(
                when=event.created_at,
                who=_label_for(db, ctx, event.actor_id, names, anonymous),
                kind=event.kind,
                from_state=event.from_state,
                to_state=event.to_state,
                note=note,
            )
        )
    return entries


@dataclass
class ChatMessage:
    id: int
    when: datetime
    sender: str
    mine: bool
    body: str


def conversation_for(db: Session, reader: User, ctx: MatchContext) -> list[ChatMessage]:
    anonymous = not identity_visible(db, ctx)
    names: dict[int, str] = {}
    return [
        ChatMessage(
            id=message.id,
            when=message.created_at,
            sender=_label_for(db, ctx, message.sender_id, names, anonymous),
            mine=message.sender_id == reader.id,
            body=message.body,
        )
        for message, _sender in messaging.conversation(db, reader, ctx)
    ]


def actions_for(ctx: MatchContext) -> list[str]:
    return allowed_actions(ctx.party, ctx.match, ctx.job.status == PostingStatus.PUBLISHED)
