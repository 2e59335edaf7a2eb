"""The one place errors become responses: JSON under /api, friendly Danish pages elsewhere."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import AppError, Forbidden, NotAuthenticated, NotFound, PayloadTooLarge
from app.kit.i18n import N_
from app.kit.typed import field_messages
from app.web.i18n import gettext_for, language_of
from app.web.templating import render

log = logging.getLogger("fleksbro")

_TITLES = {
    400: N_("Forespørgslen kunne ikke behandles"),
    401: N_("Du er ikke logget ind"),
    403: N_("Ingen adgang"),
    404: N_("Siden findes ikke"),
    405: N_("Forespørgslen kunne ikke behandles"),
    409: N_("Det findes allerede"),
    410: N_("Linket virker ikke længere"),
    413: N_("For stor forespørgsel"),
    422: N_("Noget er ikke udfyldt korrekt"),
    429: N_("For mange forsøg"),
    500: N_("Der skete en fejl hos os"),
    503: N_("Tjenesten er midlertidigt utilgængelig"),
}
_INTERNAL = N_("Der skete en uventet fejl. Prøv igen om lidt. Fejlen er registreret.")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _respond(
    request: Request, status: int, code: str, message: str, fields: dict[str, str]
) -> Response:
    lang = language_of(request)
    text = gettext_for(lang, message)
    if _is_api(request):
        translated = {key: gettext_for(lang, value) for key, value in fields.items()}
        body = {"error": {"code": code, "message": text, "fields": translated}}
        return JSONResponse(body, status_code=status)
    template = "auth/link_invalid.html" if status == 410 else "errors/error.html"
    title = gettext_for(lang, _TITLES.get(status, _TITLES[400]))
    context = {"status_code": status, "title": title, "message": text}
    return render(request, template, context, status_code=status)


async def app_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    if isinstance(exc, NotAuthenticated) and not _is_api(request) and request.method == "GET":
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return _respond(request, exc.status_code, exc.code, exc.message, exc.fields)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        return _respond(request, 404, NotFound.code, NotFound.default_message, {})
    if exc.status_code == 403:
        return _respond(request, 403, Forbidden.code, Forbidden.default_message, {})
    if exc.status_code == 413:
        too_large = PayloadTooLarge
        return _respond(request, 413, too_large.code, too_large.default_message, {})
    message = "Forespørgslen kunne ikke behandles."
    return _respond(request, exc.status_code, "http_error", message, {})


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    # The model's own Danish messages where its validators gave one (app.kit.typed).
    fields = field_messages(exc.errors(), skip=("body", "query"))
    fields = {("request" if key == "_form" else key): value for key, value in fields.items()}
    return _respond(
        request, 422, "validation_failed", "Nogle felter er ikke udfyldt korrekt.", fields
    )


async def unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _respond(request, 500, "internal_error", _INTERNAL, {})


def install(app: FastAPI) -> None:
    app.add_exception_handler(AppError, app_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected_error)
