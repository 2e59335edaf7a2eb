"""Reading candidate filters from query parameters (shared by the page and the API)."""

from __future__ import annotations

from app.candidates.service import MAX_DISTANCE_KM, MAX_PAGE, CandidateFilters
from app.kit import parse
from app.kit.i18n import N_


def _int(
    raw: str | None, name: str, low: int, high: int, errors: dict[str, str], message: str
) -> int | None:
    value = (raw or "").strip()
    if not value:
        return None
    if parse.digits(value, low, high) is None:
        errors[name] = message
        return None
    return int(value)


def parse_filters(
    *,
    q: str = "",
    hours_min: str | None = None,
    hours_max: str | None = None,
    posting: str | None = None,
    distance: str | None = None,
    skills: list[str] | None = None,
    wished: str = "",
    page: str | None = None,
) -> tuple[CandidateFilters, dict[str, str]]:
    errors: dict[str, str] = {}
    hours_text = N_("Skriv et antal timer mellem 0 og 37.")
    low = _int(hours_min, "hours_min", 0, 37, errors, hours_text)
    high = _int(hours_max, "hours_max", 0, 37, errors, hours_text)
    if low is not None and high is not None and low > high:
        errors["hours_max"] = N_("Det højeste antal timer skal være mindst det laveste.")
        high = None
    posting_id = _int(posting, "posting", 1, 2**31 - 1, errors, N_("Vælg et jobopslag."))
    km = _int(
        distance, "distance", 0, MAX_DISTANCE_KM, errors, N_("Skriv en afstand mellem 0 og 500 km.")
    )
    if km is not None and posting_id is None and "posting" not in errors:
        errors["posting"] = N_("Vælg det jobopslag, afstanden skal måles fra.")
    skill_list: list[str] = []
    for entry in skills or []:
        skill_list += [part.strip()[:100] for part in entry.split(",") if part.strip()]
    filters = CandidateFilters(
        q=q[:200],
        hours_min=low,
        hours_max=high,
        posting_id=posting_id,
        distance_km=km if posting_id is not None else None,
        skills=tuple(skill_list[:10]),
        wished_job=wished[:200],
        page=_int(page, "page", 1, MAX_PAGE, {}, "") or 1,
    )
    return filters, errors
