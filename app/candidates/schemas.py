from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel


class CandidateOut(BaseModel):
    """A profile as the viewer may see it (built from ProfileView; health data only if allowed)."""

    id: int
    audience: str
    name: str
    is_pseudonym: bool
    headline: str
    about: str
    wished_jobs: list[dict[str, Any]]
    skills: list[str]
    experience: list[dict[str, Any]]
    education: list[dict[str, Any]]
    languages: list[str]
    driving_licence: bool | None
    hours_min: int | None
    hours_max: int | None
    schedule: list[str]
    postcode: str | None
    max_distance_km: int | None
    remote_only: bool
    status: str | None
    available_from: date | None
    visibility: str
    has_cv: bool
    email: str | None = None
    accommodation_needs: dict[str, bool] | None = None
    accommodation_note: str | None = None
    distance_km: float | None = None
    url: str


class CandidateListOut(BaseModel):
    items: list[CandidateOut]
    total: int
    page: int
    pages: int
    per_page: int
