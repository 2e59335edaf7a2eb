"""Invitations: a consultant invites a citizen or company contact; the invitee accepts."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts import policy, service
from app.auth.sessions import start_session
from app.companies import service as companies
from app.errors import AppError, ValidationFailed
from app.kit import parse
from app.kit.i18n import N_
from app.models import SignInMethod
from app.web.cookies import set_session_cookie
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep, client_ip
from app.web.guards import StaffUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


@router.get("/invitation/{token}")
def invitation_form(request: Request, db: SessionDep, token: str) -> Response:
    user = service.invitation_user(db, token)
    ctx = {
        "invitee_email": user.email,
        "values": {"display_name": user.display_name},
        "action": request.url.path,
    }
    return render(request, "auth/invitation.html", ctx)


@router.post("/invitation/{token}")
def accept_invitation(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    token: str,
    display_name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password_confirm: Annotated[str, Form()] = "",
) -> Response:
    try:
        user = service.accept_invitation(db, token, display_name, password, password_confirm)
    except ValidationFailed as exc:
        invitee = service.invitation_user(db, token)
        ctx = {
            "invitee_email": invitee.email,
            "errors": exc.fields,
            "values": {"display_name": display_name},
            "action": request.url.path,
        }
        return render(request, "auth/invitation.html", ctx, status_code=422)
    agent = request.headers.get("user-agent", "")
    session_token = start_session(db, user, client_ip(request), agent, SignInMethod.INVITATION)
    response = RedirectResponse("/hjem", status_code=303)
    set_session_cookie(request, response, settings, session_token)
    return response


def _invite_context(db: SessionDep, user: CurrentUser) -> dict[str, object]:
    return {"companies": companies.companies_in_scope(db, user)}


@router.get("/inviter")
def invite_form(request: Request, db: SessionDep, user: StaffUser) -> Response:
    ctx = _invite_context(db, user) | {"values": {"role": "flexjobber"}}
    return render(request, "accounts/invite.html", ctx)


@router.post("/inviter")
def invite(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    user: StaffUser,
    email: Annotated[str, Form()] = "",
    display_name: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "flexjobber",
    company_id: Annotated[str, Form()] = "",
) -> Response:
    values = {"email": email, "display_name": display_name, "role": role, "company_id": company_id}
    errors: dict[str, str] = {}
    invited = policy.role_from(role, policy.INVITABLE)
    for_company = invited is not None and policy.needs_company(invited)
    if invited is None:
        errors["role"] = N_("Vælg om du inviterer en borger eller en virksomhedskontakt.")
    elif for_company and parse.record_id(company_id) is None:
        errors["company_id"] = N_("Vælg virksomheden.")
    if invited is not None and not errors:
        try:
            service.invite(
                db,
                settings,
                mailer,
                user,
                email=email,
                display_name=display_name,
                role=invited,
                company_id=int(company_id) if for_company else None,
            )
        except AppError as exc:
            if not exc.fields:
                raise
            errors = exc.fields
            if "email" in errors and exc.status_code == 409:
                errors["email"] = exc.message
    if errors:
        ctx = _invite_context(db, user) | {"errors": errors, "values": values}
        return render(request, "accounts/invite.html", ctx, status_code=422)
    ctx = _invite_context(db, user) | {
        "values": {"role": "flexjobber"},
        "messages": [("success", N_("Invitationen er sendt."))],
    }
    return render(request, "accounts/invite.html", ctx)
