"""Jinja2 rendering with per-request language, CSRF token, user and messages."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup

from app.kit.dates import local_date, local_time
from app.kit.passwords import MIN_PASSWORD_LENGTH
from app.matches.display import shown_band, shown_label, shown_score
from app.web import csrf
from app.web.i18n import language_of, translations


@lru_cache
def environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(["html", "xml"]),
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,
    )
    env.globals["static"] = lambda path: f"/static/{path}"
    env.globals["score_shown"] = shown_score
    env.globals["score_band"] = shown_band
    env.globals["score_label"] = shown_label
    env.globals["min_password_length"] = MIN_PASSWORD_LENGTH
    # Every page shows dates the same way (app/kit/dates.py).
    env.globals["local_date"] = local_date
    env.globals["local_time"] = local_time
    return env


def _newstyle(func: Callable[..., str]) -> Callable[..., str]:
    """Like Jinja's newstyle gettext: escapes, then fills %(name)s placeholders."""

    @pass_context
    def wrapper(context: Context, *args: Any, **variables: Any) -> str:
        text = func(*args)
        if context.eval_ctx.autoescape:
            text = Markup(text)  # noqa: S704 - catalogue text is ours; Jinja does the same
        return text % variables if variables else text

    return wrapper


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    settings = request.app.state.settings
    lang = language_of(request)
    catalogue = translations(lang)
    values: dict[str, Any] = {
        "request": request,
        "lang": lang,
        "user": getattr(request.state, "user_view", None),
        "csrf_token": csrf.token_for(request, settings),
        "messages": [],
        "errors": {},
        "values": {},
        "gettext": _newstyle(catalogue.gettext),
        "_": _newstyle(catalogue.gettext),
        "ngettext": _newstyle(catalogue.ngettext),
    }
    values.update(context or {})
    # Services speak Danish msgids; show them in the reader's language.
    tr = catalogue.gettext
    values["errors"] = {key: tr(text) for key, text in values["errors"].items()}
    values["messages"] = [(level, tr(text)) for level, text in values["messages"]]
    template = environment(settings.web_dir / "templates").get_template(name)
    return HTMLResponse(template.render(values), status_code=status_code)
