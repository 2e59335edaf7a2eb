"""Migrations upgrade and downgrade cleanly, and the models match what they build."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.db import make_engine
from app.models import Base
from app.models.base import include_in_schema_comparison
from app.settings import PROJECT_ROOT
from tests.db_urls import fresh_database_url


def _config(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logger"] = False
    return config


def test_upgrade_downgrade_upgrade_round_trip() -> None:
    url = fresh_database_url("migrations")
    config = _config(url)
    command.upgrade(config, "head")
    engine = make_engine(url)
    try:
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
    finally:
        engine.dispose()


def test_sqlite_enforces_foreign_keys() -> None:
    url = fresh_database_url("fk")
    if not url.startswith("sqlite"):
        return  # PostgreSQL always enforces them
    command.upgrade(_config(url), "head")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
