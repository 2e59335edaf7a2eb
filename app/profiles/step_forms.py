"""How each profile step's form is read and filled: per step a ``StepPage`` that loads the
stored values for the form, parses what the person typed, and cleans it with the step's rules
(app.profiles.cleaning). Mounted as pages by app.profiles.step_pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from app.models import FlexjobberProfile, User
from app.profiles import cleaning, service
from app.profiles.completeness import STEP_BY_SLUG
from app.profiles.service import Cleaned
from app.profiles.steps import EDUCATION_FIELDS, EXPERIENCE_FIELDS

MAX_FORM_ENTRIES = 40  # rows of experience/education read from one form
MAX_JOB_INPUTS = 12


# ---------------------------------------------------------------- form helpers


def form_text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def form_texts(form: FormData, name: str) -> list[str]:
    return [value for value in form.getlist(name) if isinstance(value, str)]


def _entries(form: FormData, prefix: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows named ``<prefix>-<index>-<field>``, in index order (gaps become blank rows)."""
    pattern = re.compile(rf"^{prefix}-(\d{{1,3}})-([a-z]+)$")
    rows: dict[int, dict[str, str]] = {}
    for key in form:
        match = pattern.match(key)
        if match and match.group(2) in fields and int(match.group(1)) < MAX_FORM_ENTRIES:
            rows.setdefault(int(match.group(1)), {})[match.group(2)] = form_text(form, key)
    size = max(rows, default=-1) + 1
    return [{f: rows.get(i, {}).get(f, "") for f in fields} for i in range(size)]


def blank_row(fields: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(fields, "")


# ---------------------------------------------------------------- the steps


Values = dict[str, Any]


@dataclass(frozen=True)
class StepPage:
    slug: str
    load: Callable[[Session, FlexjobberProfile, User], Values]  # stored values for the form
    parse: Callable[[FormData], Values]  # what the person typed
    clean: Callable[[Values], Cleaned]


def _load_about(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {
        "display_name": owner.display_name,
        "headline": p.headline,
        "about": p.about,
        "status": p.status.value if p.status else "",
        "available_from": p.available_from.isoformat() if p.available_from else "",
        "keeps_looking": "1" if p.keeps_looking else "",
    }


def _parse_about(form: FormData) -> Values:
    names = ("display_name", "headline", "about", "status", "available_from", "keeps_looking")
    return {name: form_text(form, name) for name in names}


def _load_jobs(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {"wished_jobs": [str(job.get("label", "")) for job in p.wished_jobs]}


def _parse_jobs(form: FormData) -> Values:
    # The inputs are named "q" so htmx can ask /taxonomi/stillinger?q=… for suggestions.
    return {"wished_jobs": form_texts(form, "q")[:MAX_JOB_INPUTS]}


def _load_skills(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    licence = {True: "ja", False: "nej", None: ""}[p.driving_licence]
    return {
        "skills": "\n".join(p.skills),
        "suggested": [],
        "languages": "\n".join(p.languages),
        "driving_licence": licence,
    }


def _parse_skills(form: FormData) -> Values:
    return {
        "skills": form_text(form, "skills"),
        "suggested": form_texts(form, "suggested"),
        "languages": form_text(form, "languages"),
        "driving_licence": form_text(form, "driving_licence"),
    }


def _load_experience(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    fields = EXPERIENCE_FIELDS
    return {"entries": [{f: str(e.get(f, "") or "") for f in fields} for e in p.experience]}


def _parse_experience(form: FormData) -> Values:
    return {"entries": _entries(form, "experience", EXPERIENCE_FIELDS)}


def _load_education(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    fields = EDUCATION_FIELDS
    return {"entries": [{f: str(e.get(f, "") or "") for f in fields} for e in p.education]}


def _parse_education(form: FormData) -> Values:
    return {"entries": _entries(form, "education", EDUCATION_FIELDS)}


def _load_hours(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {
        "hours_min": "" if p.hours_min is None else str(p.hours_min),
        "hours_max": "" if p.hours_max is None else str(p.hours_max),
        "schedule": list(p.schedule),
    }


def _parse_hours(form: FormData) -> Values:
    return {
        "hours_min": form_text(form, "hours_min"),
        "hours_max": form_text(form, "hours_max"),
        "schedule": form_texts(form, "schedule"),
    }


def _load_place(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {
        "postcode": p.postcode or "",
        "max_distance_km": "" if p.max_distance_km is None else str(p.max_distance_km),
        "remote_only": p.remote_only,
        "remote_ok": p.remote_ok,
    }


def _parse_place(form: FormData) -> Values:
    return {
        "postcode": form_text(form, "postcode"),
        "max_distance_km": form_text(form, "max_distance_km"),
        "remote_only": form_text(form, "remote_only") == "1",
        "remote_ok": form_text(form, "remote_ok") == "1",
    }


def _load_needs(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    row = service.needs_of(db, p)
    needs = row.needs if row else {}
    return {
        "needs": {code: "must" if must else "nice" for code, must in needs.items()},
        "note": row.note if row else "",
    }


def _parse_needs(form: FormData) -> Values:
    needs: dict[str, str] = {}
    for key in form:
        if key.startswith("need-"):
            needs[key[5:]] = form_text(form, key)
    return {"needs": needs, "note": form_text(form, "note")}


def _load_visibility(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {"visibility": p.visibility.value, "share_accommodations": p.share_accommodations}


def _parse_visibility(form: FormData) -> Values:
    return {
        "visibility": form_text(form, "visibility"),
        "share_accommodations": form_text(form, "share_accommodations") == "1",
    }


def _load_cv(db: Session, p: FlexjobberProfile, owner: User) -> Values:
    return {}


def _parse_cv(form: FormData) -> Values:
    return {}


def _no_clean(values: Values) -> Cleaned:
    return {}


STEP_PAGES: dict[str, StepPage] = {
    page.slug: page
    for page in (
        StepPage("om-mig", _load_about, _parse_about, lambda v: cleaning.clean_about(**v)),
        StepPage("jobmaal", _load_jobs, _parse_jobs, lambda v: cleaning.clean_jobs(**v)),
        StepPage("kompetencer", _load_skills, _parse_skills, lambda v: cleaning.clean_skills(**v)),
        StepPage(
            "erfaring",
            _load_experience,
            _parse_experience,
            lambda v: cleaning.clean_experience(**v),
        ),
        StepPage(
            "uddannelse",
            _load_education,
            _parse_education,
            lambda v: cleaning.clean_education(**v),
        ),
        StepPage("timer", _load_hours, _parse_hours, lambda v: cleaning.clean_hours(**v)),
        StepPage("sted", _load_place, _parse_place, lambda v: cleaning.clean_place(**v)),
        StepPage("skaanehensyn", _load_needs, _parse_needs, lambda v: cleaning.clean_needs(**v)),
        StepPage(
            "synlighed",
            _load_visibility,
            _parse_visibility,
            lambda v: cleaning.clean_visibility(**v),
        ),
        StepPage("cv", _load_cv, _parse_cv, _no_clean),
    )
}
assert set(STEP_PAGES) == set(STEP_BY_SLUG)
