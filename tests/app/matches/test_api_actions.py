"""The API offers the pages' actions on ranked items, with the same rules: the company's
"Vi vil gerne tale med dig" and the flexjobber's interest / save / hide, per persona."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.service import create_api_token
from app.models import Company, JobPosting, JobType, Match, PostingStatus, User, Visibility
from tests.app.matches.support import api
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]


def _interest_url(personas: Personas, profile_id: int | None = None) -> str:
    pid = personas.profile.public_id if profile_id is None else profile_id
    return f"/api/v1/jobs/{personas.job.id}/candidates/{pid}/interest"


def test_company_interest_over_the_api(db: Session, personas: Personas, browser: Browser) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    db.flush()
    url = _interest_url(personas)
    # Nobody but the posting's company may ask; outsiders learn nothing (404).
    assert api(browser(personas.flexjobber), "POST", url).status_code == 404
    assert api(browser(personas.company_user2), "POST", url).status_code == 404
    assert api(browser(personas.outsider), "POST", url).status_code == 404
    assert api(browser(personas.consultant), "POST", url).status_code == 403
    assert api(browser(personas.admin), "POST", url).status_code == 403
    assert db.scalar(select(Match).where(Match.profile_id == personas.profile.id)) is None

    company = browser(personas.company_user)
    hidden = _interest_url(personas, personas.profile2.public_id)
    assert api(company, "POST", hidden).status_code == 404
    draft = f"/api/v1/jobs/{personas.draft_job.id}/candidates/{personas.profile.public_id}/interest"
    assert api(company, "POST", draft).status_code == 404

    response = api(company, "POST", url)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["state"] == "interest" and body["party"] == "company"
    assert body["person"]["name"] == "Kandidat A-101" and body["person"]["email"] is None
    assert body["person"]["accommodation_needs"] is None and "Anna" not in str(body)
    assert "interest" not in body["allowed_actions"]
    # Asking again changes nothing (as on the page): the same match, the same state.
    again = api(company, "POST", url).json()
    assert (again["id"], again["state"]) == (body["id"], "interest")
    # The person sees the request in their own API.
    person = browser(personas.flexjobber)
    match = person.get(f"/api/v1/matches/{body['id']}").json()
    assert match["company_interest_at"] is not None and match["party"] == "flexjobber"


def test_company_interest_with_a_token(db: Session, personas: Personas, client: TestClient) -> None:
    token = create_api_token(db, personas.company_user, "test")
    db.flush()
    response = client.post(_interest_url(personas), headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json()["person"]["name"] == "Anna Fleks"


def _foreign_job(db: Session, personas: Personas) -> JobPosting:
    company = Company(
        name="Fjernt ApS", cvr="11223344", postcode="8000", jobcentre_id=personas.other_jobcentre.id
    )
    db.add(company)
    db.flush()
    job = JobPosting(
        company_id=company.id,
        title="Kontorassistent",
        job_type=JobType.FLEXJOB,
        status=PostingStatus.PUBLISHED,
        search_text="kontorassistent",
    )
    db.add(job)
    db.flush()
    return job


def test_flexjobber_actions_over_the_api(db: Session, personas: Personas, browser: Browser) -> None:
    person = browser(personas.flexjobber)
    url = f"/api/v1/me/matches/{personas.job.id}"
    response = api(person, "POST", url, json={"action": "save"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["party"] == "flexjobber" and body["state"] == "suggested"
    saved = db.scalars(select(Match).where(Match.id == body["id"])).one()
    assert saved.saved_at is not None
    assert api(person, "POST", url, json={"action": "save", "saved": False}).status_code == 200
    db.refresh(saved)
    assert saved.saved_at is None

    body = api(person, "POST", url, json={"action": "interest"}).json()
    assert body["state"] == "interest" and body["flexjobber_interest_at"] is not None
    again = api(person, "POST", url, json={"action": "interest"}).json()
    assert (again["id"], again["state"]) == (body["id"], "interest")

    other = f"/api/v1/me/matches/{personas.job2.id}"
    response = api(person, "POST", other, json={"action": "hide", "reason": "nonsense"})
    assert response.status_code == 422
    response = api(person, "POST", other, json={"action": "hide", "reason": "distance"})
    assert response.status_code == 200
    hidden = db.scalars(select(Match).where(Match.job_id == personas.job2.id)).one()
    assert hidden.hidden_at is not None and hidden.hidden_reason == "distance"
    assert api(person, "POST", other, json={"action": "recommend"}).status_code == 422


def test_flexjobber_actions_refuse_outsiders(
    db: Session, personas: Personas, browser: Browser
) -> None:
    person = browser(personas.flexjobber)
    for job_id in (personas.draft_job.id, _foreign_job(db, personas).id, 999_999):
        response = api(person, "POST", f"/api/v1/me/matches/{job_id}", json={"action": "save"})
        assert response.status_code == 404, job_id
    url = f"/api/v1/me/matches/{personas.job.id}"
    for who in (personas.company_user, personas.consultant, personas.admin):
        assert api(browser(who), "POST", url, json={"action": "save"}).status_code == 403
    assert db.scalar(select(Match).where(Match.job_id == personas.job.id)) is None
