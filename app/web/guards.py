"""Router-level guards: CSRF for HTML pages, cross-site refusal for the JSON API."""

from __future__ import annotations

from fastapi import Request

from app.errors import CsrfFailed
from app.kit.i18n import N_
from app.web import csrf
from app.web.deps import AuthDep, SettingsDep


async def page_csrf(request: Request, settings: SettingsDep) -> None:
    await csrf.verify(request, settings)


async def api_same_site(request: Request, settings: SettingsDep, auth: AuthDep) -> None:
    """The API is not usable cross-site: no CORS headers are ever sent, browsers saying the call
    is cross-site are refused, and a cookie-authenticated change needs the CSRF header."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise CsrfFailed(N_("Kald fra andre websteder er ikke tilladt."))
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != settings.base_url.rstrip("/"):
        raise CsrfFailed(N_("Kald fra andre websteder er ikke tilladt."))
    if auth.via == "session" and request.method not in csrf.SAFE_METHODS:
        await csrf.verify(request, settings)
