"""The income guide through the API and the pages: STAR's example, 422 on bad input, a job's
stated wage and hours, the teaser on the job's and the match's page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.matches import lifecycle
from tests.support.personas import Personas
from tests.support.web import csrf, login


def test_api_reproduces_star_example(client: TestClient) -> None:
    response = client.get("/api/v1/income-guide?hours=18&hourly_wage=200&year=2024")
    assert response.status_code == 200
    body = response.json()
    assert body["year"] == 2024
    assert (body["monthly_pay"], body["supplement"], body["total"]) == (15_600, 15_272, 30_872)
    assert body["full_time_pay"] == 32_067
    assert body["capped"] is False
    assert body["per_extra_hour"] == 571
    assert body["vejledende"] is True
    assert body["parameters"]["threshold"] == {
        "value": 16323.0,
        "confirmed": True,
        "source": "STAR, Beregn løn i fleksjob (star.dk)",
    }
    assert body["parameters"]["ledighedsydelse"]["confirmed"] is False
    assert body["calculator_url"].startswith("https://star.dk/")


def test_api_pay_cap_at_150_kr(client: TestClient) -> None:
    body = client.get("/api/v1/income-guide?hours=12&hourly_wage=150").json()
    assert body["capped"] is True and body["total"] == 24_050 and body["per_extra_hour"] == 0
    assert body["cap_from_hours"] == 9.0


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("hours=-1&hourly_wage=200", "hours"),
        ("hours=100000&hourly_wage=200", "hours"),
        ("hours=abc&hourly_wage=200", "hours"),
        ("hours=18&hourly_wage=-5", "hourly_wage"),
        ("hours=18&hourly_wage=99999999", "hourly_wage"),
        ("hours=18&hourly_wage=inf", "hourly_wage"),
        ("hours=18&hourly_wage=200&year=2031", "year"),
        ("hours=18&hourly_wage=200&year=2025", "year"),
        ("hours=18", "hourly_wage"),
        ("hours=" + "9" * 40 + "&hourly_wage=200", "hours"),
    ],
)
def test_api_bad_input_is_a_clear_422(client: TestClient, query: str, field: str) -> None:
    response = client.get(f"/api/v1/income-guide?{query}")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert field in error["fields"]


def test_page_without_javascript_shows_the_figures(client: TestClient) -> None:
    page = client.get("/oekonomi?hours=18&hourly_wage=200&year=2024")
    assert page.status_code == 200
    for text in ("15.600 kr.", "15.272 kr.", "30.872 kr.", "vejledende", "2024", "star.dk"):
        assert text in page.text
    assert 'method="get"' in page.text and '<label class="form-label" for="hours">' in page.text


def test_page_bad_input_rerenders_the_form_with_messages(client: TestClient) -> None:
    page = client.get("/oekonomi?hours=-4&hourly_wage=mange")
    assert page.status_code == 422
    assert "Timetallet skal være mellem 1 og 37 timer om ugen." in page.text
    assert "Skriv timelønnen som et tal" in page.text
    assert 'value="-4"' in page.text and 'aria-invalid="true"' in page.text


def test_page_in_english(client: TestClient) -> None:
    client.cookies.set("fleksbro_lang", "en")
    page = client.get("/oekonomi?hours=18&hourly_wage=200")
    assert page.status_code == 200
    assert "15,600 kr." in page.text and "guidance" in page.text.lower()


def test_job_guide_uses_the_postings_wage_and_hours(
    client: TestClient, db: Session, personas: Personas
) -> None:
    personas.job.hourly_wage = 150
    db.flush()
    login(client, personas.flexjobber.email)
    detail = client.get(f"/job/{personas.job.id}")
    assert "150 kr." in detail.text and f"/job/{personas.job.id}/oekonomi" in detail.text
    assert "24.050 kr." in detail.text  # 15 h (the person's most) at 150 kr: the cap binds
    page = client.get(f"/job/{personas.job.id}/oekonomi")
    assert page.status_code == 200
    assert 'value="15"' in page.text and 'value="150"' in page.text
    assert "lønloftet" in page.text
    outside = client.get(f"/job/{personas.job.id}/oekonomi?hours=30&hourly_wage=150")
    assert outside.status_code == 422
    assert "Vælg et timetal inden for jobbets timer." in outside.text


def test_job_guide_without_a_wage_asks_for_one_without_an_error(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    page = client.get(f"/job/{personas.job.id}/oekonomi")
    assert page.status_code == 200
    assert "Jobopslaget oplyser ikke timelønnen" in page.text
    assert 'aria-invalid="true"' not in page.text


def test_posting_form_and_api_take_an_optional_hourly_wage(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    job = client.get(f"/api/v1/jobs/{personas.job.id}").json()
    assert job["hourly_wage"] is None
    body = {k: v for k, v in job.items() if k in ("title", "description", "postcode")}
    body |= {"hours_min": 10, "hours_max": 15, "hourly_wage": 185}
    token = csrf(client, "/hjem")
    headers = {"X-CSRF-Token": token}
    saved = client.put(f"/api/v1/jobs/{personas.job.id}", json=body, headers=headers)
    assert saved.status_code == 200, saved.text
    assert saved.json()["hourly_wage"] == 185
    bad = client.put(
        f"/api/v1/jobs/{personas.job.id}", json=body | {"hourly_wage": -3}, headers=headers
    )
    assert bad.status_code == 422 and "hourly_wage" in bad.json()["error"]["fields"]
    form = client.get(f"/opslag/{personas.job.id}/rediger")
    assert 'name="hourly_wage"' in form.text and 'value="185"' in form.text


def test_match_page_shows_the_guide_to_the_flexjobber_and_the_consultant(
    client: TestClient, db: Session, personas: Personas
) -> None:
    personas.job.hourly_wage = 200
    db.flush()
    match = lifecycle.get_or_create(db, personas.profile, personas.job)
    db.flush()
    login(client, personas.flexjobber.email)
    page = client.get(f"/match/{match.id}")
    assert page.status_code == 200
    # 15 h (the person's most, within the job's 10-15) at 200 kr: pay 13,000 kr.
    assert "Hvad betyder jobbet for min økonomi?" in page.text and "13.000 kr." in page.text
    assert f"/job/{personas.job.id}/oekonomi" in page.text
    client.post("/logout", data={"csrf_token": csrf(client, "/hjem")})
    login(client, personas.consultant.email)
    staff_view = client.get(f"/match/{match.id}")
    assert staff_view.status_code == 200 and "13.000 kr." in staff_view.text
