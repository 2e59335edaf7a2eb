"""The "Mine data" pages: see what Fleksbro holds and who looked, take it ("Hent mine data"), delete it
("Slet min profil"); and the consultant's deletion on a citizen's behalf."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from app.errors import ValidationFailed
from app.kit import parse
from app.kit.i18n import N_
from app.matches import consent as consents
from app.privacy import service
from app.privacy.access_log import ACCESS_ACTIONS, PURPOSES
from app.web.cookies import clear_session_cookie
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.guards import ConsultantUser, FlexjobberUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

DONE = {
    "trukket": N_("Dit samtykke er trukket tilbage. Det gælder med det samme."),
    "link": N_("Vi har sendt dig en e-mail. Åbn linket i den for at bekræfte sletningen."),
}
EXPORT_NAME = "fleksbro-mine-data"


def _page(request: Request, db: SessionDep, user: CurrentUser, **extra: object) -> Response:
    key = request.query_params.get("udfoert", "")
    ctx = {
        "data": service.overview(db, user),
        "actions": ACCESS_ACTIONS,
        "purposes": PURPOSES,
        "messages": [("success", DONE[key])] if key in DONE else [],
        "errors": {},
    } | extra
    status = 422 if extra.get("errors") else 200
    return render(request, "privacy/my_data.html", ctx, status_code=status)


@router.get("/mine-data")
def my_data(request: Request, db: SessionDep, me: FlexjobberUser) -> Response:
    return _page(request, db, me.user)


@router.post("/mine-data/samtykke/traek-tilbage")
def withdraw_consent(
    db: SessionDep, me: FlexjobberUser, company_id: Annotated[str, Form()] = ""
) -> Response:
    found = parse.record_id(company_id)
    if found is None:
        raise ValidationFailed(fields={"company_id": N_("Vælg en virksomhed.")})
    consents.withdraw(db, me.user, found)
    return RedirectResponse("/mine-data?udfoert=trukket", status_code=303)


@router.get("/mine-data/hent")
def download_json(db: SessionDep, settings: SettingsDep, user: CurrentUser) -> Response:
    data = service.export_for(db, settings.data_dir, user)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{EXPORT_NAME}.json"'},
    )


@router.get("/mine-data/hent/laesbar")
def download_readable(
    request: Request, db: SessionDep, settings: SettingsDep, user: CurrentUser
) -> Response:
    data = service.export_for(db, settings.data_dir, user)
    return render(request, "privacy/export.html", {"data": data})


@router.post("/mine-data/slet")
def delete_profile(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    me: FlexjobberUser,
    password: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    user = me.user
    if confirm != "ja":
        errors = {"confirm": N_("Sæt kryds, hvis du vil slette din profil.")}
        return _page(request, db, user, errors=errors)
    try:
        outcome = service.delete_own(db, settings, mailer, user, password[:1000])
    except ValidationFailed as exc:
        return _page(request, db, user, errors=exc.fields)
    if outcome == "link_sent":
        return RedirectResponse("/mine-data?udfoert=link#slet", status_code=303)
    return _signed_out(request)


@router.get("/mine-data/slet/{token}")
def deletion_link(request: Request, db: SessionDep, token: str) -> Response:
    # Opening the link only shows a button: mail scanners that fetch links must not use it up.
    service.check_deletion_link(db, token)
    return render(request, "privacy/confirm_link.html", {"action": request.url.path})


@router.post("/mine-data/slet/{token}")
def delete_by_link(request: Request, db: SessionDep, settings: SettingsDep, token: str) -> Response:
    service.delete_by_link(db, settings, token)
    return _signed_out(request)


@router.get("/profil-slettet")
def deleted(request: Request) -> Response:
    return render(request, "privacy/deleted.html")


@router.post("/konsulent/profiler/{profile_id}/slet")
def delete_on_behalf(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: ConsultantUser,
    profile_id: int,
    confirm: Annotated[str, Form()] = "",
) -> Response:
    service.delete_on_behalf(db, settings, user, profile_id, confirm == "ja")
    return RedirectResponse("/konsulent?udfoert=slettet", status_code=303)


def _signed_out(request: Request) -> Response:
    response = RedirectResponse("/profil-slettet", status_code=303)
    clear_session_cookie(request, response)
    return response
