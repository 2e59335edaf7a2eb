"""Period buckets for the dashboard: ISO weeks or calendar months, in Danish local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from app.kit.dates import LOCAL, local_day

WEEK, MONTH = "week", "month"
BY = (WEEK, MONTH)
# The outer bound on one request's work: two years of weeks.
MAX_BUCKETS = 105


@dataclass(frozen=True)
class Bucket:
    """Days ``start`` up to and excluding ``end`` (a week or month clipped to the period)."""

    start: date
    end: date
    label: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def start_at(self) -> datetime:
        return local_midnight(self.start)

    @property
    def end_at(self) -> datetime:
        return local_midnight(self.end)


def local_midnight(day: date) -> datetime:
    """The UTC moment a Danish calendar day begins (datetime columns are stored in UTC)."""
    return datetime.combine(day, time(), LOCAL).astimezone(UTC)


def local_today(now: datetime) -> date:
    return local_day(now)


def _next(start: date, by: str) -> date:
    if by == WEEK:
        return start + timedelta(days=7 - start.weekday())
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _label(start: date, by: str) -> str:
    if by == WEEK:
        year, week, _ = start.isocalendar()
        return f"{year}-U{week:02d}"
    return f"{start.year}-{start.month:02d}"


def buckets(first: date, last: date, by: str) -> list[Bucket]:
    """The weeks or months from ``first`` to ``last`` (both included), the first and last
    clipped to the period so that every figure is about the chosen days only."""
    out: list[Bucket] = []
    start = first
    while start <= last:
        end = min(_next(start, by), last + timedelta(days=1))
        out.append(Bucket(start, end, _label(start, by)))
        start = end
    return out
