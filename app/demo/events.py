"""Demo events: for each jobcentre one past event and two upcoming ones, published, with
times relative to when the demo data is loaded. Idempotent by jobcentre and title."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import EVENT_PUBLISHED, Event, Jobcentre

_LOCAL = ZoneInfo("Europe/Copenhagen")

# (days from today, start hour, hours, title, description, place, capacity, audience)
EVENTS = [
    (
        -14,
        10,
        2,
        "Kaffemøde for fleksjobbere",
        "Mød andre fleksjobbere over en kop kaffe. Vi taler om, hvordan det går med jobsøgningen.",
        "Jobcentret, mødelokale 1",
        15,
        "flexjobbers",
    ),
    (
        7,
        13,
        2,
        "Sådan laver du en god profil på Fleksbro",
        "Vi hjælper dig trin for trin med din profil. Tag gerne dit CV med.",
        "Jobcentret, IT-lokalet",
        8,
        "flexjobbers",
    ),
    (
        14,
        9,
        3,
        "Morgenmøde: Fleksjob i din virksomhed",
        "For virksomheder og fleksjobbere: hvordan et fleksjob fungerer i praksis, og hvad "
        "kommunen hjælper med.",
        "Jobcentret, salen",
        40,
        "both",
    ),
]


def _at(days: int, hour: int) -> datetime:
    day = (utcnow().astimezone(_LOCAL) + timedelta(days=days)).date()
    return datetime.combine(day, time(hour), tzinfo=_LOCAL).astimezone(UTC)


def load_events(db: Session, jobcentres: list[Jobcentre], creators: dict[int, int]) -> int:
    """creators: jobcentre id -> the consultant who made its events."""
    made = 0
    for centre in jobcentres:
        existing = set(db.scalars(select(Event.title).where(Event.jobcentre_id == centre.id)))
        for days, hour, hours, title, description, place, capacity, audience in EVENTS:
            if title in existing:
                continue
            starts = _at(days, hour)
            db.add(
                Event(
                    jobcentre_id=centre.id,
                    created_by_id=creators.get(centre.id),
                    title=title,
                    description=description,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=hours),
                    place=place,
                    capacity=capacity,
                    audience=audience,
                    status=EVENT_PUBLISHED,
                    published_at=starts - timedelta(days=21),
                )
            )
            made += 1
    db.flush()
    return made
