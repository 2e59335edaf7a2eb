"""Candidate browsing: the flexjobber profiles a company (or staff) may find, cut to the viewer.

Scope: company users see the non-hidden profiles of the jobcentres that follow their companies;
consultants those of their own jobcentre; admins all non-hidden profiles — decided by
app.profiles.policy.readable_where, which also names the audience every row is shown to. Every
listed profile leaves as a ProfileView (app.profiles.disclosure); health data is loaded only
for the profiles whose audience may see it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.candidates import policy
from app.companies import policy as company_policy
from app.errors import NotFound
from app.kit.i18n import N_
from app.kit.text import fold, like_pattern, search_terms
from app.models import (
    Company,
    FlexjobberProfile,
    JobPosting,
    User,
)
from app.profiles.disclosure import ProfileView, views_for
from app.profiles.policy import Audience, company_ids_of
from app.taxonomy.geography import distance_km, postcodes_within

PER_PAGE = 20
MAX_PAGE = 10_000
MAX_DISTANCE_KM = 500


@dataclass(frozen=True)
class CandidateFilters:
    q: str = ""
    hours_min: int | None = None
    hours_max: int | None = None
    posting_id: int | None = None
    distance_km: int | None = None
    skills: tuple[str, ...] = ()
    wished_job: str = ""
    page: int = 1

    def is_empty(self) -> bool:
        return not (
            self.q.strip()
            or self.hours_min is not None
            or self.hours_max is not None
            or self.posting_id
            or self.skills
            or self.wished_job.strip()
        )


@dataclass(frozen=True)
class PostingChoice:
    id: int
    title: str
    company_name: str
    postcode: str | None


@dataclass(frozen=True)
class Candidate:
    view: ProfileView
    distance_km: float | None = None


@dataclass
class CandidatePage:
    candidates: list[Candidate]
    total: int
    page: int
    pages: int
    per_page: int
    filters: CandidateFilters
    postings: list[PostingChoice] = field(default_factory=list)
    origin: PostingChoice | None = None


def posting_choices(db: Session, user: User, limit: int = 200) -> list[PostingChoice]:
    """Postings the viewer may measure distance from: their companies' (company users) or their
    jobcentre's (consultants); admins all. Newest first."""
    query = (
        select(JobPosting.id, JobPosting.title, Company.name, JobPosting.postcode)
        .join(Company, Company.id == JobPosting.company_id)
        .where(JobPosting.postcode.is_not(None))
        .order_by(JobPosting.created_at.desc(), JobPosting.id.desc())
        .limit(limit)
    )
    query = query.where(company_policy.manageable(user))
    return [PostingChoice(*row) for row in db.execute(query)]


def _origin(db: Session, user: User, posting_id: int) -> PostingChoice:
    row = db.execute(
        select(JobPosting.id, JobPosting.title, Company.name, JobPosting.postcode, Company)
        .join(Company, Company.id == JobPosting.company_id)
        .where(JobPosting.id == posting_id)
    ).first()
    if row is None:
        raise NotFound(N_("Jobopslaget findes ikke."))
    company: Company = row[4]
    # Distance is measured from a posting of a company the viewer may manage.
    if not company_policy.can_edit(db, user, company):
        raise NotFound(N_("Jobopslaget findes ikke."))
    return PostingChoice(row[0], row[1], row[2], row[3])


def _filtered(
    db: Session, user: User, filters: CandidateFilters, origin: PostingChoice | None
) -> tuple[Audience, Select[FlexjobberProfile]]:
    who, query = policy.readable_profiles(db, user)
    if filters.hours_min is not None:
        query = query.where(
            or_(
                FlexjobberProfile.hours_max.is_(None),
                FlexjobberProfile.hours_max >= filters.hours_min,
            )
        )
    if filters.hours_max is not None:
        query = query.where(
            or_(
                FlexjobberProfile.hours_min.is_(None),
                FlexjobberProfile.hours_min <= filters.hours_max,
            )
        )
    if origin is not None and filters.distance_km is not None:
        nearby = postcodes_within(origin.postcode or "", filters.distance_km)
        query = query.where(FlexjobberProfile.postcode.in_(sorted(nearby) or ["-"]))
    # Skills, wished jobs and free text are matched on the folded search text, which never holds
    # health data, so nobody can be found by their accommodation needs.
    terms: list[str] = []
    for skill in filters.skills:
        if fold(skill):
            terms.append(fold(skill))
    if fold(filters.wished_job):
        terms.append(fold(filters.wished_job))
    terms += search_terms(filters.q)
    for term in terms[:12]:
        query = query.where(FlexjobberProfile.search_text.like(like_pattern(term), escape="\\"))
    return who, query


def browse(db: Session, user: User, filters: CandidateFilters) -> CandidatePage:
    policy.ensure_may_browse_candidates(user)
    origin = _origin(db, user, filters.posting_id) if filters.posting_id else None
    who, query = _filtered(db, user, filters, origin)
    total = int(db.scalar(select(func.count()).select_from(query.subquery())) or 0)
    pages = max(1, math.ceil(total / PER_PAGE))
    page = min(max(1, filters.page), pages, MAX_PAGE)
    profiles = list(
        db.scalars(
            query.order_by(FlexjobberProfile.updated_at.desc(), FlexjobberProfile.id.desc())
            .offset((page - 1) * PER_PAGE)
            .limit(PER_PAGE)
        )
    )
    candidates = [
        Candidate(view, distance_km(origin.postcode, view.postcode) if origin else None)
        for view in _views(db, user, who, profiles)
    ]
    return CandidatePage(
        candidates=candidates,
        total=total,
        page=page,
        pages=pages,
        per_page=PER_PAGE,
        filters=filters,
        postings=posting_choices(db, user),
        origin=origin,
    )


def _views(
    db: Session, user: User, who: Audience, profiles: list[FlexjobberProfile]
) -> list[ProfileView]:
    """Every row of the readable select is shown to the one audience it came with."""
    if not profiles:
        return []
    companies = company_ids_of(db, user) if who == Audience.COMPANY else set()
    return views_for(db, dict.fromkeys([p.id for p in profiles], who), profiles, companies)
