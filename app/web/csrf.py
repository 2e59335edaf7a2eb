"""CSRF protection: a per-browser random cookie and a form token derived from it with HMAC.

An attacker's page can make the browser send the cookie but cannot read it, so it cannot
produce the matching token. The cookie is replaced at login and logout.
"""

from __future__ import annotations

from fastapi import Request

from app.errors import CsrfFailed
from app.kit.tokens import new_token, same, sign
from app.settings import Settings

CSRF_COOKIE = "fleksbro_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def browser_secret(request: Request) -> str:
    """The csrf cookie value, creating one for this response if the browser has none."""
    value: str | None = getattr(request.state, "csrf_cookie", None)
    if value:
        return value
    value = request.cookies.get(CSRF_COOKIE) or new_token()
    request.state.csrf_cookie = value
    return value


def rotate(request: Request) -> None:
    request.state.csrf_cookie = new_token()


def token_for(request: Request, settings: Settings) -> str:
    return sign(settings.secret_key, "csrf:" + browser_secret(request))


async def verify(request: Request, settings: Settings) -> None:
    if request.method in SAFE_METHODS:
        return
    cookie = request.cookies.get(CSRF_COOKIE)
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not cookie or not sent or not same(sent, sign(settings.secret_key, "csrf:" + cookie)):
        raise CsrfFailed()
