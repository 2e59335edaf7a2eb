"""A fresh database with the demo data, for the benchmarks that serve the app."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from benchkit.server import ROOT


def recreate_postgres(url: str) -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def migrated_with_demo_data(url: str) -> Engine:
    """Migrates url to head and loads the demo data; returns an engine on it (dispose it)."""
    from alembic import command
    from alembic.config import Config

    from app.db import make_engine, session_scope
    from app.demo.loader import load_demo_data

    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
    engine = make_engine(url)
    with session_scope(engine) as db:
        load_demo_data(db)
    return engine
