"""Dates read the same on every page: 26.12.2026 (app/kit/dates.py is the one formatter)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.dates import local_date, local_time
from app.settings import PROJECT_ROOT
from tests.support.personas import Personas
from tests.support.web import login

APP = PROJECT_ROOT / "app"
TEMPLATES = PROJECT_ROOT / "web" / "templates"
# In Python, .isoformat() fills a date field's value (ISO is what <input type=date> reads).
IN_PYTHON = re.compile(r"strftime|%d[-./]%m|%Y-%m-%d|:%d")  # a month (2026-11) is no date
IN_TEMPLATES = re.compile(r"strftime|isoformat|_at\[:10\]|%d[-./]%m|%Y-%m-%d")


def test_one_format() -> None:
    assert local_date(date(2026, 12, 26)) == "26.12.2026"
    assert local_date("2026-12-26T23:30:00+00:00") == "27.12.2026"  # Danish time
    assert local_time(datetime(2026, 12, 26, 13, 30, tzinfo=UTC)) == "26.12.2026 14:30"
    assert local_date(None) == "" and local_time(None) == ""


def test_no_template_or_module_formats_a_date_itself() -> None:
    found = []
    for path in [*TEMPLATES.rglob("*.html"), *APP.rglob("*.py")]:
        if path.name in ("dates.py", "ics.py"):  # the formatter; iCalendar's own format
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if (IN_TEMPLATES if path.suffix == ".html" else IN_PYTHON).search(line):
                found.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_a_postings_dates_read_danish(client: TestClient, db: Session, personas: Personas) -> None:
    job = personas.job
    job.start_date, job.deadline = date(2027, 3, 1), date(2027, 2, 15)
    db.flush()
    login(client, personas.flexjobber.email)
    page = client.get(f"/job/{job.id}").text
    assert "01.03.2027" in page and "15.02.2027" in page
    assert "2027-03-01" not in page
