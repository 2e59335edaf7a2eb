"""JSON shapes of the profile API. Output mirrors ProfileView: what a viewer may not see is
absent (null), so the API cannot leak more than the pages."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.kit.parse import Day


class WishedJob(BaseModel):
    label: str
    uri: str | None = None


class ExperienceEntry(BaseModel):
    title: str = ""
    employer: str = ""
    start: str = Field("", description='"YYYY-MM"')
    end: str = Field("", description='"YYYY-MM", or empty while ongoing')
    description: str = ""


class EducationEntry(BaseModel):
    title: str = ""
    institution: str = ""
    year: str = Field("", description='"YYYY" or empty')


class ExperienceOut(BaseModel):
    """For a viewer who may not know who the person is (app.profiles.disclosure): no employer
    and no months, only roughly how many years."""

    title: str = ""
    employer: str | None = None
    start: str | None = None
    end: str | None = None
    years: int | None = Field(None, description="Whole years, when the exact months are withheld")
    description: str = ""


class EducationOut(BaseModel):
    """School and year are withheld from a viewer who may not know who the person is."""

    title: str = ""
    institution: str | None = None
    year: str | None = None


class ProfileOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="The profile's public id; a new one when it turns anonymous")
    audience: Literal["owner", "consultant", "admin", "company"]
    name: str = Field(description="The person's name, or the pseudonym when anonymous to you")
    is_pseudonym: bool
    headline: str
    about: str
    wished_jobs: list[WishedJob]
    skills: list[str]
    experience: list[ExperienceOut]
    education: list[EducationOut]
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
    keeps_looking: bool | None = Field(
        None, description='"Jeg vil gerne se andre job" (your own profile only; null for others)'
    )
    remote_ok: bool | None = Field(
        None, description="Can (also) work from home (your own profile only; null for others)"
    )
    visibility: Literal["hidden", "anonymous", "named"]
    has_cv: bool
    email: str | None = None
    accommodation_needs: dict[str, bool] | None = Field(
        None, description="code -> true (must have) / false (nice to have); null = not disclosed"
    )
    accommodation_note: str | None = None
    share_accommodations: bool | None = None


class ProfileSearchOut(BaseModel):
    items: list[ProfileOut]
    page: int
    per_page: int
    has_more: bool


class ProfileUpdate(BaseModel):
    """Your own profile. Leave a field out to keep it; the fields of one topic are checked
    together (e.g. hours_min and hours_max), and nothing is saved if anything is wrong."""

    model_config = ConfigDict(extra="forbid")

    display_name: str | None = None
    headline: str | None = None
    about: str | None = None
    status: Literal["ledighedsydelse", "in_flexjob", "change_of_field"] | None = None
    available_from: Day | None = None
    keeps_looking: bool | None = Field(
        None, description="Keep getting job suggestions while hired or in a fleksjob"
    )
    wished_jobs: list[str] | None = Field(None, description="Job titles as typed")
    skills: list[str] | None = None
    languages: list[str] | None = None
    driving_licence: bool | None = None
    experience: list[ExperienceEntry] | None = None
    education: list[EducationEntry] | None = None
    hours_min: int | None = None
    hours_max: int | None = None
    schedule: list[str] | None = Field(None, description='Slots such as "mon_morning"')
    postcode: str | None = None
    max_distance_km: int | None = None
    remote_only: bool | None = None
    remote_ok: bool | None = Field(
        None, description="Can (also) work from home; implied by remote_only"
    )
    accommodation_needs: dict[str, bool] | None = Field(
        None, description="code -> true (must have) / false (nice to have)"
    )
    accommodation_note: str | None = None
    visibility: Literal["hidden", "anonymous", "named"] | None = None
    share_accommodations: bool | None = None
