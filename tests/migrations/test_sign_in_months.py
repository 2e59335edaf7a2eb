"""Migration 0020 folds the sign-ins recorded so far into month-window masks (one bit per
Danish calendar day with a sign-in, several sign-ins on one day one bit, a day near a month's
edge in both windows) and drops them going down."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from app.kit import day_masks
from tests.migrations.seeding import add_jobcentre, add_user, upgraded_to

# (user, day) sign-ins, one day twice, across a month boundary and on the 31st.
SIGN_INS = [
    (1, date(2026, 10, 1)),
    (1, date(2026, 10, 1)),
    (1, date(2026, 10, 31)),
    (1, date(2026, 11, 2)),
    (2, date(2026, 11, 30)),
]


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def test_recorded_sign_ins_become_month_masks() -> None:
    with upgraded_to("sign_in_months", "0019") as (config, engine):
        with engine.begin() as connection:
            add_jobcentre(connection)
            for n in (1, 2):
                add_user(connection, n, f"p{n}@x.example")
            for user_id, day in SIGN_INS:
                connection.execute(
                    text(
                        "INSERT INTO sign_ins (user_id, at, day, method)"
                        " VALUES (:u, CURRENT_TIMESTAMP, :day, 'password')"
                    ),
                    {"u": user_id, "day": day},
                )
        command.upgrade(config, "0020")
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT user_id, month, days FROM sign_in_months ORDER BY user_id, month")
            ).all()
        decoded = [(u, str(m)[:10], day_masks.days_in(_date(m), d)) for u, m, d in rows]
        # September's window ends Sun 4 Oct; October's: Mon 28 Sep - Sun 1 Nov; November's:
        # Mon 26 Oct - Sun 6 Dec; December's starts Mon 30 Nov. A day near an edge is in both.
        assert decoded == [
            (1, "2026-09-01", [date(2026, 10, 1)]),
            (1, "2026-10-01", [date(2026, 10, 1), date(2026, 10, 31)]),
            (1, "2026-11-01", [date(2026, 10, 31), date(2026, 11, 2)]),
            (2, "2026-11-01", [date(2026, 11, 30)]),
            (2, "2026-12-01", [date(2026, 11, 30)]),
        ]
        command.downgrade(config, "0019")
        assert "sign_in_months" not in inspect(engine).get_table_names()
        command.upgrade(config, "head")
        assert "sign_in_months" in inspect(engine).get_table_names()
