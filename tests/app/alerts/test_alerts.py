"""Job alerts: saving a search from the form, the runs (only jobs published since the previous
run, due by frequency), the neutral e-mail with its one-click stop link, and who may see what."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.alerts import service
from app.errors import ValidationFailed
from app.kit.clock import utcnow
from app.mail.service import mailer_from
from app.matchmaking.engine import MatchEngine
from app.models import JobAlert, JobPosting, JobType, Notification, PostingStatus, User
from app.settings import Settings
from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, csrf_from, login

LINK = re.compile(r"https?://\S+")


def _no_engine() -> MatchEngine:
    raise AssertionError("a search alert must not build the match index")


def _publish(db: Session, personas: Personas, title: str, **extra: object) -> JobPosting:
    values: dict[str, object] = {
        "company_id": personas.company.id,
        "title": title,
        "description": f"{title} hos os.",
        "hours_min": 10,
        "hours_max": 15,
        "postcode": "2900",
        "accommodations_offered": ["no_heavy_lifting"],
        "job_type": JobType.FLEXJOB,
        "status": PostingStatus.PUBLISHED,
        "published_at": utcnow(),
        "search_text": title.lower(),
    } | extra
    posting = JobPosting(**values)
    db.add(posting)
    db.flush()
    return posting


def _save(client: TestClient, **fields: object) -> None:
    data = {"csrf_token": csrf(client, "/jobagenter/ny"), **fields}
    response = client.post("/jobagenter/ny", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/jobagenter?udfoert=gemt"


def _only_alert(db: Session, user: User) -> JobAlert:
    alerts = list(db.scalars(select(JobAlert).where(JobAlert.user_id == user.id)))
    assert len(alerts) == 1
    return alerts[0]


def test_a_saved_search_sends_one_neutral_daily_mail_with_only_new_matching_jobs(
    db: Session, client: TestClient, personas: Personas, settings: Settings, mailbox: Mailbox
) -> None:
    login(client, personas.flexjobber.email)
    _save(
        client,
        kind="search",
        q="kontor",
        max_km="30",
        accommodations="no_heavy_lifting",
        frequency="daily",
        by_email="1",
    )
    alert = _only_alert(db, personas.flexjobber)
    assert alert.filters["q"] == "kontor" and alert.filters["max_km"] == 30
    assert alert.filters["accommodations"] == ["no_heavy_lifting"]
    new = _publish(db, personas, "Kontorhjælp til diskret klinik")
    _publish(db, personas, "Kontorelev i Aarhus", postcode="8000")  # too far away
    _publish(db, personas, "Kontorbud", accommodations_offered=[])  # lacks the accommodation
    _publish(db, personas, "Gartner")  # other words
    mailer = mailer_from(settings)
    now = utcnow() + timedelta(minutes=1)

    summary = service.run_alerts(db, settings, mailer, _no_engine, now=now)
    assert (summary.checked, summary.with_news, summary.emails, summary.jobs) == (1, 1, 1, 1)
    assert alert.last_found == [new.id]  # personas.job is older than the alert: not news
    message = mailbox.last_to(personas.flexjobber.email)
    body = Mailbox.body(message)
    assert str(message["Subject"]) == "Nyt fra Fleksbro"
    assert "Kontor" not in body and "klinik" not in body and "kontor" not in body
    links = LINK.findall(body)
    assert links == [f"https://testserver/jobagenter/{alert.id}", service.stop_url(settings, alert)]
    note = db.scalar(select(Notification).where(Notification.user_id == personas.flexjobber.id))
    assert note is not None and note.kind == "job_alert" and note.emailed_at is not None

    # Not due again the same day; the next day there is nothing new, so nothing is sent.
    mailbox.clear()
    assert service.run_alerts(db, settings, mailer, _no_engine, now=now).checked == 0
    later = service.run_alerts(db, settings, mailer, _no_engine, now=now + timedelta(days=1))
    assert (later.checked, later.emails) == (1, 0) and not mailbox.messages

    # The link shows the person the jobs (and only them).
    page = client.get(f"/jobagenter/{alert.id}")
    assert page.status_code == 200 and "Kontorhjælp til diskret klinik" in page.text
    assert "Gartner" not in page.text


def test_weekly_is_due_after_a_week_and_in_app_only_sends_no_mail(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox
) -> None:
    start = utcnow()
    alert = service.create(
        db, personas.flexjobber, {"kind": "search", "q": "", "frequency": "weekly"}
    )
    assert alert.by_email is False
    mailer = mailer_from(settings)
    assert service.run_alerts(db, settings, mailer, _no_engine, now=start).checked == 1
    _publish(db, personas, "Receptionist")
    in_two_days = start + timedelta(days=2)
    assert service.run_alerts(db, settings, mailer, _no_engine, now=in_two_days).checked == 0
    week = service.run_alerts(db, settings, mailer, _no_engine, now=start + timedelta(days=7))
    assert (week.checked, week.with_news, week.emails) == (1, 1, 0)
    assert not [m for m in mailbox.messages if m["To"] == personas.flexjobber.email]


def test_the_stop_link_works_without_signing_in_and_only_with_its_signature(
    db: Session, client: TestClient, personas: Personas, settings: Settings
) -> None:
    alert = service.create(
        db, personas.flexjobber, {"kind": "search", "frequency": "daily", "by_email": "1"}
    )
    path = service.stop_url(settings, alert).removeprefix("https://testserver")
    asked = client.get(path)  # a mail scanner opening the link stops nothing
    assert asked.status_code == 200 and "Ja, stop jobagenten" in asked.text
    assert alert.stopped_at is None
    token = csrf_from(asked)
    for _ in range(2):  # a second click says the same
        done = client.post(path, data={"csrf_token": token})
        assert done.status_code == 200 and "Jobagenten er stoppet" in done.text
    db.refresh(alert)
    assert alert.stopped_at is not None
    _publish(db, personas, "Kontorassistent")
    later = utcnow() + timedelta(days=1)
    mailer = mailer_from(settings)
    assert service.run_alerts(db, settings, mailer, _no_engine, now=later).checked == 0

    other = service.create(db, personas.flexjobber2, {"kind": "search", "frequency": "daily"})
    wrong = f"/jobagent/stop/{other.id}/{service.stop_signature(settings, alert)}"
    assert client.get(wrong).status_code == 404
    assert client.post(wrong, data={"csrf_token": token}).status_code == 404
    assert client.get(f"/jobagent/stop/{other.id}/{'0' * 65}").status_code in (404, 422)
    assert client.post(path, data={}).status_code == 403  # CSRF still applies


def test_owner_stops_in_the_app_others_get_404_or_403(
    db: Session, app: object, personas: Personas
) -> None:
    alert = service.create(db, personas.flexjobber, {"kind": "matches", "frequency": "daily"})
    expected = {
        personas.flexjobber2: 404,
        personas.company_user: 403,
        personas.consultant: 403,
        personas.admin: 403,
    }
    for user, status in expected.items():
        with TestClient(app, base_url="https://testserver") as other:  # type: ignore[arg-type]
            login(other, user.email)
            assert other.get(f"/jobagenter/{alert.id}").status_code == status
            token = csrf(other, "/hjem")
            stop = other.post(f"/jobagenter/{alert.id}/stop", data={"csrf_token": token})
            assert stop.status_code == status
    assert alert.stopped_at is None
    with TestClient(app, base_url="https://testserver") as owner:  # type: ignore[arg-type]
        login(owner, personas.flexjobber.email)
        listed = owner.get("/jobagenter")
        assert "Nye job, der matcher mig godt" in listed.text
        stop = owner.post(
            f"/jobagenter/{alert.id}/stop",
            data={"csrf_token": csrf_from(listed)},
            follow_redirects=False,
        )
        assert stop.status_code == 303
        db.refresh(alert)
        assert alert.stopped_at is not None
        assert "Nye job, der matcher mig godt" not in owner.get("/jobagenter").text


def test_bad_input_is_a_422_with_the_form_again(
    db: Session, client: TestClient, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    token = csrf(client, "/jobagenter/ny")
    cases = [
        ({"kind": "search", "frequency": "hourly"}, "Vælg hvor ofte"),
        ({"kind": "search", "frequency": "daily", "max_km": "9999"}, "mellem 1 og 500"),
        ({"kind": "search", "frequency": "daily", "origin": "0000"}, "Postnummeret findes ikke"),
        ({"kind": "spy", "frequency": "daily"}, "Vælg hvad jobagenten"),
        ({"kind": "search", "frequency": "daily", "accommodations": "x"}, "skånehensyn"),
    ]
    for fields, message in cases:
        response = client.post("/jobagenter/ny", data={"csrf_token": token, **fields})
        assert response.status_code == 422, fields
        assert message in response.text
    assert not list(db.scalars(select(JobAlert)))
    # The job search's link fills in the form.
    prefilled = client.get("/jobagenter/ny?q=kontor&max_km=12&accommodations=no_heavy_lifting")
    assert prefilled.status_code == 200
    assert 'value="kontor"' in prefilled.text and 'value="12"' in prefilled.text
    search = client.get("/job?q=kontor&max_km=12")
    assert "/jobagenter/ny?q=kontor&amp;max_km=12" in search.text


def test_at_most_twenty_active_alerts(db: Session, personas: Personas) -> None:
    for _ in range(20):
        service.create(db, personas.flexjobber, {"kind": "search", "frequency": "daily"})
    with pytest.raises(ValidationFailed):
        service.create(db, personas.flexjobber, {"kind": "search", "frequency": "daily"})
