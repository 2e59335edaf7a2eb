from __future__ import annotations

from fastapi.testclient import TestClient

from app.web.deps import SESSION_COOKIE
from tests.support.personas import Personas
from tests.support.web import csrf, login


def test_login_sets_a_secure_session_cookie_and_shows_home(
    client: TestClient, personas: Personas
) -> None:
    response = login(client, personas.flexjobber.email)
    assert response.status_code == 303
    assert response.headers["location"] == "/hjem"
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE)
    )
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    assert "Secure" in cookie  # secure outside development
    home = client.get("/hjem")
    assert home.status_code == 200
    assert personas.flexjobber.display_name in home.text
    assert home.headers["cache-control"] == "no-store"


def test_wrong_password_re_renders_the_form_with_a_danish_message(
    client: TestClient, personas: Personas
) -> None:
    response = login(client, personas.flexjobber.email, "forkert-kode-123")
    assert response.status_code == 422
    assert "Forkert e-mail eller adgangskode" in response.text
    assert personas.flexjobber.email in response.text  # what was typed is kept
    assert client.get("/hjem", follow_redirects=False).status_code == 303


def test_a_new_session_id_is_issued_at_every_login(client: TestClient, personas: Personas) -> None:
    first = login(client, personas.flexjobber.email).cookies[SESSION_COOKIE]
    second = login(client, personas.flexjobber.email).cookies.get(SESSION_COOKIE)
    # Already logged in: /login redirects without a new session, so log out and in again.
    client.post("/logout", data={"csrf_token": csrf(client, "/hjem")})
    third = login(client, personas.flexjobber.email).cookies[SESSION_COOKIE]
    assert first != third
    assert second is None or second != first


def test_old_session_cookie_fails_after_logout(client: TestClient, personas: Personas) -> None:
    old = login(client, personas.consultant.email).cookies[SESSION_COOKIE]
    token = csrf(client, "/hjem")
    assert (
        client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code
        == 303
    )
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, old)
    replay = client.get("/hjem", follow_redirects=False)
    assert replay.status_code == 303
    assert replay.headers["location"].startswith("/login")
    assert client.get("/api/v1/me").status_code == 401


def test_inactive_user_cannot_log_in(client: TestClient, personas: Personas, db) -> None:
    personas.flexjobber2.active = False
    db.flush()
    assert login(client, personas.flexjobber2.email).status_code == 422


def test_login_redirects_only_to_local_paths(client: TestClient, personas: Personas) -> None:
    token = csrf(client, "/login")
    response = client.post(
        "/login",
        data={
            "email": personas.flexjobber.email,
            "password": "Korrekt-hest-batteri-1",
            "next": "//evil.example/",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/hjem"
