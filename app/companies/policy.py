"""Who may see and change a company — decided here and nowhere else."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

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
