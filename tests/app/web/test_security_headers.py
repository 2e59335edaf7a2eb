from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.personas import Personas
from tests.support.web import login


def test_security_headers_on_pages_api_errors_and_static(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    for path in ("/", "/hjem", "/api/v1/me", "/findes-ikke", "/static/css/app.css"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
    assert client.get("/hjem").headers["cache-control"] == "no-store"


def test_not_found_is_a_friendly_danish_page(client: TestClient) -> None:
    response = client.get("/findes-ikke")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    api = client.get("/api/v1/findes-ikke")
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"


def test_unexpected_errors_show_no_stack_trace(app, client: TestClient) -> None:
    from app.web.routers import page_router

    router = page_router()

    @router.get("/test-only-boom")
    def boom() -> None:
        raise RuntimeError("secret internals /work/main")

    app.include_router(router)
    try:
        response = client.get("/test-only-boom")
    finally:
        app.router.routes = [
            r for r in app.router.routes if getattr(r, "path", "") != "/test-only-boom"
        ]
    assert response.status_code == 500
    assert "Traceback" not in response.text and "secret internals" not in response.text
    assert "Der skete en uventet fejl" in response.text
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_english_via_the_language_switch(client: TestClient) -> None:
    from tests.support.web import csrf

    token = csrf(client, "/")
    response = client.post("/sprog", data={"lang": "en", "next": "/login", "csrf_token": token})
    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert "Password" in response.text
