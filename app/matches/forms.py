"""Form parsing for the match pages, and the linkify helper for conversations."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from urllib.parse import parse_qsl, urlencode, urlsplit

from markupsafe import Markup, escape

from app.kit import parse
from app.kit.dates import LOCAL, local_date, local_time  # noqa: F401 - used by the pages
from app.kit.i18n import N_
from app.matches.service import ActionInput

_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""


def linkify(text: str) -> Markup:
    """Plain text, escaped, with http(s) addresses as links and line breaks kept."""
    parts: list[Markup] = []
    position = 0
    for found in _URL.finditer(text):
        url = found.group(0).rstrip(_TRAILING)
        if len(url) <= len("https://"):
            continue
        parts.append(escape(text[position : found.start()]))
        parts.append(Markup('<a href="{0}" rel="noopener nofollow">{0}</a>').format(url))
        position = found.start() + len(url)
    parts.append(escape(text[position:]))
    joined = Markup("").join(parts)
    return Markup("<br>\n").join(joined.split("\n"))


def parse_date(value: str, name: str, errors: dict[str, str]) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[name] = N_("Skriv en gyldig dato.")
        return None


def parse_hours(value: str, name: str, errors: dict[str, str]) -> int | None:
    value = value.strip()
    if not value:
        return None
    if parse.digits(value, 1, 37) is None:
        errors[name] = N_("Timer om ugen skal være mellem 1 og 37.")
        return None
    return int(value)


def parse_local_datetime(
    day: str, clock: str, name: str, errors: dict[str, str]
) -> datetime | None:
    when = parse_date(day, name, errors)
    if when is None:
        return None
    try:
        at = time.fromisoformat(clock.strip()) if clock.strip() else None
    except ValueError:
        at = None
    if at is None:
        errors[name] = N_("Skriv et gyldigt klokkeslæt, fx 10:30.")
        return None
    return datetime.combine(when, at, tzinfo=LOCAL).astimezone(UTC)


def action_from_form(form: dict[str, str]) -> ActionInput:
    """The action form as typed; parse errors travel in ``errors`` for the service to raise."""
    errors: dict[str, str] = {}
    action = form.get("action", "")
    start_field = "hired_start" if action == "hire" else "trial_start"
    hours_field = "hired_hours" if action == "hire" else "trial_hours"
    return ActionInput(
        action=action,
        note=form.get("note", ""),
        reason=form.get("reason", ""),
        on_behalf_reason=form.get("on_behalf_reason", ""),
        meeting_at=parse_local_datetime(
            form.get("meeting_date", ""), form.get("meeting_time", ""), "meeting_at", errors
        )
        if action == "meeting"
        else None,
        place=form.get("meeting_place", ""),
        online=form.get("meeting_online", "") == "1",
        participants=form.get("meeting_participants", ""),
        start=parse_date(form.get(start_field, ""), start_field, errors),
        end=parse_date(form.get("trial_end", ""), "trial_end", errors),
        hours=parse_hours(form.get(hours_field, ""), hours_field, errors),
        saved=form.get("saved", "1") == "1",
        errors=errors,
    )


def back_to(raw: str, job_id: int) -> str:
    """Where a save or hide returns to: "Mine match" by default, the job's own page ("job"), or
    the job search it came from ("/job?…" with its filters). Nothing else, so the form field
    can never send anyone off the site."""
    if raw == "job":
        return f"/job/{job_id}"
    parts = urlsplit(raw)
    if raw.startswith("/job") and not (parts.scheme or parts.netloc) and parts.path == "/job":
        return f"/job?{urlencode(parse_qsl(parts.query))}" if parts.query else "/job"
    return "/mine-match"


def with_done(path: str, done: str) -> str:
    """The path with ?udfoert=<done> (replacing an earlier one), for the success message."""
    base, _, query = path.partition("?")
    params = [(k, v) for k, v in parse_qsl(query) if k != "udfoert"]
    return f"{base}?{urlencode([*params, ('udfoert', done)])}" if done else path
