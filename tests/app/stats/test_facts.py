"""The facts the figures are counted from are recorded as things happen: every sign-in with
how it happened, and every change of a flexjobber's status with its date."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import ProfileStatusChange, SignIn
from app.stats.periods import local_today
from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, csrf_from, login

LINK = re.compile(r"https://testserver(/\S+)")


def _methods(db: Session, user_id: int) -> list[str]:
    return list(db.scalars(select(SignIn.method).where(SignIn.user_id == user_id)))


def test_password_sign_ins_are_each_recorded_with_the_danish_day(
    client: TestClient, db: Session, personas: Personas
) -> None:
    person = personas.flexjobber
    assert login(client, person.email).status_code == 303
    assert login(client, person.email).status_code == 303
    assert login(client, person.email, "wrong-password-1").status_code == 422
    rows = list(db.scalars(select(SignIn).where(SignIn.user_id == person.id)))
    assert [r.method for r in rows] == ["password", "password"]
    assert all(r.day == local_today(r.at) for r in rows)
    db.refresh(person)
    assert person.last_login_at == max(r.at for r in rows)


def test_a_login_link_is_an_email_link_sign_in(
    client: TestClient, db: Session, personas: Personas, mailbox: Mailbox
) -> None:
    person = personas.flexjobber2
    client.post(
        "/login-link", data={"email": person.email, "csrf_token": csrf(client, "/login-link")}
    )
    path = LINK.search(Mailbox.body(mailbox.last_to(person.email))).group(1)
    page = client.get(path)
    assert _methods(db, person.id) == []  # opening the link is not signing in
    client.post(path, data={"csrf_token": csrf_from(page)}, follow_redirects=False)
    assert _methods(db, person.id) == ["email_link"]


def test_accepting_an_invitation_is_an_invitation_sign_in(
    client: TestClient, app: FastAPI, db: Session, personas: Personas, mailbox: Mailbox
) -> None:
    login(client, personas.consultant.email)
    form = {"role": "flexjobber", "email": "ny@test.example", "display_name": "Ny"}
    client.post("/inviter", data=form | {"csrf_token": csrf(client, "/inviter")})
    path = LINK.search(Mailbox.body(mailbox.last_to("ny@test.example"))).group(1)
    with TestClient(app, base_url="https://testserver") as citizen:
        page = citizen.get(path)
        answer = {"display_name": "Ny Borger", "password": "Mit-eget-kodeord-1"}
        answer |= {"password_confirm": "Mit-eget-kodeord-1", "csrf_token": csrf_from(page)}
        assert citizen.post(path, data=answer, follow_redirects=False).status_code == 303
    user_id = db.scalar(select(SignIn.user_id).where(SignIn.method == "invitation"))
    assert user_id is not None and _methods(db, user_id) == ["invitation"]


def test_status_changes_are_dated_history_rows(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    before = utcnow()
    token = csrf(client, "/profil")  # a cookie-signed-in API write carries the CSRF token
    for status in ("ledighedsydelse", "ledighedsydelse", "in_flexjob", None):
        response = client.put(
            "/api/v1/me/profile", json={"status": status}, headers={"x-csrf-token": token}
        )
        assert response.status_code == 200, response.text
    rows = list(
        db.scalars(
            select(ProfileStatusChange)
            .where(ProfileStatusChange.profile_id == personas.profile.id)
            .order_by(ProfileStatusChange.id)
        )
    )
    # Saving the same status again is no change; clearing it is one.
    assert [r.status.value if r.status else None for r in rows] == [
        "ledighedsydelse",
        "in_flexjob",
        None,
    ]
    assert all(r.changed_at >= before and r.actor_id == personas.flexjobber.id for r in rows)
