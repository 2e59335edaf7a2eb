"""Dates and times as a Danish reader sees them, in one format everywhere: 26.12.2026 and
26.12.2026 14:30 (Danish local time). Pages, e-mails and the command line use these; form
fields of type date and the API keep ISO 8601, which browsers and programs read."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Copenhagen")
DATE_FORMAT = "%d.%m.%Y"
TIME_FORMAT = f"{DATE_FORMAT} %H:%M"


def local_day(moment: datetime) -> date:
    """The Danish calendar day of a stored moment (a sign-in at 00:30 in Copenhagen is that
    day's, though it is the day before in UTC)."""
    return moment.astimezone(LOCAL).date()


def local_date(value: date | datetime | str | None) -> str:
    """26.12.2026; a datetime is shown as its day in Danish time, an ISO string is read first."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.astimezone(LOCAL).date() if value.tzinfo else value.date()
    return value.strftime(DATE_FORMAT)


def local_time(value: datetime | None) -> str:
    """26.12.2026 14:30 in Danish time."""
    return value.astimezone(LOCAL).strftime(TIME_FORMAT) if value else ""
