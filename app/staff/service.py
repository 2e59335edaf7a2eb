"""Staff administration: jobcentres, consultant and leader accounts, and teams.

Callers have looked the resource up through ``app.staff.policy`` (which decides who may touch
it); these functions apply the change, audit it (field names and ids, never the values people
typed) and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.accounts import service as accounts
from app.audit.service import record
from app.auth import links
from app.auth.service import revoke_all_api_tokens
from app.auth.sessions import end_all_sessions
from app.errors import Conflict, ValidationFailed
from app.followups import service as followups
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.models import (
    Company,
    FlexjobberProfile,
    Jobcentre,
    LinkPurpose,
    MonthlyTarget,
    Team,
    User,
)
from app.settings import Settings
from app.staff import policy
from app.staff.schemas import (
    Deactivation,
    JobcentreIn,
    JobcentreRename,
    RoleChange,
    StaffInvite,
    TeamDelete,
    TeamIn,
    TeamMove,
)

Status = Literal["active", "invited", "deactivated"]
TEAM_EXISTS = N_("Jobcentret har allerede et team med det navn.")
TEAM_NOT_EMPTY = N_("Teamet har medlemmer. Flyt dem først, eller vælg at de står uden team.")
NO_SUCH_TEAM = N_("Vælg et af jobcentrets teams.")
SUCCESSOR_NEEDED = N_("Vælg den konsulent, der overtager personens borgere og virksomheder.")
WHO_OR_LATER = N_(
    "Vælg den konsulent, der overtager personens borgere og virksomheder, "
    "eller vælg at deaktivere nu og overdrage senere."
)
NOT_THEMSELVES = N_("Personen kan ikke selv overtage sine borgere og virksomheder.")
NO_SUCH_SUCCESSOR = N_("Vælg en aktiv konsulent fra samme jobcenter.")


# --- jobcentres ---------------------------------------------------------------------------


def list_jobcentres(db: Session) -> list[tuple[Jobcentre, int]]:
    staff = (
        select(User.jobcentre_id, func.count().label("n"))
        .where(policy.staff_accounts())
        .group_by(User.jobcentre_id)
        .subquery()
    )
    rows = db.execute(
        select(Jobcentre, func.coalesce(staff.c.n, 0))
        .outerjoin(staff, staff.c.jobcentre_id == Jobcentre.id)
        .order_by(Jobcentre.name, Jobcentre.id)
    )
    return [(centre, int(count)) for centre, count in rows]


def create_jobcentre(db: Session, actor: User, data: JobcentreIn) -> Jobcentre:
    centre = accounts.create_jobcentre(db, name=data.name, kommune_code=data.kommune_code)
    record(db, actor, "jobcentre.created", "jobcentre", centre.id, details={"fields": ["name"]})
    return centre


def rename_jobcentre(db: Session, actor: User, centre: Jobcentre, data: JobcentreRename) -> None:
    if centre.name == data.name:
        return
    centre.name = data.name
    record(db, actor, "jobcentre.renamed", "jobcentre", centre.id, details={"fields": ["name"]})


# --- teams --------------------------------------------------------------------------------


def teams_of(db: Session, jobcentre_id: int) -> list[tuple[Team, int]]:
    members = (
        select(User.team_id, func.count().label("n"))
        .where(User.team_id.is_not(None))
        .group_by(User.team_id)
        .subquery()
    )
    rows = db.execute(
        select(Team, func.coalesce(members.c.n, 0))
        .outerjoin(members, members.c.team_id == Team.id)
        .where(Team.jobcentre_id == jobcentre_id)
        .order_by(Team.name, Team.id)
    )
    return [(team, int(count)) for team, count in rows]


def _ensure_free_name(db: Session, jobcentre_id: int, name: str, but: int | None = None) -> None:
    query = select(Team.id).where(Team.jobcentre_id == jobcentre_id, Team.name == name)
    if but is not None:
        query = query.where(Team.id != but)
    if db.scalar(query) is not None:
        raise Conflict(TEAM_EXISTS, fields={"name": TEAM_EXISTS})


def create_team(db: Session, actor: User, centre: Jobcentre, data: TeamIn) -> Team:
    _ensure_free_name(db, centre.id, data.name)
    team = Team(jobcentre_id=centre.id, name=data.name)
    db.add(team)
    db.flush()
    details = {"fields": ["name"], "jobcentre_id": centre.id}
    record(db, actor, "team.created", "team", team.id, details=details)
    return team


def rename_team(db: Session, actor: User, team: Team, data: TeamIn) -> None:
    if team.name == data.name:
        return
    _ensure_free_name(db, team.jobcentre_id, data.name, but=team.id)
    team.name = data.name
    record(db, actor, "team.renamed", "team", team.id, details={"fields": ["name"]})


def delete_team(db: Session, actor: User, team: Team, data: TeamDelete) -> list[int]:
    """Deletes an empty team, or with ``move_members`` one whose members then have no team.
    The team's monthly targets go with it. Returns the ids of the members moved."""
    members = list(db.scalars(select(User.id).where(User.team_id == team.id).order_by(User.id)))
    if members and not data.move_members:
        raise Conflict(TEAM_NOT_EMPTY, fields={"move_members": TEAM_NOT_EMPTY})
    if members:
        db.execute(
            update(User)
            .where(User.team_id == team.id)
            .values(team_id=None)
            .execution_options(synchronize_session="fetch")
        )
    # Explicit rather than left to ON DELETE CASCADE, so it holds whatever the database.
    db.execute(delete(MonthlyTarget).where(MonthlyTarget.team_id == team.id))
    details = {"jobcentre_id": team.jobcentre_id, "moved_member_ids": members}
    record(db, actor, "team.deleted", "team", team.id, details=details)
    db.delete(team)
    db.flush()
    return members


# --- staff accounts -----------------------------------------------------------------------


def staff_of(db: Session, jobcentre_id: int) -> list[User]:
    return list(
        db.scalars(
            select(User)
            .where(User.jobcentre_id == jobcentre_id, policy.staff_accounts())
            .order_by(func.lower(User.display_name), User.id)
        )
    )


def status_of(user: User) -> Status:
    if user.deactivated_at is not None:
        return "deactivated"
    return "active" if user.active else "invited"


def _team_in(db: Session, jobcentre_id: int, team_id: int | None) -> int | None:
    if team_id is None:
        return None
    team = db.get(Team, team_id)
    if team is None or team.jobcentre_id != jobcentre_id:
        raise ValidationFailed(fields={"team_id": NO_SUCH_TEAM})
    return team.id


def invite_staff(
    db: Session,
    settings: Settings,
    mailer: Mailer,
    actor: User,
    centre: Jobcentre,
    data: StaffInvite,
) -> User:
    """Creates the consultant or leader account (inactive until the invitation is accepted)
    and sends the usual invitation e-mail. Only admins invite staff, so an address that is
    taken is said plainly (409) — nobody who could use that to probe gets this far."""
    role = policy.staff_role_from(data.role)
    assert role is not None  # the schema allows only the staff roles
    team_id = _team_in(db, centre.id, data.team_id)
    user = accounts.create_user(
        db,
        email=data.email,
        display_name=data.display_name,
        role=role,
        jobcentre_id=centre.id,
        active=False,
    )
    user.team_id = team_id
    accounts.send_invitation(db, settings, mailer, actor, user)
    details = {"fields": ["email", "display_name", "role", "team_id"], "jobcentre_id": centre.id}
    record(db, actor, "staff.invited", "user", user.id, details=details)
    return user


def deactivate(
    db: Session, actor: User, account: User, data: Deactivation | None = None
) -> User | None:
    """At once: no sign-in by password, e-mail link or invitation, every session ended and
    every API token revoked. The caseload goes to ``data.successor_id``, or with
    ``data.hand_over_later`` stays on the account until an admin hands it over (deactivating
    is never held up for want of a successor); one of the two is required if there is a
    caseload (still, while it waits on an account deactivated already). Deactivating again
    changes nothing, except that a successor given then takes over whatever the account still
    follows. Returns the consultant who took over."""
    policy.ensure_not_self(actor, account)
    data = data or Deactivation()
    was_active = account.deactivated_at is None
    # Without a successor the caseload may wait only if the admin said so; the hand-over form
    # of an account deactivated already offers no "later".
    missing: str | None = WHO_OR_LATER if was_active else SUCCESSOR_NEEDED
    if data.hand_over_later:
        missing = None
    successor = _successor(db, account, data.successor_id, missing)  # refused: nothing changed
    if successor is not None:
        _hand_over(db, actor, account, successor)
    if not was_active:
        return successor
    account.active = False
    account.deactivated_at = utcnow()
    end_all_sessions(db, account.id)
    revoke_all_api_tokens(db, account.id)
    links.void_links(db, account.id, tuple(LinkPurpose))
    record(db, actor, "staff.deactivated", "user", account.id, details={"fields": ["active"]})
    waiting = _caseload_ids(db, account) if successor is None else {}
    if any(waiting.values()):
        record(db, actor, "staff.hand_over_postponed", "user", account.id, details=waiting)
    return successor


def reactivate(db: Session, settings: Settings, mailer: Mailer, actor: User, account: User) -> None:
    """Lets the person sign in again. Someone who never chose a password gets a new
    invitation (the old one was voided), and the account is active once they accept it."""
    policy.ensure_staff_account(account)
    if account.deactivated_at is None:
        return
    account.deactivated_at = None
    invited = account.password_hash is None
    if invited:
        accounts.send_invitation(db, settings, mailer, actor, account)
    else:
        account.active = True
    details = {"fields": ["active"], "invitation_sent": invited}
    record(db, actor, "staff.reactivated", "user", account.id, details=details)


def change_role(db: Session, actor: User, account: User, data: RoleChange) -> User | None:
    """Consultant to leader or back; a consultant who becomes a leader hands their caseload
    to ``data.successor_id`` (required if they have one). Returns who took it over."""
    role = policy.role_change(account, data.role)
    if role is None:
        return None
    successor = (
        None
        if policy.keeps_caseload(role)
        else _successor(db, account, data.successor_id, SUCCESSOR_NEEDED)
    )
    account.role = role
    if successor is not None:
        _hand_over(db, actor, account, successor)
    record(db, actor, "staff.role_changed", "user", account.id, details={"fields": ["role"]})
    return successor


def move_to_team(db: Session, actor: User, member: User, data: TeamMove) -> None:
    assert member.jobcentre_id is not None  # policy.member_for found a staff account
    team_id = _team_in(db, member.jobcentre_id, data.team_id)
    if member.team_id == team_id:
        return
    details = {"fields": ["team_id"], "from_team_id": member.team_id, "to_team_id": team_id}
    member.team_id = team_id
    record(db, actor, "staff.team_changed", "user", member.id, details=details)


# --- caseload hand-over -------------------------------------------------------------------


@dataclass(frozen=True)
class Caseload:
    """How many people (profiles) and companies name the account as their consultant."""

    profiles: int
    companies: int

    @property
    def empty(self) -> bool:
        return self.profiles == 0 and self.companies == 0


def caseloads_of(db: Session, accounts: list[User]) -> dict[int, Caseload]:
    """Each account's caseload, counted in two grouped queries whatever the number."""
    ids = [a.id for a in accounts]
    if not ids:
        return {}

    def counted(column: Any) -> dict[int, int]:
        rows = db.execute(select(column, func.count()).where(column.in_(ids)).group_by(column))
        return {int(key): int(n) for key, n in rows}

    profiles = counted(FlexjobberProfile.consultant_id)
    companies = counted(Company.consultant_id)
    return {i: Caseload(profiles=profiles.get(i, 0), companies=companies.get(i, 0)) for i in ids}


def caseload_of(db: Session, account: User) -> Caseload:
    return caseloads_of(db, [account])[account.id]


def successors_of(db: Session, account: User) -> list[User]:
    """The consultants who may take over the account's caseload, by name."""
    return list(
        db.scalars(
            select(User)
            .where(policy.successors(account))
            .order_by(func.lower(User.display_name), User.id)
        )
    )


def _successor(
    db: Session, account: User, successor_id: int | None, missing: str | None
) -> User | None:
    """The consultant who takes over, or None if the account follows nobody (a successor
    given then is not used) or none is given and ``missing`` is None (the caseload may wait);
    else ``missing`` is the refusal. Checked before anything changes, so a refusal changes
    nothing."""
    if caseload_of(db, account).empty:
        return None
    if successor_id is None:
        if missing is None:
            return None
        raise ValidationFailed(fields={"successor_id": missing})
    if successor_id == account.id:
        raise ValidationFailed(fields={"successor_id": NOT_THEMSELVES})
    successor = db.scalar(select(User).where(User.id == successor_id, policy.successors(account)))
    if successor is None:
        raise ValidationFailed(fields={"successor_id": NO_SUCH_SUCCESSOR})
    return successor


def _caseload_ids(db: Session, account: User) -> dict[str, list[int]]:
    """The ids of the profiles and companies that name the account as consultant."""
    return {
        name: list(db.scalars(select(model.id).where(model.consultant_id == account.id)
                              .order_by(model.id)))
        for name, model in (("profile_ids", FlexjobberProfile), ("company_ids", Company))
    }  # fmt: skip


def _hand_over(db: Session, actor: User, account: User, successor: User) -> None:
    """Every profile and company that names the account as consultant names the successor,
    and the follow-up reminders already sent for them are sent again, to the successor."""
    moved = _caseload_ids(db, account)
    for model in (FlexjobberProfile, Company):
        db.execute(
            update(model)
            .where(model.consultant_id == account.id)
            .values(consultant_id=successor.id)
            .execution_options(synchronize_session="fetch")
        )
    followups.pass_on_reminders(db, moved["profile_ids"], moved["company_ids"])
    details = {"to_user_id": successor.id, **moved}
    record(db, actor, "staff.caseload_handed_over", "user", account.id, details=details)
