"""``/notifikationer``: the person's notifications, "mark all read" and the e-mail setting."""

from __future__ import annotations

from typing import Any

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.errors import ValidationFailed
from app.kit.i18n import N_
from app.models import User
from app.notifications import service
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

MODES = [
    ("immediate", N_("Med det samme")),
    ("daily", N_("Én gang om dagen (samlet)")),
    ("none", N_("Aldrig – jeg kigger selv efter")),
]
DONE = {
    "laest": N_("Alle notifikationer er markeret som læst."),
    "gemt": N_("Dine indstillinger er gemt."),
}


def _context(db: Session, user: User, **extra: Any) -> dict[str, Any]:
    return {
        "items": service.shown(db, user, service.recent(db, user)),
        "unread": service.unread_count(db, user),
        "modes": MODES,
        "mode": user.notify_mode,
        **extra,
    }


@router.get("/notifikationer")
def notifications_page(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    key = request.query_params.get("udfoert", "")
    messages = [("success", DONE[key])] if key in DONE else []
    return render(request, "notifications/list.html", _context(db, user, messages=messages))


@router.post("/notifikationer/laest")
def mark_all_read(db: SessionDep, user: CurrentUser) -> Response:
    service.mark_all_read(db, user)
    return RedirectResponse("/notifikationer?udfoert=laest", status_code=303)


@router.post("/notifikationer/indstillinger")
def save_settings(
    request: Request, db: SessionDep, user: CurrentUser, notify_mode: str = Form("")
) -> Response:
    try:
        service.set_mode(db, user, notify_mode)
    except ValidationFailed as exc:
        ctx = _context(db, user, errors=exc.fields)
        return render(request, "notifications/list.html", ctx, status_code=422)
    return RedirectResponse("/notifikationer?udfoert=gemt", status_code=303)
