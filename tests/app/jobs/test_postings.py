"""Creating, editing, publishing and closing job postings through the pages."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AuditEvent, JobPosting, PostingStatus
from tests.support.personas import Personas
from tests.support.web import csrf, login

SOON = date.today() + timedelta(days=30)
LATER = date.today() + timedelta(days=60)


def valid_form(**overrides: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "title": "Kontorassistent",
        "description": "Hjælp på et roligt kontor i Ølstykke.",
        "tasks": "Post og telefon",
        "required_skills": "bogføring\nExcel",
        "nice_skills": "fakturering",
        "hours_min": "10",
        "hours_max": "15",
        "schedule": ["mon_morning", "wed_morning"],
        "postcode": "2900",
        "accommodations_offered": ["no_heavy_lifting", "extra_breaks"],
        "job_type": "fleksjob",
        "start_date": LATER.isoformat(),
        "deadline": SOON.isoformat(),
    }
    form.update(overrides)
    return form


def post_new(client: TestClient, company_id: int, **overrides: Any):
    form = valid_form(**overrides)
    form["company_id"] = str(company_id)
    form["csrf_token"] = csrf(client, "/hjem")
    return client.post("/opslag/ny", data=form, follow_redirects=False)


def count_postings(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(JobPosting)) or 0


def test_company_creates_and_publishes_a_posting(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    form_page = client.get(f"/opslag/ny?virksomhed={personas.company.id}")
    assert form_page.status_code == 200
    assert 'list="title-options"' in form_page.text
    response = post_new(client, personas.company.id)
    assert response.status_code == 303
    posting_id = int(response.headers["location"].rsplit("/", 1)[1])
    posting = db.get(JobPosting, posting_id)
    assert posting is not None
    assert posting.status == PostingStatus.DRAFT and posting.published_at is None
    assert posting.required_skills == ["bogføring", "Excel"]
    assert posting.schedule == ["mon_morning", "wed_morning"]
    assert posting.created_by_id == personas.company_user.id
    assert "testfirma" in posting.search_text and "oelstykke" in posting.search_text
    # A company acting for itself leaves no on-behalf trail.
    assert db.scalar(select(AuditEvent).where(AuditEvent.subject_id == posting_id)) is None

    page = client.get(f"/job/{posting_id}")
    assert page.status_code == 200 and "Kladde" in page.text
    token = csrf(client, "/hjem")
    published = client.post(
        f"/opslag/{posting_id}/offentliggoer", data={"csrf_token": token}, follow_redirects=False
    )
    assert published.status_code == 303
    db.refresh(posting)
    assert posting.status == PostingStatus.PUBLISHED and posting.published_at is not None

    listing = client.get("/virksomhed/opslag")
    assert listing.status_code == 200 and "Kontorassistent" in listing.text

    closed = client.post(f"/opslag/{posting_id}/luk", data={"csrf_token": token})
    assert closed.status_code == 200
    db.refresh(posting)
    assert posting.status == PostingStatus.CLOSED


def test_publish_directly_from_the_form_and_esco_title(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    response = post_new(client, personas.company.id, action="publish", title="kontorassistent")
    posting = db.get(JobPosting, int(response.headers["location"].rsplit("/", 1)[1]))
    assert posting is not None and posting.status == PostingStatus.PUBLISHED
    assert posting.published_at is not None
    assert posting.title == "kontorassistent"  # what was typed is kept
    assert posting.esco_uri and posting.esco_uri.startswith("http://data.europa.eu/esco/")


def test_remote_posting_needs_no_postcode(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    response = post_new(client, personas.company.id, postcode="", remote="1")
    assert response.status_code == 303
    posting = db.get(JobPosting, int(response.headers["location"].rsplit("/", 1)[1]))
    assert posting is not None and posting.remote and posting.postcode is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Skriv jobbets titel"),
        ({"hours_min": "0"}, "hours_min", "mellem 1 og 37"),
        ({"hours_max": "40"}, "hours_max", "mellem 1 og 37"),
        ({"hours_min": "20", "hours_max": "12"}, "hours_max", "ikke være mindre"),
        ({"hours_min": "ti"}, "hours_min", "helt antal timer"),
        ({"hours_max": ""}, "hours_max", "antal timer"),
        ({"postcode": "0000"}, "postcode", "Postnummeret findes ikke"),
        ({"postcode": ""}, "postcode", "vælg hjemmearbejde"),
        ({"accommodations_offered": ["flying_carpet"]}, "accommodations_offered", "skånehensyn"),
        ({"schedule": ["mon_midnight"]}, "schedule", "ugedage"),
        ({"job_type": "slavery"}, "job_type", "jobtype"),
        ({"start_date": "2026-02-31"}, "start_date", "gyldig dato"),
        ({"deadline": "i morgen"}, "deadline", "gyldig dato"),
        ({"deadline": "2020-01-01", "start_date": ""}, "deadline", "før i dag"),
        (
            {"deadline": LATER.isoformat(), "start_date": SOON.isoformat()},
            "deadline",
            "efter startdatoen",
        ),
    ],
)
def test_every_field_is_validated(
    client: TestClient,
    db: Session,
    personas: Personas,
    overrides: dict[str, Any],
    field: str,
    message: str,
) -> None:
    login(client, personas.company_user.email)
    before = count_postings(db)
    response = post_new(client, personas.company.id, **({"title": "Særlig ønsketitel"} | overrides))
    assert response.status_code == 422
    assert message in response.text
    assert f'href="#{field}"' in response.text  # linked from the error summary
    assert f'aria-describedby="{field}-error"' in response.text or f"{field}-error" in response.text
    # What was typed is shown again.
    if "title" not in overrides:
        assert 'value="Særlig ønsketitel"' in response.text
    assert "Hjælp på et roligt kontor i Ølstykke." in response.text
    assert count_postings(db) == before


def test_new_posting_without_company_offers_a_choice(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    page = client.get("/opslag/ny")
    assert page.status_code == 200
    assert personas.company.name in page.text and personas.company2.name in page.text
    before = count_postings(db)
    form = valid_form()
    form["csrf_token"] = csrf(client, "/hjem")
    response = client.post("/opslag/ny", data=form)
    assert response.status_code == 422 and "Vælg virksomheden" in response.text
    assert count_postings(db) == before


def test_other_company_gets_404_on_someone_elses_posting(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user2.email)
    job = personas.job
    assert client.get(f"/opslag/{job.id}/rediger").status_code == 404
    assert client.get(f"/job/{personas.draft_job.id}").status_code == 404
    token = csrf(client, "/hjem")
    edit = client.post(
        f"/opslag/{job.id}/rediger", data=valid_form(title="Kapret") | {"csrf_token": token}
    )
    assert edit.status_code == 404
    assert client.post(f"/opslag/{job.id}/luk", data={"csrf_token": token}).status_code == 404
    assert post_new(client, personas.company.id).status_code == 404
    db.refresh(job)
    assert job.title == "Kontorassistent" and job.status == PostingStatus.PUBLISHED
    # Their own company's posting is theirs to edit.
    assert client.get(f"/opslag/{personas.job2.id}/rediger").status_code == 200
    assert client.get(f"/job/{personas.job2.id}").status_code == 200


def test_flexjobber_sees_published_postings_only_and_may_not_edit(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    assert client.get(f"/job/{personas.job2.id}").status_code == 200
    assert client.get(f"/opslag/{personas.job2.id}/rediger").status_code == 403
    assert client.get(f"/job/{personas.draft_job.id}").status_code == 404
    token = csrf(client, "/hjem")
    assert client.post("/opslag/ny", data=valid_form() | {"csrf_token": token}).status_code == 403


def test_consultant_edits_on_behalf_are_audited(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    job = personas.draft_job
    form = client.get(f"/opslag/{job.id}/rediger")
    assert form.status_code == 200 and 'value="Lagermedarbejder"' in form.text
    data = valid_form(title="Lagermedarbejder", hours_min="12", description="Nyt lager i Århus")
    response = client.post(
        f"/opslag/{job.id}/rediger",
        data=data | {"csrf_token": csrf(client, "/hjem"), "action": "publish"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    db.refresh(job)
    assert job.status == PostingStatus.PUBLISHED and job.hours_min == 12
    assert "aarhus" in job.search_text
    event = db.scalar(
        select(AuditEvent).where(AuditEvent.subject_type == "job", AuditEvent.subject_id == job.id)
    )
    assert event is not None
    assert event.actor_id == personas.consultant.id and event.action == "job.update"
    assert "hours_min" in event.details["fields"] and "status" in event.details["fields"]
    assert "title" not in event.details["fields"]

    created = post_new(client, personas.company2.id)
    assert created.status_code == 303
    new_id = int(created.headers["location"].rsplit("/", 1)[1])
    actions = db.scalars(
        select(AuditEvent.action).where(
            AuditEvent.subject_type == "job", AuditEvent.subject_id == new_id
        )
    ).all()
    assert actions == ["job.create"]


def test_outsider_consultant_cannot_touch_other_jobcentres_postings(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.outsider.email)
    assert client.get(f"/opslag/{personas.job.id}/rediger").status_code == 404
    assert post_new(client, personas.company.id).status_code == 404
    page = client.get("/opslag/ny")
    assert page.status_code == 200 and personas.company.name not in page.text


def test_edit_keeps_an_old_deadline_but_rejects_a_new_past_one(
    client: TestClient, db: Session, personas: Personas
) -> None:
    job = personas.job
    job.deadline = date(2021, 1, 1)
    db.flush()
    login(client, personas.company_user.email)
    token = csrf(client, "/hjem")
    keep = valid_form(deadline="2021-01-01", start_date="")
    assert (
        client.post(
            f"/opslag/{job.id}/rediger", data=keep | {"csrf_token": token}, follow_redirects=False
        ).status_code
        == 303
    )
    change = valid_form(deadline="2021-02-01", start_date="")
    assert (
        client.post(f"/opslag/{job.id}/rediger", data=change | {"csrf_token": token}).status_code
        == 422
    )
