"""Consultants: editing on a citizen's behalf (audited), creating a citizen and inviting them."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AccommodationNeeds, AuditEvent, FlexjobberProfile, User
from tests.app.profiles.support import post_form
from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, csrf_from, login

LINK = re.compile(r"https://testserver(/invitation/\S+)")


def _events(db: Session, profile_id: int, action: str) -> list[AuditEvent]:
    return list(
        db.scalars(
            select(AuditEvent).where(
                AuditEvent.subject_id == profile_id, AuditEvent.action == action
            )
        )
    )


def test_on_behalf_edits_are_audited_with_field_names_only(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    pid = personas.profile.public_id
    page = client.get(f"/profiler/{pid}/rediger/skaanehensyn")
    assert page.status_code == 200
    assert "Du udfylder profilen for Anna Fleks" in page.text
    response = post_form(
        client,
        f"/profiler/{pid}/rediger/skaanehensyn",
        {"need-extra_breaks": "must", "note": "Hovedpine om eftermiddagen"},
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/profiler/{pid}?gemt=1"
    db.expire_all()
    assert db.get(AccommodationNeeds, personas.profile.id).note == "Hovedpine om eftermiddagen"
    [event] = _events(db, personas.profile.id, "profile.updated")
    assert event.actor_id == personas.consultant.id
    assert event.on_behalf_of_id == personas.flexjobber.id
    assert event.details == {"fields": ["accommodation_needs", "accommodation_note"]}
    assert "Hovedpine" not in str(event.details) and "extra_breaks" not in str(event.details)


def test_on_behalf_validation_errors_store_nothing(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    pid = personas.profile.public_id
    bad = post_form(client, f"/profiler/{pid}/rediger/timer", {"hours_min": "0", "hours_max": "40"})
    assert bad.status_code == 422
    assert _events(db, personas.profile.id, "profile.updated") == []
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).hours_min == 10


def test_own_edits_are_not_on_behalf(client: TestClient, db: Session, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    post_form(client, "/profil/timer", {"hours_min": "5", "hours_max": "9"})
    assert _events(db, personas.profile.id, "profile.updated") == []


def test_companies_and_admins_cannot_edit(
    client: TestClient, db: Session, personas: Personas
) -> None:
    pid = personas.profile.public_id
    for user in (personas.company_user, personas.admin):
        login(client, user.email)
        token = csrf(client, "/hjem")
        response = client.post(
            f"/profiler/{pid}/rediger/om-mig",
            data={"display_name": "X", "csrf_token": token},
        )
        assert response.status_code == 403
    db.expire_all()
    assert db.get(User, personas.flexjobber.id).display_name == "Anna Fleks"


def test_consultant_creates_citizen_fills_profile_and_invites(
    app, client: TestClient, db: Session, personas: Personas, mailbox: Mailbox
) -> None:
    login(client, personas.consultant.email)
    bad = post_form(client, "/konsulent/borgere/ny", {"display_name": "", "email": "ikke-en-mail"})
    assert bad.status_code == 422
    assert 'href="#email"' in bad.text and 'href="#display_name"' in bad.text
    taken = post_form(
        client,
        "/konsulent/borgere/ny",
        {"display_name": "Anna", "email": personas.flexjobber.email},
    )
    assert taken.status_code == 422
    created = post_form(
        client, "/konsulent/borgere/ny", {"display_name": "Ole Borger", "email": "ole@test.example"}
    )
    assert created.status_code == 303
    path = created.headers["location"].split("?")[0]
    pid = int(path.rsplit("/", 1)[1])  # the public id
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.public_id == pid))
    citizen = db.get(User, profile.user_id)
    assert citizen.active is False and citizen.jobcentre_id == personas.jobcentre.id
    assert profile.consultant_id == personas.consultant.id
    assert mailbox.messages == []  # nothing is sent before the consultant asks

    overview = client.get(created.headers["location"])
    assert "Send invitation" in overview.text and "Borgeren er oprettet" in overview.text
    saved = post_form(
        client,
        f"/profiler/{pid}/rediger/om-mig",
        {"display_name": "Ole Borger", "headline": "Pålidelig pakkemedarbejder", "about": ""},
    )
    assert saved.status_code == 303

    token = csrf_from(overview)
    invited = client.post(
        f"/profiler/{pid}/invitation", data={"csrf_token": token}, follow_redirects=False
    )
    assert invited.status_code == 303
    body = Mailbox.body(mailbox.last_to("ole@test.example"))
    assert "Pålidelig" not in body
    link = LINK.search(body).group(1)

    with TestClient(app, base_url="https://testserver") as citizen_client:
        form = citizen_client.get(link)
        accepted = citizen_client.post(
            link,
            data={
                "display_name": "Ole Borger",
                "password": "Oles-eget-kodeord-1",
                "password_confirm": "Oles-eget-kodeord-1",
                "csrf_token": csrf_from(form),
            },
            follow_redirects=False,
        )
        assert accepted.status_code == 303
        login(citizen_client, "ole@test.example", "Oles-eget-kodeord-1")
        mine = citizen_client.get("/profil/om-mig")
        assert "Pålidelig pakkemedarbejder" in mine.text
        assert citizen_client.get("/api/v1/me/profile").json()["id"] == pid
    db.expire_all()
    assert (
        db.scalar(
            select(FlexjobberProfile.public_id).where(FlexjobberProfile.user_id == citizen.id)
        )
        == pid
    )
    # Once active, there is no invitation to send any more.
    again = client.post(f"/profiler/{pid}/invitation", data={"csrf_token": token})
    assert again.status_code == 422


def test_outsider_cannot_invite_or_see_the_citizen(client: TestClient, personas: Personas) -> None:
    login(client, personas.outsider.email)
    token = csrf(client, "/konsulent/borgere/ny")
    response = client.post(
        f"/profiler/{personas.profile2.public_id}/invitation", data={"csrf_token": token}
    )
    assert response.status_code == 404
