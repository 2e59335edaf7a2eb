"""Job postings: validation, saving on a company's behalf, publishing, and the job search."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.audit.service import record
from app.companies import policy as company_policy
from app.errors import NotFound, ValidationFailed
from app.jobs import policy
from app.jobs.schemas import FIELDS, PAST_DEADLINE, JobQuery, PostingIn
from app.jobs.search_text import posting_search_text
from app.kit import limits
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.text import like_pattern, search_terms
from app.kit.typed import validated_partly
from app.models import (
    Company,
    JobPosting,
    JobType,
    PostingStatus,
    User,
)
from app.profiles import policy as profile_policy
from app.taxonomy.geography import distance_km, postcodes_within
from matching.reference import (
    ACCOMMODATION_CODES,
    search_occupations,
)

PAGE_SIZE = 20
MAX_DISTANCE_KM = limits.MAX_DISTANCE_KM
STATUSES = tuple(s.value for s in PostingStatus)


def resolve_esco_uri(title: str) -> str | None:
    """The ESCO occupation whose Danish label is exactly the typed title, if any."""
    if not title:
        return None
    for occupation in search_occupations(title, limit=3):
        labels = [occupation.label_da, *occupation.alt_da]
        if any(label.casefold() == title.casefold() for label in labels):
            return occupation.uri
    return None


def deadline_errors(
    posting: PostingIn, previous: JobPosting, today: date | None = None
) -> dict[str, str]:
    """An edit may keep a deadline that has passed, not set a new one in the past."""
    today = today or utcnow().date()
    deadline = posting.deadline
    if deadline and deadline != previous.deadline and deadline < today:
        return {"deadline": PAST_DEADLINE}
    return {}


# ---------------------------------------------------------------- saving


def get_company(db: Session, company_id: int) -> Company:
    # An id no column can hold names no company (and would overflow the database driver).
    company = db.get(Company, company_id) if 1 <= company_id <= limits.MAX_ID else None
    if company is None:
        raise NotFound(N_("Virksomheden findes ikke."))
    return company


def _changed_fields(posting: JobPosting, clean: PostingIn) -> list[str]:
    return [name for name in FIELDS if getattr(posting, name) != getattr(clean, name)]


def _apply(posting: JobPosting, clean: PostingIn, company: Company) -> None:
    for name in FIELDS:
        setattr(posting, name, getattr(clean, name))
    posting.esco_uri = resolve_esco_uri(posting.title)
    posting.search_text = posting_search_text(posting, company.name)


def _audit(db: Session, actor: User, action: str, posting: JobPosting, fields: list[str]) -> None:
    """Consultants and admins act on a company's behalf: every such action is recorded."""
    if company_policy.acts_on_behalf(actor):
        record(db, actor, action, "job", posting.id, details={"fields": fields})


def _set_status(posting: JobPosting, status: PostingStatus) -> None:
    if status == PostingStatus.PUBLISHED and posting.status != PostingStatus.PUBLISHED:
        posting.published_at = utcnow()
    posting.status = status


def create_posting(
    db: Session,
    user: User,
    company_id: int,
    clean: PostingIn,
    *,
    status: PostingStatus = PostingStatus.DRAFT,
) -> JobPosting:
    """A new posting from its checked fields (app.jobs.schemas.PostingIn)."""
    company = get_company(db, company_id)
    policy.ensure_can_manage_company(db, user, company)
    posting = JobPosting(company_id=company.id, created_by_id=user.id)
    _apply(posting, clean, company)
    _set_status(posting, status)
    db.add(posting)
    db.flush()
    _audit(db, user, "job.create", posting, [*FIELDS, "status"])
    return posting


def get_posting(db: Session, user: User, posting_id: int) -> JobPosting:
    posting = db.get(JobPosting, posting_id)
    if posting is None:
        raise NotFound(policy.NOT_FOUND)
    policy.ensure_can_view(db, user, posting, get_company(db, posting.company_id))
    return posting


def get_posting_for_edit(db: Session, user: User, posting_id: int) -> tuple[JobPosting, Company]:
    posting = db.get(JobPosting, posting_id)
    if posting is None:
        raise NotFound(policy.NOT_FOUND)
    company = get_company(db, posting.company_id)
    policy.ensure_can_edit(db, user, posting, company)
    return posting, company


def update_posting(
    db: Session,
    user: User,
    posting_id: int,
    clean: PostingIn,
    *,
    status: PostingStatus | None = None,
) -> JobPosting:
    posting, company = get_posting_for_edit(db, user, posting_id)
    errors = deadline_errors(clean, posting)
    if errors:
        raise ValidationFailed(fields=errors)
    changed = _changed_fields(posting, clean)
    _apply(posting, clean, company)
    if status is not None and status != posting.status:
        _set_status(posting, status)
        changed.append("status")
    if changed:
        _audit(db, user, "job.update", posting, changed)
    return posting


def set_status(db: Session, user: User, posting_id: int, status: PostingStatus) -> JobPosting:
    posting, _company = get_posting_for_edit(db, user, posting_id)
    if posting.status != status:
        _set_status(posting, status)
        action = "job.publish" if status == PostingStatus.PUBLISHED else f"job.{status.value}"
        _audit(db, user, action, posting, ["status"])
    return posting


def form_values(posting: JobPosting) -> dict[str, Any]:
    """A posting as the edit form shows it."""
    values: dict[str, Any] = {name: getattr(posting, name) for name in FIELDS}
    values["required_skills"] = "\n".join(posting.required_skills)
    values["nice_skills"] = "\n".join(posting.nice_skills)
    values["job_type"] = posting.job_type.value
    for name in ("start_date", "deadline"):
        values[name] = values[name].isoformat() if values[name] else ""
    for name in ("hours_min", "hours_max", "hourly_wage"):
        values[name] = "" if values[name] is None else str(values[name])
    values["postcode"] = posting.postcode or ""
    return values


def postings_of_company_user(db: Session, user: User) -> list[tuple[JobPosting, Company]]:
    """Every posting of every company the user is a member of, newest first."""
    ids = policy.member_company_ids(db, user)
    if not ids:
        return []
    rows = db.execute(
        select(JobPosting, Company)
        .join(Company, Company.id == JobPosting.company_id)
        .where(JobPosting.company_id.in_(ids))
        .order_by(Company.name, JobPosting.updated_at.desc(), JobPosting.id.desc())
    )
    return [(posting, company) for posting, company in rows.all()]


def postings_of_company(db: Session, user: User, company: Company) -> list[JobPosting]:
    """A company's postings as the viewer may see them (all for those who manage it)."""
    query = select(JobPosting).where(JobPosting.company_id == company.id)
    if not policy.can_manage_company(db, user, company):
        if not policy.reads_published_of(user, company):
            return []
        query = query.where(JobPosting.status == PostingStatus.PUBLISHED)
    return list(db.scalars(query.order_by(JobPosting.id.desc())))


# ---------------------------------------------------------------- search


@dataclass
class JobFilters:
    q: str = ""
    fit_hours: bool = False
    max_km: int | None = None
    origin: str | None = None  # postcode to measure from; the flexjobber's own by default
    accommodations: list[str] = field(default_factory=list)
    job_type: str | None = None
    # Job alerts: only postings published after this moment (the alert's previous run).
    published_after: datetime | None = None


@dataclass
class SearchResult:
    items: list[tuple[JobPosting, Company, float | None]]  # posting, company, distance in km
    total: int
    page: int
    pages: int
    origin: str | None
    hours: tuple[int | None, int | None] | None  # the profile's hours used by "fit_hours"


def clean_filters(
    q: str = "",
    fit_hours: Any = None,
    max_km: Any = None,
    origin: Any = None,
    accommodations: Iterable[str] = (),
    job_type: Any = None,
) -> tuple[JobFilters, dict[str, str]]:
    """The filters (app.jobs.schemas.JobQuery) without the wrong ones, and their messages."""
    chosen = [str(code) for code in accommodations]
    raw = {"q": q, "fit_hours": fit_hours, "max_km": max_km, "origin": origin}
    query, errors = validated_partly(
        JobQuery, raw | {"accommodations": chosen, "job_type": job_type}
    )
    # An unknown code (an old link) leaves the known ones in the search.
    codes = [c for c in ACCOMMODATION_CODES if c in set(chosen)]
    filters = JobFilters(
        q=query.q,
        fit_hours=query.fit_hours,
        max_km=query.max_km,
        origin=query.origin,
        accommodations=codes if "accommodations" in errors else query.accommodations,
        job_type=query.job_type,
    )
    return filters, errors


def search_postings(
    db: Session,
    user: User,
    filters: JobFilters,
    page: int = 1,
    *,
    include_own: bool = False,
    page_size: int = PAGE_SIZE,
) -> SearchResult:
    query = policy.readable_postings(db, user, include_own=include_own)
    for term in search_terms(filters.q):
        query = query.where(JobPosting.search_text.like(like_pattern(term), escape="\\"))
    if filters.job_type:
        query = query.where(JobPosting.job_type == JobType(filters.job_type))
    if filters.published_after is not None:
        query = query.where(JobPosting.published_at > filters.published_after)
    for code in filters.accommodations:
        # The codes are plain identifiers, so their JSON text is exact: '"code"'.
        text = cast(JobPosting.accommodations_offered, String)
        query = query.where(text.like(like_pattern(f'"{code}"'), escape="\\"))
    profile = profile_policy.own_profile(db, user)
    hours = None
    if filters.fit_hours and profile is not None and (profile.hours_min or profile.hours_max):
        hours = (profile.hours_min, profile.hours_max)
        if profile.hours_max:
            query = query.where(
                or_(JobPosting.hours_min.is_(None), JobPosting.hours_min <= profile.hours_max)
            )
        if profile.hours_min:
            query = query.where(
                or_(JobPosting.hours_max.is_(None), JobPosting.hours_max >= profile.hours_min)
            )
    origin = filters.origin or (profile.postcode if profile else None)
    if filters.max_km is not None and origin:
        near = postcodes_within(origin, filters.max_km)
        query = query.where(or_(JobPosting.remote.is_(True), JobPosting.postcode.in_(near)))
    total = int(db.scalar(select(func.count()).select_from(query.subquery())) or 0)
    pages = max(1, math.ceil(total / page_size))
    page = min(max(1, page), pages)
    # Published postings always have published_at, so plain DESC (the order of the partial
    # index ix_job_postings_published) is the same order and lets PostgreSQL walk the index
    # instead of sorting every row; a company's own drafts (no date) come last.
    newest = JobPosting.published_at.desc()
    own_drafts = include_own and roles.is_company_user(user)
    rows = db.execute(
        query.order_by(newest.nulls_last() if own_drafts else newest, JobPosting.id.desc())
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    items = [
        (posting, company, distance_km(origin, posting.postcode) if origin else None)
        for posting, company in rows
    ]
    return SearchResult(
        items=items, total=total, page=page, pages=pages, origin=origin, hours=hours
    )
