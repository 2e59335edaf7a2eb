"""JSON routes for events and sign-ups: the same service functions and rules as the pages."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.events import service
from app.events.schemas import EventList, EventOut, SignupOut
from app.kit.clock import utcnow
from app.models import Event, User
from app.notifications import service as notifications
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.routers import api_router

router = api_router("events")


def _out(db: Session, user: User, event: Event) -> EventOut:
    place = service.place_of(db, user, event)
    return EventOut(
        id=event.id,
        title=event.title,
        description=event.description,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        place=event.place,
        online_url=event.online_url,
        capacity=event.capacity,
        seats_taken=service.confirmed_count(db, event),
        audience=event.audience,
        signup_deadline=event.signup_deadline,
        status=event.status,
        open_for_signup=service.open_for_signup(event, utcnow()),
        my_signup=place.status,
        waiting_position=place.waiting_position,
    )


@router.get("/events", response_model=EventList)
def list_events(db: SessionDep, user: CurrentUser) -> EventList:
    """The events the caller may see, soonest first (past ones included)."""
    return EventList(items=[_out(db, user, e) for e in service.visible_events(db, user)])


@router.get("/events/{event_id}", response_model=EventOut)
def get_event(db: SessionDep, user: CurrentUser, event_id: int) -> EventOut:
    return _out(db, user, service.get_event(db, user, event_id))


@router.post("/events/{event_id}/signup", response_model=SignupOut)
def sign_up(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: CurrentUser, event_id: int
) -> SignupOut:
    """A seat if one is free, else the waiting list. Signing up twice changes nothing."""
    status = service.sign_up(db, user, event_id)
    kind = "event_signup" if status == "confirmed" else "event_waiting"
    notifications.notify(db, settings, mailer, [user], kind, None)
    place = service.place_of(db, user, service.get_event(db, user, event_id))
    return SignupOut(event_id=event_id, status=status, waiting_position=place.waiting_position)


@router.delete("/events/{event_id}/signup", response_model=SignupOut)
def cancel_signup(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: CurrentUser, event_id: int
) -> SignupOut:
    """Gives up the seat or the place in line; the first waiting person moves up and is told."""
    moved_up = service.cancel_signup(db, user, event_id)
    if moved_up is not None:
        notifications.notify(db, settings, mailer, [moved_up], "event_moved_up", None)
    return SignupOut(event_id=event_id, status="cancelled")
