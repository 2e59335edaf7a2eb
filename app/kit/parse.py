"""Reading values typed by people (forms, CSV cells, query strings), with one set of rules
for the whole app. Everything returns a clean value or raises ValueError; callers turn that
into their field's message. Digits are ASCII only: "²" and "٣" pass str.isdigit() but are
not numbers anyone means to type."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator

from app.kit.limits import MAX_ID, MAX_LIST_ITEMS

_INT = re.compile(r"-?[0-9]{1,9}", re.ASCII)
_SPLIT = re.compile(r"[\n\r|;,]+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_DMY = re.compile(r"([0-9]{1,2})[-./]([0-9]{1,2})[-./]([0-9]{4})", re.ASCII)
TRUE_WORDS = frozenset({"1", "true", "ja", "yes", "on", "x", "sand"})
MIN_YEAR, MAX_YEAR = 1900, 2100


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def integer(value: Any) -> int | None:
    """An int (at most 9 digits), None if blank; raises ValueError on anything else."""
    if isinstance(value, bool):
        raise ValueError("not a number")
    if value is None:
        return None
    if isinstance(value, int):
        return value
    raw = text(value)
    if not raw:
        return None
    if not _INT.fullmatch(raw):
        raise ValueError("not a whole number")
    return int(raw)


def digits(value: str | None, low: int = 0, high: int = MAX_ID) -> int | None:
    """ASCII digits within [low, high] as an int, else None (query strings, ids in forms)."""
    raw = (value or "").strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10:
        return None
    number = int(raw)
    return number if low <= number <= high else None


def record_id(value: str | None) -> int | None:
    """A database id typed into a form or query string, or None."""
    return digits(value, 1, MAX_ID)


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return text(value).lower() in TRUE_WORDS


def day(value: Any) -> date | None:
    """ISO (2026-03-01) or Danish (1-3-2026, 01.03.2026) dates in 1900–2100; None if blank."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        parsed = value
    else:
        raw = text(value)
        if not raw:
            return None
        iso, dmy = _ISO_DATE.fullmatch(raw), _DMY.fullmatch(raw)
        if iso:
            parsed = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        elif dmy:
            parsed = date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
        else:
            raise ValueError("not a date")
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValueError("year out of range")
    return parsed


def moment(value: datetime) -> datetime:
    """An aware datetime within 1900–2100, in UTC (9999-12-31T23:59:59-12:00 would overflow)."""
    if value.tzinfo is None:
        raise ValueError("a time zone is needed")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError("year out of range")
    return value.astimezone(UTC)


def items(value: Any) -> list[str]:
    """A list from a list, or from text separated by new lines, commas, semicolons or |."""
    if value is None:
        return []
    parts: Iterable[Any] = value if isinstance(value, list | tuple) else _SPLIT.split(str(value))
    return [t for t in (text(part) for part in parts) if t]


def unique(values: Iterable[str], key: Any = None, limit: int = MAX_LIST_ITEMS) -> list[str]:
    """The first of each value (by ``key``, e.g. casefold), in order, in linear time. Stops
    one past ``limit``, so a caller sees the list is too long without reading all of it."""
    seen: dict[Any, str] = {}
    for item in values:
        seen.setdefault(key(item) if key else item, item)
        if len(seen) > limit:
            break
    return list(seen.values())


def _bounded_day(value: date) -> date:
    parsed = day(value)
    assert parsed is not None
    return parsed


# Pydantic field types for JSON bodies, with the same bounds as the forms.
Moment = Annotated[datetime, AfterValidator(moment)]
Day = Annotated[date, AfterValidator(_bounded_day)]
