"""Sign-in pages: login, logout, password reset, magic link, language choice."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.auth import service
from app.auth.links import peek_link
from app.auth.sessions import end_session, start_session
from app.errors import TooManyAttempts, ValidationFailed
from app.kit.emails import is_valid_email
from app.kit.i18n import N_
from app.models import LinkPurpose, SignInMethod, User
from app.settings import Settings
from app.web.cookies import clear_session_cookie, set_session_cookie
from app.web.deps import AuthDep, MailerDep, SessionDep, SettingsDep, client_ip
from app.web.forms import safe_next
from app.web.i18n import LANG_COOKIE, LANGUAGES
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


def _login_redirect(
    request: Request,
    db: Session,
    settings: Settings,
    user: User,
    target: str,
    method: SignInMethod,
) -> Response:
    agent = request.headers.get("user-agent", "")
    token = start_session(db, user, client_ip(request), agent, method)
    response = RedirectResponse(safe_next(target), status_code=303)
    set_session_cookie(request, response, settings, token)
    return response


@router.get("/login")
def login_form(request: Request, auth: AuthDep, next: str = "/hjem") -> Response:
    if auth.user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "auth/login.html", {"next": safe_next(next)})


@router.post("/login")
def login(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/hjem",
) -> Response:
    values = {"email": email}
    if not email.strip() or not password:
        errors = {}
        if not email.strip():
            errors["email"] = N_("Skriv din e-mailadresse.")
        if not password:
            errors["password"] = N_("Skriv din adgangskode.")
        ctx = {"errors": errors, "values": values, "next": safe_next(next)}
        return render(request, "auth/login.html", ctx, status_code=422)
    try:
        user = service.authenticate(db, settings, email, password, client_ip(request))
    except TooManyAttempts as exc:
        # The failure rows written so far must survive this response.
        db.commit()
        ctx = {"errors": {"email": exc.message}, "values": values, "next": safe_next(next)}
        return render(request, "auth/login.html", ctx, status_code=429)
    except ValidationFailed as exc:
        db.commit()
        ctx = {"errors": exc.fields, "values": values, "next": safe_next(next)}
        return render(request, "auth/login.html", ctx, status_code=422)
    return _login_redirect(request, db, settings, user, next, SignInMethod.PASSWORD)


@router.post("/logout")
def logout(request: Request, db: SessionDep, auth: AuthDep) -> Response:
    if auth.session_token:
        end_session(db, auth.session_token)
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.post("/sprog")
def choose_language(
    request: Request,
    settings: SettingsDep,
    lang: Annotated[str, Form()] = "da",
    next: Annotated[str, Form()] = "/",
) -> Response:
    response = RedirectResponse(safe_next(next, "/"), status_code=303)
    if lang in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE,
            lang,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=settings.secure_cookies,
        )
    return response


@router.get("/glemt-adgangskode")
def password_reset_request_form(request: Request) -> Response:
    return render(request, "auth/password_reset_request.html")


@router.post("/glemt-adgangskode")
def password_reset_request(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    email: Annotated[str, Form()] = "",
) -> Response:
    if not is_valid_email(email.strip().lower()):
        ctx = {"errors": {"email": "Skriv en gyldig e-mailadresse."}, "values": {"email": email}}
        return render(request, "auth/password_reset_request.html", ctx, status_code=422)
    service.request_password_reset(db, settings, mailer, email, client_ip(request))
    return render(request, "auth/password_reset_sent.html")


@router.get("/nulstil-adgangskode/{token}")
def password_reset_form(request: Request, db: SessionDep, token: str) -> Response:
    peek_link(db, token, LinkPurpose.PASSWORD_RESET)
    return render(request, "auth/password_reset.html", {"action": request.url.path})


@router.post("/nulstil-adgangskode/{token}")
def password_reset(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    token: str,
    password: Annotated[str, Form()] = "",
    password_confirm: Annotated[str, Form()] = "",
) -> Response:
    try:
        user = service.reset_password(db, token, password, password_confirm)
    except ValidationFailed as exc:
        ctx = {"errors": exc.fields, "action": request.url.path}
        return render(request, "auth/password_reset.html", ctx, status_code=422)
    return _login_redirect(request, db, settings, user, "/hjem", SignInMethod.EMAIL_LINK)


@router.get("/login-link")
def magic_link_request_form(request: Request) -> Response:
    return render(request, "auth/magic_link_request.html")


@router.post("/login-link")
def magic_link_request(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    email: Annotated[str, Form()] = "",
) -> Response:
    if not is_valid_email(email.strip().lower()):
        ctx = {"errors": {"email": "Skriv en gyldig e-mailadresse."}, "values": {"email": email}}
        return render(request, "auth/magic_link_request.html", ctx, status_code=422)
    service.request_magic_link(db, settings, mailer, email, client_ip(request))
    return render(request, "auth/magic_link_sent.html")


@router.get("/login-link/{token}")
def magic_link_confirm(request: Request, db: SessionDep, token: str) -> Response:
    # Opening the link only shows a button: mail scanners that fetch links must not use it up.
    peek_link(db, token, LinkPurpose.MAGIC_LOGIN)
    return render(request, "auth/magic_link_confirm.html", {"action": request.url.path})


@router.post("/login-link/{token}")
def magic_link_login(
    request: Request, db: SessionDep, settings: SettingsDep, token: str
) -> Response:
    user = service.consume_magic_link(db, token)
    return _login_redirect(request, db, settings, user, "/hjem", SignInMethod.EMAIL_LINK)
