"""The day-before reminder (`fleksbro daily`): confirmed places only, once, neutral e-mail."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.events.service import send_reminders
from app.kit.clock import utcnow
from app.mail.service import mailer_from
from app.models import (
    EVENT_PUBLISHED,
    SIGNUP_CONFIRMED,
    SIGNUP_WAITING,
    Event,
    EventSignup,
    Notification,
)
from app.settings import Settings
from tests.support.personas import Personas
from tests.support.smtp import Mailbox


def test_reminder_once_to_confirmed_places_with_a_neutral_mail(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox
) -> None:
    now = utcnow()
    soon = Event(
        jobcentre_id=personas.jobcentre.id,
        title="Hemmeligt arrangementsnavn",
        starts_at=now + timedelta(hours=20),
        ends_at=now + timedelta(hours=22),
        place="Jobcentret",
        capacity=1,
        audience="flexjobbers",
        status=EVENT_PUBLISHED,
    )
    later = Event(
        jobcentre_id=personas.jobcentre.id,
        title="Om en uge",
        starts_at=now + timedelta(days=7),
        ends_at=now + timedelta(days=7, hours=1),
        place="Jobcentret",
        capacity=5,
        audience="flexjobbers",
        status=EVENT_PUBLISHED,
    )
    db.add_all([soon, later])
    db.flush()
    db.add_all(
        [
            EventSignup(event_id=soon.id, user_id=personas.flexjobber.id, status=SIGNUP_CONFIRMED),
            EventSignup(event_id=soon.id, user_id=personas.flexjobber2.id, status=SIGNUP_WAITING),
            EventSignup(
                event_id=later.id, user_id=personas.flexjobber2.id, status=SIGNUP_CONFIRMED
            ),
        ]
    )
    db.flush()
    mailer = mailer_from(settings)
    assert send_reminders(db, settings, mailer, now) == 1
    assert send_reminders(db, settings, mailer, now) == 0
    kinds = db.scalars(select(Notification.user_id).where(Notification.kind == "event_reminder"))
    assert list(kinds) == [personas.flexjobber.id]
    message = mailbox.last_to(personas.flexjobber.email)
    body = Mailbox.body(message)
    assert str(message["Subject"]) == "Nyt fra Fleksbro"
    assert "Hemmeligt arrangementsnavn" not in body and "https://testserver/" in body
