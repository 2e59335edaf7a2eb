"""Event pages: the list, a consultant's new-event form, an event's page with sign-up, the
participants for staff, publishing and cancelling, and the .ics calendar file."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response

from app.errors import ValidationFailed
from app.events import policy, service
from app.kit import ics
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.models import AUDIENCES, Event, User
from app.notifications import service as notifications
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.i18n import language_of, translations
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

AUDIENCE_LABELS = {
    "flexjobbers": N_("Fleksjobbere"),
    "companies": N_("Virksomheder"),
    "both": N_("Fleksjobbere og virksomheder"),
}
STATUS_LABELS = {
    "draft": N_("Kladde"),
    "published": N_("Offentliggjort"),
    "cancelled": N_("Aflyst"),
}
DONE = {
    "tilmeldt": N_("Du er tilmeldt."),
    "venteliste": N_(
        "Arrangementet er fuldt. Du er på ventelisten og får besked, hvis der bliver en plads."
    ),
    "afmeldt": N_("Du er afmeldt."),
    "offentliggjort": N_("Arrangementet er offentliggjort."),
    "aflyst": N_("Arrangementet er aflyst. Alle tilmeldte har fået besked."),
}


def _common(request: Request) -> dict[str, Any]:
    tr = translations(language_of(request)).gettext
    return {
        "audience_labels": AUDIENCE_LABELS,
        "status_labels": STATUS_LABELS,
        "audiences": [(a, tr(AUDIENCE_LABELS[a])) for a in AUDIENCES],
    }


@router.get("/arrangementer")
def event_list(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    now = utcnow()
    events = service.visible_events(db, user)
    ctx = _common(request) | {
        "upcoming": [e for e in events if e.ends_at >= now],
        "past": [e for e in events if e.ends_at < now][::-1],
        "may_create": policy.may_create(user),
    }
    return render(request, "events/list.html", ctx)


async def _typed(request: Request) -> dict[str, str]:
    """The form as typed (text, cut to a sane length), so a rejected form shows it again."""
    form = await request.form()
    names = (*service.FIELDS, "audience", "deadline")
    return {name: str(form.get(name) or "")[:20_000] for name in names}


# A dependency, so the route itself stays synchronous (its database calls run in a thread).
EventForm = Annotated[dict[str, str], Depends(_typed)]


def _form(
    request: Request, values: dict[str, str], errors: dict[str, str], status: int
) -> Response:
    ctx = _common(request) | {"values": values, "errors": errors}
    return render(request, "events/form.html", ctx, status_code=status)


@router.get("/arrangementer/ny")
def new_event_form(request: Request, user: CurrentUser) -> Response:
    policy.ensure_may_create(user)
    return _form(request, {"audience": "both", "capacity": "20"}, {}, 200)


@router.post("/arrangementer/ny")
def create_event(
    request: Request, db: SessionDep, user: CurrentUser, values: EventForm
) -> Response:
    policy.ensure_may_create(user)
    try:
        event = service.create_event(db, user, values)
    except ValidationFailed as exc:
        return _form(request, values, exc.fields, 422)
    return RedirectResponse(f"/arrangementer/{event.id}", status_code=303)


def _detail(request: Request, db: SessionDep, user: User, event: Event) -> Response:
    manage = policy.can_manage(user, event)
    done = request.query_params.get("udfoert", "")
    ctx = _common(request) | {
        "event": event,
        "manage": manage,
        "audience_member": policy.is_audience(db, user, event),
        "place": service.place_of(db, user, event),
        "seats_taken": service.confirmed_count(db, event),
        "open": service.open_for_signup(event, utcnow()),
        "participants": service.participants(db, user, event) if manage else [],
        "messages": [("success", DONE[done])] if done in DONE else [],
    }
    return render(request, "events/detail.html", ctx)


@router.get("/arrangementer/{event_id}")
def event_page(request: Request, db: SessionDep, user: CurrentUser, event_id: int) -> Response:
    return _detail(request, db, user, service.get_event(db, user, event_id))


def _back(event_id: int, done: str) -> Response:
    return RedirectResponse(f"/arrangementer/{event_id}?udfoert={done}", status_code=303)


@router.post("/arrangementer/{event_id}/offentliggoer")
def publish_event(db: SessionDep, user: CurrentUser, event_id: int) -> Response:
    service.publish(db, user, event_id)
    return _back(event_id, "offentliggjort")


@router.post("/arrangementer/{event_id}/aflys")
def cancel_event(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: CurrentUser, event_id: int
) -> Response:
    told = service.cancel(db, user, event_id)
    notifications.notify(db, settings, mailer, told, "event_cancelled", None)
    return _back(event_id, "aflyst")


@router.post("/arrangementer/{event_id}/tilmeld")
def sign_up(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: CurrentUser, event_id: int
) -> Response:
    status = service.sign_up(db, user, event_id)
    kind = "event_signup" if status == "confirmed" else "event_waiting"
    notifications.notify(db, settings, mailer, [user], kind, None)
    return _back(event_id, "tilmeldt" if status == "confirmed" else "venteliste")


@router.post("/arrangementer/{event_id}/afmeld")
def cancel_signup(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: CurrentUser, event_id: int
) -> Response:
    moved_up = service.cancel_signup(db, user, event_id)
    if moved_up is not None:
        notifications.notify(db, settings, mailer, [moved_up], "event_moved_up", None)
    return _back(event_id, "afmeldt")


@router.get("/arrangementer/{event_id}/kalender.ics")
def calendar_file(
    db: SessionDep, settings: SettingsDep, user: CurrentUser, event_id: int
) -> Response:
    event = service.get_event(db, user, event_id)
    url = f"{settings.base_url.rstrip('/')}/arrangementer/{event.id}"
    body = ics.calendar(
        ics.CalendarEvent(
            uid=f"event-{event.id}@fleksbro",
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            summary=event.title,
            description=event.description,
            location=event.place or event.online_url,
            url=url,
            cancelled=event.status == "cancelled",
            sequence=1 if event.status == "cancelled" else 0,
        ),
        utcnow(),
    )
    return Response(
        body.encode("utf-8"),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="arrangement-{event.id}.ics"'},
    )
