"""Migrations upgrade and downgrade cleanly, and the models match what they build."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.db import make_engine
from app.models import Base
from app.models.base import include_in_schema_comparison
from tests.db_urls import fresh_database_url
from tests.migrations.seeding import alembic_config, upgraded_to


def test_upgrade_downgrade_upgrade_round_trip() -> None:
    with upgraded_to("migrations", "head") as (config, engine):
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) - {"alembic_version"} == set()
        command.upgrade(config, "head")
        with engine.connect() as connection:
            diff = compare_metadata(
                MigrationContext.configure(
                    connection,
                    opts={"compare_type": True, "include_object": include_in_schema_comparison},
                ),
                Base.metadata,
            )
        assert diff == [], f"models and migrations differ: {diff}"


def test_sqlite_enforces_foreign_keys() -> None:
    url = fresh_database_url("fk")
    if not url.startswith("sqlite"):
        return  # PostgreSQL always enforces them
    command.upgrade(alembic_config(url), "head")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
