"""The consultant's follow-up form on a placement's match page."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from app.followups import service
from app.followups.schemas import FollowUpIn
from app.kit.i18n import N_
from app.matches import lifecycle
from app.matches.detail_pages import render_detail
from app.web.deps import SessionDep
from app.web.guards import ConsultantUser
from app.web.routers import page_router

router = page_router()

FIELDS = ("held_on", "hours", "note", "next_step", "next_due")
MESSAGES = {
    "held_on": N_("Skriv datoen for opfølgningen (i dag eller tidligere, højst et år siden)."),
    "hours": N_("Timer om ugen skal være mellem 1 og 37."),
    "note": N_("Notatet må højst være 2.000 tegn."),
    "next_step": N_("Næste skridt må højst være 300 tegn."),
    "next_due": N_("Næste opfølgning skal ligge efter denne og højst en måned senere."),
}


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {name: str(form.get(name) or "").strip()[:3000] for name in FIELDS}


FollowUpForm = Annotated[dict[str, str], Depends(_form)]


def _errors(exc: ValidationError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for error in exc.errors():
        where = [str(part) for part in error.get("loc", ())]
        name = where[0] if where and where[0] in MESSAGES else ""
        if not name:  # the model's own check names the field in its message
            message = str(error.get("msg", ""))
            name = next((f for f in ("next_due", "held_on") if f in message), "next_due")
        fields.setdefault(f"followup_{name}", MESSAGES[name])
    return fields


@router.post("/match/{match_id}/opfoelgning")
def add_follow_up(
    request: Request, db: SessionDep, user: ConsultantUser, match_id: int, form: FollowUpForm
) -> Response:
    ctx = lifecycle.load(db, user, match_id)
    try:
        data = FollowUpIn.model_validate({k: v for k, v in form.items() if v != ""})
    except ValidationError as exc:
        values = {f"followup_{k}": v for k, v in form.items()}
        return render_detail(request, db, user, ctx, errors=_errors(exc), values=values, status=422)
    service.record(db, user, ctx, data)
    return RedirectResponse(f"/match/{match_id}?udfoert=opfoelgning#opfoelgning", 303)
