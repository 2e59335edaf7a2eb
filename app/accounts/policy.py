"""Who may do what with accounts, and what each role is — decided here and nowhere else.

The role predicates below are the only place a user's role is compared outside the other
domains' policy modules (``scripts/linters/role_checks.py`` checks it); the typed guards in
``app.web.guards`` and every policy build on them.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement

from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import Company, Role, User

# Roles a consultant or admin may invite (and a consultant create): citizens and companies.
INVITABLE = (Role.FLEXJOBBER, Role.COMPANY)


def is_flexjobber(user: User) -> bool:
    return user.role == Role.FLEXJOBBER


def is_company_user(user: User) -> bool:
    return user.role == Role.COMPANY


def is_consultant(user: User) -> bool:
    """A consultant who belongs to a jobcentre (one without cannot act for anybody)."""
    return user.role == Role.CONSULTANT and user.jobcentre_id is not None


def is_admin(user: User) -> bool:
    return user.role == Role.ADMIN


def is_staff(user: User) -> bool:
    """Jobcentre staff: consultants and admins."""
    return user.role in (Role.CONSULTANT, Role.ADMIN)


def is_consultant_of(user: User, jobcentre_id: int | None) -> bool:
    return is_consultant(user) and user.jobcentre_id == jobcentre_id


def users_with(*wanted: Role) -> ColumnElement[bool]:
    """SQL: the users of these roles (lists and counts of people by role)."""
    return User.role.in_(wanted)


def role_from(value: str, allowed: tuple[Role, ...]) -> Role | None:
    """The role a form or the CLI names, if it is one of the allowed ones."""
    return next((role for role in allowed if role.value == value), None)


def needs_company(role: Role) -> bool:
    """A company user is invited into one company."""
    return role == Role.COMPANY


def needs_jobcentre(role: Role) -> bool:
    """Consultants and flexjobbers belong to a jobcentre."""
    return role in (Role.CONSULTANT, Role.FLEXJOBBER)


def ensure_flexjobber(user: User) -> None:
    if not is_flexjobber(user):
        raise Forbidden(N_("Siden er for fleksjobbere."))


def ensure_company_user(user: User) -> None:
    if not is_company_user(user):
        raise Forbidden()


def ensure_consultant(user: User) -> None:
    if not is_consultant(user):
        raise Forbidden(N_("Siden er for jobcentrets konsulenter."))


def ensure_staff(user: User) -> None:
    if not is_staff(user):
        raise Forbidden(N_("Siden er for jobcentrets medarbejdere."))


def ensure_admin(user: User) -> None:
    if not is_admin(user):
        raise Forbidden()


def ensure_can_invite(inviter: User, role: Role, company: Company | None) -> None:
    if not is_staff(inviter):
        raise Forbidden()
    if role not in INVITABLE:
        raise Forbidden(N_("Konsulenter kan kun invitere borgere og virksomhedskontakter."))
    if role == Role.COMPANY:
        if company is None:
            raise NotFound(N_("Virksomheden findes ikke."))
        if inviter.role == Role.CONSULTANT and company.jobcentre_id != inviter.jobcentre_id:
            raise NotFound(N_("Virksomheden findes ikke."))
