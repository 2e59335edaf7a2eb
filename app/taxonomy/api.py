"""JSON: ESCO occupations, suggested skills, accommodations and postcodes (any logged-in user).

``router`` also carries the HTML fragment routes of app.taxonomy.pages (``/taxonomi/*``) so that
they are live with the app factory's ``include_router(taxonomy_api.router)``; each keeps its own
guard (same-site for the API, CSRF for pages).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.taxonomy import pages, service
from app.taxonomy.schemas import AccommodationOut, OccupationOut, PostcodeOut, SkillsOut
from app.web.deps import CurrentUser
from app.web.routers import api_router

api = api_router("taxonomy")


@api.get("/taxonomy/occupations", response_model=list[OccupationOut])
def occupations(
    user: CurrentUser,
    q: Annotated[str, Query(max_length=100)] = "",
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 10,
) -> list[OccupationOut]:
    return [OccupationOut.model_validate(o) for o in service.search_occupations(q, limit)]


@api.get("/taxonomy/accommodations", response_model=list[AccommodationOut])
def accommodations(user: CurrentUser) -> list[AccommodationOut]:
    return [AccommodationOut.model_validate(a) for a in service.accommodations()]


@api.get("/taxonomy/skills", response_model=SkillsOut)
def skills(
    user: CurrentUser,
    occupation: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 20,
) -> SkillsOut:
    found = service.occupation_for(occupation)
    return SkillsOut(
        occupation=OccupationOut.model_validate(found) if found else None,
        skills=service.suggested_skills(occupation, limit),
    )


@api.get("/taxonomy/postcodes/{code}", response_model=PostcodeOut)
def postcode(user: CurrentUser, code: str) -> PostcodeOut:
    return PostcodeOut.model_validate(service.postcode(code))


# The lead may instead register app.taxonomy.pages.router in app/main.py and drop this line.
router = APIRouter()
router.include_router(api)
router.include_router(pages.router)
pages_router = pages.router
