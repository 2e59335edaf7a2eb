"""Job posting pages: the company's list, create/edit (companies and consultants on their behalf),
publish/close, the flexjobber's job search and a posting's page, and the consultant's CSV import."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.accounts import policy as roles
from app.companies import service as companies
from app.errors import ValidationFailed
from app.income.teaser import teaser_context
from app.jobs import csv_import, policy, service
from app.jobs.schemas import JOB_TYPES, PostingEdit, PostingIn
from app.kit import parse
from app.kit.i18n import N_
from app.kit.limits import MAX_PAGE
from app.kit.typed import validated
from app.matches import service as matches
from app.matches.page_common import STATE_LABELS, done_messages
from app.models import Company, JobPosting, PostingStatus
from app.profiles import policy as profile_policy
from app.taxonomy import labels
from app.taxonomy.geography import distance_km
from app.web.deps import CurrentUser, SessionDep, SettingsDep
from app.web.forms import form_values
from app.web.guards import CompanyUser, ConsultantUser
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render
from matching.reference import ACCOMMODATIONS, postcode_info
from matching.schedule import PARTS_OF_DAY, WEEKDAYS

router = page_router()
_PIECE = 512 * 1024

JOB_TYPE_LABELS = {
    "fleksjob": N_("Fleksjob"),
    "praktik": N_("Praktik"),
    "few_hours": N_("Småjob (få timer)"),
    "ordinary": N_("Ordinært job"),
}
STATUS_LABELS = {
    "draft": N_("Kladde"),
    "published": N_("Offentliggjort"),
    "closed": N_("Lukket"),
}
WEEKDAY_LABELS = {
    "mon": N_("Mandag"),
    "tue": N_("Tirsdag"),
    "wed": N_("Onsdag"),
    "thu": N_("Torsdag"),
    "fri": N_("Fredag"),
    "sat": N_("Lørdag"),
    "sun": N_("Søndag"),
}
PART_LABELS = {"morning": N_("Formiddag"), "afternoon": N_("Eftermiddag"), "evening": N_("Aften")}


async def _posting_form(request: Request) -> dict[str, Any]:
    """The posting form as typed (kept as text so a rejected form shows it again)."""
    return form_values(await request.form(), PostingIn, "company_id", "action")


PostingForm = Annotated[dict[str, Any], Depends(_posting_form)]


def _labels(request: Request) -> dict[str, Any]:
    lang = language_of(request)
    return {
        "job_type_labels": JOB_TYPE_LABELS,
        "status_labels": STATUS_LABELS,
        "accommodation_options": labels.accommodation_choices(lang),
        "weekdays": [(day, WEEKDAY_LABELS[day]) for day in WEEKDAYS],
        "parts": [(part, PART_LABELS[part]) for part in PARTS_OF_DAY],
    }


def _place(posting: JobPosting) -> str:
    info = postcode_info(posting.postcode) if posting.postcode else None
    return f"{info.postcode} {info.name}" if info else (posting.postcode or "")


# ---------------------------------------------------------------- company side


@router.get("/virksomhed/opslag")
def company_postings(request: Request, db: SessionDep, user: CompanyUser) -> Response:
    ctx = _labels(request) | {
        "rows": service.postings_of_company_user(db, user),
        "companies": companies.companies_in_scope(db, user),
    }
    return render(request, "jobs/company_list.html", ctx)


def _form_context(
    request: Request,
    *,
    company: Company | None,
    choices: list[Company],
    values: dict[str, Any],
    posting: JobPosting | None = None,
    errors: dict[str, str] | None = None,
) -> dict[str, Any]:
    return _labels(request) | {
        "company": company,
        "companies": choices,
        "posting": posting,
        "values": values,
        "errors": errors or {},
        "action": f"/opslag/{posting.id}/rediger" if posting else "/opslag/ny",
    }


def _manageable(db: SessionDep, user: CurrentUser) -> list[Company]:
    return companies.companies_in_scope(db, user)


@router.get("/opslag/ny")
def new_posting_form(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    virksomhed: Annotated[int | None, Query()] = None,
) -> Response:
    policy.ensure_may_post(user)
    company = None
    choices: list[Company] = []
    if virksomhed is not None:
        company = service.get_company(db, virksomhed)
        policy.ensure_can_manage_company(db, user, company)
    else:
        choices = _manageable(db, user)
        if len(choices) == 1:
            company, choices = choices[0], []
    values: dict[str, Any] = {"job_type": "fleksjob", "company_id": company.id if company else ""}
    ctx = _form_context(request, company=company, choices=choices, values=values)
    return render(request, "jobs/form.html", ctx)


@router.post("/opslag/ny")
def create_posting(
    request: Request, db: SessionDep, user: CurrentUser, data: PostingForm
) -> Response:
    policy.ensure_may_post(user)
    status = PostingStatus.PUBLISHED if data["action"] == "publish" else PostingStatus.DRAFT
    company_id = data["company_id"]
    company = None
    try:
        company_number = parse.record_id(company_id)
        if company_number is not None:
            company = service.get_company(db, company_number)
            policy.ensure_can_manage_company(db, user, company)
        errors = {} if company else {"company_id": N_("Vælg virksomheden.")}
        try:
            clean = validated(PostingIn, data)
        except ValidationFailed as exc:
            raise ValidationFailed(fields={**errors, **exc.fields}) from None
        if company is None:
            raise ValidationFailed(fields=errors)
        posting = service.create_posting(db, user, company.id, clean, status=status)
    except ValidationFailed as exc:
        choices = [] if company else _manageable(db, user)
        ctx = _form_context(
            request, company=company, choices=choices, values=data, errors=exc.fields
        )
        return render(request, "jobs/form.html", ctx, status_code=422)
    return RedirectResponse(f"/job/{posting.id}", status_code=303)


@router.get("/opslag/{job_id}/rediger")
def edit_posting_form(request: Request, db: SessionDep, user: CurrentUser, job_id: int) -> Response:
    posting, company = service.get_posting_for_edit(db, user, job_id)
    values = service.form_values(posting)
    ctx = _form_context(request, company=company, choices=[], values=values, posting=posting)
    return render(request, "jobs/form.html", ctx)


@router.post("/opslag/{job_id}/rediger")
def edit_posting(
    request: Request, db: SessionDep, user: CurrentUser, job_id: int, data: PostingForm
) -> Response:
    status = PostingStatus.PUBLISHED if data["action"] == "publish" else None
    try:
        service.update_posting(db, user, job_id, validated(PostingEdit, data), status=status)
    except ValidationFailed as exc:
        posting, company = service.get_posting_for_edit(db, user, job_id)
        ctx = _form_context(
            request, company=company, choices=[], values=data, posting=posting, errors=exc.fields
        )
        return render(request, "jobs/form.html", ctx, status_code=422)
    return RedirectResponse(f"/job/{job_id}", status_code=303)


@router.post("/opslag/{job_id}/offentliggoer")
def publish_posting(db: SessionDep, user: CurrentUser, job_id: int) -> Response:
    service.set_status(db, user, job_id, PostingStatus.PUBLISHED)
    return RedirectResponse(f"/job/{job_id}", status_code=303)


@router.post("/opslag/{job_id}/luk")
def close_posting(db: SessionDep, user: CurrentUser, job_id: int) -> Response:
    service.set_status(db, user, job_id, PostingStatus.CLOSED)
    return RedirectResponse(f"/job/{job_id}", status_code=303)


# ---------------------------------------------------------------- the job search


@router.get("/job")
def browse(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    fit_hours: str = "",
    max_km: Annotated[str, Query(max_length=10)] = "",
    origin: Annotated[str, Query(max_length=10)] = "",
    accommodations: Annotated[list[str] | None, Query()] = None,
    job_type: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[str, Query(max_length=6)] = "1",
) -> Response:
    policy.ensure_may_search_jobs(user)
    chosen = accommodations or []
    filters, errors = service.clean_filters(q, fit_hours, max_km, origin, chosen, job_type)
    number = parse.digits(page, 1, MAX_PAGE) or 1
    result = service.search_postings(db, user, filters, number)
    profile = profile_policy.own_profile(db, user)
    params: list[tuple[str, str]] = [
        (name, value)
        for name, value in (
            ("q", q),
            ("fit_hours", "1" if filters.fit_hours else ""),
            ("max_km", max_km),
            ("origin", origin),
            ("job_type", job_type),
        )
        if value
    ] + [("accommodations", code) for code in filters.accommodations]

    def page_url(n: int) -> str:
        return "/job?" + urlencode([*params, ("page", str(n))])

    # A flexjobber acts on a result right here; a save comes back to this very page.
    may_act = profile is not None  # only a flexjobber has one
    shown_ids = [p.id for p, _c, _d in result.items]

    ctx = _labels(request) | {
        "result": result,
        "places": {p.id: _place(p) for p, _c, _d in result.items},
        "values": {
            "q": q,
            "fit_hours": filters.fit_hours,
            "max_km": max_km,
            "origin": origin,
            "accommodations": chosen,
            "job_type": job_type,
        },
        "errors": errors,
        "has_hours": bool(profile and (profile.hours_min or profile.hours_max)),
        "own_postcode": profile.postcode if profile else None,
        "page_urls": {n: page_url(n) for n in range(1, result.pages + 1)},
        "may_act": may_act,
        "job_matches": matches.job_matches_of(db, user, shown_ids) if may_act else {},
        "job_actions_for": matches.job_actions_for,
        "state_labels": STATE_LABELS,
        "back": page_url(result.page),
        "messages": done_messages(request),
        # "Gem søgningen som jobagent": the alert form, filled in with this search.
        "alert_url": "/jobagenter/ny?" + urlencode(params) if roles.is_flexjobber(user) else "",
    }
    return render(request, "jobs/browse.html", ctx, status_code=422 if errors else 200)


@router.get("/job/{job_id}")
def posting_detail(request: Request, db: SessionDep, user: CurrentUser, job_id: int) -> Response:
    posting = service.get_posting(db, user, job_id)
    company = service.get_company(db, posting.company_id)
    profile = profile_policy.own_profile(db, user)
    distance = (
        distance_km(profile.postcode, posting.postcode)
        if profile and profile.postcode and posting.postcode
        else None
    )
    labels = dict(_labels(request)["accommodation_options"])
    can_edit = policy.can_manage_company(db, user, company)
    # A flexjobber may act on a published job of their forum (get_posting shows them no other).
    may_act = profile is not None and posting.status == PostingStatus.PUBLISHED
    job_match = matches.job_matches_of(db, user, [posting.id]).get(posting.id) if may_act else None
    ctx = (
        _labels(request)
        | {
            "posting": posting,
            "company": company,
            "can_edit": can_edit,
            # The company and its jobcentre's consultants reach the ranked candidates from here.
            "may_see_candidates": can_edit and policy.may_see_candidates(user),
            "may_act": may_act,
            "job_match": job_match,
            "job_actions_allowed": matches.job_actions_for(job_match),
            "state_labels": STATE_LABELS,
            "messages": done_messages(request),
            "place": _place(posting),
            "distance": distance,
            "accommodations": [labels[c] for c in posting.accommodations_offered if c in labels],
            "slots": set(posting.schedule),
        }
        | teaser_context(request, posting, profile)
    )
    return render(request, "jobs/detail.html", ctx)


# ---------------------------------------------------------------- CSV import (consultants)


@router.get("/konsulent/import")
def import_form(request: Request, user: ConsultantUser) -> Response:
    return render(request, "jobs/import.html", _import_context())


def _import_context(**extra: Any) -> dict[str, Any]:
    return {
        "columns": csv_import.COLUMNS,
        "job_types": JOB_TYPES,
        "accommodation_codes": [a.code for a in ACCOMMODATIONS],
        **extra,
    }


@router.get("/konsulent/import/eksempel.csv")
def import_example(db: SessionDep, user: ConsultantUser) -> Response:
    return Response(
        csv_import.example_csv(db, user).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="fleksbro-jobopslag.csv"'},
    )


@router.post("/konsulent/import")
def import_preview(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: ConsultantUser,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    content = file.file.read(csv_import.MAX_BYTES + 1) if file is not None else b""
    try:
        result = csv_import.parse(db, user, content)
    except ValidationFailed as exc:
        ctx = _import_context(errors=exc.fields)
        return render(request, "jobs/import.html", ctx, status_code=422)
    token = csv_import.pack(settings.secret_key, user, content) if result.valid else ""
    pieces = [token[i : i + _PIECE] for i in range(0, len(token), _PIECE)]
    ctx = _import_context(result=result, pieces=pieces)
    return render(request, "jobs/import_preview.html", ctx)


@router.post("/konsulent/import/bekraeft")
def import_confirm(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: ConsultantUser,
    upload: Annotated[list[str] | None, Form()] = None,
    include_duplicates: Annotated[str, Form()] = "",
) -> Response:
    # The signed upload comes back in pieces: one form field may hold at most 1 MB.
    token = "".join(upload or [])
    try:
        result, earlier = csv_import.confirm(
            db, settings.secret_key, user, token, include_duplicates == "1"
        )
    except ValidationFailed as exc:
        ctx = _import_context(errors=exc.fields if "file" in exc.fields else {"_form": exc.message})
        return render(request, "jobs/import.html", ctx, status_code=422)
    ctx = _import_context(result=result, already_imported=earlier)
    return render(request, "jobs/import_done.html", ctx)
