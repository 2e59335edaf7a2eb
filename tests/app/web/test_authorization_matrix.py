"""Walks every route for every persona and checks the expected status.

An outsider gets 404, a read-only party 403, anonymous pages redirect to login (303) and the
API answers 401. Expectations live per domain in tests/app/<domain>/route_matrix.py; a route
with no expectation anywhere fails the completeness test.
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

from tests.app.route_matrix import PERSONAS
from tests.app.web.write_world import staff_ids
from tests.support.personas import Personas
from tests.support.web import login


def _matrices() -> tuple[dict[str, dict[str, int]], dict[str, str]]:
    walked: dict[str, dict[str, int]] = {}
    not_walked: dict[str, str] = {}
    for path in sorted(Path(__file__).parent.parent.glob("*/route_matrix.py")):
        module = importlib.import_module(f"tests.app.{path.parent.name}.route_matrix")
        walked.update(module.GET_MATRIX)
        not_walked.update(module.NOT_WALKED)
    return walked, not_walked


GET_MATRIX, NOT_WALKED = _matrices()
_PLACEHOLDER = re.compile(r"\{[a-z0-9_]+\}")


def _fill(template: str, personas: Personas, extra: dict[str, int]) -> str:
    ids = extra | {
        "company": personas.company.id,
        "company2": personas.company2.id,
        "profile": personas.profile.public_id,
        "profile2": personas.profile2.public_id,
        "job": personas.job.id,
        "draft_job": personas.draft_job.id,
        "job2": personas.job2.id,
    }
    return _PLACEHOLDER.sub(lambda m: str(ids[m.group(0)[1:-1]]), template)


def _shape(path: str) -> str:
    return _PLACEHOLDER.sub("{}", path)


def all_route_paths(routes: list[Any], prefix: str = "") -> set[str]:
    """Every APIRoute path, also inside included routers (FastAPI wraps those)."""
    paths: set[str] = set()
    for route in routes:
        if isinstance(route, APIRoute):
            paths.add(prefix + route.path)
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            paths |= all_route_paths(inner.routes, prefix + getattr(context, "prefix", ""))
    return paths


def test_matrix_covers_every_route(app: FastAPI) -> None:
    known = {_shape(p.split("?")[0]) for p in GET_MATRIX} | {_shape(p) for p in NOT_WALKED}
    routes = {_shape(path) for path in all_route_paths(list(app.routes))}
    assert len(routes) > 50, "the route walk found too few routes to be trusted"
    missing = routes - known
    assert not missing, f"routes without an authorization expectation: {sorted(missing)}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_for_every_persona(
    client: TestClient, db: Session, personas: Personas, persona: str
) -> None:
    extra = staff_ids(db, personas)
    if persona != "anonymous":
        user = personas.all_users()[persona]
        assert login(client, user.email).status_code == 303
    failures = []
    for template, expected in GET_MATRIX.items():
        path = _fill(template, personas, extra)
        status = client.get(path, follow_redirects=False).status_code
        if status != expected[persona]:
            failures.append(f"GET {path}: got {status}, expected {expected[persona]}")
    assert not failures, f"{persona}:\n" + "\n".join(failures)


def test_unknown_company_is_404_for_staff(client: TestClient, personas: Personas) -> None:
    login(client, personas.admin.email)
    assert client.get("/virksomheder/999999").status_code == 404
    assert client.get("/api/v1/companies/999999").json()["error"]["code"] == "not_found"
