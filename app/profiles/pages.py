"""Profile pages: the person's overview and preview as a company sees it, a profile as the
viewer may see it, the CV download, and a consultant creating and inviting a citizen. The step
pages are in app.profiles.step_pages. Thin: the rules live in app.profiles.service, cv_files,
citizens and disclosure."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.errors import AppError
from app.kit.i18n import N_
from app.models import FlexjobberProfile
from app.profiles import citizens, cv_files, cv_storage, service
from app.profiles.completeness import completeness
from app.profiles.disclosure import ProfileView, preview_as_company
from app.profiles.page_common import SAVED, edit_base, page_labels
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.guards import ConsultantUser, FlexjobberUser
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


def _overview_context(
    db: Session, profile: FlexjobberProfile, on_behalf: bool, lang: str
) -> dict[str, Any]:
    return {
        "profile": profile,
        "completeness": completeness(profile, service.needs_of(db, profile)),
        "edit_base": edit_base(profile, on_behalf),
        **page_labels(lang),
    }


@router.get("/profil")
def own_overview(request: Request, db: SessionDep, me: FlexjobberUser) -> Response:
    profile = service.own_profile(db, me.user, me.profile)
    ctx = _overview_context(db, profile, False, language_of(request))
    if request.query_params.get("gemt") == "1":
        ctx["messages"] = [("success", SAVED)]
    return render(request, "profiles/overview.html", ctx)


@router.get("/profil/forhaandsvisning")
def own_preview(request: Request, db: SessionDep, me: FlexjobberUser) -> Response:
    profile = service.own_profile(db, me.user, me.profile)
    view = preview_as_company(db, profile)
    ctx = {"view": view, "profile": profile, **page_labels(language_of(request))}
    return render(request, "profiles/preview.html", ctx)


@router.get("/profiler/{profile_id}")
def profile_page(request: Request, db: SessionDep, user: CurrentUser, profile_id: int) -> Response:
    view: ProfileView = service.view_for(db, user, profile_id)
    lang = language_of(request)
    ctx: dict[str, Any] = {"view": view, **page_labels(lang)}
    if view.audience in ("owner", "consultant"):
        profile = service.profile_for_editor(db, user, profile_id)
        owner = service.owner_of(db, profile)
        ctx |= _overview_context(db, profile, view.audience == "consultant", lang)
        ctx["can_invite"] = view.audience == "consultant" and not owner.active
    messages = {
        "gemt": N_("Dine ændringer er gemt."),
        "oprettet": N_("Borgeren er oprettet. Udfyld profilen sammen med borgeren."),
        "inviteret": N_("Invitationen er sendt."),
    }
    ctx["messages"] = [
        ("success", text) for key, text in messages.items() if request.query_params.get(key)
    ]
    return render(request, "profiles/view.html", ctx)


@router.get("/profiler/{profile_id}/cv")
def profile_cv(
    db: SessionDep, settings: SettingsDep, user: CurrentUser, profile_id: int
) -> Response:
    cv = cv_files.cv_for(db, settings.data_dir, user, profile_id)
    disposition = f"attachment; filename=\"cv{cv_storage.EXTENSIONS[cv.content_type]}\"; filename*=UTF-8''{quote(cv.filename)}"
    return Response(
        cv.data, media_type=cv.content_type, headers={"Content-Disposition": disposition}
    )


@router.post("/profiler/{profile_id}/invitation")
def invite_citizen(
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    user: CurrentUser,
    profile_id: int,
) -> Response:
    profile = service.profile_for_editor(db, user, profile_id)
    citizens.invite_existing(db, settings, mailer, user, service.owner_of(db, profile))
    return RedirectResponse(f"/profiler/{profile.public_id}?inviteret=1", status_code=303)


@router.get("/konsulent/borgere/ny")
def new_citizen_form(request: Request, user: ConsultantUser) -> Response:
    return render(request, "profiles/new_citizen.html")


@router.post("/konsulent/borgere/ny")
def new_citizen(
    request: Request,
    db: SessionDep,
    user: ConsultantUser,
    display_name: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
) -> Response:
    try:
        profile = citizens.create_citizen(db, user, display_name=display_name, email=email)
    except AppError as exc:
        if not exc.fields:
            raise
        errors = dict(exc.fields)
        if exc.status_code == 409:
            errors["email"] = exc.message
        ctx = {"errors": errors, "values": {"display_name": display_name, "email": email}}
        return render(request, "profiles/new_citizen.html", ctx, status_code=422)
    return RedirectResponse(f"/profiler/{profile.public_id}?oprettet=1", status_code=303)
