"""JSON: ``GET /api/v1/candidates`` — the same browsing, filters and privacy as /kandidater."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import Query

from app.candidates import policy, service
from app.candidates.forms import parse_filters
from app.candidates.schemas import CandidateListOut, CandidateOut
from app.errors import ValidationFailed
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import api_router

router = api_router("candidates")


@router.get("/candidates", response_model=CandidateListOut)
def list_candidates(
    db: SessionDep,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    hours_min: str | None = None,
    hours_max: str | None = None,
    posting: str | None = None,
    distance: str | None = None,
    skills: Annotated[list[str] | None, Query()] = None,
    wished: Annotated[str, Query(max_length=200)] = "",
    page: str | None = None,
) -> CandidateListOut:
    policy.ensure_may_browse_candidates(user)
    filters, errors = parse_filters(
        q=q,
        hours_min=hours_min,
        hours_max=hours_max,
        posting=posting,
        distance=distance,
        skills=skills,
        wished=wished,
        page=page,
    )
    if errors:
        raise ValidationFailed(fields=errors)
    result = service.browse(db, user, filters)
    items = []
    for candidate in result.candidates:
        data = asdict(candidate.view)
        data.pop("extra", None)
        data.pop("share_accommodations", None)
        items.append(
            CandidateOut(
                **data, distance_km=candidate.distance_km, url=f"/profiler/{candidate.view.id}"
            )
        )
    return CandidateListOut(
        items=items,
        total=result.total,
        page=result.page,
        pages=result.pages,
        per_page=result.per_page,
    )
