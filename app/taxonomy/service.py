"""Reference vocabularies for forms and the API: ESCO occupations, suggested skills,
accommodations (skånehensyn) and postcodes. Read from matching.reference only (shipped with the
product); no database access."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.errors import NotFound
from app.kit.i18n import N_
from matching import reference

MAX_LIMIT = 50


@dataclass(frozen=True)
class OccupationOut:
    uri: str
    isco: str
    label_da: str
    label_en: str


@dataclass(frozen=True)
class AccommodationOut:
    code: str
    label_da: str
    label_en: str
    explanation_da: str


@dataclass(frozen=True)
class PostcodeOut:
    postcode: str
    name: str
    kommune: str
    lat: float
    lon: float
    non_geographic: bool


def _occupation(o: reference.Occupation) -> OccupationOut:
    return OccupationOut(o.uri, o.isco, o.label_da or o.label_en, o.label_en)


def search_occupations(q: str, limit: int = 10) -> list[OccupationOut]:
    """Danish-aware: case, æ/ø/å ≡ ae/oe/aa, word prefixes and parts of compound words."""
    limit = max(0, min(limit, MAX_LIMIT))
    return [_occupation(o) for o in reference.search_occupations(q, limit=limit)]


def occupation_for(uri_or_label: str) -> OccupationOut | None:
    """An occupation by ESCO URI, or by its (Danish) label as typed in a form."""
    value = uri_or_label.strip()
    if not value:
        return None
    found = reference.occupation_by_uri(value)
    if found is None:
        hits = reference.search_occupations(value, limit=1)
        found = hits[0] if hits else None
    return _occupation(found) if found else None


def suggested_skills(occupation: str, limit: int = 20) -> list[str]:
    """Essential ESCO skills of the occupation (URI or label); empty when it is unknown."""
    found = occupation_for(occupation)
    if found is None:
        return []
    return reference.suggested_skills([found.uri])[: max(0, min(limit, MAX_LIMIT))]


def accommodations() -> list[AccommodationOut]:
    return [
        AccommodationOut(a.code, a.label_da, a.label_en, a.explanation_da)
        for a in reference.ACCOMMODATIONS
    ]


def postcode(code: str) -> PostcodeOut:
    info = reference.postcode_info(code)
    if info is None:
        raise NotFound(N_("Postnummeret findes ikke."))
    return PostcodeOut(
        info.postcode, info.name, info.kommune, info.lat, info.lon, info.non_geographic
    )


@cache
def geographic_postcodes() -> tuple[PostcodeOut, ...]:
    """Every postcode with a real place (PO-box and large-recipient codes left out)."""
    out = []
    for number in range(10_000):
        info = reference.postcode_info(f"{number:04d}")
        if info is not None and not info.non_geographic:
            out.append(
                PostcodeOut(info.postcode, info.name, info.kommune, info.lat, info.lon, False)
            )
    return tuple(out)
