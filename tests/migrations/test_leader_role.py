"""Migration 0012 adds the leader role (ALTER TYPE on PostgreSQL) and, going down, turns
leaders back into consultants before the value is removed."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from tests.migrations.seeding import add_user, upgraded_to


def test_leaders_survive_a_downgrade_as_consultants() -> None:
    with upgraded_to("leader_role", "0012") as (config, engine):
        with engine.begin() as connection:
            add_user(
                connection, 1, "leder@x.example", role="leader", name="Leder", jobcentre_id=None
            )
        command.downgrade(config, "-1")
        with engine.connect() as connection:
            role = connection.execute(text("SELECT role FROM users")).scalar_one()
            assert role == "consultant"
        command.upgrade(config, "head")
        with engine.begin() as connection:
            connection.execute(text("UPDATE users SET role = 'leader'"))
