"""Profile pages: the flexjobber's own step pages, the same steps for a consultant working on a
citizen's behalf, profile views, CV download, and creating a citizen with a consultant.

Each step has ONE implementation (``StepPage``); it is mounted twice: under ``/profil/<step>``
for the person and under ``/profiler/{profile_id}/rediger/<step>`` (the public id) for their consultant.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile

from app.errors import AppError, ValidationFailed
from app.kit.i18n import N_
from app.models import FlexjobberProfile, JobseekerStatus, User, Visibility
from app.profiles import cv_storage, service
from app.profiles.completeness import STEP_BY_SLUG, STEPS, completeness
from app.profiles.disclosure import ProfileView, preview_as_company
from app.settings import Settings
from app.taxonomy import labels
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.guards import ConsultantUser, FlexjobberUser
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render
from matching.accommodations import ACCOMMODATIONS
from matching.reference import suggested_skills
from matching.schedule import PART_LABELS_DA, PARTS_OF_DAY, WEEKDAY_LABELS_DA, WEEKDAYS

router = page_router()

STATUS_LABELS = {
    JobseekerStatus.LEDIGHEDSYDELSE.value: N_("Jeg er på ledighedsydelse"),
    JobseekerStatus.IN_FLEXJOB_WANTS_OTHER.value: N_("Jeg er i fleksjob og vil gerne skifte"),
    JobseekerStatus.CHANGE_OF_FIELD.value: N_("Jeg vil gerne prøve et nyt fag"),
}
VISIBILITY_LABELS = {
    Visibility.HIDDEN.value: N_("Skjult – kun du og dit jobcenter kan se profilen"),
    Visibility.ANONYMOUS.value: N_(
        "Anonym – virksomheder kan se profilen uden dit navn, dine arbejdsgivere og dit CV"
    ),
    Visibility.NAMED.value: N_("Med navn – virksomheder kan se profilen med dit navn"),
}
SAVED = N_("Dine ændringer er gemt.")
MAX_FORM_ENTRIES = 40  # rows of experience/education read from one form
MAX_JOB_INPUTS = 12
MAX_SUGGESTIONS = 15


async def read_form(request: Request) -> FormData:
    # Cached by Starlette: the CSRF guard has read the same form already.
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]


# ---------------------------------------------------------------- form helpers


def _str(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _strs(form: FormData, name: str) -> list[str]:
    return [value for value in form.getlist(name) if isinstance(value, str)]


def _entries(form: FormData, prefix: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows named ``<prefix>-<index>-<field>``, in index order (gaps become blank rows)."""
    pattern = re.compile(rf"^{prefix}-(\d{{1,3}})-([a-z]+)$")
    rows: dict[int, dict[str, str]] = {}
    for key in form:
        match = pattern.match(key)
        if match and match.group(2) in fields and int(match.group(1)) < MAX_FORM_ENTRIES:
            rows.setdefault(int(match.group(1)), {})[match.group(2)] = _str(form, key)
    size = max(rows, default=-1) + 1
    return [{f: rows.get(i, {}).get(f, "") for f in fields} for i in range(size)]


def _blank(fields: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(fields, "")


# ---------------------------------------------------------------- the steps


Values = dict[str, Any]


@dataclass(frozen=True)
class StepPage:
    slug: str
    load: Callable[[Session, FlexjobberProfile, User], Values]  # stored values for the form
    parse: Callable[[FormData], Values]  # what the person typed
    clean: Callable[[Values], service.Cleaned]


def _load_about(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {
        "display_name": owner.display_name,
        "headline": p.headline,
        "about": p.about,
        "status": p.status.value if p.status else "",
        "available_from": p.available_from.isoformat() if p.available_from else "",
        "keeps_looking": "1" if p.keeps_looking else "",
    }


def _parse_about(form: FormData) -> Values:
    names = ("display_name", "headline", "about", "status", "available_from", "keeps_looking")
    return {name: _str(form, name) for name in names}


def _load_jobs(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {"wished_jobs": [str(job.get("label", "")) for job in p.wished_jobs]}


def _parse_jobs(form: FormData) -> Values:
    # The inputs are named "q" so htmx can ask /taxonomi/stillinger?q=… for suggestions.
    return {"wished_jobs": _strs(form, "q")[:MAX_JOB_INPUTS]}


def _load_skills(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    licence = {True: "ja", False: "nej", None: ""}[p.driving_licence]
    return {
        "skills": "\n".join(p.skills),
        "suggested": [],
        "languages": "\n".join(p.languages),
        "driving_licence": licence,
    }


def _parse_skills(form: FormData) -> Values:
    return {
        "skills": _str(form, "skills"),
        "suggested": _strs(form, "suggested"),
        "languages": _str(form, "languages"),
        "driving_licence": _str(form, "driving_licence"),
    }


def _load_experience(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    fields = service.EXPERIENCE_FIELDS
    return {"entries": [{f: str(e.get(f, "") or "") for f in fields} for e in p.experience]}


def _parse_experience(form: FormData) -> Values:
    return {"entries": _entries(form, "experience", service.EXPERIENCE_FIELDS)}


def _load_education(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    fields = service.EDUCATION_FIELDS
    return {"entries": [{f: str(e.get(f, "") or "") for f in fields} for e in p.education]}


def _parse_education(form: FormData) -> Values:
    return {"entries": _entries(form, "education", service.EDUCATION_FIELDS)}


def _load_hours(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {
        "hours_min": "" if p.hours_min is None else str(p.hours_min),
        "hours_max": "" if p.hours_max is None else str(p.hours_max),
        "schedule": list(p.schedule),
    }


def _parse_hours(form: FormData) -> Values:
    return {
        "hours_min": _str(form, "hours_min"),
        "hours_max": _str(form, "hours_max"),
        "schedule": _strs(form, "schedule"),
    }


def _load_place(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {
        "postcode": p.postcode or "",
        "max_distance_km": "" if p.max_distance_km is None else str(p.max_distance_km),
        "remote_only": p.remote_only,
        "remote_ok": p.remote_ok,
    }


def _parse_place(form: FormData) -> Values:
    return {
        "postcode": _str(form, "postcode"),
        "max_distance_km": _str(form, "max_distance_km"),
        "remote_only": _str(form, "remote_only") == "1",
        "remote_ok": _str(form, "remote_ok") == "1",
    }


def _load_needs(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    row = service.needs_of(db, p)
    needs = row.needs if row else {}
    return {
        "needs": {code: "must" if must else "nice" for code, must in needs.items()},
        "note": row.note if row else "",
    }


def _parse_needs(form: FormData) -> Values:
    needs: dict[str, str] = {}
    for key in form:
        if key.startswith("need-"):
            needs[key[5:]] = _str(form, key)
    return {"needs": needs, "note": _str(form, "note")}


def _load_visibility(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {"visibility": p.visibility.value, "share_accommodations": p.share_accommodations}


def _parse_visibility(form: FormData) -> Values:
    return {
        "visibility": _str(form, "visibility"),
        "share_accommodations": _str(form, "share_accommodations") == "1",
    }


def _load_cv(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {}


def _parse_cv(form: FormData) -> Values:
    return {}


def _no_clean(values: Values) -> service.Cleaned:
    return {}


STEP_PAGES: dict[str, StepPage] = {
    page.slug: page
    for page in (
        StepPage("om-mig", _load_about, _parse_about, lambda v: service.clean_about(**v)),
        StepPage("jobmaal", _load_jobs, _parse_jobs, lambda v: service.clean_jobs(**v)),
        StepPage("kompetencer", _load_skills, _parse_skills, lambda v: service.clean_skills(**v)),
        StepPage(
            "erfaring",
            _load_experience,
            _parse_experience,
            lambda v: service.clean_experience(**v),
        ),
        StepPage(
            "uddannelse",
            _load_education,
            _parse_education,
            lambda v: service.clean_education(**v),
        ),
        StepPage("timer", _load_hours, _parse_hours, lambda v: service.clean_hours(**v)),
        StepPage("sted", _load_place, _parse_place, lambda v: service.clean_place(**v)),
        StepPage("skaanehensyn", _load_needs, _parse_needs, lambda v: service.clean_needs(**v)),
        StepPage(
            "synlighed",
            _load_visibility,
            _parse_visibility,
            lambda v: service.clean_visibility(**v),
        ),
        StepPage("cv", _load_cv, _parse_cv, _no_clean),
    )
}
assert set(STEP_PAGES) == set(STEP_BY_SLUG)


# ---------------------------------------------------------------- rendering


def _accommodations(lang: str) -> list[dict[str, str]]:
    return [
        {
            "code": a.code,
            "label": labels.label(a, lang),
            "explanation": a.explanation_da,
        }
        for a in ACCOMMODATIONS
    ]


def _schedule_days() -> list[dict[str, Any]]:
    return [
        {
            "code": day,
            "label": WEEKDAY_LABELS_DA[day].capitalize(),
            "parts": [(f"{day}_{part}", PART_LABELS_DA[part]) for part in PARTS_OF_DAY],
        }
        for day in WEEKDAYS
    ]


def _labels(lang: str) -> dict[str, Any]:
    return {
        "status_labels": STATUS_LABELS,
        "visibility_labels": VISIBILITY_LABELS,
        "accommodation_labels": labels.accommodation_labels(lang),
        "schedule_days": _schedule_days(),
    }


def _base(profile: FlexjobberProfile, on_behalf: bool) -> str:
    return f"/profiler/{profile.public_id}" if on_behalf else "/profil"


def _edit_base(profile: FlexjobberProfile, on_behalf: bool) -> str:
    return f"/profiler/{profile.public_id}/rediger" if on_behalf else "/profil"


def _render_step(
    request: Request,
    db: Session,
    profile: FlexjobberProfile,
    slug: str,
    on_behalf: bool,
    values: Values,
    errors: dict[str, str] | None = None,
    saved: bool = False,
) -> Response:
    owner = service.owner_of(db, profile)
    lang = language_of(request)
    ctx: dict[str, Any] = {
        "step": STEP_BY_SLUG[slug],
        "profile": profile,
        "owner_name": owner.display_name,
        "on_behalf": on_behalf,
        "action": f"{_edit_base(profile, on_behalf)}/{slug}",
        "back": _base(profile, on_behalf),
        "values": values,
        "errors": errors or {},
        "messages": [("success", SAVED)] if saved else [],
        "accommodations": _accommodations(lang),
        **_labels(lang),
    }
    if slug == "kompetencer":
        uris = [str(job["uri"]) for job in profile.wished_jobs if job.get("uri")]
        have = set(profile.skills)
        ctx["suggestions"] = [s for s in suggested_skills(uris) if s not in have][:MAX_SUGGESTIONS]
    if slug in ("erfaring", "uddannelse"):
        fields = service.EXPERIENCE_FIELDS if slug == "erfaring" else service.EDUCATION_FIELDS
        entries = list(values.get("entries", []))
        if not errors:
            entries.append(_blank(fields))
        ctx["entries"] = entries or [_blank(fields)]
    if slug == "jobmaal":
        jobs = list(values.get("wished_jobs", []))
        ctx["job_inputs"] = jobs + [""] * max(3 - len(jobs), 1)
    status = 422 if errors else 200
    return render(request, f"profiles/step_{slug.replace('-', '_')}.html", ctx, status_code=status)


def _show_step(
    request: Request, db: Session, profile: FlexjobberProfile, slug: str, on_behalf: bool
) -> Response:
    owner = service.owner_of(db, profile)
    values = STEP_PAGES[slug].load(db, profile, owner)
    saved = request.query_params.get("gemt") == "1"
    return _render_step(request, db, profile, slug, on_behalf, values, saved=saved)


def _save_step(
    request: Request,
    db: Session,
    settings: Settings,
    actor: User,
    profile: FlexjobberProfile,
    slug: str,
    on_behalf: bool,
    form: FormData,
) -> Response:
    step = STEP_PAGES[slug]
    values = step.parse(form)
    try:
        if slug == "cv":
            _save_cv(db, settings, actor, profile, form)
        else:
            service.apply_changes(db, actor, profile, step.clean(values))
    except ValidationFailed as exc:
        if slug == "cv":
            values = step.load(db, profile, service.owner_of(db, profile))
        return _render_step(request, db, profile, slug, on_behalf, values, errors=exc.fields)
    if _str(form, "action") == "add":
        target = f"{_edit_base(profile, on_behalf)}/{slug}?gemt=1"
    else:
        target = f"{_base(profile, on_behalf)}?gemt=1"
    return RedirectResponse(target, status_code=303)


def _save_cv(
    db: Session, settings: Settings, actor: User, profile: FlexjobberProfile, form: FormData
) -> None:
    if _str(form, "action") == "delete":
        service.delete_cv(db, settings.data_dir, actor, profile)
        return
    upload = form.get("cv")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise ValidationFailed(fields={"cv": N_("Vælg en fil med dit CV.")})
    data = upload.file.read(cv_storage.MAX_CV_BYTES + 1)
    service.save_cv(db, settings.data_dir, actor, profile, upload.filename, data)


def _register_step(slug: str) -> None:
    def own_get(request: Request, db: SessionDep, me: FlexjobberUser) -> Response:
        return _show_step(request, db, service.own_profile(db, me.user, me.profile), slug, False)

    def own_post(
        request: Request, db: SessionDep, settings: SettingsDep, me: FlexjobberUser, form: FormDep
    ) -> Response:
        profile = service.own_profile(db, me.user, me.profile)
        return _save_step(request, db, settings, me.user, profile, slug, False, form)

    def behalf_get(
        request: Request, db: SessionDep, user: CurrentUser, profile_id: int
    ) -> Response:
        profile = service.profile_for_editor(db, user, profile_id)
        return _show_step(request, db, profile, slug, user.id != profile.user_id)

    def behalf_post(
        request: Request,
        db: SessionDep,
        settings: SettingsDep,
        user: CurrentUser,
        form: FormDep,
        profile_id: int,
    ) -> Response:
        profile = service.profile_for_editor(db, user, profile_id)
        on_behalf = user.id != profile.user_id
        return _save_step(request, db, settings, user, profile, slug, on_behalf, form)

    name = slug.replace("-", "_")
    router.add_api_route(f"/profil/{slug}", own_get, methods=["GET"], name=f"profile_{name}")
    router.add_api_route(f"/profil/{slug}", own_post, methods=["POST"], name=f"save_{name}")
    behalf = f"/profiler/{{profile_id}}/rediger/{slug}"
    router.add_api_route(behalf, behalf_get, methods=["GET"], name=f"behalf_{name}")
    router.add_api_route(behalf, behalf_post, methods=["POST"], name=f"behalf_save_{name}")


# ---------------------------------------------------------------- overview and views


def _overview_context(
    db: Session, profile: FlexjobberProfile, on_behalf: bool, lang: str
) -> dict[str, Any]:
    return {
        "profile": profile,
        "completeness": completeness(profile, service.needs_of(db, profile)),
        "edit_base": _edit_base(profile, on_behalf),
        **_labels(lang),
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
    ctx = {"view": view, "profile": profile, **_labels(language_of(request))}
    return render(request, "profiles/preview.html", ctx)


@router.get("/profiler/{profile_id}")
def profile_page(request: Request, db: SessionDep, user: CurrentUser, profile_id: int) -> Response:
    view: ProfileView = service.view_for(db, user, profile_id)
    lang = language_of(request)
    ctx: dict[str, Any] = {"view": view, **_labels(lang)}
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
    cv = service.cv_for(db, settings.data_dir, user, profile_id)
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
    service.invite_existing(db, settings, mailer, user, service.owner_of(db, profile))
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
        profile = service.create_citizen(db, user, display_name=display_name, email=email)
    except AppError as exc:
        if not exc.fields:
            raise
        errors = dict(exc.fields)
        if exc.status_code == 409:
            errors["email"] = exc.message
        ctx = {"errors": errors, "values": {"display_name": display_name, "email": email}}
        return render(request, "profiles/new_citizen.html", ctx, status_code=422)
    return RedirectResponse(f"/profiler/{profile.public_id}?oprettet=1", status_code=303)


for _step in STEPS:
    _register_step(_step.slug)
