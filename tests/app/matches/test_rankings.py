"""Mine match, a posting's candidates and the consultant's board, as pages and as JSON."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.matchmaking.engine import MatchEngine
from app.models import (
    FlexjobberProfile,
    JobPosting,
    JobType,
    Match,
    MatchState,
    PostingStatus,
    User,
    Visibility,
)
from tests.app.matches.support import api, post
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]
SCORE = re.compile(r"(Stærkt|Godt|Muligt) match · \d{1,3}")


def test_mine_match_ranks_marks_new_and_remembers_the_visit(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    person = browser(personas.flexjobber)
    page = person.get("/mine-match")
    assert page.status_code == 200
    assert "Vi er ved at finde job til dig." in page.text

    match_engine.sync(db, full=True)
    page = person.get("/mine-match")
    assert "Kontorassistent" in page.text and "Regnskabsassistent" in page.text
    assert SCORE.search(page.text)
    assert "Lagermedarbejder" not in page.text  # a draft
    assert page.text.count(">Nyt</span>") == 2
    seen = db.scalar(
        select(FlexjobberProfile.matches_seen_at).where(FlexjobberProfile.id == personas.profile.id)
    )
    assert seen is not None
    assert ">Nyt</span>" not in person.get("/mine-match").text


def test_save_and_hide_from_mine_match(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)
    jid, jid2 = personas.job.id, personas.job2.id
    assert post(person, f"/mine-match/{jid}", {"action": "save", "saved": "1"}).status_code == 303
    page = person.get("/mine-match?udfoert=gemt")
    assert "Jobbet er gemt." in page.text and "Fjern fra gemte" in page.text
    response = post(person, f"/mine-match/{jid2}", {"action": "hide", "reason": "nonsense"})
    assert response.status_code == 422 and "Vælg en begrundelse." in response.text
    response = post(person, f"/mine-match/{jid2}", {"action": "hide", "reason": "distance"})
    assert response.status_code == 303
    page = person.get("/mine-match")
    assert "Regnskabsassistent" not in page.text
    hidden = db.scalars(select(Match).where(Match.job_id == jid2)).one()
    assert hidden.hidden_reason == "distance" and hidden.state == MatchState.SUGGESTED
    # Jobs of other jobcentres or drafts cannot be acted on.
    response = post(person, f"/mine-match/{personas.draft_job.id}", {"action": "save"})
    assert response.status_code == 404


def test_the_api_gives_the_same_ranking(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    person = browser(personas.flexjobber)
    body = person.get("/api/v1/me/matches").json()
    assert body == {"ready": False, "paused": False, "items": []}
    match_engine.sync(db, full=True)
    body = person.get("/api/v1/me/matches").json()
    assert body["ready"] is True
    titles = {item["title"] for item in body["items"]}
    assert titles == {"Kontorassistent", "Regnskabsassistent"}
    assert all(0 <= item["score"] <= 100 and item["reasons"] for item in body["items"])


def test_candidates_for_a_posting_respect_anonymity(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    db.flush()
    match_engine.sync(db, full=True)
    company = browser(personas.company_user)
    page = company.get(f"/opslag/{personas.job.id}/kandidater")
    assert page.status_code == 200
    assert "Kandidat A-101" in page.text and "Anna Fleks" not in page.text
    assert "Kandidat B-202" not in page.text  # hidden
    assert "Dårlig ryg" not in page.text and "Ingen tunge løft" not in page.text
    assert SCORE.search(page.text)
    body = company.get(f"/api/v1/jobs/{personas.job.id}/candidates").json()
    assert [c["name"] for c in body["items"]] == ["Kandidat A-101"]
    assert "Anna" not in str(body) and "tunge" not in str(body)

    path = f"/opslag/{personas.job.id}/kandidater/{personas.profile.public_id}/interesse"
    response = post(company, path)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/match/")
    page = company.get(f"/opslag/{personas.job.id}/kandidater")
    assert "Åbn matchet" in page.text and "Vi vil gerne tale med dig</button>" not in page.text

    # Consultants see names; the admin reads but gets no buttons.
    page = browser(personas.consultant).get(f"/opslag/{personas.job.id}/kandidater")
    assert "Anna Fleks" in page.text
    page = browser(personas.admin).get(f"/opslag/{personas.job.id}/kandidater")
    assert page.status_code == 200 and "Vi vil gerne tale med dig</button>" not in page.text


def test_consultant_board_recommends_and_dismisses(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    match_engine.sync(db, full=True)
    consultant = browser(personas.consultant)
    page = consultant.get("/konsulent/match")
    assert page.status_code == 200
    # The strong pair is on the board, with its score and reasons.
    assert f'name="job_id" value="{personas.job.id}"' in page.text
    assert "Anbefal til begge" in page.text and SCORE.search(page.text)
    data = {"profile_id": personas.profile.public_id, "job_id": personas.job2.id}
    response = post(consultant, "/konsulent/match/afvis", data | {"reason": ""})
    assert response.status_code == 422 and "Vælg en begrundelse." in response.text
    response = post(consultant, "/konsulent/match/afvis", data | {"reason": "timing"})
    assert response.status_code == 303
    data = {
        "profile_id": personas.profile.public_id,
        "job_id": personas.job.id,
        "note": "Ring til dem",
    }
    assert post(consultant, "/konsulent/match/anbefal", data).status_code == 303
    # Recommending twice is a business error, shown on the board.
    response = post(consultant, "/konsulent/match/anbefal", data)
    assert response.status_code == 409 and "Matchet er allerede i gang." in response.text
    page = consultant.get("/konsulent/match")
    assert "Anbefalet af jobcentret" in page.text and "Afvist af jobcentret" in page.text
    # The company sees the recommended match, not the dismissed one.
    rows = api(browser(personas.company_user), "GET", f"/api/v1/jobs/{personas.job.id}/candidates")
    assert rows.status_code == 200
    state = {m.job_id: m.state for m in db.scalars(select(Match))}
    assert state == {
        personas.job.id: MatchState.RECOMMENDED,
        personas.job2.id: MatchState.DISMISSED,
    }


def test_a_reason_for_not_interested_teaches_the_ranking(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    from app.models import JobPosting, PostingStatus

    def posting(title: str, postcode: str) -> JobPosting:
        job = JobPosting(
            company_id=personas.company.id,
            title=title,
            description=f"{title}.",
            hours_min=10,
            hours_max=15,
            postcode=postcode,
            status=PostingStatus.PUBLISHED,
            search_text=title.lower(),
        )
        db.add(job)
        return job

    same_title = posting("Kontorassistent", "2100")  # same tasks as personas.job
    far = posting("Bogholder", "9000")  # Aalborg, far from the person's 2900 Hellerup
    farther = posting("Regnskabsmedarbejder", "9990")  # Skagen, even farther
    near = posting("Bogholderassistent", "2800")  # Lyngby, near
    personas.profile.max_distance_km = None  # would already exclude the far jobs
    db.flush()
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)
    before = person.get("/mine-match").text
    assert all(t in before for t in ("Bogholderassistent", "Regnskabsmedarbejder"))

    post(person, f"/mine-match/{personas.job.id}", {"action": "hide", "reason": "tasks"})
    post(person, f"/mine-match/{far.id}", {"action": "hide", "reason": "distance"})
    after = person.get("/mine-match").text
    shown = {job.id for job in (same_title, farther, near) if f'/job/{job.id}"' in after}
    assert shown == {near.id}, "same tasks and jobs at least as far away are no longer suggested"


def test_hiding_a_profile_removes_it_from_candidate_lists_at_once(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    match_engine.sync(db, full=True)
    company = browser(personas.company_user)
    path = f"/opslag/{personas.job.id}/kandidater"
    assert personas.flexjobber.display_name in company.get(path).text  # a named profile
    personas.profile.visibility = Visibility.HIDDEN
    db.flush()
    # before the index has synced: the database decides
    assert personas.flexjobber.display_name not in company.get(path).text
    match_engine.sync(db)  # and after: the cached candidate set is rebuilt
    assert str(personas.profile.id) not in match_engine.findable_profiles_in(
        {personas.company.jobcentre_id}
    )


def test_mine_match_shows_twenty_jobs_at_a_time(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    now = datetime.now(UTC)
    for n in range(25):
        db.add(
            JobPosting(
                company_id=personas.job.company_id,
                title=f"Kontorhjælp {n}",
                description="Kontorhjælp i en rolig virksomhed.",
                hours_min=10,
                hours_max=15,
                postcode="2900",
                accommodations_offered=["no_heavy_lifting", "quiet_environment"],
                job_type=JobType.FLEXJOB,
                status=PostingStatus.PUBLISHED,
                published_at=now,
                search_text=f"kontorhjaelp {n}",
            )
        )
    db.flush()
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)

    first = person.get("/mine-match")
    assert first.status_code == 200
    assert first.text.count('class="app-match"') == 20
    assert 'href="/mine-match?antal=40"' in first.text and "Vis flere job" in first.text

    more = person.get("/mine-match?antal=40")
    assert more.text.count('class="app-match"') == 27  # all 25 + the persona's two
    assert "Vis flere job" not in more.text
    # Nonsense asks for the first page; the ceiling holds.
    assert person.get("/mine-match?antal=abc").text.count('class="app-match"') == 20
    assert person.get("/mine-match?antal=100000").text.count('class="app-match"') == 27
