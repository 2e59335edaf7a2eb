"""``GET /kandidater``: company users (and staff) browse the candidates they may see."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import Response

from app.candidates import policy, service
from app.candidates.forms import parse_filters
from app.taxonomy import labels
from app.web.deps import CurrentUser, SessionDep
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


def page_url(request: Request, page: int, name: str = "page") -> str:
    """The current URL with another page number (other filters kept)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != name]
    params.append((name, str(page)))
    return f"{request.url.path}?{urlencode(params)}"


def accommodation_labels(request: Request) -> dict[str, str]:
    lang = language_of(request)
    return labels.accommodation_labels(lang)


@router.get("/kandidater")
def candidate_list(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    hours_min: str | None = None,
    hours_max: str | None = None,
    posting: str | None = None,
    distance: str | None = None,
    skills: str = "",
    wished: Annotated[str, Query(max_length=200)] = "",
    page: str | None = None,
) -> Response:
    policy.ensure_may_browse_candidates(user)
    filters, errors = parse_filters(
        q=q,
        hours_min=hours_min,
        hours_max=hours_max,
        posting=posting,
        distance=distance,
        skills=[skills],
        wished=wished,
        page=page,
    )
    result = service.browse(db, user, filters)
    values = {
        "q": q,
        "hours_min": hours_min or "",
        "hours_max": hours_max or "",
        "posting": posting or "",
        "distance": distance or "",
        "skills": skills,
        "wished": wished,
    }
    ctx = {
        "result": result,
        "errors": errors,
        "values": values,
        "labels": accommodation_labels(request),
        "previous_url": page_url(request, result.page - 1) if result.page > 1 else None,
        "next_url": page_url(request, result.page + 1) if result.page < result.pages else None,
    }
    return render(request, "candidates/list.html", ctx, status_code=422 if errors else 200)
