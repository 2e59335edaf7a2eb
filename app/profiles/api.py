"""Profile JSON API: the same service functions and privacy rules as the pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from app.models import FlexjobberProfile
from app.profiles import cleaning, search, service
from app.profiles.disclosure import view_profile
from app.profiles.schemas import ProfileOut, ProfileSearchOut, ProfileUpdate
from app.web.deps import CurrentUser, SessionDep
from app.web.guards import FlexjobberUser
from app.web.routers import api_router

router = api_router("profiles")


def _own(db: SessionDep, user: CurrentUser, profile: FlexjobberProfile) -> ProfileOut:
    out = ProfileOut.model_validate(view_profile(db, user, profile))
    # Choices only the owner reads here (the disclosure view does not carry them).
    out.keeps_looking = profile.keeps_looking
    out.remote_ok = profile.remote_ok
    return out


@router.get("/me/profile", response_model=ProfileOut)
def my_profile(db: SessionDep, me: FlexjobberUser) -> ProfileOut:
    """Your own profile (flexjobbers), including your accommodation needs."""
    profile = service.own_profile(db, me.user, me.profile)
    return _own(db, me.user, profile)


@router.put("/me/profile", response_model=ProfileOut)
def update_my_profile(db: SessionDep, me: FlexjobberUser, body: ProfileUpdate) -> ProfileOut:
    """Change your own profile. Fields left out are kept; errors come back as 422."""
    profile = service.own_profile(db, me.user, me.profile)
    cleaning.update_profile(db, me.user, profile, body.model_dump(include=body.model_fields_set))
    return _own(db, me.user, profile)


@router.get("/profiles", response_model=ProfileSearchOut)
def search_profiles(
    db: SessionDep,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=search.MAX_PER_PAGE)] = 20,
    hours_min: Annotated[int | None, Query(ge=1, le=37)] = None,
    hours_max: Annotated[int | None, Query(ge=1, le=37)] = None,
    skill: Annotated[str, Query(max_length=100)] = "",
    wished_job: Annotated[str, Query(max_length=200)] = "",
) -> ProfileSearchOut:
    """Profiles you may see, most recently changed first. Companies see only anonymous and named
    profiles of their jobcentre, without accommodation needs unless the person shares them."""
    result = search.search(
        db,
        user,
        q=q,
        page=page,
        per_page=per_page,
        hours_min=hours_min,
        hours_max=hours_max,
        skill=skill,
        wished_job=wished_job,
    )
    return ProfileSearchOut(
        items=[ProfileOut.model_validate(item) for item in result.items],
        page=result.page,
        per_page=result.per_page,
        has_more=result.has_more,
    )


@router.get("/profiles/{profile_id}", response_model=ProfileOut)
def get_profile(db: SessionDep, user: CurrentUser, profile_id: int) -> ProfileOut:
    """One profile as you may see it (404 if you may not know it exists)."""
    return ProfileOut.model_validate(service.view_for(db, user, profile_id))
