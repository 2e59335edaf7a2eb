"""HTML fragments for htmx autocomplete in the profile and posting forms.

- ``GET /taxonomi/stillinger?q=`` (or ``?title=``) → only ``<option value="…">`` elements, for a ``<datalist>``;
- ``GET /taxonomi/kompetencer?stilling=`` → a checkbox list (``name="skill_suggestions"``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from app.taxonomy import service
from app.web.deps import CurrentUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


@router.get("/taxonomi/stillinger")
def occupation_options(
    request: Request,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=100)] = "",
    # htmx sends the input under its own name: the posting form's field is "title".
    title: Annotated[str, Query(max_length=100)] = "",
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 15,
) -> Response:
    text = q or title
    occupations = service.search_occupations(text, limit) if text.strip() else []
    return render(request, "taxonomy/occupation_options.html", {"occupations": occupations})


@router.get("/taxonomi/kompetencer")
def skill_suggestions(
    request: Request,
    user: CurrentUser,
    stilling: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 20,
) -> Response:
    ctx = {
        "occupation": service.occupation_for(stilling),
        "skills": service.suggested_skills(stilling, limit),
    }
    return render(request, "taxonomy/skill_suggestions.html", ctx)
