from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update

from app.kit.clock import utcnow
from app.models import OneTimeLink
from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, csrf_from, login

LINK = re.compile(r"https://testserver(/\S+)")


def _link_path(mailbox: Mailbox, to: str) -> str:
    message = mailbox.last_to(to)
    match = LINK.search(Mailbox.body(message))
    assert match, "the e-mail holds no link"
    return match.group(1)


def test_password_reset_link_works_once(
    client: TestClient, personas: Personas, mailbox: Mailbox
) -> None:
    person = personas.flexjobber
    sent = client.post(
        "/glemt-adgangskode",
        data={"email": person.email, "csrf_token": csrf(client, "/glemt-adgangskode")},
    )
    assert sent.status_code == 200
    message = mailbox.last_to(person.email)
    body = Mailbox.body(message)
    assert person.display_name not in body and person.display_name not in message["Subject"]
    path = _link_path(mailbox, person.email)

    form = client.get(path)
    assert form.status_code == 200
    new_password = "Et-helt-nyt-kodeord-42"
    done = client.post(
        path,
        data={
            "password": new_password,
            "password_confirm": new_password,
            "csrf_token": csrf_from(form),
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    client.cookies.clear()
    assert login(client, person.email).status_code == 422  # the old password is gone
    assert login(client, person.email, new_password).status_code == 303
    again = client.get(path)
    assert again.status_code == 410


def test_password_reset_for_unknown_email_says_the_same_and_sends_nothing(
    client: TestClient, mailbox: Mailbox
) -> None:
    response = client.post(
        "/glemt-adgangskode",
        data={"email": "ingen@test.example", "csrf_token": csrf(client, "/glemt-adgangskode")},
    )
    assert response.status_code == 200
    assert mailbox.messages == []


def test_reset_form_rejects_short_and_mismatched_passwords(
    client: TestClient, personas: Personas, mailbox: Mailbox
) -> None:
    client.post(
        "/glemt-adgangskode",
        data={"email": personas.flexjobber.email, "csrf_token": csrf(client, "/glemt-adgangskode")},
    )
    path = _link_path(mailbox, personas.flexjobber.email)
    form = client.get(path)
    response = client.post(
        path, data={"password": "kort", "password_confirm": "andet", "csrf_token": csrf_from(form)}
    )
    assert response.status_code == 422
    assert "mindst 12 tegn" in response.text
    assert "ikke ens" in response.text
    assert client.get(path).status_code == 200  # a failed attempt does not use the link up


def test_magic_link_logs_in_once_and_expires(
    client: TestClient, personas: Personas, mailbox: Mailbox, db
) -> None:
    person = personas.flexjobber2
    client.post(
        "/login-link", data={"email": person.email, "csrf_token": csrf(client, "/login-link")}
    )
    path = _link_path(mailbox, person.email)
    page = client.get(path)
    assert page.status_code == 200  # opening the link does not log in by itself
    assert client.get("/hjem", follow_redirects=False).status_code == 303
    response = client.post(path, data={"csrf_token": csrf_from(page)}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/hjem").status_code == 200
    assert client.post(path, data={"csrf_token": csrf(client, "/hjem")}).status_code == 410

    client.post(
        "/login-link", data={"email": person.email, "csrf_token": csrf(client, "/login-link")}
    )
    expired_path = _link_path(mailbox, person.email)
    db.execute(update(OneTimeLink).values(expires_at=utcnow() - timedelta(seconds=1)))
    db.flush()
    assert client.get(expired_path).status_code == 410
