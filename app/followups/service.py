"""Follow-ups: recording one on a placement (trial or hire), the hours over time, what is due
on a consultant's caseload, and the neutral reminder e-mail (to whoever follows the placement
now, so it moves with a caseload that is handed over)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from app.accounts import policy as roles
from app.errors import Forbidden
from app.followups.schemas import DEFAULT_GAP_DAYS, FollowUpIn
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.matches.lifecycle import MatchContext
from app.matches.policy import Party
from app.models import (
    Company,
    FlexjobberProfile,
    FollowUp,
    JobPosting,
    Match,
    MatchEvent,
    MatchState,
    Role,
    User,
)
from app.settings import Settings

PLACED = (MatchState.TRIAL, MatchState.HIRED)


def is_placed(match: Match) -> bool:
    return match.state in PLACED


def record(db: Session, consultant: User, ctx: MatchContext, data: FollowUpIn) -> FollowUp:
    """Only the jobcentre's consultant follows up, and only a trial period or a hire."""
    if ctx.party != Party.CONSULTANT:
        raise Forbidden(N_("Kun jobcentrets konsulenter følger op på et forløb."))
    if not is_placed(ctx.match):
        raise Forbidden(N_("Der følges op på praktikker og ansættelser."))
    assert data.next_due is not None  # set by the model
    follow_up = FollowUp(
        match_id=ctx.match.id,
        consultant_id=consultant.id,
        held_on=data.held_on,
        hours=data.hours,
        note=data.note.strip(),
        next_step=data.next_step.strip(),
        next_due=data.next_due,
    )
    db.add(follow_up)
    # On the timeline (dates and hours, no note: the note is the jobcentre's work note); the
    # dashboard's progression reads the hours from here.
    db.add(
        MatchEvent(
            match_id=ctx.match.id,
            actor_id=consultant.id,
            kind="follow_up",
            from_state=ctx.match.state.value,
            to_state=ctx.match.state.value,
            hours=data.hours,
        )
    )
    db.flush()
    return follow_up


def for_match(db: Session, match: Match) -> list[FollowUp]:
    return list(
        db.scalars(select(FollowUp).where(FollowUp.match_id == match.id).order_by(FollowUp.held_on))
    )


def start_of(match: Match) -> tuple[date | None, int | None]:
    if match.hired_start:
        return match.hired_start, match.hired_hours
    return match.trial_start, match.trial_hours


def hours_over_time(match: Match, follow_ups: list[FollowUp]) -> list[tuple[date, int]]:
    """The hours per week at the start of the placement and at each follow-up."""
    points: list[tuple[date, int]] = []
    if match.trial_start and match.trial_hours:
        points.append((match.trial_start, match.trial_hours))
    if match.hired_start and match.hired_hours:
        points.append((match.hired_start, match.hired_hours))
    points += [(f.held_on, f.hours) for f in follow_ups]
    return sorted(points)


def first_due(match: Match) -> date | None:
    """Before any follow-up: a month after the placement began."""
    start, _ = start_of(match)
    return start + timedelta(days=DEFAULT_GAP_DAYS) if start else None


def next_due(match: Match, follow_ups: list[FollowUp]) -> date | None:
    if not is_placed(match):
        return None
    return follow_ups[-1].next_due if follow_ups else first_due(match)


@dataclass(frozen=True)
class Due:
    match_id: int
    job_title: str
    person: str
    due: date


def due_for(db: Session, consultant: User, today: date | None = None, limit: int = 50) -> list[Due]:
    """Placements of the consultant's people and companies whose next follow-up is due."""
    today = today or utcnow().date()
    last = (
        select(FollowUp.match_id, func.max(FollowUp.next_due).label("due"))
        .group_by(FollowUp.match_id)
        .subquery()
    )
    rows = db.execute(
        select(Match, JobPosting.title, User.display_name, last.c.due)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .join(Company, Company.id == JobPosting.company_id)
        .join(FlexjobberProfile, FlexjobberProfile.id == Match.profile_id)
        .join(User, User.id == FlexjobberProfile.user_id)
        .outerjoin(last, last.c.match_id == Match.id)
        .where(
            Match.state.in_(PLACED),
            or_(
                FlexjobberProfile.consultant_id == consultant.id,
                Company.consultant_id == consultant.id,
            ),
        )
        .limit(1000)
    )
    found = []
    for match, title, name, due in rows:
        due = due or first_due(match) or today
        if due <= today:
            found.append(Due(match.id, title, name, due))
    return sorted(found, key=lambda d: d.due)[:limit]


@dataclass(frozen=True)
class Placement:
    """A person's current trial period or hire as the caseload row shows it."""

    match_id: int
    state: str
    job_title: str
    hours: list[int]  # at the start and at each follow-up, oldest first
    next_due: date | None


def placements_of(db: Session, user_ids: Collection[int]) -> dict[int, Placement]:
    """The newest placement of each of these people (by user id) with its hours over time: two
    queries for a whole caseload page, whatever its length."""
    if not user_ids:
        return {}
    newest: dict[int, tuple[Match, str]] = {}
    for match, title, user_id in db.execute(
        select(Match, JobPosting.title, FlexjobberProfile.user_id)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .join(FlexjobberProfile, FlexjobberProfile.id == Match.profile_id)
        .where(FlexjobberProfile.user_id.in_(list(user_ids)), Match.state.in_(PLACED))
        .order_by(Match.updated_at, Match.id)
    ):
        newest[user_id] = (match, title)  # ordered: the last one wins
    held: dict[int, list[FollowUp]] = {}
    for follow_up in db.scalars(
        select(FollowUp)
        .where(FollowUp.match_id.in_([m.id for m, _ in newest.values()]))
        .order_by(FollowUp.held_on, FollowUp.id)
    ):
        held.setdefault(follow_up.match_id, []).append(follow_up)
    found = {}
    for user_id, (match, title) in newest.items():
        done = held.get(match.id, [])
        found[user_id] = Placement(
            match_id=match.id,
            state=match.state.value,
            job_title=title,
            hours=[hours for _, hours in hours_over_time(match, done)],
            next_due=next_due(match, done),
        )
    return found


def _may_be_reminded(user: User | None) -> bool:
    return user is not None and user.active and roles.is_consultant(user)


def send_reminders(db: Session, settings: Settings, mailer: Mailer) -> int:
    """One neutral e-mail per consultant with follow-ups due (once per due date). It goes to
    whoever follows the placement now — the person's consultant, or the company's if the
    person's is not an active consultant — never to whoever happened to record the follow-up,
    so a caseload handed over takes its reminders along. With nobody to tell (the consultant
    was deactivated and the hand-over waits) the follow-up stays unmarked and is sent once
    someone takes over."""
    today = utcnow().date()
    latest = (
        select(FollowUp.match_id, func.max(FollowUp.held_on).label("held_on"))
        .group_by(FollowUp.match_id)
        .subquery()
    )
    of_person, of_company = aliased(User), aliased(User)
    due = db.execute(
        select(FollowUp, Match, latest.c.held_on, of_person, of_company)
        .join(Match, Match.id == FollowUp.match_id)
        .join(latest, latest.c.match_id == FollowUp.match_id)
        .join(FlexjobberProfile, FlexjobberProfile.id == Match.profile_id)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .join(Company, Company.id == JobPosting.company_id)
        .outerjoin(of_person, of_person.id == FlexjobberProfile.consultant_id)
        .outerjoin(of_company, of_company.id == Company.consultant_id)
        .where(FollowUp.next_due <= today, FollowUp.reminded_at.is_(None))
        .order_by(FollowUp.id)
    ).all()
    told: set[int] = set()
    for follow_up, match, newest, person_consultant, company_consultant in due:
        if newest != follow_up.held_on or not is_placed(match):
            follow_up.reminded_at = utcnow()  # a newer follow-up was held, or it has ended
            continue
        consultant = next(
            (c for c in (person_consultant, company_consultant) if _may_be_reminded(c)), None
        )
        if consultant is None:
            continue  # waits for the caseload's hand-over
        follow_up.reminded_at = utcnow()
        if consultant.id in told:
            continue
        told.add(consultant.id)
        mailer.send(
            consultant.email,
            "Nyt fra Fleksbro",
            "Hej\n\nDer er et forløb, som skal følges op. Se det på Fleksbro:\n\n"
            f"{settings.base_url}/hjem\n\nVenlig hilsen\nFleksbro – drevet af jobcentrene\n",
        )
    db.flush()
    return len(told)


def pass_on_reminders(db: Session, profile_ids: list[int], company_ids: list[int]) -> None:
    """After people and companies were handed to another consultant: the reminders already
    sent for their placements' follow-ups went to the consultant before, so they are sent
    again, to whoever follows them now, on the next run. A company's placement counts only if
    its person has no active consultant (who was, and still is, the one reminded)."""
    if not profile_ids and not company_ids:
        return
    followed = exists().where(
        User.id == FlexjobberProfile.consultant_id,
        User.active.is_(True),
        roles.users_with(Role.CONSULTANT),
    )
    matches = (
        select(Match.id)
        .join(FlexjobberProfile, FlexjobberProfile.id == Match.profile_id)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .where(
            Match.state.in_(PLACED),
            or_(
                Match.profile_id.in_(profile_ids),
                JobPosting.company_id.in_(company_ids) & ~followed,
            ),
        )
    )
    db.execute(
        update(FollowUp)
        .where(FollowUp.match_id.in_(matches), FollowUp.reminded_at.is_not(None))
        .values(reminded_at=None)
        .execution_options(synchronize_session="fetch")
    )
