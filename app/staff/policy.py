"""Who may manage jobcentres, staff accounts and teams — decided here and nowhere else.

- An admin: every jobcentre (create, rename), every consultant and leader account (invite,
  deactivate, reactivate, change role between consultant and leader, move between teams) and
  every team.
- A jobcentre's leader: the teams of their own jobcentre (create, rename, delete) and who is
  in which team — not accounts, not roles.
- Anyone else, or a resource outside these: 404 (its existence is not revealed).

The people and companies someone follows (their caseload) are handed to an active consultant
of the same jobcentre (``successors``) in the same transaction when the account is deactivated
or the consultant made a leader. Only deactivation may leave them waiting on the account, if
the admin says so explicitly: closing a compromised or departed consultant's account is never
held up for want of a successor (a jobcentre may have no other active consultant yet). A role
change is no emergency, and a leader has no caseload pages, so it always needs a successor.

Flexjobbers, company users and admins are never managed here: a staff account is a consultant
or a leader, and a role change only moves between those two.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import Conflict, NotFound
from app.kit.i18n import N_
from app.models import Jobcentre, Role, Team, User

STAFF_ROLES = (Role.CONSULTANT, Role.LEADER)
NOT_FOUND = N_("Siden eller det du leder efter findes ikke.")
NOT_YOURSELF = N_("Du kan ikke deaktivere din egen konto.")


def is_leader(user: User) -> bool:
    return user.role == Role.LEADER and user.jobcentre_id is not None


def is_staff_account(user: User) -> bool:
    """A consultant or leader account (what this domain manages), not a tombstone."""
    return user.role in STAFF_ROLES and user.deleted_at is None


def staff_accounts() -> ColumnElement[bool]:
    """SQL twin of ``is_staff_account``."""
    return User.role.in_(STAFF_ROLES) & User.deleted_at.is_(None)


def staff_role_from(value: str) -> Role | None:
    return roles.role_from(value, STAFF_ROLES)


def may_administer(user: User) -> bool:
    return roles.is_admin(user)


def may_manage_teams(user: User, jobcentre_id: int) -> bool:
    return roles.is_admin(user) or (is_leader(user) and user.jobcentre_id == jobcentre_id)


def may_open_staff_admin(user: User) -> bool:
    """Whether the home pages link to the staff administration."""
    return roles.is_admin(user) or is_leader(user)


def ensure_admin(user: User) -> None:
    if not may_administer(user):
        raise NotFound(NOT_FOUND)


def ensure_admin_or_leader(user: User) -> None:
    if not may_open_staff_admin(user):
        raise NotFound(NOT_FOUND)


def jobcentre_for(db: Session, viewer: User, jobcentre_id: int, *, teams: bool) -> Jobcentre:
    """The jobcentre if the viewer may manage it (``teams``: its teams, else its accounts)."""
    centre = db.get(Jobcentre, jobcentre_id)
    allowed = may_manage_teams(viewer, jobcentre_id) if teams else may_administer(viewer)
    if centre is None or not allowed:
        raise NotFound(NOT_FOUND)
    return centre


def team_for(db: Session, viewer: User, team_id: int) -> Team:
    team = db.get(Team, team_id)
    if team is None or not may_manage_teams(viewer, team.jobcentre_id):
        raise NotFound(NOT_FOUND)
    return team


def member_for(db: Session, viewer: User, user_id: int) -> User:
    """A consultant or leader whose team the viewer may change."""
    member = db.get(User, user_id)
    if (
        member is None
        or not is_staff_account(member)
        or member.jobcentre_id is None
        or not may_manage_teams(viewer, member.jobcentre_id)
    ):
        raise NotFound(NOT_FOUND)
    return member


def account_for(db: Session, viewer: User, user_id: int) -> User:
    """A consultant or leader account an admin manages. The admin's own account is found too,
    so that acting on it is refused with a reason (``ensure_not_self``) rather than a 404."""
    account = db.get(User, user_id)
    if account is None or not may_administer(viewer):
        raise NotFound(NOT_FOUND)
    if account.id != viewer.id and not is_staff_account(account):
        raise NotFound(NOT_FOUND)
    return account


def ensure_not_self(actor: User, account: User) -> None:
    """Nobody deactivates their own account (an admin would shut themselves out)."""
    if account.id == actor.id:
        raise Conflict(NOT_YOURSELF)


def keeps_caseload(role: Role) -> bool:
    """Whether someone of this role follows people and companies (a leader does not)."""
    return role == Role.CONSULTANT


def successors(account: User) -> ColumnElement[bool]:
    """SQL: who may take over the account's caseload — an active consultant of the same
    jobcentre (signed up and not deactivated), not the person themselves."""
    return (
        roles.users_with(Role.CONSULTANT)
        & User.jobcentre_id.is_not(None)
        & (User.jobcentre_id == account.jobcentre_id)
        & User.active.is_(True)
        & User.deactivated_at.is_(None)
        & User.deleted_at.is_(None)
        & (User.id != account.id)
    )


def ensure_staff_account(account: User) -> None:
    """Only consultants' and leaders' accounts change here (an admin's own account is found by
    ``account_for`` and refused with this reason)."""
    if not is_staff_account(account):
        raise Conflict(N_("Her kan kun konsulenters og lederes konti ændres."))


def role_change(account: User, value: str) -> Role | None:
    """The new role if it changes anything; only between consultant and leader."""
    ensure_staff_account(account)
    role = staff_role_from(value)
    if role is None:
        raise Conflict(N_("Kun konsulenter og ledere kan skifte rolle her."))
    return None if account.role == role else role
