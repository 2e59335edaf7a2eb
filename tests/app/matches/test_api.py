"""The JSON API: the same lifecycle, rules and disclosure as the pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.service import create_api_token
from app.models import User, Visibility
from tests.app.matches.support import api, in_days, match_for
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]


def test_lifecycle_and_consent_over_the_api(
    db: Session, personas: Personas, browser: Browser
) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    db.flush()
    match = match_for(db, personas.profile, personas.job)
    url = f"/api/v1/matches/{match.id}"
    consultant = browser(personas.consultant)
    company = browser(personas.company_user)
    person = browser(personas.flexjobber)

    body = api(consultant, "GET", url).json()
    assert body["state"] == "suggested" and "recommend" in body["allowed_actions"]
    assert body["person"]["accommodation_needs"] == {
        "no_heavy_lifting": True,
        "quiet_environment": False,
    }
    response = api(consultant, "POST", url, json={"action": "recommend", "note": "Prøv"})
    assert response.status_code == 200 and response.json()["state"] == "recommended"

    body = api(company, "GET", url).json()
    assert body["party"] == "company" and body["person"]["name"] == "Kandidat A-101"
    assert body["person"]["accommodation_needs"] is None
    assert body["person"]["accommodation_note"] is None and body["person"]["email"] is None
    assert "Anna" not in str(body) and "Dårlig ryg" not in str(body)
    assert api(company, "POST", url, json={"action": "interest"}).status_code == 200

    # Consent: name, not needs; then the company sees the name.
    grant = {"company_id": personas.company.id, "identity": True, "cv": True}
    response = api(person, "POST", "/api/v1/me/consents", json=grant)
    assert response.status_code == 200
    assert response.json()["items"][0]["identity"] is True
    body = api(company, "GET", url).json()
    assert body["person"]["name"] == "Anna Fleks"
    assert body["person"]["accommodation_needs"] is None

    # Messages (a bearer token works without the CSRF header).
    token = create_api_token(db, personas.company_user, "test")
    db.flush()
    response = company.post(
        f"{url}/messages", json={"body": "Hej Anna"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 201
    messages = api(person, "GET", f"{url}/messages").json()["items"]
    assert [m["body"] for m in messages] == ["Hej Anna"] and messages[0]["mine"] is False

    assert api(person, "POST", url, json={"action": "interest"}).json()["state"] == "mutual"
    meeting_at = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    meeting = {"action": "meeting", "meeting_at": meeting_at, "meeting_online": True}
    assert api(company, "POST", url, json=meeting).json()["state"] == "meeting"
    hire = {"action": "hire", "start": in_days(30), "hours": 20}
    body = api(company, "POST", url, json=hire).json()
    assert body["state"] == "hired" and body["hired_hours"] == 20
    assert [e["kind"] for e in body["timeline"]][-1] == "hired"

    # Withdraw: the pseudonym is back at once.
    response = api(person, "DELETE", f"/api/v1/me/consents?company_id={personas.company.id}")
    assert response.status_code == 204
    assert api(company, "GET", url).json()["person"]["name"] == "Kandidat A-101"
    history = api(person, "GET", "/api/v1/me/consents").json()["items"]
    assert len(history) == 1 and history[0]["withdrawn_at"] is not None
    response = api(person, "DELETE", f"/api/v1/me/consents?company_id={personas.company.id}")
    assert response.status_code == 404


def test_api_validation_and_business_errors(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = match_for(db, personas.profile, personas.job)
    url = f"/api/v1/matches/{match.id}"
    consultant = browser(personas.consultant)
    response = api(consultant, "POST", url, json={"action": "dance"})
    assert response.status_code == 422
    response = api(consultant, "POST", url, json={"action": "dismiss", "reason": "x"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"reason": "Vælg en begrundelse."}
    response = api(consultant, "POST", url, json={"action": "trial"})
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) == {"trial_start", "trial_end", "trial_hours"}
    # The action model (app.matches.schemas.MatchActionIn, also the pages' forms) bounds
    # moments and dates, with the form's Danish messages.
    for when, message in (
        ("2030-01-10T10:00:00", "Angiv tidspunktet med tidszone."),
        ("9999-12-31T23:59:59-12:00", "Skriv en gyldig dato."),
    ):
        response = api(consultant, "POST", url, json={"action": "meeting", "meeting_at": when})
        assert response.status_code == 422
        assert response.json()["error"]["fields"] == {"meeting_at": message}
    response = api(consultant, "POST", url, json={"action": "trial", "start": "31-12-9999"})
    assert response.json()["error"]["fields"] == {"start": "Skriv en gyldig dato."}
    person = browser(personas.flexjobber)
    response = api(person, "POST", url, json={"action": "recommend"})
    assert response.status_code == 403
    response = api(person, "POST", f"{url}/messages", json={"body": "Hej"})
    assert response.status_code == 403
    # A session-authenticated change without the CSRF header is refused.
    assert person.post(url, json={"action": "save"}).status_code == 403
    company = browser(personas.company_user)
    grant = {"company_id": personas.company.id, "identity": True}
    assert api(company, "POST", "/api/v1/me/consents", json=grant).status_code == 403


def test_the_routes_are_described_in_openapi(app: FastAPI) -> None:
    schema = app.openapi()
    paths = schema["paths"]
    for path in (
        "/api/v1/me/matches",
        "/api/v1/jobs/{job_id}/candidates",
        "/api/v1/matches/{match_id}",
        "/api/v1/matches/{match_id}/messages",
        "/api/v1/me/consents",
    ):
        assert path in paths, path
    post = paths["/api/v1/matches/{match_id}"]["post"]
    assert post["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/MatchOut"
    }
    assert "/mine-match" not in paths  # pages stay out of the API description
