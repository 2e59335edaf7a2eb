"""Fixtures for the match tests. The app (and its one MatchEngine, so the e5 model and its
embedding cache load once per session) comes from tests/conftest.py; the index is emptied
before and after every test that uses it, since ids are reused between rolled-back tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.matchmaking.engine import MatchEngine
from app.models import User
from tests.support.web import login


@pytest.fixture
def match_engine(app: FastAPI) -> Iterator[MatchEngine]:
    engine: MatchEngine = app.state.match_engine
    engine.reset()
    yield engine
    engine.reset()


@pytest.fixture
def browser(app: FastAPI, db: object) -> Iterator[Callable[[User], TestClient]]:
    """A logged-in browser per persona (each with its own cookies)."""
    opened: list[TestClient] = []

    def open_as(user: User) -> TestClient:
        client = TestClient(app, base_url="https://testserver", raise_server_exceptions=False)
        opened.append(client)
        assert login(client, user.email).status_code == 303
        return client

    yield open_as
    for client in opened:
        client.close()
