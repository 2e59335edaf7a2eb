"""Recording sign-ins: the row per sign-in (who, when, how) and the per-person month masks
of sign-in days (sign_in_months, laid out by app.kit.day_masks) that the engagement figures
read. Every writer of sign_ins goes through here, so the two never disagree. Never commits.
Days are Danish calendar days (app.kit.dates.local_day)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import insert
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.kit import day_masks
from app.kit.dates import local_day
from app.models import SignIn, SignInMethod, SignInMonth

_CHUNK = 1000


def add_days(db: Session, pairs: Iterable[tuple[int, date]]) -> None:
    """Merge sign-in days into the month masks (an upsert that ORs the bits in, so two
    sign-ins at the same moment cannot lose a day)."""
    rows = [
        {"user_id": user_id, "month": month, "days": days}
        for (user_id, month), days in day_masks.masks_of(pairs).items()
    ]
    dialect = db.get_bind().dialect.name
    upsert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    for start in range(0, len(rows), _CHUNK):
        statement = upsert(SignInMonth).values(rows[start : start + _CHUNK])
        db.execute(
            statement.on_conflict_do_update(
                index_elements=["user_id", "month"],
                set_={"days": SignInMonth.days.op("|")(statement.excluded.days)},
            )
        )


def record(db: Session, user_id: int, at: datetime, method: SignInMethod | str) -> None:
    """One sign-in."""
    day = local_day(at)
    db.add(SignIn(user_id=user_id, at=at, day=day, method=str(method)))
    add_days(db, [(user_id, day)])


def record_many(db: Session, sign_ins: list[tuple[int, datetime, str]]) -> None:
    """Many sign-ins at once (the demo history): (user id, moment, method) each."""
    days = [(user_id, local_day(at)) for user_id, at, _ in sign_ins]
    if sign_ins:
        rows = [
            {"user_id": user_id, "at": at, "day": day, "method": method}
            for (user_id, at, method), (_, day) in zip(sign_ins, days, strict=True)
        ]
        db.execute(insert(SignIn), rows)
        add_days(db, days)
