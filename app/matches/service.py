"""The match use cases shared by the HTML pages and the JSON API.

Builds on lifecycle (transitions), consent, messaging and ranking; decides here what each party
sees of the person (``person_for``) and of the timeline and conversation (names of people the
reader may not know are replaced by the pseudonym). No FastAPI, never commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.audit import service as audit
from app.errors import Forbidden, NotFound, ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.matches import consent as consents
from app.matches import lifecycle, messaging, policy
from app.matches.lifecycle import MatchContext, Outbox
from app.matches.policy import Party, allowed_actions, candidates_party, company_knows
from app.models import (
    AccommodationNeeds,
    Company,
    Consent,
    FlexjobberProfile,
    JobPosting,
    JobseekerStatus,
    Match,
    MatchState,
    PostingStatus,
    User,
    Visibility,
)
from app.privacy import access_log
from app.profiles import policy as profile_policy
from app.profiles.disclosure import Disclosure, decide
from app.profiles.policy import Audience

ACTIONS = ("interest", "recommend", "dismiss", "meeting", "trial", "hire", "end", "save", "hide")
JOB_NOT_FOUND = N_("Jobopslaget findes ikke.")
PROFILE_NOT_FOUND = N_("Profilen findes ikke.")

# ---------------------------------------------------------------- what a party sees


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


# ---------------------------------------------------------------- actions


@dataclass
class ActionInput:
    action: str
    note: str = ""
    reason: str = ""
    on_behalf_reason: str = ""
    meeting_at: datetime | None = None
    place: str = ""
    online: bool = False
    participants: str = ""
    start: date | None = None
    end: date | None = None
    hours: int | None = None
    saved: bool = True
    errors: dict[str, str] = field(default_factory=dict)  # parsing errors from the form


def _required(data: ActionInput, **fields: object) -> None:
    missing = {name: N_("Udfyld feltet.") for name, value in fields.items() if value is None}
    errors = {**missing, **data.errors}
    if errors:
        raise ValidationFailed(fields=errors)


def perform(db: Session, out: Outbox, user: User, ctx: MatchContext, data: ActionInput) -> None:
    """One action on a match by this party; the lifecycle decides whether it is allowed."""
    action = data.action
    if ctx.party == Party.ADMIN:
        raise Forbidden()
    if data.errors and action not in ("meeting", "trial", "hire"):  # those say what is missing
        raise ValidationFailed(fields=data.errors)
    if action == "interest":
        side = Party.FLEXJOBBER if ctx.party == Party.CONSULTANT else ctx.party
        lifecycle.express_interest(
            db, out, user, ctx, side=side, on_behalf_reason=data.on_behalf_reason
        )
    elif action == "recommend":
        lifecycle.recommend(db, out, user, ctx, data.note)
    elif action == "dismiss":
        lifecycle.dismiss(db, user, ctx, data.reason, data.note)
    elif action == "meeting":
        _required(data, meeting_at=data.meeting_at)
        assert data.meeting_at is not None
        lifecycle.book_meeting(
            db,
            out,
            user,
            ctx,
            at=data.meeting_at,
            place=data.place,
            online=data.online,
            participants=data.participants,
        )
    elif action == "trial":
        _required(data, trial_start=data.start, trial_end=data.end, trial_hours=data.hours)
        assert data.start and data.end and data.hours is not None
        lifecycle.start_trial(db, out, user, ctx, start=data.start, end=data.end, hours=data.hours)
    elif action == "hire":
        _required(data, hired_start=data.start, hired_hours=data.hours)
        assert data.start and data.hours is not None
        lifecycle.hire(db, out, user, ctx, hours=data.hours, start=data.start)
    elif action == "end":
        lifecycle.end(db, out, user, ctx, reason=data.reason, note=data.note)
    elif action == "save":
        lifecycle.mark_saved(ctx, data.saved)
    elif action == "hide":
        lifecycle.mark_hidden(ctx, data.reason)
    else:
        raise ValidationFailed(fields={"action": N_("Ukendt handling.")})


# ---------------------------------------------------------------- the flexjobber's side


own_profile = policy.own_profile  # the match services' one way to their person's profile


def paused_profile_ids(db: Session, profile_ids: list[int]) -> set[int]:
    """Who of these gets no job suggestions: a person who is hired (a match in state hired),
    unless they chose "Jeg vil gerne se andre job". The situation "Jeg er i fleksjob og vil
    gerne skifte" says just that, so it keeps the suggestions coming too. One query."""
    if not profile_ids:
        return set()
    query = (
        select(FlexjobberProfile.id)
        .join(Match, Match.profile_id == FlexjobberProfile.id)
        .where(
            FlexjobberProfile.id.in_(profile_ids),
            Match.state == MatchState.HIRED,
            FlexjobberProfile.keeps_looking.is_(False),
            or_(
                FlexjobberProfile.status.is_(None),
                FlexjobberProfile.status != JobseekerStatus.IN_FLEXJOB_WANTS_OTHER,
            ),
        )
        .distinct()
    )
    return set(db.scalars(query))


def suggestions_paused(db: Session, profile: FlexjobberProfile) -> bool:
    return profile.id in paused_profile_ids(db, [profile.id])


def job_matches_of(db: Session, user: User, job_ids: list[int]) -> dict[int, Match]:
    """The signed-in flexjobber's matches with these jobs (for the buttons on a job's page and
    in the job search); empty for everybody else."""
    if not roles.is_flexjobber(user) or not job_ids:
        return {}
    query = (
        select(Match)
        .join(FlexjobberProfile, FlexjobberProfile.id == Match.profile_id)
        .where(FlexjobberProfile.user_id == user.id, Match.job_id.in_(job_ids))
    )
    return {m.job_id: m for m in db.scalars(query)}


def job_actions_for(match: Match | None) -> list[str]:
    """What the flexjobber may do with a job they have (or have not yet) a match with."""
    if match is None:
        return ["interest", "save", "hide"]
    return allowed_actions(Party.FLEXJOBBER, match)


def mark_matches_seen(db: Session, profile: FlexjobberProfile) -> None:
    """Remember the visit without touching updated_at (that would re-index the profile)."""
    now = utcnow()
    db.execute(
        update(FlexjobberProfile)
        .where(FlexjobberProfile.id == profile.id)
        .values(matches_seen_at=now, updated_at=FlexjobberProfile.updated_at)
        .execution_options(synchronize_session=False)
    )
    db.expire(profile, ["matches_seen_at", "updated_at"])


def _job_for_flexjobber(
    db: Session, profile: FlexjobberProfile, job_id: int
) -> tuple[JobPosting, Company]:
    job = db.get(JobPosting, job_id)
    company = db.get(Company, job.company_id) if job else None
    if (
        job is None
        or company is None
        or job.status != PostingStatus.PUBLISHED
        or company.jobcentre_id != profile.jobcentre_id
    ):
        raise NotFound(JOB_NOT_FOUND)
    return job, company


def act_on_job(db: Session, out: Outbox, user: User, job_id: int, data: ActionInput) -> Match:
    """The flexjobber's save / hide / "Jeg er interesseret" on a job in "Mine match"."""
    if data.action not in ("save", "hide", "interest"):
        raise ValidationFailed(fields={"action": N_("Ukendt handling.")})
    profile = own_profile(db, user)
    job, _company = _job_for_flexjobber(db, profile, job_id)
    match = lifecycle.get_or_create(db, profile, job)
    perform(db, out, user, MatchContext(match, profile, job, Party.FLEXJOBBER), data)
    return match


@dataclass
class MatchRow:
    match: Match
    job: JobPosting
    company: Company
    person: str
    unread: int = 0
    deleted: bool = False  # the person deleted their profile


_RowQuery = policy.MatchRowSelect


def _rows(
    db: Session, reader: User, query: _RowQuery, anonymous_for_company: bool
) -> list[MatchRow]:
    rows = []
    for match, job, company, profile, person in db.execute(query):
        name = person.display_name
        if anonymous_for_company and profile.visibility != Visibility.NAMED:
            name = profile.pseudonym
        rows.append(MatchRow(match, job, company, name, deleted=profile.deleted_at is not None))
    unread = messaging.unread_by_match(db, reader, [r.match.id for r in rows])
    for row in rows:
        row.unread = unread.get(row.match.id, 0)
    return rows


def my_matches(db: Session, user: User, profile: FlexjobberProfile) -> list[MatchRow]:
    """The flexjobber's matches somebody has acted on (not plain saved/hidden suggestions)."""
    query = policy.readable_matches(db, user).where(
        Match.profile_id == profile.id,
        or_(Match.state != MatchState.SUGGESTED, Match.company_interest_at.is_not(None)),
    )
    return _rows(db, user, query, False)


def saved_jobs(db: Session, profile: FlexjobberProfile) -> list[tuple[Match, JobPosting, Company]]:
    return [
        (m, j, c)
        for m, j, c in db.execute(
            select(Match, JobPosting, Company)
            .join(JobPosting, JobPosting.id == Match.job_id)
            .join(Company, Company.id == JobPosting.company_id)
            .where(
                Match.profile_id == profile.id,
                Match.saved_at.is_not(None),
                Match.hidden_at.is_(None),
            )
            .order_by(Match.saved_at.desc())
        )
    ]


# ---------------------------------------------------------------- the company's side


def posting_for_candidates(db: Session, user: User, job_id: int) -> tuple[JobPosting, Party]:
    job = db.get(JobPosting, job_id)
    company = db.get(Company, job.company_id) if job else None
    if job is None or company is None:
        raise NotFound(JOB_NOT_FOUND)
    return job, candidates_party(db, user, job, company.jobcentre_id)


def _findable_for(db: Session, job: JobPosting, public_id: int, who: Party) -> FlexjobberProfile:
    profile = profile_policy.by_public_id(db, public_id)
    company = db.get(Company, job.company_id)
    assert company is not None
    if profile.jobcentre_id != company.jobcentre_id:
        raise NotFound(PROFILE_NOT_FOUND)
    if who == Party.COMPANY and profile.visibility == Visibility.HIDDEN:
        raise NotFound(PROFILE_NOT_FOUND)
    return profile


def company_interest(db: Session, out: Outbox, user: User, job_id: int, public_id: int) -> Match:
    """ "Vi vil gerne tale med dig" from a posting's candidate list (the profile by its public
    id)."""
    job, who = posting_for_candidates(db, user, job_id)
    if who != Party.COMPANY:
        raise Forbidden()
    if job.status != PostingStatus.PUBLISHED:
        raise NotFound(JOB_NOT_FOUND)
    profile = _findable_for(db, job, public_id, who)
    match = lifecycle.get_or_create(db, profile, job)
    lifecycle.express_interest(
        db, out, user, MatchContext(match, profile, job, Party.COMPANY), side=Party.COMPANY
    )
    return match


def company_may_open(match: Match | None) -> bool:
    return match is not None and company_knows(match)


def company_matches(db: Session, user: User, job_id: int) -> list[MatchRow]:
    """The posting's matches the company knows of (the rule in policy.readable_matches)."""
    query = policy.readable_matches(db, user).where(Match.job_id == job_id)
    return _rows(db, user, query, True)


# ---------------------------------------------------------------- the consultant's side


def board_context(db: Session, user: User, public_id: int, job_id: int) -> MatchContext:
    """A consultant's pair from the board: the person (by public id) in their jobcentre, the
    job published in it. The match row is created only after the checks."""
    roles.ensure_consultant(user)
    profile = profile_policy.by_public_id(db, public_id)
    if profile.jobcentre_id != user.jobcentre_id:
        raise NotFound(PROFILE_NOT_FOUND)
    job, _company = _job_for_flexjobber(db, profile, job_id)
    match = lifecycle.get_or_create(db, profile, job)
    return MatchContext(match, profile, job, Party.CONSULTANT)


def consultant_matches(db: Session, user: User) -> list[MatchRow]:
    """Every match (any state) of the consultant's people and companies."""
    roles.ensure_consultant(user)
    query = policy.readable_matches(db, user).where(
        or_(FlexjobberProfile.consultant_id == user.id, Company.consultant_id == user.id)
    )
    return _rows(db, user, query, False)
