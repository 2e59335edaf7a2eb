"""Security headers on every response, and the CSRF cookie handed to browsers that lack one."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.web.csrf import CSRF_COOKIE

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeaders:
    """Pure ASGI middleware (Starlette's BaseHTTPMiddleware costs an extra task and stream per
    request): adds the headers to the response start message and renders unexpected errors
    itself, so a 500 carries the same headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Created before the app runs, so every copy of the scope below shares this dict and
        # what the page puts in request.state (a fresh CSRF cookie) is seen here.
        state = scope.setdefault("state", {})
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                _add_headers(scope, state, MutableHeaders(scope=message))
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            if started:
                raise
            # Rendered here, not by Starlette's outermost handler, so a 500 gets the headers.
            from app.web.error_handlers import unexpected_error

            response = await unexpected_error(Request(scope, receive), exc)
            await response(scope, receive, send_with_headers)


def _add_headers(scope: Scope, state: dict[str, Any], headers: MutableHeaders) -> None:
    path: str = scope["path"]
    headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["X-Frame-Options"] = "DENY"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if not path.startswith("/static/"):
        # Pages may show personal data: never keep them in shared or browser caches.
        headers["Cache-Control"] = "no-store"
    settings = scope["app"].state.settings
    if settings.secure_cookies:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    fresh = state.get("csrf_cookie")
    if fresh and fresh != Request(scope).cookies.get(CSRF_COOKIE):
        cookie = Response()
        cookie.set_cookie(
            CSRF_COOKIE,
            fresh,
            httponly=True,
            samesite="lax",
            secure=settings.secure_cookies,
            path="/",
        )
        for name, value in cookie.raw_headers:
            if name == b"set-cookie":
                headers.append("set-cookie", value.decode("latin-1"))
