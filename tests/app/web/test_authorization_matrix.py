"""Walks every route for every persona and checks the expected status.

An outsider gets 404, a read-only party 403, anonymous pages redirect to login (303) and the
API answers 401. A new route must be added here, or the completeness test fails.
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.support.personas import Personas
from tests.support.web import login

PERSONAS = [
    "anonymous",
    "flexjobber",
    "flexjobber2",
    "company_user",
    "company_user2",
    "consultant",
    "outsider",
    "admin",
]


def _row(
    anon: int, flex: int, flex2: int, comp: int, comp2: int, cons: int, out: int, admin: int
) -> dict[str, int]:
    return dict(zip(PERSONAS, (anon, flex, flex2, comp, comp2, cons, out, admin), strict=True))


ALL_OK = _row(200, 200, 200, 200, 200, 200, 200, 200)
LOGGED_IN = _row(303, 200, 200, 200, 200, 200, 200, 200)
STAFF = _row(303, 403, 403, 403, 403, 200, 200, 200)
# {company} is personas.company: followed by the consultant's jobcentre, member company_user.
COMPANY_VIEW = _row(303, 200, 200, 200, 404, 200, 404, 200)

GET_MATRIX: dict[str, dict[str, int]] = {
    "/": ALL_OK,
    "/tilgaengelighed": ALL_OK,
    "/healthz": ALL_OK,
    "/readyz": ALL_OK,
    "/login": _row(200, 303, 303, 303, 303, 303, 303, 303),
    "/glemt-adgangskode": ALL_OK,
    "/login-link": ALL_OK,
    "/hjem": LOGGED_IN,
    "/inviter": STAFF,
    "/virksomheder": LOGGED_IN,
    "/virksomheder/{company}": COMPANY_VIEW,
    "/api/v1/me": {**LOGGED_IN, "anonymous": 401},
    "/api/v1/companies/{company}": {**COMPANY_VIEW, "anonymous": 401},
}

# Routes whose access is decided by a token in the URL (tested in tests/app/auth).
TOKEN_ROUTES = {"/nulstil-adgangskode/{token}", "/login-link/{token}", "/invitation/{token}"}
# POST-only routes that anyone may call (with a CSRF token).
PUBLIC_POSTS = {"/login", "/logout", "/sprog", "/glemt-adgangskode", "/login-link", "/inviter"}


def test_matrix_covers_every_route(app: FastAPI) -> None:
    paths = {
        route.path.replace("{company_id}", "{company}")
        for route in app.routes
        if isinstance(route, APIRoute) and route.path not in ("/docs", "/openapi.json")
    }
    missing = paths - set(GET_MATRIX) - TOKEN_ROUTES - PUBLIC_POSTS
    assert not missing, f"routes without an authorization expectation: {sorted(missing)}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_for_every_persona(
    client: TestClient, personas: Personas, persona: str
) -> None:
    if persona != "anonymous":
        user = personas.all_users()[persona]
        assert login(client, user.email).status_code == 303
    for template, expected in GET_MATRIX.items():
        path = template.replace("{company}", str(personas.company.id))
        response = client.get(path, follow_redirects=False)
        assert response.status_code == expected[persona], f"{persona} GET {path}"
        if response.status_code == 404 and path.startswith("/virksomheder"):
            assert personas.company.name not in response.text


def test_unknown_company_is_404_for_staff(client: TestClient, personas: Personas) -> None:
    login(client, personas.admin.email)
    assert client.get("/virksomheder/999999").status_code == 404
    assert client.get("/api/v1/companies/999999").json()["error"]["code"] == "not_found"
