"""Who may see and change a company — decided here and nowhere else."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select, true
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import Company, CompanyMember, Role, User


def is_member(db: Session, user: User, company: Company) -> bool:
    return (
        db.scalar(
            select(CompanyMember.user_id).where(
                CompanyMember.company_id == company.id, CompanyMember.user_id == user.id
            )
        )
        is not None
    )


def can_edit(db: Session, user: User, company: Company) -> bool:
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.CONSULTANT:
        return user.jobcentre_id == company.jobcentre_id
    if user.role == Role.COMPANY:
        return is_member(db, user, company)
    return False


def manageable(user: User) -> ColumnElement[bool]:
    """SQL twin of ``can_edit`` over Company: the companies this user may manage."""
    if roles.is_admin(user):
        return true()
    if user.role == Role.CONSULTANT:
        return Company.jobcentre_id == user.jobcentre_id
    if roles.is_company_user(user):
        members = select(CompanyMember.company_id).where(CompanyMember.user_id == user.id)
        return Company.id.in_(members)
    return false()


def acts_on_behalf(actor: User) -> bool:
    """Consultants and admins change a company's things on its behalf (which is recorded)."""
    return roles.is_staff(actor)


def ensure_can_view(db: Session, user: User, company: Company) -> None:
    """Flexjobbers may read company pages; other companies and other jobcentres see nothing."""
    if can_edit(db, user, company) or user.role == Role.FLEXJOBBER:
        return
    raise NotFound(N_("Virksomheden findes ikke."))


def ensure_can_edit(db: Session, user: User, company: Company) -> None:
    ensure_can_view(db, user, company)
    if not can_edit(db, user, company):
        raise Forbidden()


def ensure_can_create(user: User) -> None:
    """Consultants create companies, in their own jobcentre."""
    if not may_create(user):
        raise Forbidden()


def may_create(user: User) -> bool:
    return user.role == Role.CONSULTANT and user.jobcentre_id is not None
