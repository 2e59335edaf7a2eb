"""Bodies over the limit are refused with 413 before anything parses them."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.service import create_api_token
from app.kit import limits
from tests.support.personas import Personas


def _token(db: Session, personas: Personas) -> dict[str, str]:
    token = create_api_token(db, personas.flexjobber, "test")
    db.flush()
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def test_json_body_over_one_megabyte_is_413(
    client: TestClient, db: Session, personas: Personas
) -> None:
    body = json.dumps({"about": "x" * (limits.MAX_BODY_BYTES + 10)})
    started = time.perf_counter()
    response = client.put("/api/v1/me/profile", content=body, headers=_token(db, personas))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert time.perf_counter() - started < 1


def test_chunked_body_without_length_is_cut_off(
    client: TestClient, db: Session, personas: Personas
) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"about": "'
        for _ in range(40):
            yield b"x" * 64 * 1024
        yield b'"}'

    headers = _token(db, personas)
    response = client.put("/api/v1/me/profile", content=chunks(), headers=headers)
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413


def test_form_over_the_limit_is_413_page(client: TestClient) -> None:
    response = client.post("/login", data={"email": "a@b.dk", "password": "x" * 1_100_000})
    assert response.status_code == 413
    assert "text/html" in response.headers["content-type"]


def test_a_body_under_the_limit_still_works(
    client: TestClient, db: Session, personas: Personas
) -> None:
    body = json.dumps({"about": "Kort tekst."})
    response = client.put("/api/v1/me/profile", content=body, headers=_token(db, personas))
    assert response.status_code == 200


def test_upload_routes_allow_the_cv_size() -> None:
    from app.web.load_limits import body_limit_for

    assert body_limit_for("/profil/cv") > limits.MAX_CV_BYTES
    assert body_limit_for("/profiler/12/rediger/cv") > limits.MAX_CV_BYTES
    assert body_limit_for("/konsulent/import") > limits.MAX_CSV_BYTES
    assert body_limit_for("/api/v1/me/profile") == limits.MAX_BODY_BYTES
