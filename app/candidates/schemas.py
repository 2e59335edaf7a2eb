"""JSON shapes of the candidate search, and its filters as one model (the page and the API)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from app.kit import limits, parse
from app.kit.i18n import N_
from app.kit.typed import FieldErrors, Invalid
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


def _number(value: Any, low: int, high: int, message: str) -> int | None:
    """ASCII digits within [low, high], None if blank (a query string's text, or an int)."""
    raw = "" if value is None else str(value).strip()
    if not raw:
        return None
    number = parse.digits(raw, low, high)
    if number is None:
        raise Invalid(message)
    return number


class CandidateQuery(BaseModel):
    """The candidate search's filters, from the page's query string and the API's alike."""

    model_config = ConfigDict(validate_default=True)

    q: str = ""
    hours_min: int | None = None
    hours_max: int | None = None
    posting: int | None = None
    distance: int | None = None
    skills: list[str] = []
    wished: str = ""
    page: int = 1

    @field_validator("q", "wished", mode="before")
    @classmethod
    def _text(cls, value: Any) -> str:
        return parse.text(value)[: limits.MAX_SHORT_TEXT]

    @field_validator("hours_min", "hours_max", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> int | None:
        message = N_("Skriv et antal timer mellem 0 og 37.")
        return _number(value, 0, limits.MAX_WEEKLY_HOURS, message)

    @field_validator("posting", mode="before")
    @classmethod
    def _posting(cls, value: Any) -> int | None:
        return _number(value, 1, limits.MAX_ID, N_("Vælg et jobopslag."))

    @field_validator("distance", mode="before")
    @classmethod
    def _distance(cls, value: Any) -> int | None:
        message = N_("Skriv en afstand mellem 0 og 500 km.")
        return _number(value, 0, limits.MAX_DISTANCE_KM, message)

    @field_validator("skills", mode="before")
    @classmethod
    def _skills(cls, value: Any) -> list[str]:
        found: list[str] = []
        for entry in value or []:
            found += [part.strip()[: limits.MAX_ITEM_TEXT] for part in str(entry).split(",")]
        return [skill for skill in found if skill][:10]

    @field_validator("page", mode="before")
    @classmethod
    def _page(cls, value: Any) -> int:
        # A page out of range is the first page, not an error.
        return parse.digits(None if value is None else str(value), 1, limits.MAX_PAGE) or 1

    @model_validator(mode="after")
    def _together(self) -> CandidateQuery:
        low, high = self.hours_min, self.hours_max
        if low is not None and high is not None and low > high:
            message = N_("Det højeste antal timer skal være mindst det laveste.")
            raise FieldErrors({"hours_max": message})
        if self.distance is not None and self.posting is None:
            message = N_("Vælg det jobopslag, afstanden skal måles fra.")
            raise FieldErrors({"posting": message}, drop=("distance",))
        return self
