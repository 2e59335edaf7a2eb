""" "Jeg kan også arbejde hjemmefra": saved from the page and the API, read back by the owner only,
and given to the matcher (a job from home is in reach whatever the distance)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.matchmaking.records import profile_record
from tests.app.matches.support import api, post
from tests.support.personas import Personas
from tests.support.web import login


def test_remote_ok_from_the_page_and_the_api(
    db: Session, personas: Personas, client: TestClient
) -> None:
    assert login(client, personas.flexjobber.email).status_code == 303
    assert profile_record(personas.profile, None).remote_ok is None  # not stated
    assert 'name="remote_ok"' in client.get("/profil/sted").text
    data = {"postcode": "2900", "max_distance_km": "20", "remote_ok": "1"}
    assert post(client, "/profil/sted", data).status_code == 303
    db.refresh(personas.profile)
    assert personas.profile.remote_ok is True and personas.profile.remote_only is False
    assert profile_record(personas.profile, None).remote_ok is True

    response = api(client, "PUT", "/api/v1/me/profile", json={"remote_ok": False})
    assert response.status_code == 200 and response.json()["remote_ok"] is False
    # Only from home implies that home is fine.
    body = api(client, "PUT", "/api/v1/me/profile", json={"remote_only": True}).json()
    assert body["remote_only"] is True and body["remote_ok"] is True
