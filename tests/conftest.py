"""Shared fixtures: a migrated database (SQLite or PostgreSQL), one rolled-back transaction per
test, a real SMTP server on loopback, the app and its personas."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.db import make_engine
from app.kit.passwords import hash_password
from app.main import create_app
from app.settings import PROJECT_ROOT, Settings
from tests.db_urls import is_postgres, recreate_postgres_database, shared_test_database_url
from tests.support.personas import PASSWORD, Personas, create_personas
from tests.support.smtp import Mailbox, start_smtp_server

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"

# The suite leaves the source tree alone: CVs, images, videos and the embedding cache go to a
# temporary data directory, set before anything reads the settings so that every Settings()
# and every `fleksbro` subprocess the tests start (they inherit the environment) use it too.
DATA_DIR = Path(tempfile.mkdtemp(prefix="fleksbro-test-data-"))
os.environ["FLEKSBRO_DATA_DIR"] = str(DATA_DIR)
atexit.register(shutil.rmtree, DATA_DIR, ignore_errors=True)


def migrate(url: str, revision: str = "head") -> None:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logger"] = False
    command.upgrade(config, revision)


@pytest.fixture(scope="session")
def database_url() -> str:
    url = shared_test_database_url()
    if is_postgres(url):
        recreate_postgres_database(url)
    migrate(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def smtp() -> Iterator[Mailbox]:
    controller, mailbox = start_smtp_server()
    mailbox.port = controller.port  # type: ignore[attr-defined]
    yield mailbox
    controller.stop()


@pytest.fixture
def mailbox(smtp: Mailbox) -> Mailbox:
    smtp.clear()
    return smtp


@pytest.fixture(scope="session")
def settings(database_url: str, smtp: Mailbox) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        data_dir=DATA_DIR,
        secret_key=TEST_SECRET,
        base_url="https://testserver",
        mail_backend="smtp",
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,  # type: ignore[attr-defined]
        matching_background=False,  # tests sync the index inside their own transaction
    )


@pytest.fixture(scope="session")
def app(settings: Settings, engine: Engine) -> FastAPI:
    return create_app(settings, engine)


@pytest.fixture
def db(app: FastAPI, engine: Engine) -> Iterator[Session]:
    """Everything a test does, through the app or directly, is rolled back at the end."""
    connection = engine.connect()
    transaction = connection.begin()
    factory = sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    original = app.state.session_factory
    app.state.session_factory = factory
    session = factory()
    try:
        yield session
    finally:
        session.close()
        app.state.session_factory = original
        transaction.rollback()
        connection.close()


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture
def personas(db: Session, password_hash: str) -> Personas:
    return create_personas(db, password_hash)


@pytest.fixture
def client(app: FastAPI, db: Session) -> Iterator[TestClient]:
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as c:
        yield c
