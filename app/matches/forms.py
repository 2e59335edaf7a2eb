"""Form parsing for the match pages, and the linkify helper for conversations."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from urllib.parse import parse_qsl, urlencode, urlsplit

from markupsafe import Markup, escape
from pydantic import ValidationError

from app.kit.dates import LOCAL, local_date, local_time  # noqa: F401 - used by the pages
from app.kit.i18n import N_
from app.kit.typed import Invalid, messages_of
from app.matches.schemas import ACTION_FIELDS, MatchActionIn
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


def parse_local_datetime(day: str, clock: str) -> datetime | None:
    """The meeting's date and time fields (Danish time) as one moment; None if both are blank."""
    if not day.strip() and not clock.strip():
        return None
    try:
        when = date.fromisoformat(day.strip())
    except ValueError:
        raise Invalid(N_("Skriv en gyldig dato.")) from None
    try:
        at = time.fromisoformat(clock.strip())
    except ValueError:
        raise Invalid(N_("Skriv et gyldigt klokkeslæt, fx 10:30.")) from None
    return datetime.combine(when, at, tzinfo=LOCAL).astimezone(UTC)


def action_input(typed: MatchActionIn, errors: dict[str, str] | None = None) -> ActionInput:
    return ActionInput(
        action=typed.action,
        note=typed.note,
        reason=typed.reason,
        on_behalf_reason=typed.on_behalf_reason,
        meeting_at=typed.meeting_at,
        place=typed.meeting_place,
        online=typed.meeting_online,
        participants=typed.meeting_participants,
        start=typed.start,
        end=typed.end,
        hours=typed.hours,
        saved=typed.saved,
        errors=errors or {},
    )


def action_from_form(form: dict[str, str]) -> ActionInput:
    """The action form read into the API's model (app.matches.schemas.MatchActionIn), with only
    the fields of its action; errors, named as the form names its inputs, travel in
    ``errors`` for the service to raise."""
    action = form.get("action", "")
    start_field = "hired_start" if action == "hire" else "trial_start"
    hours_field = "hired_hours" if action == "hire" else "trial_hours"
    names = {"start": start_field, "end": "trial_end", "hours": hours_field}
    data: dict[str, object] = {
        "note": form.get("note", ""),
        "reason": form.get("reason", ""),
        "on_behalf_reason": form.get("on_behalf_reason", ""),
        "meeting_place": form.get("meeting_place", ""),
        "meeting_online": form.get("meeting_online", "") == "1",
        "meeting_participants": form.get("meeting_participants", ""),
        "start": form.get(start_field, ""),
        "end": form.get("trial_end", ""),
        "hours": form.get(hours_field, ""),
        "saved": form.get("saved", "1") == "1",
    }
    errors: dict[str, str] = {}
    if action == "meeting":
        try:
            data["meeting_at"] = parse_local_datetime(
                form.get("meeting_date", ""), form.get("meeting_time", "")
            )
        except Invalid as exc:
            errors["meeting_at"] = str(exc)
    used = {name: data[name] for name in ACTION_FIELDS.get(action, ()) if name in data}
    try:
        typed = MatchActionIn.model_validate({"action": action, **used})
    except ValidationError as exc:
        wrong = messages_of(exc, MatchActionIn)
        for name, message in wrong.items():
            errors.setdefault(names.get(name, name), message)
        if "action" in wrong:
            return ActionInput(action=action, errors=errors)
        # The fields that were right keep their values (no "Udfyld feltet." for them).
        kept = {name: value for name, value in used.items() if name not in wrong}
        typed = MatchActionIn.model_validate({"action": action, **kept})
    return action_input(typed, errors)


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
