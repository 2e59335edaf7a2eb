"""Reference vocabularies for forms and the API: ESCO occupations, suggested skills,
accommodations (skånehensyn) and postcodes. Read from matching.reference only (shipped with the
product); no database access."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from app.errors import NotFound
from app.kit.i18n import N_
from matching import reference
from matching.geo import haversine_km

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


def accommodation_label(code: str, lang: str = "da") -> str:
    found = reference.ACCOMMODATION_BY_CODE.get(code)
    if found is None:
        return code
    return found.label_da if lang == "da" else found.label_en


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


@cache
def _coordinates() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    codes = tuple(
        info.postcode
        for number in range(10_000)
        if (info := reference.postcode_info(f"{number:04d}")) is not None
    )
    infos = [reference.postcode_info(code) for code in codes]
    lat = np.array([i.lat for i in infos if i], dtype=np.float64)
    lon = np.array([i.lon for i in infos if i], dtype=np.float64)
    return codes, lat, lon


def distance_km(a: str | None, b: str | None) -> float | None:
    """Great-circle distance between two postcode centres; None when either is unknown."""
    first, second = reference.postcode_info(a), reference.postcode_info(b)
    if first is None or second is None:
        return None
    km = haversine_km(
        np.array([first.lat]), np.array([first.lon]), np.array([second.lat]), np.array([second.lon])
    )
    return float(km[0])


@lru_cache(maxsize=4096)
def postcodes_within(code: str, km: int) -> frozenset[str]:
    """Postcodes whose centre lies within `km` of the centre of `code` (itself included)."""
    origin = reference.postcode_info(code)
    if origin is None:
        return frozenset()
    codes, lat, lon = _coordinates()
    distances = haversine_km(np.full_like(lat, origin.lat), np.full_like(lon, origin.lon), lat, lon)
    return frozenset(c for c, d in zip(codes, distances, strict=True) if d <= km)
