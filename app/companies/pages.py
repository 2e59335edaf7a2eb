"""Company pages: list, view, create (consultants), edit and inviting a colleague."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.companies import policy, service
from app.errors import AppError, ValidationFailed
from app.jobs import service as jobs
from app.kit.i18n import N_
from app.models import Company
from app.taxonomy import labels
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

CompanyForm = dict[str, Any]


def _options(lang: str) -> dict[str, Any]:
    return {
        "sizes": [(size, size) for size in service.SIZES],
        "accommodation_options": labels.accommodation_choices(lang),
    }


def company_form(
    name: Annotated[str, Form()] = "",
    cvr: Annotated[str, Form()] = "",
    address: Annotated[str, Form()] = "",
    postcode: Annotated[str, Form()] = "",
    industry: Annotated[str, Form()] = "",
    size: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
    fleksjob_statement: Annotated[str, Form()] = "",
    accommodations_offered: Annotated[list[str] | None, Form()] = None,
) -> CompanyForm:
    """The company form's fields, shared by the create and edit pages."""
    return {
        "name": name,
        "cvr": cvr,
        "address": address,
        "postcode": postcode,
        "industry": industry,
        "size": size,
        "description": description,
        "fleksjob_statement": fleksjob_statement,
        "accommodations_offered": accommodations_offered or [],
    }


CompanyFormDep = Annotated[CompanyForm, Depends(company_form)]


@router.get("/virksomheder")
def company_list(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    companies = service.companies_in_scope(db, user)
    ctx = {"companies": companies, "can_create": policy.may_create(user)}
    return render(request, "companies/list.html", ctx)


@router.get("/virksomheder/ny")
def company_new_form(request: Request, user: CurrentUser) -> Response:
    policy.ensure_can_create(user)
    ctx = _options(language_of(request)) | {"values": {}, "action": "/virksomheder/ny", "new": True}
    return render(request, "companies/form.html", ctx)


@router.post("/virksomheder/ny")
def company_create(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    data: CompanyFormDep,
) -> Response:
    policy.ensure_can_create(user)
    try:
        company = service.new_company(db, user, data)
    except ValidationFailed as exc:
        ctx = _options(language_of(request)) | {
            "values": data,
            "errors": exc.fields,
            "action": "/virksomheder/ny",
            "new": True,
        }
        return render(request, "companies/form.html", ctx, status_code=422)
    return RedirectResponse(f"/virksomheder/{company.id}", status_code=303)


@router.get("/virksomheder/{company_id}")
def company_detail(
    request: Request, db: SessionDep, user: CurrentUser, company_id: int
) -> Response:
    company = service.get_company(db, user, company_id)
    can_edit = policy.can_edit(db, user, company)
    lang = language_of(request)
    labels = dict(_options(lang)["accommodation_options"])
    ctx = {
        "company": company,
        "can_edit": can_edit,
        "members": service.members(db, company) if can_edit else [],
        "accommodations": [labels[c] for c in company.accommodations_offered if c in labels],
        "postings": jobs.postings_of_company(db, user, company),
    }
    return render(request, "companies/detail.html", ctx)


def _edit_context(request: Request, company: Company, values: CompanyForm) -> dict[str, Any]:
    return _options(language_of(request)) | {
        "company": company,
        "values": values,
        "action": f"/virksomheder/{company.id}/rediger",
        "new": False,
    }


@router.get("/virksomheder/{company_id}/rediger")
def company_edit_form(
    request: Request, db: SessionDep, user: CurrentUser, company_id: int
) -> Response:
    company = service.get_company_for_edit(db, user, company_id)
    ctx = _edit_context(request, company, service.form_values(company))
    return render(request, "companies/form.html", ctx)


@router.post("/virksomheder/{company_id}/rediger")
def company_edit(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    company_id: int,
    data: CompanyFormDep,
) -> Response:
    try:
        service.update_company(db, user, company_id, data)
    except ValidationFailed as exc:
        company = service.get_company_for_edit(db, user, company_id)
        ctx = _edit_context(request, company, data) | {"errors": exc.fields}
        return render(request, "companies/form.html", ctx, status_code=422)
    return RedirectResponse(f"/virksomheder/{company_id}", status_code=303)


def _colleague_context(db: SessionDep, company: Company) -> dict[str, Any]:
    return {"company": company, "members": service.members(db, company)}


@router.get("/virksomheder/{company_id}/kolleger")
def colleague_form(
    request: Request, db: SessionDep, user: CurrentUser, company_id: int
) -> Response:
    company = service.get_company_for_edit(db, user, company_id)
    return render(request, "companies/colleagues.html", _colleague_context(db, company))


@router.post("/virksomheder/{company_id}/kolleger")
def invite_colleague(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    user: CurrentUser,
    company_id: int,
    email: Annotated[str, Form()] = "",
    display_name: Annotated[str, Form()] = "",
) -> Response:
    company = service.get_company_for_edit(db, user, company_id)
    values = {"email": email, "display_name": display_name}
    try:
        service.invite_colleague(
            db, settings, mailer, user, company_id, email=email, display_name=display_name
        )
    except AppError as exc:
        if not exc.fields:
            raise
        errors = dict(exc.fields)
        if exc.status_code == 409:
            errors["email"] = exc.message
        ctx = _colleague_context(db, company) | {"errors": errors, "values": values}
        return render(request, "companies/colleagues.html", ctx, status_code=422)
    ctx = _colleague_context(db, company) | {
        "messages": [("success", N_("Invitationen er sendt."))]
    }
    return render(request, "companies/colleagues.html", ctx)
