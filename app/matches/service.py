"""The match use cases shared by the HTML pages and the JSON API: one action on a match
(``perform``, the lifecycle decides whether it is allowed), and the way each party gets to a
match — the flexjobber from a job, the company from a posting's candidates, the consultant from
the board — plus whether a hired person's suggestions are paused.

What a party sees of a match is in app.matches.party_view, the lists of matches in
app.matches.match_rows. No FastAPI, never commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import Forbidden, NotFound, ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.matches import lifecycle, policy
from app.matches.lifecycle import MatchContext, Outbox
from app.matches.policy import Party, allowed_actions, candidates_party, company_knows
from app.models import (
    Company,
    FlexjobberProfile,
    JobPosting,
    JobseekerStatus,
    Match,
    MatchState,
    PostingStatus,
    User,
    Visibility,
)
from app.profiles import policy as profile_policy

ACTIONS = ("interest", "recommend", "dismiss", "meeting", "trial", "hire", "end", "save", "hide")
JOB_NOT_FOUND = N_("Jobopslaget findes ikke.")
PROFILE_NOT_FOUND = N_("Profilen findes ikke.")

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
