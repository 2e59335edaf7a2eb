"""Helpers for the migration tests: a fresh database upgraded to a revision (the engine
disposed afterwards), and the rows a data migration is tried on (a jobcentre, its users),
written as plain SQL so they fit the schema of that revision rather than today's models."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

from app.db import make_engine
from app.settings import PROJECT_ROOT
from tests.db_urls import fresh_database_url

JOBCENTRE_ID = 1


def alembic_config(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logger"] = False
    return config


@contextmanager
def upgraded_to(name: str, revision: str) -> Iterator[tuple[Config, Engine]]:
    """A fresh database ``name`` upgraded to ``revision``: its Alembic config and an engine."""
    url = fresh_database_url(name)
    config = alembic_config(url)
    command.upgrade(config, revision)
    engine = make_engine(url)
    try:
        yield config, engine
    finally:
        engine.dispose()


def add_jobcentre(connection: Connection) -> None:
    connection.execute(
        text("INSERT INTO jobcentres (id, name, kommune_code) VALUES (:id, 'Jc', '101')"),
        {"id": JOBCENTRE_ID},
    )


def add_user(
    connection: Connection,
    user_id: int,
    email: str,
    *,
    role: str = "flexjobber",
    name: str = "P",
    jobcentre_id: int | None = JOBCENTRE_ID,
) -> None:
    connection.execute(
        text(
            "INSERT INTO users (id, email, display_name, role, jobcentre_id, active, locale,"
            " notify_mode, created_at) VALUES (:id, :email, :name, :role, :jobcentre_id, true,"
            " 'da', 'none', CURRENT_TIMESTAMP)"
        ),
        {"id": user_id, "email": email, "name": name, "role": role, "jobcentre_id": jobcentre_id},
    )
