"""Set bits of an integer, in SQL on both databases: the engagement bands count the days in
a person's month mask (sign_in_months.days) that fall in a bucket.

PostgreSQL (14 or newer) has bit_count for bit strings; SQLite gets a ``popcount`` function
on every connection (app.db)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class popcount(FunctionElement[int]):
    type = Integer()
    inherit_cache = True
    name = "popcount"


@compiles(popcount, "postgresql")
def _popcount_postgresql(element: popcount, compiler: Any, **kw: Any) -> str:
    return f"bit_count(CAST({compiler.process(element.clauses, **kw)} AS BIT(32)))"


@compiles(popcount)
def _popcount_default(element: popcount, compiler: Any, **kw: Any) -> str:
    return f"popcount({compiler.process(element.clauses, **kw)})"


def month_masks(start: date, end: date) -> list[tuple[date, int]]:
    """The days ``start`` up to and excluding ``end`` as (first of month, day mask) pairs,
    one per month they touch."""
    out = []
    day = start
    while day < end:
        month = day.replace(day=1)
        following = month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)
        last = min(end, following)  # exclusive
        span = (last - day).days
        out.append((month, ((1 << span) - 1) << (day.day - 1)))
        day = last
    return out
