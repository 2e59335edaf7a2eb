"""Sign-in days as bit masks per person and month, laid out so that every week and every
month of the dashboard falls within one row.

A month's window runs from the Monday on or before its first day to the Sunday on or after
its last (at most 6 + 31 + 6 = 43 days, a 64-bit integer); bit k is the window's k-th day.
A day near a month's edge lies in two windows and is set in both. So an ISO week, or any
part of one, lies in the window of the month it starts in, as does any part of a month:
counting a person's days in a bucket is one row's set bits, with no grouping per person."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

WINDOW_BITS = 43


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _previous_month(month: date) -> date:
    return (month - timedelta(days=1)).replace(day=1)


def window_start(month: date) -> date:
    return month - timedelta(days=month.weekday())


def window_end(month: date) -> date:
    """The day after the window's last (a Monday)."""
    last = _next_month(month) - timedelta(days=1)
    return last + timedelta(days=7 - last.weekday())


def windows_of(day: date) -> list[tuple[date, int]]:
    """The (month, bit) pairs a sign-in on ``day`` sets."""
    own = first_of_month(day)
    out = []
    for month in (_previous_month(own), own, _next_month(own)):
        if window_start(month) <= day < window_end(month):
            out.append((month, 1 << (day - window_start(month)).days))
    return out


def masks_of(pairs: Iterable[tuple[int, date]]) -> dict[tuple[int, date], int]:
    """(user id, day) pairs folded into {(user id, month): mask}."""
    masks: dict[tuple[int, date], int] = {}
    for user_id, day in pairs:
        for month, bit in windows_of(day):
            masks[(user_id, month)] = masks.get((user_id, month), 0) | bit
    return masks


def days_in(month: date, mask: int) -> list[date]:
    start = window_start(month)
    return [start + timedelta(days=k) for k in range(WINDOW_BITS) if mask >> k & 1]


def bucket_mask(start: date, end: date) -> tuple[date, int] | None:
    """The one (month, mask) holding the days ``start`` up to ``end`` (exclusive), or None
    when they do not fit in one window (longer than a month, or across a month's edge by
    more than its week)."""
    month = first_of_month(start)
    if end <= start:
        return None
    if end > window_end(month):
        return None
    offset = (start - window_start(month)).days
    return month, ((1 << (end - start).days) - 1) << offset


def pieces(start: date, end: date) -> list[tuple[date, int]]:
    """The days ``start`` up to ``end`` split at month edges, each piece as (month, mask):
    for a bucket that fits no single window (each day is counted once, in its own month)."""
    out = []
    day = start
    while day < end:
        month = first_of_month(day)
        stop = min(end, _next_month(month))
        offset = (day - window_start(month)).days
        out.append((month, ((1 << (stop - day).days) - 1) << offset))
        day = stop
    return out
