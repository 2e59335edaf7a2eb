"""Reading candidate filters from query parameters (shared by the page and the API)."""

from __future__ import annotations

from app.candidates.schemas import CandidateQuery
from app.candidates.service import CandidateFilters
from app.kit.typed import validated_partly


def parse_filters(
    *,
    q: str = "",
    hours_min: str | None = None,
    hours_max: str | None = None,
    posting: str | None = None,
    distance: str | None = None,
    skills: list[str] | None = None,
    wished: str = "",
    page: str | None = None,
) -> tuple[CandidateFilters, dict[str, str]]:
    """The filters (app.candidates.schemas.CandidateQuery) without the wrong ones, and what
    is wrong with those."""
    raw = {
        "q": q,
        "hours_min": hours_min,
        "hours_max": hours_max,
        "posting": posting,
        "distance": distance,
        "skills": skills or [],
        "wished": wished,
        "page": page,
    }
    query, errors = validated_partly(CandidateQuery, raw)
    filters = CandidateFilters(
        q=query.q,
        hours_min=query.hours_min,
        hours_max=query.hours_max,
        posting_id=query.posting,
        distance_km=query.distance if query.posting is not None else None,
        skills=tuple(query.skills),
        wished_job=query.wished,
        page=query.page,
    )
    return filters, errors
