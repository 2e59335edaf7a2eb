"""Help and contact pages: /hjaelp in plain Danish, "Ring mig op", and the consultant's list
of open call-back requests."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from app.contact import policy, service
from app.errors import ValidationFailed
from app.notifications import service as notifications
from app.profiles.completeness import STEPS
from app.web.deps import CurrentUser, MailerDep, OptionalUser, SessionDep, SettingsDep
from app.web.guards import ConsultantUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()
_BACK = {"/hjem", "/konsulent/opringninger"}


@router.get("/hjaelp")
def help_page(request: Request, db: SessionDep, user: OptionalUser) -> Response:
    contact = service.contact_for(db, user) if user is not None else None
    ctx = {
        "contact": contact,
        "may_request": user is not None and policy.may_request(user),
        "steps": STEPS,
    }
    return render(request, "contact/help.html", ctx)


def _form_page(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    problem: str = "",
    status: int = 200,
) -> Response:
    ctx: dict[str, Any] = {
        "contact": service.contact_for(db, user),
        "open_requests": service.own_open_requests(db, user),
        "values": values or {},
        "errors": errors or {},
        "problem": problem,
        "sent": request.query_params.get("sendt") == "1",
    }
    return render(request, "contact/callback_form.html", ctx, status_code=status)


@router.get("/ring-mig-op")
def callback_form(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    policy.ensure_may_request(user)
    return _form_page(request, db, user)


@router.post("/ring-mig-op")
def create_callback(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    user: CurrentUser,
    phone: Annotated[str, Form(max_length=100)] = "",
    when_suits: Annotated[str, Form(max_length=1000)] = "",
    message: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    policy.ensure_may_request(user)
    values = {"phone": phone, "when_suits": when_suits, "message": message}
    try:
        callback = service.create_request(db, user, values)
    except ValidationFailed as exc:
        return _form_page(
            request,
            db,
            user,
            values=values,
            errors=exc.fields,
            problem="" if exc.fields else exc.message,
            status=422,
        )
    # In-app notice (and the neutral e-mail, per the consultant's choice): no text, a link only.
    recipients = service.recipients(db, callback)
    notifications.notify(db, settings, mailer, recipients, "callback", None)
    return RedirectResponse("/ring-mig-op?sendt=1", status_code=303)


@router.get("/konsulent/opringninger")
def callback_list(request: Request, db: SessionDep, user: ConsultantUser) -> Response:
    ctx = {
        "callbacks": service.open_requests_for(db, user),
        "back": "/konsulent/opringninger",
    }
    return render(request, "contact/callbacks.html", ctx)


@router.post("/konsulent/opringninger/{request_id}/klaret")
def mark_callback_done(
    db: SessionDep,
    user: CurrentUser,
    request_id: int,
    next_path: Annotated[str, Form(alias="next", max_length=100)] = "/konsulent/opringninger",
) -> Response:
    service.mark_done(db, user, request_id)
    target = next_path if next_path in _BACK else "/konsulent/opringninger"
    return RedirectResponse(f"{target}?klaret=1", status_code=303)
