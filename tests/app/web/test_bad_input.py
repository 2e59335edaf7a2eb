"""Bad input never gets a 500: every route, as a flexjobber, a company user and a consultant,
with huge ids, Unicode digits, out-of-range dates and lone surrogates in paths, query
strings, forms and JSON bodies."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.kit.tokens import sign
from app.web.csrf import CSRF_COOKIE, CSRF_HEADER
from tests.conftest import TEST_SECRET
from tests.support.personas import Personas
from tests.support.web import login

HUGE = "99999999999999999999"
BAD_IDS = [HUGE, "-" + HUGE, "2147483648", "²", "-1", "0"]
BAD_VALUES = [HUGE, "²", "٣", "9999-12-31T23:59:59-12:00", "31-12-9999", "\ud800", "x" * 300]
# Every field name the HTML forms read; each form gets all of them, so each route sees the
# ones it uses.
FORM_FIELDS = [
    "company_id", "profile_id", "job_id", "match_id", "trial_hours", "hours", "hours_min",
    "hours_max", "page", "shown", "meeting_date", "meeting_time", "start", "end", "start_date",
    "deadline", "available_from", "title", "email", "display_name", "role", "required_skills",
    "skills", "postcode", "max_distance_km", "year", "body", "action", "reason", "note",
]  # fmt: skip
JSON_BAD = {
    int: 10**20,
    str: "\ud800",
    "datetime": "9999-12-31T23:59:59-12:00",
    "date": "9999-12-31",
    bool: "²",
    list: ["\ud800", 10**20],
}
_PARAM = re.compile(r"\{([a-z_]+)\}")


def _routes(routes: list[Any], prefix: str = "") -> list[tuple[str, str, APIRoute]]:
    """Every (method, path, route), also inside included routers (FastAPI wraps those)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            for method in sorted(route.methods - {"HEAD"}):
                found.append((method, prefix + route.path, route))
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            found += _routes(inner.routes, prefix + getattr(context, "prefix", ""))
    return found


def _fill(path: str, value: str, personas: Personas) -> str:
    """The path with one placeholder bad and the others real ids the persona may see."""
    real = {"profile_id": personas.profile.public_id, "job_id": personas.job.id}
    real |= {"company_id": personas.company.id}
    names = _PARAM.findall(path)
    filled = path
    for i, name in enumerate(names):
        filled = filled.replace("{" + name + "}", value if i == 0 else str(real.get(name, 1)))
    return filled


def _bad_json(model: type[BaseModel]) -> list[dict[str, Any]]:
    bodies = []
    for name, field in model.model_fields.items():
        text = str(field.annotation)
        kind: Any = str
        for key in ("datetime", "date"):
            if key in text:
                kind = key
                break
        else:
            if "int" in text:
                kind = int
            elif "bool" in text:
                kind = bool
            elif "list" in text or "dict" in text:
                kind = list
        bodies.append({name: JSON_BAD[kind]})
    return bodies


def _json_bodies(route: APIRoute) -> list[str]:
    body = route.body_field
    if body is None:
        return []
    annotation = getattr(body.field_info, "annotation", None) or body.type_
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        dumped = [json.dumps(b) for b in _bad_json(annotation)]
    else:
        dumped = []
    return [*dumped, '{"x": "\\ud800"}', '{"note": "\\udfff"}', "[" * 5000, "1e999999"]


def _check(statuses: list[tuple[str, str, int]]) -> None:
    errors = [s for s in statuses if s[2] >= 500]
    assert not errors, errors[:20]


@pytest.mark.parametrize("persona", ["flexjobber", "company_user", "consultant"])
def test_no_route_answers_500_to_bad_input(
    app: FastAPI, client: TestClient, db: Session, personas: Personas, persona: str
) -> None:
    login(client, getattr(personas, persona).email)
    cookie = client.cookies.get(CSRF_COOKIE)
    headers = {CSRF_HEADER: sign(TEST_SECRET, "csrf:" + (cookie or ""))}
    statuses: list[tuple[str, str, int]] = []
    started = time.monotonic()
    routes = _routes(list(app.routes))
    assert len(routes) > 80, len(routes)
    for method, template, route in routes:
        if template in ("/logout",) or template.startswith("/static"):
            continue
        paths = [_fill(template, v, personas) for v in BAD_IDS] if "{" in template else []
        paths.append(_fill(template, "1", personas) if "{" in template else template)
        for path in paths:
            query = {name: BAD_VALUES[len(path) % len(BAD_VALUES)] for name in FORM_FIELDS[:10]}
            if method == "GET":
                for value in BAD_VALUES:
                    params = dict.fromkeys([*FORM_FIELDS, "q", "posting", "distance"], value)
                    url = path + "?" + form_of(params).decode()
                    response = client.get(url, follow_redirects=False)
                    statuses.append((method, path + " ?" + value[:20], response.status_code))
                response = client.get(path, follow_redirects=False)
                statuses.append((method, path, response.status_code))
                continue
            if path.startswith("/api/"):
                for body in _json_bodies(route):
                    response = client.request(
                        method,
                        path,
                        content=body.encode("utf-8", "surrogatepass"),
                        headers={**headers, "Content-Type": "application/json"},
                    )
                    statuses.append((method, path + " " + body[:40], response.status_code))
                url = path + "?" + form_of(query).decode()
                response = client.request(method, url, headers=headers)
                statuses.append((method, path, response.status_code))
                continue
            for value in BAD_VALUES:
                form = dict.fromkeys(FORM_FIELDS, value)
                response = client.request(
                    method,
                    path,
                    content=form_of(form),
                    headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
                    follow_redirects=False,
                )
                statuses.append((method, f"{path} [{value[:20]}]", response.status_code))
    _check(statuses)
    assert time.monotonic() - started < 300


def form_of(form: dict[str, str]) -> bytes:
    from urllib.parse import quote

    return "&".join(
        f"{quote(k)}={quote(v.encode('utf-8', 'surrogatepass'))}" for k, v in form.items()
    ).encode()


def test_a_60000_skill_posting_is_refused_within_a_second(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    cookie = client.cookies.get(CSRF_COOKIE)
    headers = {CSRF_HEADER: sign(TEST_SECRET, "csrf:" + (cookie or ""))}
    skills = [f"kompetence {i}" for i in range(60_000)]
    body = {"company_id": personas.company.id, "title": "Lagerhjælp", "required_skills": skills}
    started = time.perf_counter()
    response = client.post("/api/v1/jobs", json=body, headers=headers)
    assert response.status_code in (413, 422)
    small = {**body, "required_skills": skills[:12_000]}  # under the 1 MB body limit
    response = client.post("/api/v1/jobs", json=small, headers=headers)
    assert response.status_code == 422
    assert time.perf_counter() - started < 1


def test_huge_ids_in_paths_are_404(client: TestClient, personas: Personas) -> None:
    login(client, personas.consultant.email)
    assert client.get(f"/api/v1/profiles/{HUGE}").status_code == 404
    assert client.get(f"/profiler/{HUGE}", follow_redirects=False).status_code == 404
    assert client.get("/api/v1/profiles/2147483648").status_code == 404
