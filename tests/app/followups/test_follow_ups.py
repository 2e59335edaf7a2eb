"""Follow-up of a trial period or hire: the consultant records the date, the hours now, a note
and the next step; the person and the company see the dates; what is due shows on the
consultant's home and is e-mailed as a neutral reminder; the hours feed the progression."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.followups import service
from app.kit.clock import utcnow
from app.mail.service import mailer_from
from app.models import FollowUp, Match, MatchEvent, MatchState, User
from app.settings import Settings
from tests.app.matches.support import match_for, post
from tests.support.personas import Personas
from tests.support.smtp import Mailbox

Browser = Callable[[User], TestClient]
NOTE = "Går godt, vil gerne op i tid sporQ9"


def _trial(db: Session, personas: Personas, days_ago: int = 40) -> Match:
    match = match_for(db, personas.profile, personas.job)
    match.state = MatchState.TRIAL
    match.company_interest_at = match.flexjobber_interest_at = utcnow()
    match.trial_start = utcnow().date() - timedelta(days=days_ago)
    match.trial_end = utcnow().date() + timedelta(days=30)
    match.trial_hours = 10
    db.flush()
    return match


def _count(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(FollowUp)) or 0


def test_record_a_follow_up_and_who_sees_what(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = _trial(db, personas)
    consultant = browser(personas.consultant)
    home = consultant.get("/hjem").text
    assert f"/match/{match.id}#opfoelgning" in home  # 30 days after the start: due

    today = utcnow().date().isoformat()
    response = post(
        consultant,
        f"/match/{match.id}/opfoelgning",
        {"held_on": today, "hours": "12", "note": NOTE, "next_step": "Prøv 14 timer"},
    )
    assert response.status_code == 303, response.text
    saved = db.scalar(select(FollowUp).where(FollowUp.match_id == match.id))
    assert saved is not None and saved.hours == 12
    assert saved.next_due == utcnow().date() + timedelta(days=30)
    event = db.scalar(select(MatchEvent).where(MatchEvent.kind == "follow_up"))
    assert event is not None and event.hours == 12 and event.note == ""  # no note on the timeline
    assert f"/match/{match.id}#opfoelgning" not in consultant.get("/hjem").text  # not due now

    page = consultant.get(f"/match/{match.id}").text
    assert NOTE in page and "Prøv 14 timer" in page and "Timer om ugen over tid" in page
    company = browser(personas.company_user).get(f"/match/{match.id}").text
    person = browser(personas.flexjobber).get(f"/match/{match.id}").text
    due = f"{saved.next_due.day}."
    for text in (company, person):
        assert "Opfølgning" in text and "Næste opfølgning" in text and due in text
        assert NOTE not in text and "Prøv 14 timer" not in text
    assert "Timer om ugen over tid" in person and "Timer om ugen over tid" not in company


def test_bad_input_is_refused_and_nothing_saved(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = _trial(db, personas)
    consultant = browser(personas.consultant)
    today = utcnow().date()
    for data, message in (
        ({"held_on": today.isoformat(), "hours": "50"}, "mellem 1 og 37"),
        ({"held_on": today.isoformat(), "hours": "²"}, "mellem 1 og 37"),
        ({"held_on": (today + timedelta(days=2)).isoformat(), "hours": "12"}, "i dag eller"),
        ({"held_on": "9999-12-31", "hours": "12"}, "i dag eller"),
        ({"held_on": "", "hours": "12"}, "i dag eller"),
        (
            {
                "held_on": today.isoformat(),
                "hours": "12",
                "next_due": (today + timedelta(days=60)).isoformat(),
            },
            "højst en måned",
        ),
        ({"held_on": today.isoformat(), "hours": "12", "note": "x" * 2500}, "2.000 tegn"),
    ):
        response = post(consultant, f"/match/{match.id}/opfoelgning", data)
        assert response.status_code == 422, data
        assert message in response.text, data
    assert _count(db) == 0


def test_only_placements_and_only_the_consultant(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = _trial(db, personas)
    data = {"held_on": utcnow().date().isoformat(), "hours": "12"}
    assert (
        post(browser(personas.company_user), f"/match/{match.id}/opfoelgning", data).status_code
        == 403
    )
    assert (
        post(browser(personas.flexjobber), f"/match/{match.id}/opfoelgning", data).status_code
        == 403
    )
    assert (
        post(browser(personas.outsider), f"/match/{match.id}/opfoelgning", data).status_code == 404
    )
    match.state = MatchState.MUTUAL
    db.flush()
    assert (
        post(browser(personas.consultant), f"/match/{match.id}/opfoelgning", data).status_code
        == 403
    )
    assert _count(db) == 0


def test_a_due_follow_up_is_emailed_once_and_neutrally(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox
) -> None:
    match = _trial(db, personas, days_ago=70)
    held = utcnow().date() - timedelta(days=35)
    db.add(
        FollowUp(
            match_id=match.id,
            consultant_id=personas.consultant.id,
            held_on=held,
            hours=11,
            note=NOTE,
            next_due=held + timedelta(days=30),
        )
    )
    db.flush()
    mailer = mailer_from(settings)
    assert service.send_reminders(db, settings, mailer) == 1
    message = mailbox.last_to(personas.consultant.email)
    body = Mailbox.body(message)
    assert str(message["Subject"]) == "Nyt fra Fleksbro"
    for secret in (NOTE, personas.flexjobber.display_name, personas.job.title):
        assert secret not in body
    assert service.send_reminders(db, settings, mailer) == 0  # once per due date
    points = service.hours_over_time(match, service.for_match(db, match))
    assert [hours for _, hours in points] == [10, 11]
