"""Helpers for driving the HTML pages like a browser: read the CSRF token, log in."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

from tests.support.personas import PASSWORD

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(response: Response) -> str:
    match = _CSRF.search(response.text)
    assert match, "page has no CSRF token"
    return match.group(1)


def csrf(client: TestClient, path: str = "/login") -> str:
    return csrf_from(client.get(path))


def login(client: TestClient, email: str, password: str = PASSWORD) -> Response:
    token = csrf(client, "/login")
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
