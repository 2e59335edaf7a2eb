"""JSON shapes of job postings and the CSV import for /api/v1."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.kit.parse import Day


class JobIn(BaseModel):
    """A posting as the API receives it. Checked by the same rules as the forms (422 with
    a Danish message per field)."""

    title: str = Field("", max_length=200)
    description: str = ""
    tasks: str = ""
    required_skills: list[str] = []
    nice_skills: list[str] = []
    hours_min: int | None = None
    hours_max: int | None = None
    hourly_wage: int | None = Field(
        None, description="Whole kroner an hour including pension (optional; the income guide)"
    )
    schedule: list[str] = Field([], description='Slots such as "mon_morning" (weekday_part).')
    postcode: str | None = None
    remote: bool = False
    accommodations_offered: list[str] = []
    job_type: str = Field("fleksjob", description="fleksjob, praktik, few_hours or ordinary")
    start_date: Day | None = None
    deadline: Day | None = None
    status: Literal["draft", "published", "closed"] | None = None


class JobCreate(JobIn):
    company_id: int


class JobOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    company_id: int
    company_name: str = ""
    title: str
    esco_uri: str | None
    description: str
    tasks: str
    required_skills: list[str]
    nice_skills: list[str]
    hours_min: int | None
    hours_max: int | None
    hourly_wage: int | None = None
    schedule: list[str]
    postcode: str | None
    remote: bool
    accommodations_offered: list[str]
    job_type: str
    start_date: date | None
    deadline: date | None
    status: str
    published_at: datetime | None
    distance_km: float | None = None


class JobList(BaseModel):
    items: list[JobOut]
    total: int
    page: int
    pages: int


class ImportRowOut(BaseModel):
    line: int
    company_cvr: str
    title: str
    status: str
    errors: dict[str, str]


class ImportOut(BaseModel):
    dry_run: bool
    valid_rows: int
    rejected_rows: list[ImportRowOut]
    rows: list[ImportRowOut]
    imported_ids: list[int]
    duplicate_lines: list[int] = Field(
        default_factory=list, description="Valid rows whose posting exists already"
    )
