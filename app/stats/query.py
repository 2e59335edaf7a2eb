"""The dashboard's and the stats API's query (scope ids, period, bucket size), read once for
both, so that a bad value is the same clear 422 on the page and in the JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import ValidationFailed
from app.kit import parse
from app.kit.i18n import N_
from app.stats.periods import BY, MAX_BUCKETS, MONTH, WEEK, Bucket, buckets


@dataclass(frozen=True)
class StatsQuery:
    jobcentre_id: int | None
    team_id: int | None
    consultant_id: int | None
    first: date
    last: date
    by: str
    buckets: list[Bucket]


def default_first(today: date, by: str) -> date:
    """Six months, or twelve weeks, ending today."""
    if by == WEEK:
        return today - timedelta(days=today.weekday() + 7 * 11)
    month = today.month - 5
    year = today.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def _id(raw: str | None, name: str, errors: dict[str, str]) -> int | None:
    if raw is None or not raw.strip():
        return None
    value = parse.record_id(raw)
    if value is None:
        errors[name] = N_("Vælg en gyldig værdi.")
    return value


def _day(raw: str | None, name: str, errors: dict[str, str]) -> date | None:
    try:
        return parse.day(raw)
    except ValueError:
        errors[name] = N_("Skriv en dato, fx 2026-03-01.")
        return None


def read(
    today: date,
    *,
    jobcentre_id: str | None = None,
    team_id: str | None = None,
    consultant_id: str | None = None,
    first: str | None = None,
    last: str | None = None,
    by: str | None = None,
) -> StatsQuery:
    errors: dict[str, str] = {}
    size = (by or MONTH).strip()
    if size not in BY:
        errors["by"] = N_("Vælg uge eller måned.")
        size = MONTH
    ids = [
        _id(raw, name, errors)
        for raw, name in (
            (jobcentre_id, "jobcentre_id"),
            (team_id, "team_id"),
            (consultant_id, "consultant_id"),
        )
    ]
    start = _day(first, "from", errors) or default_first(today, size)
    # Figures stop at today: a future day has nothing to count yet.
    end = min(_day(last, "to", errors) or today, today)
    if end < start and "from" not in errors and "to" not in errors:
        errors["to"] = N_("Slutdatoen skal ligge efter startdatoen.")
    spans = buckets(start, end, size) if not errors else []
    if len(spans) > MAX_BUCKETS:
        errors["from"] = N_("Vælg en kortere periode (højst to år).")
    if errors:
        raise ValidationFailed(fields=errors)
    return StatsQuery(ids[0], ids[1], ids[2], start, end, size, spans)
