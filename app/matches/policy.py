"""Who takes part in a match, and what each party may do — decided here and nowhere else."""

from __future__ import annotations

import enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import (
    CompanyMember,
    FlexjobberProfile,
    JobPosting,
    Match,
    MatchState,
    Role,
    User,
)

NOT_FOUND = N_("Matchet findes ikke.")

# States in which the flexjobber and the company may write to each other.
CONVERSATION_OPEN = frozenset(
    {
        MatchState.RECOMMENDED,
        MatchState.MUTUAL,
        MatchState.MEETING,
        MatchState.TRIAL,
        MatchState.HIRED,
    }
)
ACTIVE = frozenset(
    {
        MatchState.SUGGESTED,
        MatchState.RECOMMENDED,
        MatchState.INTEREST,
        MatchState.MUTUAL,
        MatchState.MEETING,
        MatchState.TRIAL,
    }
)


class Party(enum.Enum):
    FLEXJOBBER = "flexjobber"
    COMPANY = "company"
    CONSULTANT = "consultant"
    ADMIN = "admin"  # read-only


def is_company_member(db: Session, user: User, company_id: int) -> bool:
    return (
        db.scalar(
            select(CompanyMember.user_id).where(
                CompanyMember.company_id == company_id, CompanyMember.user_id == user.id
            )
        )
        is not None
    )


def party(
    db: Session, user: User, match: Match, profile: FlexjobberProfile, job: JobPosting
) -> Party:
    if user.role == Role.FLEXJOBBER and profile.user_id == user.id:
        return Party.FLEXJOBBER
    if user.role == Role.COMPANY and is_company_member(db, user, job.company_id):
        # A company knows of a match only once someone has acted towards it.
        if match.state in (MatchState.SUGGESTED, MatchState.DISMISSED) and not (
            match.company_interest_at
        ):
            raise NotFound(NOT_FOUND)
        return Party.COMPANY
    if user.role == Role.CONSULTANT and user.jobcentre_id == profile.jobcentre_id:
        return Party.CONSULTANT
    if user.role == Role.ADMIN:
        return Party.ADMIN
    raise NotFound(NOT_FOUND)


def ensure_can_act(who: Party) -> None:
    if who == Party.ADMIN:
        raise Forbidden()


def ensure_can_message(who: Party, match: Match) -> None:
    ensure_can_act(who)
    if who == Party.CONSULTANT:
        return
    if match.state not in CONVERSATION_OPEN:
        raise Forbidden(
            N_(
                "I kan skrive sammen, når begge har vist interesse, "
                "eller når jobcentret har anbefalet matchet."
            )
        )
