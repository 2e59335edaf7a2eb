"""A person who turns anonymous gets a new public id (ARCHITECTURE.md, "Health data and
disclosure"): a company that saw the named person at /profiler/X must not recognise X on the
anonymous profile. X answers 404 to everyone afterwards, the new id shows only the pseudonym,
and no company-visible page or API response holds X any more. Outside the person's own pages a
profile is only ever named by its public id, never by its database id."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.tokens import PUBLIC_ID_MIN
from app.matchmaking.engine import MatchEngine
from app.models import FlexjobberProfile, User
from tests.app.matches.support import api
from tests.app.profiles.support import post_form
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]


def _company_surfaces(job: int, pid: int) -> list[str]:
    """Every company-visible page and API route that lists or shows a person."""
    return [
        f"/opslag/{job}/kandidater",
        f"/api/v1/jobs/{job}/candidates",
        "/kandidater",
        "/kandidater?q=bogf",
        "/api/v1/candidates",
        "/api/v1/candidates?q=bogf",
        "/api/v1/profiles",
        "/api/v1/profiles?q=bogf",
        f"/profiler/{pid}",
        f"/api/v1/profiles/{pid}",
    ]


def _profile_ids(data: Any) -> list[int]:
    """The ids that name a profile in a JSON response (profile lists, candidate lists)."""
    found: list[int] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "profile_id" or (key == "id" and "is_pseudonym" in data):
                found.append(int(value))
            else:
                found += _profile_ids(value)
    elif isinstance(data, list):
        for item in data:
            found += _profile_ids(item)
    return found


def _interest(client: TestClient, job: int, pid: int) -> int:
    return api(client, "POST", f"/api/v1/jobs/{job}/candidates/{pid}/interest").status_code


def test_turning_anonymous_renews_the_public_id(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    profile, job = personas.profile, personas.job.id  # profile: named, "Anna Fleks"
    name = personas.flexjobber.display_name
    old = profile.public_id
    assert old >= PUBLIC_ID_MIN and old != profile.id
    match_engine.sync(db, full=True)
    company = browser(personas.company_user)

    # Named: the company sees Anna at X, and X in every list.
    page = company.get(f"/profiler/{old}")
    assert page.status_code == 200 and name in page.text
    assert company.get(f"/api/v1/profiles/{old}").json()["name"] == name
    for path in _company_surfaces(job, old):
        response = company.get(path)
        assert response.status_code == 200, path
        assert str(old) in response.text, path

    person = browser(personas.flexjobber)
    assert post_form(person, "/profil/synlighed", {"visibility": "anonymous"}).status_code == 303
    db.expire_all()
    renewed = db.get(FlexjobberProfile, profile.id)
    assert renewed is not None
    new = renewed.public_id
    assert new != old and new >= PUBLIC_ID_MIN
    match_engine.sync(db)

    # X is gone for everyone, the person included: pages, CV, API, the company's interest.
    for user in (
        personas.company_user,
        personas.company_user2,
        personas.consultant,
        personas.admin,
        personas.flexjobber,
    ):
        client = browser(user)
        for path in (f"/profiler/{old}", f"/profiler/{old}/cv", f"/api/v1/profiles/{old}"):
            assert client.get(path).status_code == 404, (user.email, path)
    assert company.get(f"/profiler/{old}/rediger/om-mig").status_code == 404
    assert _interest(company, job, old) == 404
    consultant = browser(personas.consultant)
    assert consultant.get(f"/profiler/{old}/rediger/om-mig").status_code == 404
    assert consultant.get(f"/profiler/{new}/rediger/om-mig").status_code == 200

    # The new id shows the pseudonym only.
    page = company.get(f"/profiler/{new}")
    assert page.status_code == 200
    assert name not in page.text and renewed.pseudonym in page.text
    shown = company.get(f"/api/v1/profiles/{new}").json()
    assert shown["id"] == new and shown["is_pseudonym"] is True
    assert shown["name"] == renewed.pseudonym

    # No company-visible response holds X any more; the person is listed under the new id.
    for path in _company_surfaces(job, new):
        response = company.get(path)
        assert response.status_code == 200, path
        assert str(old) not in response.text, path
        assert name not in response.text, path
    candidates = company.get(f"/api/v1/jobs/{job}/candidates").json()["items"]
    assert new in [item["profile_id"] for item in candidates]
    assert new in [item["id"] for item in company.get("/api/v1/candidates").json()["items"]]
    assert (
        f'/opslag/{job}/kandidater/{new}/interesse"'
        in company.get(f"/opslag/{job}/kandidater").text
    )

    # The company's "Vi vil gerne tale med dig" works at the new id; the match names it.
    made = api(company, "POST", f"/api/v1/jobs/{job}/candidates/{new}/interest")
    assert made.status_code == 200, made.text
    assert made.json()["person"]["profile_id"] == new
    assert str(old) not in made.text


def test_a_profile_is_named_by_its_public_id_only(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    """Every id that names a profile in a company's or consultant's JSON is a public id, and
    every /profiler/ link in their pages too: the database id never leaves the server."""
    match_engine.sync(db, full=True)
    job = personas.job.id
    public = {personas.profile.public_id, personas.profile2.public_id}
    for user in (personas.company_user, personas.consultant, personas.admin):
        client = browser(user)
        for path in _company_surfaces(job, personas.profile.public_id):
            response = client.get(path)
            assert response.status_code == 200, (user.email, path)
            if path.startswith("/api/"):
                ids = _profile_ids(response.json())
                assert ids and set(ids) <= public, (user.email, path, ids)
            for linked in re.findall(r"/profiler/(\d+)", response.text):
                assert int(linked) in public, (user.email, path, linked)
    consultant = browser(personas.consultant)
    for path in ("/konsulent", "/konsulent?vis=fleksjobbere", "/konsulent/soeg?q=fleks"):
        text = consultant.get(path).text
        links = re.findall(r"/profiler/(\d+)", text)
        assert links and {int(x) for x in links} <= public, (path, links)
    # A database id where a public id belongs finds nobody.
    company = browser(personas.company_user)
    assert company.get(f"/profiler/{personas.profile.id}").status_code == 404
    assert company.get(f"/api/v1/profiles/{personas.profile.id}").status_code == 404
    assert _interest(company, job, personas.profile.id) == 404


def test_leaving_named_renews_it_once_and_other_changes_keep_it(
    db: Session, personas: Personas, browser: Browser
) -> None:
    person = browser(personas.flexjobber)
    first = personas.profile.public_id
    post_form(
        person, "/profil/om-mig", {"display_name": "Anna Fleks", "headline": "Ny", "about": ""}
    )
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).public_id == first  # not renewed
    post_form(person, "/profil/synlighed", {"visibility": "hidden"})
    db.expire_all()
    hidden = db.get(FlexjobberProfile, personas.profile.id).public_id
    assert hidden != first
    post_form(person, "/profil/synlighed", {"visibility": "anonymous"})
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).public_id == hidden
