"""Setting and clearing the login session cookie."""

from __future__ import annotations

from fastapi import Request, Response

from app.settings import Settings
from app.web import csrf
from app.web.deps import SESSION_COOKIE


def set_session_cookie(
    request: Request, response: Response, settings: Settings, token: str
) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_absolute_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )
    csrf.rotate(request)


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
    csrf.rotate(request)
