"""Migration 0012 adds the leader role (ALTER TYPE on PostgreSQL) and, going down, turns
leaders back into consultants before the value is removed."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from app.db import make_engine
from tests.db_urls import fresh_database_url
from tests.migrations.test_round_trip import _config


def test_leaders_survive_a_downgrade_as_consultants() -> None:
    url = fresh_database_url("leader_role")
    config = _config(url)
    command.upgrade(config, "0012")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (email, display_name, role, active, locale, notify_mode,"
                    " created_at) VALUES ('leder@x.example', 'Leder', 'leader', true, 'da',"
                    " 'none', CURRENT_TIMESTAMP)"
                )
            )
        command.downgrade(config, "-1")
        with engine.connect() as connection:
            role = connection.execute(text("SELECT role FROM users")).scalar_one()
            assert role == "consultant"
        command.upgrade(config, "head")
        with engine.begin() as connection:
            connection.execute(text("UPDATE users SET role = 'leader'"))
    finally:
        engine.dispose()
