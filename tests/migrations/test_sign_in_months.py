"""Migration 0020 folds the sign-ins recorded so far into month masks (one bit per Danish
calendar day with a sign-in, several sign-ins on one day one bit) and drops them going down."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from app.db import make_engine
from tests.db_urls import fresh_database_url
from tests.migrations.test_round_trip import _config

# (user, day) sign-ins, one day twice, across a month boundary and on the 31st.
SIGN_INS = [
    (1, date(2026, 10, 1)),
    (1, date(2026, 10, 1)),
    (1, date(2026, 10, 31)),
    (1, date(2026, 11, 2)),
    (2, date(2026, 11, 30)),
]


def test_recorded_sign_ins_become_month_masks() -> None:
    url = fresh_database_url("sign_in_months")
    config = _config(url)
    command.upgrade(config, "0019")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO jobcentres (id, name, kommune_code) VALUES (1, 'Jc', '101')")
            )
            for n in (1, 2):
                connection.execute(
                    text(
                        "INSERT INTO users (id, email, display_name, role, jobcentre_id, active,"
                        " locale, notify_mode, created_at) VALUES (:n, :email, 'P', 'flexjobber',"
                        " 1, true, 'da', 'none', CURRENT_TIMESTAMP)"
                    ),
                    {"n": n, "email": f"p{n}@x.example"},
                )
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
        assert [(u, str(m)[:10], d) for u, m, d in rows] == [
            (1, "2026-10-01", 1 | 1 << 30),
            (1, "2026-11-01", 1 << 1),
            (2, "2026-11-01", 1 << 29),
        ]
        command.downgrade(config, "0019")
        assert "sign_in_months" not in inspect(engine).get_table_names()
        command.upgrade(config, "head")
        assert "sign_in_months" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
