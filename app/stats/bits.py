"""Set bits of a 64-bit integer, in SQL on both databases: the engagement bands count the
days in a person's month mask (sign_in_months.days, app.kit.day_masks) that fall in a bucket.

PostgreSQL (14 or newer) has bit_count for bit strings; SQLite gets a ``popcount`` function
on every connection (app.db)."""

from __future__ import annotations

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
    return f"bit_count(CAST({compiler.process(element.clauses, **kw)} AS BIT(64)))"


@compiles(popcount)
def _popcount_default(element: popcount, compiler: Any, **kw: Any) -> str:
    return f"popcount({compiler.process(element.clauses, **kw)})"
