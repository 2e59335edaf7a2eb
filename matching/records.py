"""Input records: what the web app (or a bench JSONL line) knows about a profile or a posting.

`from_json` never raises on garbage: unusable fields become "no information" (None / empty),
because a missing field must never exclude anybody.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from matching.accommodations import ACCOMMODATION_BY_CODE
from matching.schedule import SLOT_INDEX
from matching.text import MAX_TEXT_CHARS

# Hours outside this range are data-entry errors, not preferences: they are ignored (no
# information) rather than clamped, because a typo must never exclude anybody.
HOURS_RANGE = (0.0, 80.0)
MAX_LIST_ITEMS = 200


def _text(v: Any) -> str:
    return v[:MAX_TEXT_CHARS].strip() if isinstance(v, str) else ""


def _texts(v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list | tuple | set | frozenset):
        return ()
    out = [_text(x) for x in list(v)[:MAX_LIST_ITEMS]]
    return tuple(dict.fromkeys(x for x in out if x))


def _codes(v: Any, known: Mapping[str, object]) -> frozenset[str]:
    return frozenset(x for x in _texts(v) if x in known)


def _number(v: Any) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _hours(lo: Any, hi: Any) -> tuple[float | None, float | None]:
    a, b = _number(lo), _number(hi)
    a = a if a is not None and HOURS_RANGE[0] <= a <= HOURS_RANGE[1] else None
    b = b if b is not None and HOURS_RANGE[0] <= b <= HOURS_RANGE[1] else None
    if a is not None and b is not None and a > b:
        a, b = b, a
    return a, b


def _bool(v: Any) -> bool | None:
    return v if isinstance(v, bool) else None


def _postcode(v: Any) -> str | None:
    s = str(v).strip() if isinstance(v, str | int) and not isinstance(v, bool) else ""
    return s or None


@dataclass(frozen=True)
class ProfileRecord:
    id: str
    headline: str = ""
    about: str = ""
    experience: str = ""
    wished_jobs: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    hours_min: float | None = None
    hours_max: float | None = None
    postcode: str | None = None
    max_distance_km: float | None = None
    remote_ok: bool | None = None
    # "Jeg vil kun arbejde hjemmefra": on-site jobs are excluded both ways.
    remote_only: bool = False
    accommodation_needs: frozenset[str] = frozenset()
    accommodation_essential: frozenset[str] = frozenset()
    schedule: frozenset[str] = frozenset()
    language: str = "da"

    @property
    def accommodation_nice(self) -> frozenset[str]:
        return self.accommodation_needs - self.accommodation_essential

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ProfileRecord:
        hmin, hmax = _hours(d.get("hours_min"), d.get("hours_max"))
        dist = _number(d.get("max_distance_km"))
        essential = _codes(d.get("accommodation_essential"), ACCOMMODATION_BY_CODE)
        lang = d.get("language")
        return cls(
            id=str(d.get("id", "")),
            headline=_text(d.get("headline")),
            about=_text(d.get("about")),
            experience=_text(d.get("experience")),
            wished_jobs=_texts(d.get("wished_jobs")),
            skills=_texts(d.get("skills")),
            hours_min=hmin,
            hours_max=hmax,
            postcode=_postcode(d.get("postcode")),
            max_distance_km=dist if dist is not None and dist > 0 else None,
            remote_ok=_bool(d.get("remote_ok")),
            remote_only=_bool(d.get("remote_only")) is True,
            # a must-have is also a need, even if the caller forgot to list it twice
            accommodation_needs=_codes(d.get("accommodation_needs"), ACCOMMODATION_BY_CODE)
            | essential,
            accommodation_essential=essential,
            schedule=_codes(d.get("schedule"), SLOT_INDEX),
            language=lang if lang in ("da", "en") else "da",
        )


@dataclass(frozen=True)
class JobRecord:
    id: str
    title: str = ""
    description: str = ""
    tasks: str = ""
    skills: tuple[str, ...] = ()
    nice_skills: tuple[str, ...] = ()
    hours_min: float | None = None
    hours_max: float | None = None
    postcode: str | None = None
    remote: bool | None = None
    # None = the posting says nothing about accommodations (never a reason to exclude)
    accommodations_offered: frozenset[str] | None = None
    schedule: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> JobRecord:
        hmin, hmax = _hours(d.get("hours_min"), d.get("hours_max"))
        offered = _codes(d.get("accommodations_offered"), ACCOMMODATION_BY_CODE)
        return cls(
            id=str(d.get("id", "")),
            title=_text(d.get("title")),
            description=_text(d.get("description")),
            tasks=_text(d.get("tasks")),
            skills=_texts(d.get("skills")),
            nice_skills=_texts(d.get("nice_skills")),
            hours_min=hmin,
            hours_max=hmax,
            postcode=_postcode(d.get("postcode")),
            remote=_bool(d.get("remote")),
            accommodations_offered=offered or None,
            schedule=_codes(d.get("schedule"), SLOT_INDEX),
        )
