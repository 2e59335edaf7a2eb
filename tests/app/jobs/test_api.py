"""/api/v1/jobs: the same rules as the pages, JSON errors through the error tree."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, JobPosting
from tests.support.personas import Personas
from tests.support.web import csrf, login

LATER = (date.today() + timedelta(days=60)).isoformat()


def body(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Receptionist",
        "description": "Velkomst af gæster",
        "hours_min": 12,
        "hours_max": 20,
        "postcode": "2900",
        "accommodations_offered": ["extra_breaks"],
        "schedule": ["tue_morning"],
        "job_type": "fleksjob",
        "start_date": LATER,
    }
    data.update(overrides)
    return data


def headers(client: TestClient) -> dict[str, str]:
    return {"x-csrf-token": csrf(client, "/hjem")}


def test_company_creates_reads_updates_and_lists(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    h = headers(client)
    created = client.post("/api/v1/jobs", json=body(company_id=personas.company.id), headers=h)
    assert created.status_code == 201, created.text
    job = created.json()
    assert job["status"] == "draft" and job["company_name"] == "Testfirma ApS"
    assert job["job_type"] == "fleksjob"
    got = client.get(f"/api/v1/jobs/{job['id']}")
    assert got.status_code == 200 and got.json()["title"] == "Receptionist"
    updated = client.put(
        f"/api/v1/jobs/{job['id']}",
        json=body(title="Receptionist (deltid)", status="published"),
        headers=h,
    )
    assert updated.status_code == 200
    assert updated.json()["status"] == "published" and updated.json()["published_at"]
    posting = db.get(JobPosting, job["id"])
    assert posting is not None and "deltid" in posting.search_text
    listing = client.get("/api/v1/jobs").json()
    ids = {item["id"] for item in listing["items"]}
    # Own published and draft postings; never another company's.
    assert {job["id"], personas.job.id, personas.draft_job.id} <= ids
    assert personas.job2.id not in ids


def test_validation_errors_are_json_422_and_nothing_is_stored(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    response = client.post(
        "/api/v1/jobs",
        json=body(
            company_id=personas.company.id,
            hours_min=0,
            hours_max=40,
            postcode="0000",
            accommodations_offered=["flying"],
            deadline="2020-01-01",
        ),
        headers=headers(client),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert {"hours_min", "hours_max", "postcode", "accommodations_offered", "deadline"} <= set(
        error["fields"]
    )
    assert db.scalar(select(JobPosting).where(JobPosting.title == "Receptionist")) is None


def test_authorization_matches_the_pages(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user2.email)
    h = headers(client)
    assert client.get(f"/api/v1/jobs/{personas.job.id}").status_code == 404
    assert client.put(f"/api/v1/jobs/{personas.job.id}", json=body(), headers=h).status_code == 404
    denied = client.post("/api/v1/jobs", json=body(company_id=personas.company.id), headers=h)
    assert denied.status_code == 404


def test_flexjobber_lists_published_jobs_with_filters(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    listing = client.get("/api/v1/jobs?q=KONTOR").json()
    assert [item["title"] for item in listing["items"]] == ["Kontorassistent"]
    assert listing["total"] == 1 and listing["pages"] == 1
    everything = client.get("/api/v1/jobs").json()
    assert personas.draft_job.id not in {item["id"] for item in everything["items"]}
    assert client.get("/api/v1/jobs?job_type=nope").status_code == 422
    assert (
        client.put(
            f"/api/v1/jobs/{personas.job.id}", json=body(), headers=headers(client)
        ).status_code
        == 403
    )


def test_consultant_api_changes_are_audited(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    response = client.put(
        f"/api/v1/jobs/{personas.job2.id}",
        json=body(title="Regnskabsassistent"),
        headers=headers(client),
    )
    assert response.status_code == 200
    event = db.scalar(select(AuditEvent).where(AuditEvent.subject_id == personas.job2.id))
    assert event is not None and event.subject_type == "job"
    assert event.actor_id == personas.consultant.id
    assert "hours_min" in event.details["fields"]


def test_the_api_reads_the_posting_with_the_forms_model_and_messages(
    client: TestClient, db: Session, personas: Personas
) -> None:
    """One model (app.jobs.schemas.PostingIn) for the pages, the API and the CSV: text as a
    form sends it reads here too, and a wrong field gets the form's Danish message."""
    login(client, personas.company_user.email)
    h = headers(client)
    typed = body(company_id=personas.company.id, hours_min="12", required_skills="Excel, kasse")
    created = client.post("/api/v1/jobs", json=typed, headers=h)
    assert created.status_code == 201, created.text
    assert created.json()["required_skills"] == ["Excel", "kasse"]
    wrong = body(company_id=personas.company.id, title="", hours_min="²", hours_max=9)
    fields = client.post("/api/v1/jobs", json=wrong, headers=h).json()["error"]["fields"]
    assert fields["title"] == "Skriv jobbets titel."
    assert fields["hours_min"] == "Skriv et helt antal timer mellem 1 og 37."
    apart = body(company_id=personas.company.id, hours_min=20, hours_max=12, postcode="")
    fields = client.post("/api/v1/jobs", json=apart, headers=h).json()["error"]["fields"]
    assert "mindre end det laveste" in fields["hours_max"]
    assert "hjemmearbejde" in fields["postcode"]
    assert client.post("/api/v1/jobs", json=body(company_id=2**40), headers=h).status_code == 404


def test_an_api_edit_keeps_an_old_deadline_but_rejects_a_new_past_one(
    client: TestClient, db: Session, personas: Personas
) -> None:
    job = personas.job
    job.deadline = date(2021, 1, 1)
    db.flush()
    login(client, personas.company_user.email)
    h = headers(client)
    keep = body(deadline="2021-01-01", start_date=None)
    assert client.put(f"/api/v1/jobs/{job.id}", json=keep, headers=h).status_code == 200
    change = client.put(
        f"/api/v1/jobs/{job.id}", json=body(deadline="2021-02-01", start_date=None), headers=h
    )
    assert change.status_code == 422
    assert "før i dag" in change.json()["error"]["fields"]["deadline"]
