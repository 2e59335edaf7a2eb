"""Deactivation takes effect at once: the person's open session and API tokens stop working,
and they cannot sign in by password, e-mail link or invitation. An admin cannot deactivate
their own account. Reactivation lets them in again."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ApiToken, User, UserSession
from tests.app.staff.conftest import bearer
from tests.support.personas import PASSWORD, Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, csrf_from, login

MAGIC = re.compile(r"https://testserver(/login-link/\S+)")
INVITATION = re.compile(r"https://testserver(/invitation/\S+)")


def _post(client: TestClient, path: str, page: str, data: dict[str, str] | None = None):
    token = csrf(client, page)
    return client.post(path, data=(data or {}) | {"csrf_token": token}, follow_redirects=False)


def _magic_link(client: TestClient, email: str, mailbox: Mailbox) -> str | None:
    mailbox.clear()
    token = csrf(client, "/login-link")
    client.post("/login-link", data={"email": email, "csrf_token": token})
    try:
        message = mailbox.last_to(email)
    except AssertionError:  # no e-mail arrived
        return None
    found = MAGIC.search(Mailbox.body(message))
    return found.group(1) if found else None


def test_deactivated_consultant_is_signed_out_and_cannot_sign_in(
    app: FastAPI,
    client: TestClient,
    db: Session,
    personas: Personas,
    mailbox: Mailbox,
    colleague: User,
) -> None:
    consultant = personas.consultant
    token_headers = bearer(db, consultant)
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as them:
        assert login(them, consultant.email).status_code == 303
        assert them.get("/hjem").status_code == 200
        assert them.get("/api/v1/me", headers=token_headers).status_code == 200
        old_link = _magic_link(them, consultant.email, mailbox)
        assert old_link is not None

        login(client, personas.admin.email)
        page = f"/admin/medarbejdere/{consultant.id}"
        done = _post(client, f"{page}/deaktiver", page, {"successor_id": str(colleague.id)})
        assert done.status_code == 303
        assert "Deaktiveret" in client.get(page).text

        # The open session and the API token stopped at once.
        assert them.get("/hjem", follow_redirects=False).status_code == 303
        assert them.get("/api/v1/me", headers=token_headers).status_code == 401
        db.expire_all()
        assert db.scalar(select(UserSession).where(UserSession.user_id == consultant.id)) is None
        tokens = db.scalars(select(ApiToken).where(ApiToken.user_id == consultant.id)).all()
        assert tokens and all(t.revoked_at is not None for t in tokens)
        # No way back in: password, the e-mail link sent before, or a new one.
        them.cookies.clear()
        assert login(them, consultant.email).status_code == 422
        confirm = them.get(old_link)
        assert confirm.status_code == 410
        assert _magic_link(them, consultant.email, mailbox) is None

        # Reactivated: the password works again (sessions and tokens stay ended).
        back = _post(client, f"{page}/aktiver", page)
        assert back.status_code == 303
        assert login(them, consultant.email, PASSWORD).status_code == 303
        assert them.get("/api/v1/me", headers=token_headers).status_code == 401
    db.expire_all()
    user = db.get(User, consultant.id)
    assert user.active and user.deactivated_at is None


def test_an_invited_account_deactivated_cannot_accept_and_gets_a_new_invitation(
    app: FastAPI, client: TestClient, db: Session, personas: Personas, mailbox: Mailbox
) -> None:
    login(client, personas.admin.email)
    centre = f"/admin/jobcentre/{personas.jobcentre.id}"
    data = {"email": "ny@test.example", "display_name": "Ny Konsulent", "role": "consultant"}
    assert _post(client, f"{centre}/inviter", centre, data).status_code == 303
    first = INVITATION.search(Mailbox.body(mailbox.last_to("ny@test.example"))).group(1)
    new_id = db.scalar(select(User.id).where(User.email == "ny@test.example"))
    page = f"/admin/medarbejdere/{new_id}"
    assert "Inviteret" in client.get(page).text
    assert _post(client, f"{page}/deaktiver", page).status_code == 303
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as them:
        assert them.get(first).status_code == 410
        mailbox.clear()
        assert _post(client, f"{page}/aktiver", page).status_code == 303
        assert "ny invitation" in client.get(f"{page}?udfoert=inviteret").text
        second = INVITATION.search(Mailbox.body(mailbox.last_to("ny@test.example"))).group(1)
        assert second != first and them.get(first).status_code == 410
        form = them.get(second)
        assert form.status_code == 200
        accepted = them.post(
            second,
            data={
                "display_name": "Ny Konsulent",
                "password": "Mit-eget-kodeord-1",
                "password_confirm": "Mit-eget-kodeord-1",
                "csrf_token": csrf_from(form),
            },
            follow_redirects=False,
        )
        assert accepted.status_code == 303
    db.expire_all()
    assert db.get(User, new_id).active


def test_an_admin_cannot_deactivate_themselves(
    client: TestClient, db: Session, personas: Personas
) -> None:
    admin = personas.admin
    api = client.post(f"/api/v1/admin/staff/{admin.id}/deactivate", headers=bearer(db, admin))
    assert api.status_code == 409
    assert "egen konto" in api.json()["error"]["message"]
    login(client, admin.email)
    page = _post(client, f"/admin/medarbejdere/{admin.id}/deaktiver", "/admin/jobcentre")
    assert page.status_code == 409
    assert "Du kan ikke deaktivere din egen konto" in page.text
    db.expire_all()
    assert db.get(User, admin.id).active
    assert client.get("/admin/jobcentre").status_code == 200
