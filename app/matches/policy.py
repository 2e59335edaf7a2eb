"""Who takes part in a match, and what each party may do — decided here and nowhere else."""

from __future__ import annotations

import enum

from sqlalchemy import Select, and_, false, not_, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import (
    Company,
    CompanyMember,
    FlexjobberProfile,
    JobPosting,
    Match,
    MatchState,
    Role,
    User,
)
from app.profiles import policy as profile_policy

NOT_FOUND = N_("Matchet findes ikke.")
# The ending app.privacy.erasure sets (never chosen on the form): the person is gone.
DELETED_REASON = "profile_deleted"

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


def ensure_has_profile(profile: FlexjobberProfile | None) -> FlexjobberProfile:
    """A flexjobber's match pages need their profile (the guard looked it up)."""
    if profile is None:
        raise Forbidden(N_("Opret din profil først."))
    return profile


def own_profile(db: Session, user: User) -> FlexjobberProfile:
    """The signed-in flexjobber's profile for the match services; 403 for other roles and
    before the person has created one."""
    roles.ensure_flexjobber(user)
    return ensure_has_profile(profile_policy.own_profile(db, user))


MatchRowSelect = Select[Match, JobPosting, Company, FlexjobberProfile, User]


def readable_matches(db: Session, viewer: User) -> MatchRowSelect:
    """The one select match lists build on, the SQL twin of ``party``: the matches this viewer
    may open, each with its posting, company, profile and person, newest change first. The
    person: their own; a company user: their companies' once someone has acted towards the
    company; consultants: their jobcentre's people's; admins: all."""
    query = (
        select(Match, JobPosting, Company, FlexjobberProfile, User)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .join(Company, Company.id == JobPosting.company_id)
        .join(FlexjobberProfile, FlexjobberProfile.id == Match.profile_id)
        .join(User, User.id == FlexjobberProfile.user_id)
        .order_by(Match.updated_at.desc(), Match.id.desc())
    )
    if roles.is_flexjobber(viewer):
        return query.where(FlexjobberProfile.user_id == viewer.id)
    if roles.is_company_user(viewer):
        members = select(CompanyMember.company_id).where(CompanyMember.user_id == viewer.id)
        unknown = and_(
            Match.state.in_([MatchState.SUGGESTED, MatchState.DISMISSED]),
            Match.company_interest_at.is_(None),
        )
        return query.where(Company.id.in_(members), not_(unknown))
    if roles.is_consultant(viewer):
        return query.where(FlexjobberProfile.jobcentre_id == viewer.jobcentre_id)
    if roles.is_admin(viewer):
        return query
    return query.where(false())


def ensure_can_act(who: Party) -> None:
    if who == Party.ADMIN:
        raise Forbidden()


def ensure_can_message(who: Party, match: Match) -> None:
    ensure_can_act(who)
    if match.ended_reason == DELETED_REASON:
        # The person and the messages were erased: nothing more is said about them.
        raise Forbidden(N_("Personen har slettet sin profil"))
    # Every party reads the whole conversation: a consultant's note to the person in a
    # suggestion the company cannot open yet would reach the company once it can.
    if who == Party.CONSULTANT and company_knows(match):
        return
    if match.state not in CONVERSATION_OPEN:
        raise Forbidden(
            N_(
                "I kan skrive sammen, når begge har vist interesse, "
                "eller når jobcentret har anbefalet matchet."
            )
        )


# ---------------------------------------------------------------- added for the match pages

TERMINAL = frozenset({MatchState.ENDED, MatchState.DISMISSED, MatchState.EXPIRED})
EARLY = frozenset({MatchState.SUGGESTED, MatchState.RECOMMENDED, MatchState.INTEREST})


def company_knows(match: Match) -> bool:
    """Whether the posting's company may open the match (the rule in ``party``)."""
    return not (
        match.state in (MatchState.SUGGESTED, MatchState.DISMISSED)
        and not match.company_interest_at
    )


def candidates_party(db: Session, user: User, job: JobPosting, company_jobcentre_id: int) -> Party:
    """Who may see a posting's ranked candidates: the company's members, consultants of the
    company's jobcentre, admins (read-only). Everybody else: as if the posting did not exist."""
    if user.role == Role.COMPANY and is_company_member(db, user, job.company_id):
        return Party.COMPANY
    if user.role == Role.CONSULTANT and user.jobcentre_id == company_jobcentre_id:
        return Party.CONSULTANT
    if user.role == Role.ADMIN:
        return Party.ADMIN
    raise NotFound(N_("Jobopslaget findes ikke."))


def allowed_actions(who: Party, match: Match, job_published: bool = True) -> list[str]:
    """The actions this party may take on the match now (what the pages offer as buttons)."""
    state = match.state
    if who == Party.ADMIN:
        return []
    actions: list[str] = []
    if who == Party.FLEXJOBBER:
        if state in EARLY and not match.flexjobber_interest_at:
            actions.append("interest")
        if state in EARLY:
            actions += ["save", "hide"]
    elif who == Party.COMPANY:
        if state in EARLY and not match.company_interest_at:
            actions.append("interest")
    else:  # consultant
        if state in (MatchState.SUGGESTED, MatchState.DISMISSED, MatchState.INTEREST) and (
            job_published
        ):
            actions.append("recommend")
        if state == MatchState.SUGGESTED:
            actions.append("dismiss")
        if state in EARLY and not match.flexjobber_interest_at:
            actions.append("interest")  # on the flexjobber's behalf, with a reason
    if who in (Party.COMPANY, Party.CONSULTANT):
        if state in (MatchState.MUTUAL, MatchState.RECOMMENDED, MatchState.MEETING):
            actions.append("meeting")
        if state in (MatchState.MEETING, MatchState.MUTUAL):
            actions.append("trial")
        if state in (MatchState.MEETING, MatchState.TRIAL, MatchState.MUTUAL):
            actions.append("hire")
    if state not in TERMINAL and state != MatchState.SUGGESTED:
        actions.append("end")
    return actions


def may_message(who: Party, match: Match) -> bool:
    try:
        ensure_can_message(who, match)
    except Forbidden:
        return False
    return True
