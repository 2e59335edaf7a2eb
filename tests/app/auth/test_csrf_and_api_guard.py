from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.personas import Personas
from tests.support.web import csrf, login


def test_post_without_csrf_token_gets_403(client: TestClient, personas: Personas) -> None:
    client.get("/login")  # the browser has a CSRF cookie, but the form token is missing
    response = client.post(
        "/login", data={"email": personas.flexjobber.email, "password": "x"}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "Formularen er udløbet" in response.text


def test_post_with_a_token_from_another_browser_gets_403(
    client: TestClient, app, personas: Personas
) -> None:
    with TestClient(app, base_url="https://testserver") as other:
        foreign_token = csrf(other, "/login")
    client.get("/login")
    response = client.post(
        "/login",
        data={"email": personas.flexjobber.email, "password": "x", "csrf_token": foreign_token},
    )
    assert response.status_code == 403


def test_logout_without_csrf_token_keeps_the_session(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    assert client.post("/logout", follow_redirects=False).status_code == 403
    assert client.get("/hjem").status_code == 200


def test_api_refuses_cross_site_calls_even_with_a_session(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    assert client.get("/api/v1/me").status_code == 200
    evil = client.get("/api/v1/me", headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403
    assert evil.json()["error"]["code"] == "csrf_failed"
    fetch = client.get("/api/v1/me", headers={"Sec-Fetch-Site": "cross-site"})
    assert fetch.status_code == 403
    assert "access-control-allow-origin" not in {k.lower() for k in evil.headers}


def test_api_token_authenticates_without_cookies(
    client: TestClient, personas: Personas, db
) -> None:
    from app.auth.service import create_api_token

    token = create_api_token(db, personas.consultant, "test")
    db.flush()
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["email"] == personas.consultant.email
    wrong = client.get("/api/v1/me", headers={"Authorization": "Bearer fb_not-a-token"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "not_authenticated"
