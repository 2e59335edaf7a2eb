"""Searching the profiles a viewer may see (the API's /profiles): folded search text, wished
hours overlapping a range, newest change first, a page at a time. No FastAPI, never
commits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.kit.text import like_pattern, search_terms
from app.models import FlexjobberProfile, User
from app.profiles import policy
from app.profiles.disclosure import ProfileView, views_for
from app.profiles.policy import Audience

MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SearchResult:
    items: list[ProfileView]
    page: int
    per_page: int
    has_more: bool


def search(
    db: Session,
    viewer: User,
    *,
    q: str = "",
    page: int = 1,
    per_page: int = 20,
    hours_min: int | None = None,
    hours_max: int | None = None,
    skill: str = "",
    wished_job: str = "",
) -> SearchResult:
    """Profiles the viewer may see, newest change first. hours_min/hours_max find people whose
    wished hours overlap the range; q, skill and wished_job match the folded search text."""
    who, query = policy.readable_profiles(db, viewer)
    terms = search_terms(q) + search_terms(skill)[:4] + search_terms(wished_job)[:4]
    for term in terms:
        query = query.where(FlexjobberProfile.search_text.like(like_pattern(term), escape="\\"))
    if hours_min is not None:
        query = query.where(FlexjobberProfile.hours_max >= hours_min)
    if hours_max is not None:
        query = query.where(FlexjobberProfile.hours_min <= hours_max)
    page = max(page, 1)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    rows = list(
        db.scalars(
            query.order_by(FlexjobberProfile.updated_at.desc(), FlexjobberProfile.id.desc())
            .offset((page - 1) * per_page)
            .limit(per_page + 1)
        )
    )
    has_more = len(rows) > per_page
    rows = rows[:per_page]
    companies = policy.company_ids_of(db, viewer) if who == Audience.COMPANY else set()
    items = views_for(db, dict.fromkeys([p.id for p in rows], who), rows, companies)
    return SearchResult(items=items, page=page, per_page=per_page, has_more=has_more)
