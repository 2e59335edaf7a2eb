"""Which database the tests use: FLEKSBRO_TEST_DATABASE_URL, or a fresh SQLite file."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


def database_url_for_tests() -> str:
    url = os.environ.get("FLEKSBRO_TEST_DATABASE_URL")
    if url:
        return url
    path = Path(tempfile.mkdtemp(prefix="fleksbro-test-")) / "test.db"
    return f"sqlite:///{path}"


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql")


def ensure_postgres_running() -> None:
    """Start the local server if it is stopped, as the developers' guide asks."""
    ready = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432"], check=False)
    if ready.returncode != 0:
        subprocess.run(PG_START, shell=True, check=True)
        subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-t", "30"], check=True)


def recreate_postgres_database(url: str) -> None:
    ensure_postgres_running()
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def fresh_database_url(name: str) -> str:
    """A new empty database next to the test database (for migrations and the browser server)."""
    base = shared_test_database_url()
    if is_postgres(base):
        url = (
            make_url(base)
            .set(database=f"{make_url(base).database}_{name}")
            .render_as_string(hide_password=False)
        )
        recreate_postgres_database(url)
        return url
    path = Path(tempfile.mkdtemp(prefix=f"fleksbro-{name}-")) / f"{name}.db"
    return f"sqlite:///{path}"


_CACHED: list[str] = []


def shared_test_database_url() -> str:
    if not _CACHED:
        _CACHED.append(database_url_for_tests())
    return _CACHED[0]
