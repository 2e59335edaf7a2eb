from __future__ import annotations

from pydantic import BaseModel

from app.profiles.schemas import ProfileOut


class CandidateOut(ProfileOut):
    """A profile as the viewer may see it (built from ProfileView; health data only if allowed),
    with where it stands in the search."""

    distance_km: float | None = None
    url: str


class CandidateListOut(BaseModel):
    items: list[CandidateOut]
    total: int
    page: int
    pages: int
    per_page: int
