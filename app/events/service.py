"""Jobcentre events: validation, drafts, publishing and cancelling, and sign-ups with a
capacity and a waiting list that moves up when someone cancels."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import ValidationFailed
from app.events import policy
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.models import (
    AUDIENCES,
    EVENT_CANCELLED,
    EVENT_DRAFT,
    EVENT_PUBLISHED,
    SIGNUP_CANCELLED,
    SIGNUP_CONFIRMED,
    SIGNUP_WAITING,
    Event,
    EventSignup,
    User,
)
from app.notifications import service as notifications
from app.settings import Settings

LOCAL = ZoneInfo("Europe/Copenhagen")  # the form's dates and times are Danish local time
MAX_CAPACITY = 1000
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
FIELDS = ("title", "description", "date", "start", "end", "place", "online_url", "capacity")


@dataclass(frozen=True)
class Participant:
    name: str
    email: str
    status: str


@dataclass(frozen=True)
class Place:
    """The viewer's own sign-up: status, and their place on the waiting list (1 = next)."""

    status: str | None
    waiting_position: int | None = None


# ---------------------------------------------------------------- validation


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _time(text: str) -> time | None:
    found = _TIME.match(text)
    return time(int(found.group(1)), int(found.group(2))) if found else None


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL).astimezone(UTC)


def validate(data: Mapping[str, str], now: datetime) -> tuple[dict[str, object], dict[str, str]]:
    text = {name: (data.get(name) or "").strip() for name in (*FIELDS, "audience", "deadline")}
    errors: dict[str, str] = {}
    clean: dict[str, object] = {}
    if not text["title"]:
        errors["title"] = N_("Skriv arrangementets titel.")
    elif len(text["title"]) > 200:
        errors["title"] = N_("Titlen må højst være 200 tegn.")
    if len(text["description"]) > 10_000:
        errors["description"] = N_("Teksten må højst være 10.000 tegn.")
    day, start, end = _date(text["date"]), _time(text["start"]), _time(text["end"])
    if day is None:
        errors["date"] = N_("Skriv en gyldig dato, fx 2026-03-01.")
    if start is None:
        errors["start"] = N_("Skriv et klokkeslæt, fx 10:00.")
    if end is None:
        errors["end"] = N_("Skriv et klokkeslæt, fx 12:00.")
    if day and start and end:
        clean["starts_at"], clean["ends_at"] = _local(day, start), _local(day, end)
        if end <= start:
            errors["end"] = N_("Arrangementet skal slutte efter, det er begyndt.")
        elif clean["starts_at"] <= now:  # type: ignore[operator]
            errors["date"] = N_("Arrangementet skal ligge ude i fremtiden.")
    if len(text["place"]) > 200:
        errors["place"] = N_("Stedet må højst være 200 tegn.")
    url = text["online_url"]
    if url and (not url.startswith("https://") or len(url) > 500 or " " in url):
        errors["online_url"] = N_("Linket skal begynde med https:// og højst være 500 tegn.")
    if not text["place"] and not url and "place" not in errors:
        errors["place"] = N_("Skriv hvor arrangementet er, eller et link til et onlinemøde.")
    capacity = int(text["capacity"]) if text["capacity"].isdigit() else None
    if capacity is None or not 1 <= capacity <= MAX_CAPACITY:
        errors["capacity"] = N_("Skriv et antal pladser mellem 1 og 1.000.")
    if text["audience"] not in AUDIENCES:
        errors["audience"] = N_("Vælg hvem arrangementet er for.")
    deadline = None
    if text["deadline"]:
        deadline_day = _date(text["deadline"])
        if deadline_day is None:
            errors["deadline"] = N_("Skriv en gyldig dato, fx 2026-03-01.")
        else:
            # The whole deadline day counts: sign-up closes at midnight after it.
            deadline = _local(deadline_day, time(0)) + timedelta(days=1)
            if day and deadline_day > day:
                errors["deadline"] = N_("Tilmeldingsfristen må ikke ligge efter arrangementet.")
    clean |= {
        "title": text["title"],
        "description": text["description"],
        "place": text["place"],
        "online_url": url,
        "capacity": capacity,
        "audience": text["audience"],
        "signup_deadline": deadline,
    }
    return clean, errors


# ---------------------------------------------------------------- the consultant's side


def create_event(db: Session, user: User, data: Mapping[str, str]) -> Event:
    policy.ensure_may_create(user)
    clean, errors = validate(data, utcnow())
    if errors:
        raise ValidationFailed(fields=errors)
    assert user.jobcentre_id is not None
    event = Event(jobcentre_id=user.jobcentre_id, created_by_id=user.id, status=EVENT_DRAFT)
    for name, value in clean.items():
        setattr(event, name, value)
    db.add(event)
    db.flush()
    return event


def get_event(db: Session, user: User, event_id: int) -> Event:
    return policy.ensure_can_view(db, user, db.get(Event, event_id))


def publish(db: Session, user: User, event_id: int) -> Event:
    event = policy.ensure_can_manage(db, user, db.get(Event, event_id))
    if event.status == EVENT_DRAFT:
        event.status = EVENT_PUBLISHED
        event.published_at = utcnow()
    return event


def cancel(db: Session, user: User, event_id: int) -> list[User]:
    """Cancels the event; returns everyone signed up or waiting, to be told."""
    event = policy.ensure_can_manage(db, user, db.get(Event, event_id))
    if event.status == EVENT_CANCELLED:
        return []
    event.status = EVENT_CANCELLED
    event.cancelled_at = utcnow()
    return list(
        db.scalars(
            select(User)
            .join(EventSignup, EventSignup.user_id == User.id)
            .where(
                EventSignup.event_id == event.id,
                EventSignup.status.in_((SIGNUP_CONFIRMED, SIGNUP_WAITING)),
            )
        )
    )


def participants(db: Session, user: User, event: Event) -> list[Participant]:
    """Confirmed first (in sign-up order), then the waiting list in order. Managers only."""
    policy.ensure_can_manage(db, user, event)
    rows = db.execute(
        select(User.display_name, User.email, EventSignup.status)
        .join(EventSignup, EventSignup.user_id == User.id)
        .where(
            EventSignup.event_id == event.id,
            EventSignup.status.in_((SIGNUP_CONFIRMED, SIGNUP_WAITING)),
        )
        .order_by(EventSignup.status, EventSignup.created_at, EventSignup.id)
    )
    return [Participant(name, email, status) for name, email, status in rows]


# ---------------------------------------------------------------- listing


def visible_events(db: Session, user: User) -> list[Event]:
    """Staff: all of their jobcentre's events. The audience: published and cancelled events of
    their jobcentres for them. Newest start first is for the page to split."""
    query = select(Event).order_by(Event.starts_at, Event.id)
    if roles.is_consultant(user):
        query = query.where(Event.jobcentre_id == user.jobcentre_id)
    else:
        centres = policy.jobcentres_of(db, user)
        audiences = policy.audiences_of(user)
        if not centres or not audiences:
            return []
        query = query.where(
            Event.jobcentre_id.in_(centres),
            Event.audience.in_(audiences),
            Event.status != EVENT_DRAFT,
        )
    return list(db.scalars(query.limit(500)))


def upcoming(db: Session, user: User, limit: int = 3) -> list[Event]:
    """The next published events for the person's home page ("Nyt fra jobcentret")."""
    now = utcnow()
    events = [e for e in visible_events(db, user) if e.status == EVENT_PUBLISHED]
    return [e for e in events if e.starts_at > now][:limit]


def confirmed_count(db: Session, event: Event) -> int:
    count = db.scalar(
        select(func.count())
        .select_from(EventSignup)
        .where(EventSignup.event_id == event.id, EventSignup.status == SIGNUP_CONFIRMED)
    )
    return int(count or 0)


def place_of(db: Session, user: User, event: Event) -> Place:
    signup = _signup(db, event, user)
    if signup is None or signup.status == SIGNUP_CANCELLED:
        return Place(None)
    if signup.status == SIGNUP_CONFIRMED:
        return Place(SIGNUP_CONFIRMED)
    ahead = db.scalar(
        select(func.count())
        .select_from(EventSignup)
        .where(
            EventSignup.event_id == event.id,
            EventSignup.status == SIGNUP_WAITING,
            or_(
                EventSignup.created_at < signup.created_at,
                (EventSignup.created_at == signup.created_at) & (EventSignup.id < signup.id),
            ),
        )
    )
    return Place(SIGNUP_WAITING, int(ahead or 0) + 1)


# ---------------------------------------------------------------- signing up


def _signup(db: Session, event: Event, user: User) -> EventSignup | None:
    return db.scalar(
        select(EventSignup).where(EventSignup.event_id == event.id, EventSignup.user_id == user.id)
    )


def _locked(db: Session, user: User, event_id: int) -> Event:
    # FOR UPDATE on PostgreSQL: sign-ups to one event queue up, so two people can never both
    # take the last seat. SQLite has one writer at a time anyway.
    event = db.get(Event, event_id, with_for_update=True)
    return policy.ensure_may_sign_up(db, user, event)


def open_for_signup(event: Event, now: datetime) -> bool:
    if event.status != EVENT_PUBLISHED or event.starts_at <= now:
        return False
    return event.signup_deadline is None or now < event.signup_deadline


def sign_up(db: Session, user: User, event_id: int) -> str:
    """A seat if one is free, else a place at the end of the waiting list. Signing up twice
    changes nothing. Returns the status."""
    event = _locked(db, user, event_id)
    now = utcnow()
    signup = _signup(db, event, user)
    if signup is not None and signup.status != SIGNUP_CANCELLED:
        return signup.status
    if not open_for_signup(event, now):
        raise ValidationFailed(N_("Der er lukket for tilmelding til arrangementet."))
    status = SIGNUP_CONFIRMED if confirmed_count(db, event) < event.capacity else SIGNUP_WAITING
    if signup is None:
        signup = EventSignup(event_id=event.id, user_id=user.id, status=status, created_at=now)
        db.add(signup)
    else:
        # Back at the end of the queue: created_at orders the waiting list.
        signup.status, signup.created_at = status, now
    db.flush()
    return status


def cancel_signup(db: Session, user: User, event_id: int) -> User | None:
    """Gives up the seat or the place in line. When a seat frees up, the first on the waiting
    list gets it; returns that person (to be told), or None."""
    event = _locked(db, user, event_id)
    signup = _signup(db, event, user)
    if signup is None or signup.status == SIGNUP_CANCELLED:
        return None
    freed = signup.status == SIGNUP_CONFIRMED
    signup.status = SIGNUP_CANCELLED
    db.flush()
    if not freed or event.status != EVENT_PUBLISHED or event.starts_at <= utcnow():
        return None
    first = db.scalar(
        select(EventSignup)
        .where(EventSignup.event_id == event.id, EventSignup.status == SIGNUP_WAITING)
        .order_by(EventSignup.created_at, EventSignup.id)
        .limit(1)
    )
    if first is None:
        return None
    first.status = SIGNUP_CONFIRMED
    db.flush()
    return db.get(User, first.user_id)


# ---------------------------------------------------------------- the day-before reminder


def send_reminders(
    db: Session, settings: Settings, mailer: Mailer | None, now: datetime | None = None
) -> int:
    """One reminder per confirmed place for events that start before the end of tomorrow
    (Danish time): in the app, and by e-mail as the person chose (neutral subject, a link
    only). Run daily by `fleksbro daily`; reminded_at makes a second run send nothing."""
    now = now or utcnow()
    tomorrow = (now.astimezone(LOCAL) + timedelta(days=1)).date()
    until = _local(tomorrow, time(0)) + timedelta(days=1)
    rows = db.execute(
        select(EventSignup, User)
        .join(Event, Event.id == EventSignup.event_id)
        .join(User, User.id == EventSignup.user_id)
        .where(
            EventSignup.status == SIGNUP_CONFIRMED,
            EventSignup.reminded_at.is_(None),
            Event.status == EVENT_PUBLISHED,
            Event.starts_at > now,
            Event.starts_at < until,
        )
    ).all()
    for signup, user in rows:
        notifications.notify(db, settings, mailer, [user], "event_reminder", None)
        signup.reminded_at = now
    db.flush()
    return len(rows)
