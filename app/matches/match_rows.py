"""The lists of matches each party sees: the flexjobber's matches and saved jobs, a posting's
matches the company knows of, and every match of a consultant's people and companies (with
unread message counts, and the pseudonym where the company may not know the name). No
FastAPI, never commits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.matches import messaging, policy
from app.models import (
    Company,
    FlexjobberProfile,
    JobPosting,
    Match,
    MatchState,
    User,
    Visibility,
)


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


def company_matches(db: Session, user: User, job_id: int) -> list[MatchRow]:
    """The posting's matches the company knows of (the rule in policy.readable_matches)."""
    query = policy.readable_matches(db, user).where(Match.job_id == job_id)
    return _rows(db, user, query, True)


def consultant_matches(db: Session, user: User) -> list[MatchRow]:
    """Every match (any state) of the consultant's people and companies."""
    roles.ensure_consultant(user)
    query = policy.readable_matches(db, user).where(
        or_(FlexjobberProfile.consultant_id == user.id, Company.consultant_id == user.id)
    )
    return _rows(db, user, query, False)
