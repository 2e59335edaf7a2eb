"""The income guide pages: "Hvad betyder jobbet for min økonomi?" for one job, and on its own.

Plain GET forms: they work without JavaScript, and a result can be bookmarked or shared with
a consultant. Wrong input re-renders the form with a message per field (422)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.income import format as fmt
from app.income import parameters as p
from app.income import service
from app.jobs import service as jobs
from app.models import JobPosting, JobseekerStatus, User
from app.profiles import policy as profile_policy
from app.web.deps import CurrentUser, OptionalUser, SessionDep
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()
_Text = Annotated[str, Query(max_length=20)]


def _on_ledighedsydelse(db: Session, user: User | None) -> bool:
    profile = profile_policy.own_profile(db, user) if user is not None else None
    return bool(profile and profile.status == JobseekerStatus.LEDIGHEDSYDELSE)


def _render(
    request: Request,
    db: Session,
    user: User | None,
    raw: dict[str, str],
    *,
    posting: JobPosting | None = None,
    hours_range: tuple[int, int] | None = None,
    asked: bool,
) -> Response:
    """asked: the person sent the form (or the posting states a wage): calculate, or say
    what is wrong. Otherwise show the empty form, without error messages."""
    lang = language_of(request)
    guide = None
    rows: list[service.Guide] = []
    errors: dict[str, str] = {}
    if asked:
        data, errors = service.validate(raw, hours_range=hours_range)
        if data is not None:
            guide = service.calculate(data)
            rows = service.neighbours(data, hours_range)
    ctx: dict[str, Any] = {
        "posting": posting,
        "hours_range": hours_range or (service.HOURS_MIN, service.HOURS_MAX),
        "values": raw,
        "errors": errors,
        "guide": guide,
        "rows": rows,
        "years": p.calculable_years(),
        "default_year": p.default_year(),
        "table": p.TABLE[guide.year if guide else p.default_year()],
        "table_version": p.TABLE_VERSION,
        "calculator_url": guide.calculator_url if guide else p.STATE_CALCULATOR_URL,
        "on_ledighedsydelse": _on_ledighedsydelse(db, user),
        "kr": lambda value: fmt.kroner(value, lang),
        "num": lambda value: fmt.number(value, lang),
    }
    return render(request, "income/guide.html", ctx, status_code=422 if errors else 200)


def _raw(hours: str, hourly_wage: str, year: str, benefit: str) -> dict[str, str]:
    return {"hours": hours, "hourly_wage": hourly_wage, "year": year, "benefit": benefit}


def _sent(raw: dict[str, str]) -> bool:
    return any(value.strip() for value in raw.values())


@router.get("/oekonomi")
def guide(
    request: Request,
    db: SessionDep,
    user: OptionalUser,
    hours: _Text = "",
    hourly_wage: _Text = "",
    year: _Text = "",
    benefit: _Text = "",
) -> Response:
    """The guide for any job: hours and wage as the person types them."""
    raw = _raw(hours, hourly_wage, year, benefit)
    return _render(request, db, user, raw, asked=_sent(raw))


@router.get("/job/{job_id}/oekonomi")
def job_guide(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    job_id: int,
    hours: _Text = "",
    hourly_wage: _Text = "",
    year: _Text = "",
    benefit: _Text = "",
) -> Response:
    """The guide for one job: its hours (the person picks within them) and its stated wage."""
    posting = jobs.get_posting(db, user, job_id)
    low = posting.hours_min or posting.hours_max or service.HOURS_MIN
    high = posting.hours_max or posting.hours_min or service.HOURS_MAX
    raw = _raw(hours, hourly_wage, year, benefit)
    asked = _sent(raw) or posting.hourly_wage is not None
    profile = profile_policy.own_profile(db, user)
    start = service.hours_for(low, high, profile.hours_max if profile else None)
    if not raw["hours"] and start is not None:
        raw["hours"] = str(start)
    if not raw["hourly_wage"] and posting.hourly_wage:
        raw["hourly_wage"] = str(posting.hourly_wage)
    return _render(request, db, user, raw, posting=posting, hours_range=(low, high), asked=asked)
