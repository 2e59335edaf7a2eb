"""The profile's step pages. Each step has ONE implementation (``StepPage`` in
app.profiles.step_forms); it is mounted twice: under ``/profil/<step>`` for the person and under
``/profiler/{profile_id}/rediger/<step>`` (the public id) for their consultant. Thin: saving
goes through app.profiles.service.apply_changes and app.profiles.cv_files."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile

from app.errors import ValidationFailed
from app.kit.i18n import N_
from app.models import FlexjobberProfile, User
from app.profiles import cv_files, cv_storage, service
from app.profiles.completeness import STEP_BY_SLUG, STEPS
from app.profiles.page_common import SAVED, FormDep, edit_base, page_labels, profile_base
from app.profiles.step_forms import STEP_PAGES, Values, blank_row, form_text
from app.profiles.steps import EDUCATION_FIELDS, EXPERIENCE_FIELDS
from app.settings import Settings
from app.taxonomy import labels
from app.web.deps import CurrentUser, SessionDep, SettingsDep
from app.web.guards import FlexjobberUser
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render
from matching.accommodations import ACCOMMODATIONS
from matching.reference import suggested_skills

router = page_router()

MAX_SUGGESTIONS = 15


def _accommodations(lang: str) -> list[dict[str, str]]:
    return [
        {
            "code": a.code,
            "label": labels.label(a, lang),
            "explanation": a.explanation_da,
        }
        for a in ACCOMMODATIONS
    ]


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
        "action": f"{edit_base(profile, on_behalf)}/{slug}",
        "back": profile_base(profile, on_behalf),
        "values": values,
        "errors": errors or {},
        "messages": [("success", SAVED)] if saved else [],
        "accommodations": _accommodations(lang),
        **page_labels(lang),
    }
    if slug == "kompetencer":
        uris = [str(job["uri"]) for job in profile.wished_jobs if job.get("uri")]
        have = set(profile.skills)
        ctx["suggestions"] = [s for s in suggested_skills(uris) if s not in have][:MAX_SUGGESTIONS]
    if slug in ("erfaring", "uddannelse"):
        fields = EXPERIENCE_FIELDS if slug == "erfaring" else EDUCATION_FIELDS
        entries = list(values.get("entries", []))
        if not errors:
            entries.append(blank_row(fields))
        ctx["entries"] = entries or [blank_row(fields)]
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
    if form_text(form, "action") == "add":
        target = f"{edit_base(profile, on_behalf)}/{slug}?gemt=1"
    else:
        target = f"{profile_base(profile, on_behalf)}?gemt=1"
    return RedirectResponse(target, status_code=303)


def _save_cv(
    db: Session, settings: Settings, actor: User, profile: FlexjobberProfile, form: FormData
) -> None:
    if form_text(form, "action") == "delete":
        cv_files.delete_cv(db, settings.data_dir, actor, profile)
        return
    upload = form.get("cv")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise ValidationFailed(fields={"cv": N_("Vælg en fil med dit CV.")})
    data = upload.file.read(cv_storage.MAX_CV_BYTES + 1)
    cv_files.save_cv(db, settings.data_dir, actor, profile, upload.filename, data)


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


for _step in STEPS:
    _register_step(_step.slug)
