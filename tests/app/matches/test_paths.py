"""Every path to act on a match (issue 9, point 5): the candidates link, interest and save from a
job's page and from the search results, the "still computing" lists that refresh themselves, the
first ranked list for a new profile or posting after one sync, and no suggestions for a person
who is hired unless they want to keep looking."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.service import create_user
from app.matchmaking.engine import MatchEngine
from app.models import Match, MatchState, Role, User, Visibility
from tests.app.matches.support import api, match_for, post
from tests.support.personas import PASSWORD, Personas

Browser = Callable[[User], TestClient]
FINDING_JOBS = "Vi er ved at finde job til dig."
FINDING_PEOPLE = "Vi er ved at finde kandidater til opslaget."
POLLING = 'hx-trigger="every 3s"'
ADD_SKILLS = "Prøv at tilføje flere kompetencer"


def test_company_reaches_candidates_from_its_postings(personas: Personas, browser: Browser) -> None:
    company = browser(personas.company_user)
    link = f'href="/opslag/{personas.job.id}/kandidater"'
    postings = company.get("/virksomhed/opslag").text
    assert link in postings and "Se kandidater" in postings
    assert f'href="/opslag/{personas.draft_job.id}/kandidater"' not in postings  # a draft
    page = company.get(f"/job/{personas.job.id}").text
    assert link in page and "Se kandidater" in page
    assert link in browser(personas.consultant).get(f"/job/{personas.job.id}").text
    assert "Se kandidater" not in browser(personas.flexjobber).get(f"/job/{personas.job.id}").text


def test_interest_and_save_from_the_job_page(
    db: Session, personas: Personas, browser: Browser
) -> None:
    person = browser(personas.flexjobber)
    jid = personas.job.id
    page = person.get(f"/job/{jid}").text
    assert f'action="/mine-match/{jid}"' in page and "Jeg er interesseret" in page
    response = post(person, f"/mine-match/{jid}", {"action": "save", "tilbage": "job"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/job/{jid}?udfoert=gemt"
    page = person.get(response.headers["location"]).text
    assert "Jobbet er gemt." in page and "Fjern fra gemte" in page

    response = post(person, f"/mine-match/{jid}", {"action": "interest"})
    assert response.status_code == 303 and response.headers["location"].startswith("/match/")
    match = db.scalars(select(Match).where(Match.job_id == jid)).one()
    assert match.state == MatchState.INTEREST and match.flexjobber_interest_at is not None
    page = person.get(f"/job/{jid}").text
    assert f'href="/match/{match.id}"' in page and "Jeg er interesseret</button>" not in page
    # Companies and consultants get no flexjobber buttons on the posting.
    page = browser(personas.company_user).get(f"/job/{jid}").text
    assert f'action="/mine-match/{jid}"' not in page


def test_interest_and_save_from_search_results(
    db: Session, personas: Personas, browser: Browser
) -> None:
    person = browser(personas.flexjobber)
    jid = personas.job.id
    page = person.get("/job?q=kontor").text
    assert f'action="/mine-match/{jid}"' in page and "Jeg er interesseret" in page
    back = "/job?q=kontor&page=1"
    response = post(person, f"/mine-match/{jid}", {"action": "save", "tilbage": back})
    assert response.headers["location"] == "/job?q=kontor&page=1&udfoert=gemt"
    page = person.get(response.headers["location"]).text
    assert "Jobbet er gemt." in page and "Fjern fra gemte" in page
    # The way back stays on the site, whatever the form says.
    for outside in ("https://evil.example/job", "//evil.example/job", "/admin"):
        response = post(person, f"/mine-match/{jid}", {"action": "save", "tilbage": outside})
        assert response.headers["location"] == "/mine-match?udfoert=gemt", outside
    response = post(person, f"/mine-match/{personas.job2.id}", {"action": "interest"})
    assert response.status_code == 303
    assert db.scalars(select(Match).where(Match.job_id == personas.job2.id)).one().state == (
        MatchState.INTEREST
    )


def test_lists_say_they_are_being_computed_and_refresh_themselves(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    person = browser(personas.flexjobber)
    page = person.get("/mine-match").text
    assert FINDING_JOBS in page and POLLING in page and ADD_SKILLS not in page
    company = browser(personas.company_user)
    page = company.get(f"/opslag/{personas.job.id}/kandidater").text
    assert FINDING_PEOPLE in page and POLLING in page
    assert company.get(f"/api/v1/jobs/{personas.job.id}/candidates").json()["ready"] is False

    match_engine.sync(db, full=True)
    page = person.get("/mine-match").text
    assert FINDING_JOBS not in page and POLLING not in page and "Kontorassistent" in page
    page = company.get(f"/opslag/{personas.job.id}/kandidater").text
    assert FINDING_PEOPLE not in page and POLLING not in page


def test_a_new_profile_and_posting_are_ranked_by_the_next_sync(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    """After the first start the engine syncs every 3 s; one incremental sync must be enough
    (and fast) for a new profile's and a new posting's first ranked list."""
    interval = inspect.signature(MatchEngine.start_background).parameters["interval"].default
    assert interval <= 3.0
    match_engine.sync(db, full=True)  # the first start

    newcomer = create_user(
        db,
        email="ny@test.example",
        display_name="Nina Ny",
        role=Role.FLEXJOBBER,
        jobcentre_id=personas.jobcentre.id,
        password=PASSWORD,
    )
    db.flush()
    person = browser(newcomer)
    profile = {
        "about": "Jeg har arbejdet med bogføring og fakturering på et kontor.",
        "wished_jobs": ["Kontorassistent"],
        "hours_min": 10,
        "hours_max": 15,
        "postcode": "2900",
        "visibility": "anonymous",
    }
    assert api(person, "PUT", "/api/v1/me/profile", json=profile).status_code == 200
    company = browser(personas.company_user)
    posting = {
        "company_id": personas.company.id,
        "title": "Bogholder på deltid",
        "description": "Bogføring og fakturering i et lille firma.",
        "hours_min": 10,
        "hours_max": 15,
        "postcode": "2900",
        "status": "published",
    }
    response = api(company, "POST", "/api/v1/jobs", json=posting)
    assert response.status_code == 201, response.text
    job_id = response.json()["id"]
    assert api(person, "GET", "/api/v1/me/matches").json()["ready"] is False
    assert company.get(f"/api/v1/jobs/{job_id}/candidates").json()["ready"] is False

    started = time.monotonic()
    match_engine.sync(db)
    assert time.monotonic() - started < 60
    mine = api(person, "GET", "/api/v1/me/matches").json()
    assert mine["ready"] is True and job_id in [item["job_id"] for item in mine["items"]]
    ranked = company.get(f"/api/v1/jobs/{job_id}/candidates").json()
    assert ranked["ready"] is True and ranked["items"]


def test_a_hired_person_gets_no_suggestions_unless_they_keep_looking(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)
    assert 'class="app-match"' in person.get("/mine-match").text
    match = match_for(db, personas.profile, personas.job)
    match.state = MatchState.HIRED
    db.flush()

    page = person.get("/mine-match").text
    assert "Du er ansat, så vi foreslår ikke flere job lige nu." in page
    assert 'class="app-match"' not in page and ADD_SKILLS not in page
    assert 'href="/profil/om-mig"' in page
    body = api(person, "GET", "/api/v1/me/matches").json()
    assert body == {"ready": True, "paused": True, "items": []}

    # The choice on the profile's "Om mig" page brings the suggestions back.
    form = person.get("/profil/om-mig").text
    assert 'name="keeps_looking"' in form and "Jeg vil gerne se andre job" in form
    data = {"display_name": "Anna Fleks", "keeps_looking": "1"}
    assert post(person, "/profil/om-mig", data).status_code == 303
    db.refresh(personas.profile)
    assert personas.profile.keeps_looking is True
    assert 'class="app-match"' in person.get("/mine-match").text
    body = api(person, "GET", "/api/v1/me/matches").json()
    assert body["paused"] is False and body["items"]

    # And the API can take it back.
    response = api(person, "PUT", "/api/v1/me/profile", json={"keeps_looking": False})
    assert response.status_code == 200 and response.json()["keeps_looking"] is False
    assert api(person, "GET", "/api/v1/me/matches").json()["paused"] is True


def test_in_a_fleksjob_and_wanting_to_switch_keeps_the_suggestions(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    """The situation "Jeg er i fleksjob og vil gerne skifte" is itself the wish to look on."""
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)
    response = api(person, "PUT", "/api/v1/me/profile", json={"status": "in_flexjob"})
    assert response.status_code == 200
    match = match_for(db, personas.profile, personas.job2)
    match.state = MatchState.HIRED
    db.flush()
    assert api(person, "GET", "/api/v1/me/matches").json()["paused"] is False
    # Others never read the choice.
    personas.profile.visibility = Visibility.NAMED
    db.flush()
    company = browser(personas.company_user)
    body = company.get(f"/api/v1/profiles/{personas.profile.public_id}").json()
    assert body["keeps_looking"] is None


def test_the_board_suggests_nothing_for_a_hired_person(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    match_engine.sync(db, full=True)
    consultant = browser(personas.consultant)
    suggested = f'name="profile_id" value="{personas.profile.public_id}"'
    assert suggested in consultant.get("/konsulent/match").text
    match = match_for(db, personas.profile, personas.draft_job)
    match.state = MatchState.HIRED
    db.flush()
    assert suggested not in consultant.get("/konsulent/match").text
    personas.profile.keeps_looking = True
    db.flush()
    assert suggested in consultant.get("/konsulent/match").text
