"""Events: a consultant creates and publishes; people sign up; a full event takes a waiting
list that moves up when someone cancels (and that person is told); cancelling tells everyone;
the .ics file; and who may see what (404 for outsiders, drafts for staff only)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Event, EventSignup, Notification, Role, User
from tests.support.personas import Personas
from tests.support.web import csrf, login

TOMORROW = (date.today() + timedelta(days=2)).isoformat()


def _post(client: TestClient, path: str, data: dict[str, Any] | None = None) -> Response:
    token = csrf(client, "/arrangementer")
    return client.post(path, data={"csrf_token": token, **(data or {})}, follow_redirects=False)


def _as(client: TestClient, user: User) -> None:
    client.cookies.clear()
    assert login(client, user.email).status_code == 303


def _event_form(**changes: str) -> dict[str, str]:
    return {
        "title": "Kaffemøde for fleksjobbere",
        "description": "Mød andre i samme situation.",
        "date": TOMORROW,
        "start": "10:00",
        "end": "12:00",
        "place": "Jobcentret, lokale 2",
        "capacity": "1",
        "audience": "flexjobbers",
        **changes,
    }


def _create(client: TestClient, db: Session, personas: Personas, **changes: str) -> Event:
    _as(client, personas.consultant)
    response = _post(client, "/arrangementer/ny", _event_form(**changes))
    assert response.status_code == 303, response.text
    event = db.scalar(select(Event).order_by(Event.id.desc()))
    assert event is not None
    return event


def test_waiting_list_moves_up_when_someone_cancels(
    client: TestClient, db: Session, personas: Personas
) -> None:
    event = _create(client, db, personas)
    assert event.status == "draft"
    _as(client, personas.flexjobber)
    assert client.get(f"/arrangementer/{event.id}").status_code == 404  # a draft
    _as(client, personas.consultant)
    assert _post(client, f"/arrangementer/{event.id}/offentliggoer").status_code == 303

    _as(client, personas.flexjobber)
    page = client.get(f"/arrangementer/{event.id}")
    assert page.status_code == 200 and "Tilmeld mig" in page.text
    assert (
        _post(client, f"/arrangementer/{event.id}/tilmeld")
        .headers["location"]
        .endswith("udfoert=tilmeldt")
    )
    _as(client, personas.flexjobber2)
    assert "Skriv mig på ventelisten" in client.get(f"/arrangementer/{event.id}").text
    waited = _post(client, f"/arrangementer/{event.id}/tilmeld")
    assert waited.headers["location"].endswith("udfoert=venteliste")
    assert "nummer 1 på ventelisten" in client.get(f"/arrangementer/{event.id}").text

    _as(client, personas.consultant)
    staff = client.get(f"/arrangementer/{event.id}").text
    assert "Anna Fleks" in staff and "Venteliste" in staff and "Bo Fleks" in staff

    _as(client, personas.flexjobber)
    assert _post(client, f"/arrangementer/{event.id}/afmeld").status_code == 303
    rows = {
        s.user_id: s.status
        for s in db.scalars(select(EventSignup).where(EventSignup.event_id == event.id))
    }
    assert rows == {personas.flexjobber.id: "cancelled", personas.flexjobber2.id: "confirmed"}
    told = db.scalar(
        select(Notification).where(
            Notification.user_id == personas.flexjobber2.id, Notification.kind == "event_moved_up"
        )
    )
    assert told is not None


def test_cancelling_the_event_tells_everyone_and_closes_sign_up(
    client: TestClient, db: Session, personas: Personas
) -> None:
    event = _create(client, db, personas, capacity="5")
    _post(client, f"/arrangementer/{event.id}/offentliggoer")
    _as(client, personas.flexjobber)
    _post(client, f"/arrangementer/{event.id}/tilmeld")
    _as(client, personas.consultant)
    assert _post(client, f"/arrangementer/{event.id}/aflys").status_code == 303
    db.refresh(event)
    assert event.status == "cancelled"
    told = db.scalars(select(Notification.user_id).where(Notification.kind == "event_cancelled"))
    assert set(told) == {personas.flexjobber.id}
    _as(client, personas.flexjobber2)
    page = client.get(f"/arrangementer/{event.id}")
    assert "Arrangementet er aflyst." in page.text and "Tilmeld mig" not in page.text
    assert _post(client, f"/arrangementer/{event.id}/tilmeld").status_code == 422


def test_ics_file(client: TestClient, db: Session, personas: Personas) -> None:
    event = _create(client, db, personas, title="Møde; med, tegn")
    _post(client, f"/arrangementer/{event.id}/offentliggoer")
    _as(client, personas.flexjobber)
    response = client.get(f"/arrangementer/{event.id}/kalender.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    text = response.text
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "END:VEVENT\r\n" in text
    assert "SUMMARY:Møde\\; med\\, tegn" in text
    assert f"UID:event-{event.id}@fleksbro" in text
    start = event.starts_at.strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}" in text


@pytest.mark.parametrize(
    ("persona", "page", "sign_up"),
    [
        ("flexjobber", 200, 303),
        ("flexjobber2", 200, 303),
        ("company_user", 404, 404),  # the audience is flexjobbers only
        ("consultant", 200, 403),
        ("outsider", 404, 404),  # another jobcentre's consultant
        ("admin", 404, 404),
    ],
)
def test_who_sees_and_signs_up(
    client: TestClient, db: Session, personas: Personas, persona: str, page: int, sign_up: int
) -> None:
    event = _create(client, db, personas, capacity="5")
    _post(client, f"/arrangementer/{event.id}/offentliggoer")
    _as(client, personas.all_users()[persona])
    assert client.get(f"/arrangementer/{event.id}").status_code == page
    assert client.get(f"/arrangementer/{event.id}/kalender.ics").status_code == page
    assert _post(client, f"/arrangementer/{event.id}/tilmeld").status_code == sign_up
    expected_manage = 303 if persona == "consultant" else 403 if page == 200 else 404
    assert _post(client, f"/arrangementer/{event.id}/aflys").status_code == expected_manage


def test_company_audience(client: TestClient, db: Session, personas: Personas) -> None:
    event = _create(client, db, personas, audience="companies", capacity="3")
    _post(client, f"/arrangementer/{event.id}/offentliggoer")
    _as(client, personas.company_user)
    listing = client.get("/arrangementer").text
    assert "Kaffemøde for fleksjobbere" in listing
    assert _post(client, f"/arrangementer/{event.id}/tilmeld").status_code == 303
    _as(client, personas.flexjobber)
    assert "Kaffemøde" not in client.get("/arrangementer").text
    assert client.get(f"/arrangementer/{event.id}").status_code == 404


def test_bad_event_form_is_rerendered(client: TestClient, personas: Personas) -> None:
    _as(client, personas.consultant)
    bad = _event_form(
        title="", date="2001-01-01", end="09:00", capacity="0", place="", online_url="javascript:x"
    )
    response = _post(client, "/arrangementer/ny", bad)
    assert response.status_code == 422
    for message in (
        "Skriv arrangementets titel.",
        "Arrangementet skal slutte efter, det er begyndt.",
        "Skriv et antal pladser mellem 1 og 1.000.",
        "Linket skal begynde med https://",
    ):
        assert message in response.text
    assert personas.consultant.role == Role.CONSULTANT


def test_demo_events_past_and_upcoming(db: Session) -> None:
    from app.demo.events import EVENTS, load_events
    from app.kit.clock import utcnow
    from app.models import Jobcentre

    centre = Jobcentre(name="Jobcenter Demo", kommune_code="990")
    db.add(centre)
    db.flush()
    assert load_events(db, [centre], {}) == len(EVENTS)
    assert load_events(db, [centre], {}) == 0  # idempotent
    starts = [e.starts_at for e in db.scalars(select(Event).where(Event.jobcentre_id == centre.id))]
    assert any(s < utcnow() for s in starts) and any(s > utcnow() for s in starts)


def test_ics_folds_long_lines_without_splitting_letters() -> None:
    from datetime import UTC, datetime

    from app.kit.ics import CalendarEvent, calendar

    when = datetime(2027, 1, 5, 9, tzinfo=UTC)
    text = calendar(
        CalendarEvent(uid="x@fleksbro", starts_at=when, ends_at=when, summary="æøå " * 40), when
    )
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:" + "æøå " * 39 + "æøå" in unfolded


def test_home_shows_the_next_events(client: TestClient, db: Session, personas: Personas) -> None:
    event = _create(client, db, personas, capacity="5", title="Jobcafé i biblioteket")
    _as(client, personas.flexjobber)
    assert "Jobcafé i biblioteket" not in client.get("/hjem").text  # still a draft
    _as(client, personas.consultant)
    _post(client, f"/arrangementer/{event.id}/offentliggoer")
    _as(client, personas.flexjobber)
    home = client.get("/hjem").text
    assert "Nyt fra jobcentret" in home and f"/arrangementer/{event.id}" in home
