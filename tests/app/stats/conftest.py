"""The stats tests' small world and a logged-in client per e-mail address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.stats import service
from tests.app.stats.world import World, build
from tests.support.web import login


@pytest.fixture(autouse=True)
def fresh_figures() -> Iterator[None]:
    """Each test's world is new: no figures cached from another test's (ids repeat)."""
    service.clear_cache()
    yield
    service.clear_cache()


@pytest.fixture
def world(db: Session, password_hash: str) -> World:
    return build(db, password_hash)


@pytest.fixture
def as_user(app: FastAPI, db: Session) -> Iterator[object]:
    clients: list[TestClient] = []

    def open_as(email: str) -> TestClient:
        client = TestClient(app, base_url="https://testserver", raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        assert login(client, email).status_code == 303
        return client

    yield open_as
    for client in clients:
        client.__exit__(None, None, None)
