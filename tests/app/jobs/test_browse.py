"""The job search: Danish-aware text search, each filter, visibility and pagination."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.jobs.search_text import posting_search_text
from app.kit.clock import utcnow
from app.models import Company, Jobcentre, JobPosting, JobType, PostingStatus
from tests.support.personas import Personas
from tests.support.web import login


def add_job(db: Session, company: Company, title: str, **fields: Any) -> JobPosting:
    values: dict[str, Any] = {
        "hours_min": 10,
        "hours_max": 15,
        "postcode": "2900",
        "status": PostingStatus.PUBLISHED,
        "published_at": utcnow(),
        "accommodations_offered": [],
    }
    values.update(fields)
    posting = JobPosting(company_id=company.id, title=title, **values)
    posting.search_text = posting_search_text(posting, company.name)
    db.add(posting)
    db.flush()
    return posting


def titles(client: TestClient, query: str) -> list[str]:
    response = client.get("/job" + query)
    assert response.status_code == 200, response.text
    return [
        part.split(">", 1)[1].split("<", 1)[0]
        for part in response.text.split('<h3 class="h4"><a href="/job/')[1:]
    ]


@pytest.fixture
def flex(client: TestClient, personas: Personas) -> TestClient:
    login(client, personas.flexjobber.email)
    return client


@pytest.mark.parametrize(
    "query",
    ["køkken", "KØKKEN", "koekken", "Kökken", "ærø", "AEROE", "medhj", "skøkkenm"[1:5]],
)
def test_text_search_is_danish_aware(
    flex: TestClient, db: Session, personas: Personas, query: str
) -> None:
    add_job(db, personas.company, "Køkkenmedhjælper", description="Opvask i Ærøskøbing")
    add_job(db, personas.company, "Chauffør")
    found = titles(flex, f"?q={query}")
    assert found == ["Køkkenmedhjælper"]


def test_search_finds_company_name_and_needs_every_word(
    flex: TestClient, db: Session, personas: Personas
) -> None:
    add_job(db, personas.company2, "Pedel", description="Vedligehold")
    assert titles(flex, "?q=andetfirma") == ["Pedel"]
    assert titles(flex, "?q=andetfirma pedel") == ["Pedel"]
    assert titles(flex, "?q=andetfirma+ukendtord") == []
    assert titles(flex, "?q=100%25") == []  # LIKE wildcards are taken literally


def test_only_published_postings_of_own_jobcentre(
    flex: TestClient, db: Session, personas: Personas
) -> None:
    add_job(db, personas.company, "Lukket job", status=PostingStatus.CLOSED)
    foreign_centre = db.get(Jobcentre, personas.other_jobcentre.id)
    assert foreign_centre is not None
    foreign = Company(
        name="Fremmed A/S", cvr="11111111", postcode="8000", jobcentre_id=foreign_centre.id
    )
    db.add(foreign)
    db.flush()
    add_job(db, foreign, "Fremmed job")
    found = titles(flex, "")
    assert "Lukket job" not in found and "Fremmed job" not in found
    assert "Lagermedarbejder" not in found  # the draft
    assert {"Kontorassistent", "Regnskabsassistent"} <= set(found)


def test_filter_hours_that_fit_my_profile(
    flex: TestClient, db: Session, personas: Personas
) -> None:
    # The profile wants 10-15 hours.
    add_job(db, personas.company, "Fuldtid", hours_min=30, hours_max=37)
    add_job(db, personas.company, "Lidt", hours_min=5, hours_max=10)
    assert "Fuldtid" in titles(flex, "")
    found = titles(flex, "?fit_hours=1")
    assert "Fuldtid" not in found and "Lidt" in found


def test_filter_distance_from_my_postcode(
    flex: TestClient, db: Session, personas: Personas
) -> None:
    add_job(db, personas.company, "I Aarhus", postcode="8000")
    add_job(db, personas.company, "I Lyngby", postcode="2800")
    add_job(db, personas.company, "Hjemmefra", postcode=None, remote=True)
    found = titles(flex, "?max_km=20")
    assert "I Aarhus" not in found
    assert {"I Lyngby", "Hjemmefra", "Kontorassistent"} <= set(found)
    page = flex.get("/job?max_km=20&q=lyngby")
    assert "ca. " in page.text and " km" in page.text
    # From another postcode (Aarhus C), Aarhus is near and Lyngby far.
    found = titles(flex, "?max_km=20&origin=8000")
    assert "I Aarhus" in found and "I Lyngby" not in found


def test_filter_accommodations_must_all_be_offered(
    flex: TestClient, db: Session, personas: Personas
) -> None:
    add_job(db, personas.company, "Begge", accommodations_offered=["extra_breaks", "remote_work"])
    add_job(db, personas.company, "Kun pauser", accommodations_offered=["extra_breaks"])
    assert set(titles(flex, "?accommodations=extra_breaks")) == {"Begge", "Kun pauser"}
    found = titles(flex, "?accommodations=extra_breaks&accommodations=remote_work")
    assert found == ["Begge"]


def test_filter_job_type(flex: TestClient, db: Session, personas: Personas) -> None:
    add_job(db, personas.company, "Praktikplads", job_type=JobType.INTERNSHIP)
    add_job(db, personas.company, "Småjobbet", job_type=JobType.FEW_HOURS)
    assert titles(flex, "?job_type=praktik") == ["Praktikplads"]
    assert titles(flex, "?job_type=few_hours") == ["Småjobbet"]


def test_bad_filters_are_explained(flex: TestClient) -> None:
    response = flex.get("/job?max_km=-4&origin=0000&accommodations=nope&job_type=x")
    assert response.status_code == 422
    for message in ("mellem 1 og 500", "Postnummeret findes ikke", "skånehensyn", "jobtype"):
        assert message in response.text


def test_pagination(flex: TestClient, db: Session, personas: Personas) -> None:
    for number in range(23):
        add_job(db, personas.company, f"Pagineret job {number:02d}")
    first = flex.get("/job?q=pagineret")
    assert first.text.count('class="app-result"') == 20
    assert "23 job fundet" in first.text
    assert 'aria-current="page"' in first.text and 'rel="next"' in first.text
    second = flex.get("/job?q=pagineret&page=2")
    assert second.text.count('class="app-result"') == 3
    assert 'rel="prev"' in second.text and 'rel="next"' not in second.text
    assert "/job?q=pagineret&amp;page=1" in second.text  # the filters survive paging
    beyond = flex.get("/job?q=pagineret&page=99")
    assert beyond.text.count('class="app-result"') == 3


def test_company_users_use_their_own_pages(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    assert client.get("/job").status_code == 403
