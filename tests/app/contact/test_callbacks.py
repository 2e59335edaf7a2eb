"""Help from a named person: the contact box, "Ring mig op", and who may see and close a
call-back request (the requester's jobcentre staff only; everyone else gets 404)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CALLBACK_DONE, CALLBACK_OPEN, CallbackRequest, Notification
from tests.support.personas import Personas
from tests.support.web import csrf, login


def _ask(client: TestClient, **fields: str) -> object:
    token = csrf(client, "/ring-mig-op")
    return client.post("/ring-mig-op", data={"csrf_token": token, **fields}, follow_redirects=False)


def test_flexjobber_home_shows_the_named_consultant(
    client: TestClient, db: Session, personas: Personas
) -> None:
    personas.consultant.phone = "12 34 56 78"
    db.flush()
    login(client, personas.flexjobber.email)
    home = client.get("/hjem").text
    assert "Din kontakt i jobcentret" in home
    assert "Eva Konsulent" in home and "12 34 56 78" in home and "konsulent@test.example" in home
    assert 'href="/ring-mig-op"' in home
    assert "Eva Konsulent" in client.get("/hjaelp").text


def test_company_without_a_named_contact_sees_the_jobcentre(
    client: TestClient, db: Session, personas: Personas
) -> None:
    personas.jobcentre.phone = "12 00 00 01"
    db.flush()
    login(client, personas.company_user.email)
    home = client.get("/hjem").text
    assert "Jeres kontakt i jobcentret" in home
    assert "Jobcenter Testrup" in home and "12 00 00 01" in home
    personas.company.consultant_id = personas.consultant.id
    db.flush()
    assert "Eva Konsulent" in client.get("/hjem").text


def test_call_back_reaches_the_consultant_who_marks_it_done(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    sent = _ask(client, phone="12 34 56 78", when_suits="tirsdag formiddag", message="Om CV")
    assert sent.status_code == 303 and sent.headers["location"] == "/ring-mig-op?sendt=1"
    assert "Tak. Vi har fået din besked" in client.get("/ring-mig-op?sendt=1").text
    request = db.scalar(select(CallbackRequest))
    assert request is not None and request.status == CALLBACK_OPEN
    assert request.consultant_id == personas.consultant.id
    notice = db.scalar(select(Notification).where(Notification.user_id == personas.consultant.id))
    assert notice is not None and notice.kind == "callback"

    client.post("/logout", data={"csrf_token": csrf(client, "/hjem")})
    login(client, personas.consultant.email)
    home = client.get("/hjem").text
    assert "Anna Fleks" in home and "tirsdag formiddag" in home and "Om CV" in home
    token = csrf(client, "/hjem")
    done = client.post(
        f"/konsulent/opringninger/{request.id}/klaret",
        data={"csrf_token": token, "next": "/hjem"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/hjem?klaret=1"
    db.refresh(request)
    assert request.status == CALLBACK_DONE and request.done_by_id == personas.consultant.id
    assert "Anna Fleks" not in client.get("/konsulent/opringninger").text


def test_bad_call_back_rerenders_the_form(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    page = _ask(client, phone="ring", message="x" * 501)
    assert page.status_code == 422
    assert "Skriv et telefonnummer med mindst 8 cifre" in page.text
    assert "Skriv højst 500 tegn." in page.text


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("flexjobber", 404),
        ("flexjobber2", 404),
        ("company_user", 404),
        ("outsider", 404),  # a consultant of another jobcentre
        ("admin", 404),
        ("consultant", 303),
    ],
)
def test_only_the_jobcentres_staff_may_close_a_request(
    client: TestClient, db: Session, personas: Personas, persona: str, status: int
) -> None:
    request = CallbackRequest(
        requester_id=personas.flexjobber.id,
        jobcentre_id=personas.jobcentre.id,
        consultant_id=personas.consultant.id,
        phone="12345678",
    )
    db.add(request)
    db.flush()
    login(client, personas.all_users()[persona].email)
    token = csrf(client, "/hjaelp")
    response = client.post(
        f"/konsulent/opringninger/{request.id}/klaret",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == status
    db.refresh(request)
    assert (request.status == CALLBACK_DONE) == (persona == "consultant")


def test_other_jobcentres_never_see_the_request(
    client: TestClient, db: Session, personas: Personas
) -> None:
    db.add(
        CallbackRequest(
            requester_id=personas.flexjobber.id,
            jobcentre_id=personas.jobcentre.id,
            phone="12345678",
            message="Hemmelig besked",
        )
    )
    db.flush()
    login(client, personas.outsider.email)
    assert "Hemmelig besked" not in client.get("/hjem").text
    assert "Hemmelig besked" not in client.get("/konsulent/opringninger").text
    client.post("/logout", data={"csrf_token": csrf(client, "/hjem")})
    login(client, personas.consultant.email)
    assert "Hemmelig besked" in client.get("/konsulent/opringninger").text
    # Unassigned: every consultant of the jobcentre is told and sees it.


def test_staff_cannot_ask_to_be_called(client: TestClient, personas: Personas) -> None:
    login(client, personas.consultant.email)
    token = csrf(client, "/hjem")
    response = client.post("/ring-mig-op", data={"csrf_token": token, "phone": "12345678"})
    assert response.status_code == 403
