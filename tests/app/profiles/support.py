"""Helpers for the profile tests: post a step form like a browser does."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from tests.support.web import csrf


def post_form(
    client: TestClient, path: str, data: dict[str, Any], files: dict[str, Any] | None = None
) -> Response:
    token = csrf(client, path)
    return client.post(
        path, data={**data, "csrf_token": token}, files=files, follow_redirects=False
    )


# What a company must never see of Anna's profile unless she shares her accommodation needs.
HEALTH_MARKERS = (
    "Ingen tunge løft",
    "Roligt miljø",
    "Dårlig ryg",
    "no_heavy_lifting",
    "diskusprolaps",
)
