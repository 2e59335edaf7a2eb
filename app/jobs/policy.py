"""Who may see and change a job posting — decided here and nowhere else.

- the company's members, consultants of the company's jobcentre and admins: every posting of
  the company (drafts too), and may change it;
- flexjobbers of the company's jobcentre: published postings, read-only;
- everybody else (other companies, other jobcentres), and flexjobbers for drafts and closed
  postings: as if the posting did not exist (404).
"""

from __future__ import annotations

from sqlalchemy import Select, and_, false, select
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


def reads_published_of(user: User, company: Company) -> bool:
    """Flexjobbers read the published postings of their own jobcentre's companies."""
    return roles.is_flexjobber(user) and user.jobcentre_id == company.jobcentre_id


def can_view(db: Session, user: User, posting: JobPosting, company: Company) -> bool:
    if can_manage_company(db, user, company):
        return True
    return posting.status == PostingStatus.PUBLISHED and reads_published_of(user, company)


def readable_postings(
    db: Session, user: User, *, include_own: bool = False
) -> Select[JobPosting, Company]:
    """The one select the job search builds on: published postings the user may see (admins
    all, consultants and flexjobbers their jobcentre's, company users their companies'); with
    include_own, a company user's own drafts and closed postings too."""
    query = select(JobPosting, Company).join(Company, Company.id == JobPosting.company_id)
    published = JobPosting.status == PostingStatus.PUBLISHED
    if roles.is_admin(user):
        return query.where(published)
    if user.role in (Role.CONSULTANT, Role.FLEXJOBBER):
        if user.jobcentre_id is None:
            return query.where(false())
        return query.where(published, Company.jobcentre_id == user.jobcentre_id)
    if roles.is_company_user(user):
        ids = member_company_ids(db, user)
        if not ids:
            return query.where(false())
        own = JobPosting.company_id.in_(ids)
        return query.where(own if include_own else and_(own, published))
    return query.where(false())


def may_see_candidates(user: User) -> bool:
    """The company and its jobcentre's consultants reach a posting's ranked candidates from
    the posting (admins may open the list, but it is not offered to them)."""
    return roles.is_company_user(user) or roles.is_consultant(user)


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
