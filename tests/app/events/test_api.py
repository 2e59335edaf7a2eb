"""The events API: the same rules as the pages (404 for outsiders, 403 for staff signing up,
the waiting list moves up)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import EVENT_DRAFT, EVENT_PUBLISHED, Event
from tests.support.personas import Personas
from tests.support.web import csrf, login


def _event(
    db: Session, personas: Personas, *, capacity: int = 1, status: str = EVENT_PUBLISHED
) -> Event:
    starts = utcnow() + timedelta(days=3)
    event = Event(
        jobcentre_id=personas.jobcentre.id,
        title="Netværksmøde",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="Jobcentret",
        capacity=capacity,
        audience="flexjobbers",
        status=status,
    )
    db.add(event)
    db.flush()
    return event


def _call(client: TestClient, method: str, path: str) -> object:
    token = csrf(client, "/hjem")
    return client.request(method, path, headers={"x-csrf-token": token})


def test_sign_up_wait_and_move_up(client: TestClient, db: Session, personas: Personas) -> None:
    event = _event(db, personas)
    login(client, personas.flexjobber.email)
    first = _call(client, "POST", f"/api/v1/events/{event.id}/signup")
    assert first.status_code == 200 and first.json()["status"] == "confirmed"
    client.cookies.clear()
    login(client, personas.flexjobber2.email)
    second = _call(client, "POST", f"/api/v1/events/{event.id}/signup").json()
    assert second == {"event_id": event.id, "status": "waiting", "waiting_position": 1}
    listed = client.get("/api/v1/events").json()["items"]
    assert [(e["id"], e["my_signup"], e["seats_taken"]) for e in listed] == [
        (event.id, "waiting", 1)
    ]
    client.cookies.clear()
    login(client, personas.flexjobber.email)
    assert _call(client, "DELETE", f"/api/v1/events/{event.id}/signup").status_code == 200
    client.cookies.clear()
    login(client, personas.flexjobber2.email)
    assert client.get(f"/api/v1/events/{event.id}").json()["my_signup"] == "confirmed"


@pytest.mark.parametrize(
    ("persona", "view", "signup"),
    [
        ("flexjobber", 200, 200),
        ("company_user", 404, 404),
        ("consultant", 200, 403),
        ("outsider", 404, 404),
        ("admin", 404, 404),
    ],
)
def test_api_rules_per_persona(
    client: TestClient, db: Session, personas: Personas, persona: str, view: int, signup: int
) -> None:
    event = _event(db, personas, capacity=5)
    draft = _event(db, personas, status=EVENT_DRAFT)
    login(client, personas.all_users()[persona].email)
    assert client.get(f"/api/v1/events/{event.id}").status_code == view
    assert _call(client, "POST", f"/api/v1/events/{event.id}/signup").status_code == signup
    draft_view = client.get(f"/api/v1/events/{draft.id}").status_code
    assert draft_view == (200 if persona == "consultant" else 404)


def test_anonymous_gets_401(client: TestClient, db: Session, personas: Personas) -> None:
    event = _event(db, personas)
    assert client.get(f"/api/v1/events/{event.id}").status_code == 401
