"""Walks every state-changing route (POST, PUT, PATCH, DELETE) for every persona.

Each request carries a valid CSRF token (the form field for pages, the header for the API)
and an empty body (`{}` for the API), so what is tested is authorization: anonymous gets 401
(an API route, or a page POST) or 303 (a page that sends you to log in), a wrong role 403,
an outsider 404, and a party that may act gets past it — 2xx, 303 or a 422 for the empty
body. Nothing may answer 500. Expectations live per domain in
tests/app/<domain>/route_matrix.py as WRITE_MATRIX ("METHOD /path" -> a row); a route and
method with no expectation fails the completeness test. Each request runs in a savepoint that
is rolled back, and the browser's cookies are put back, so one request never changes what the
next one meets (a POST /logout does not sign the rest of the walk out).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.tokens import sign
from app.settings import Settings
from app.web.csrf import CSRF_COOKIE
from tests.app.route_matrix import PERSONAS
from tests.app.web.write_world import world_ids
from tests.support.personas import Personas
from tests.support.web import login

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_PLACEHOLDER = re.compile(r"\{[a-z0-9_]+\}")


def _matrices() -> tuple[dict[str, dict[str, int]], dict[str, str]]:
    walked: dict[str, dict[str, int]] = {}
    not_walked: dict[str, str] = {}
    for path in sorted(Path(__file__).parent.parent.glob("*/route_matrix.py")):
        module = importlib.import_module(f"tests.app.{path.parent.name}.route_matrix")
        for key in getattr(module, "WRITE_MATRIX", {}):
            assert key not in walked, f"{key} has two expectations"
        walked.update(getattr(module, "WRITE_MATRIX", {}))
        not_walked.update(getattr(module, "WRITE_NOT_WALKED", {}))
    return walked, not_walked


WRITE_MATRIX, WRITE_NOT_WALKED = _matrices()


def _shape(key: str) -> str:
    return _PLACEHOLDER.sub("{}", key)


def write_routes(routes: list[Any], prefix: str = "") -> set[str]:
    """Every "METHOD /path" of a state-changing APIRoute, also inside included routers."""
    found: set[str] = set()
    for route in routes:
        if isinstance(route, APIRoute):
            found |= {f"{m} {prefix}{route.path}" for m in route.methods & WRITE_METHODS}
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            found |= write_routes(inner.routes, prefix + getattr(context, "prefix", ""))
    return found


def test_write_matrix_covers_every_route_and_method(app: FastAPI) -> None:
    known = {_shape(k) for k in WRITE_MATRIX} | {_shape(k) for k in WRITE_NOT_WALKED}
    routes = {_shape(key) for key in write_routes(list(app.routes))}
    assert len(routes) > 40, "the route walk found too few routes to be trusted"
    missing = routes - known
    assert not missing, f"state-changing routes without an expectation: {sorted(missing)}"
    stale = known - routes
    assert not stale, f"expectations for routes that do not exist: {sorted(stale)}"
    for key, expected in WRITE_MATRIX.items():
        assert set(expected) == set(PERSONAS), key
        assert 500 not in expected.values(), key


def _send(client: TestClient, settings: Settings, method: str, path: str) -> int:
    # The CSRF token is the HMAC of this browser's cookie (app.web.csrf), as a page renders it.
    cookie = client.cookies.get(CSRF_COOKIE)
    assert cookie, "the walk needs a browser with a CSRF cookie"
    token = sign(settings.secret_key, "csrf:" + cookie)
    if path.startswith("/api/"):
        headers = {"x-csrf-token": token}
        response = client.request(method, path, json={}, headers=headers, follow_redirects=False)
    else:
        data = {"csrf_token": token}
        response = client.request(method, path, data=data, follow_redirects=False)
    return response.status_code


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_write_route_for_every_persona(
    client: TestClient, db: Session, settings: Settings, personas: Personas, persona: str
) -> None:
    ids = world_ids(db, settings, personas)
    if persona == "anonymous":
        client.get("/login")  # a browser that has seen a page has a CSRF cookie
    else:
        assert login(client, personas.all_users()[persona].email).status_code == 303
    db.commit()  # the test's own savepoint: what every request starts from
    connection = db.connection()
    failures = []
    for key, expected in sorted(WRITE_MATRIX.items()):
        method, template = key.split(" ", 1)
        path = _PLACEHOLDER.sub(lambda m: str(ids[m.group(0)[1:-1]]), template)
        cookies = dict(client.cookies)
        savepoint = connection.begin_nested()
        try:
            status = _send(client, settings, method, path)
        finally:
            savepoint.rollback()
            client.cookies.clear()
            client.cookies.update(cookies)
        if status == 500 or status != expected[persona]:
            failures.append(f"{method} {path}: got {status}, expected {expected[persona]}")
    assert not failures, f"{persona}:\n" + "\n".join(failures)
