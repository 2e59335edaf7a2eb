"""Who may see and change a job posting — decided here and nowhere else.

- the company's members, consultants of the company's jobcentre and admins: every posting of
  the company (drafts too), and may change it;
- flexjobbers of the company's jobcentre: published postings, read-only;
- everybody else (other companies, other jobcentres), and flexjobbers for drafts and closed
  postings: as if the posting did not exist (404).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.companies import policy as company_policy
from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import Company, CompanyMember, JobPosting, PostingStatus, Role, User

NOT_FOUND = N_("Jobopslaget findes ikke.")


def can_manage_company(db: Session, user: User, company: Company) -> bool:
    return company_policy.can_edit(db, user, company)


def ensure_can_manage_company(db: Session, user: User, company: Company) -> None:
    """Outsiders get 404, a flexjobber (who may read the company page) 403."""
    company_policy.ensure_can_edit(db, user, company)


def can_view(db: Session, user: User, posting: JobPosting, company: Company) -> bool:
    if can_manage_company(db, user, company):
        return True
    return (
        user.role == Role.FLEXJOBBER
        and posting.status == PostingStatus.PUBLISHED
        and user.jobcentre_id == company.jobcentre_id
    )


def ensure_can_view(db: Session, user: User, posting: JobPosting, company: Company) -> None:
    if not can_view(db, user, posting, company):
        raise NotFound(NOT_FOUND)


def ensure_can_edit(db: Session, user: User, posting: JobPosting, company: Company) -> None:
    ensure_can_view(db, user, posting, company)
    if not can_manage_company(db, user, company):
        raise Forbidden()


def member_company_ids(db: Session, user: User) -> list[int]:
    return list(
        db.scalars(select(CompanyMember.company_id).where(CompanyMember.user_id == user.id))
    )


def may_search_jobs(user: User) -> bool:
    """The job search (/job) is for flexjobbers, and for staff who help them."""
    return user.role in (Role.FLEXJOBBER, Role.CONSULTANT, Role.ADMIN)


def ensure_may_search_jobs(user: User) -> None:
    if not may_search_jobs(user):
        raise Forbidden()


def ensure_may_import(user: User) -> None:
    """Bulk import is for consultants, into the companies of their own jobcentre."""
    roles.ensure_consultant(user)


def ensure_may_post(user: User) -> None:
    """Company users, consultants and admins write postings (for companies they may manage)."""
    if user.role not in (Role.COMPANY, Role.CONSULTANT, Role.ADMIN):
        raise Forbidden()
