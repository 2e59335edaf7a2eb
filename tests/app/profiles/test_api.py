"""The profile JSON API: same rules as the pages, errors as JSON 422, paginated search."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import FlexjobberProfile, Visibility
from tests.support.personas import Personas
from tests.support.web import csrf, login


def _put(client: TestClient, body: dict) -> object:
    token = csrf(client, "/profil")
    return client.put("/api/v1/me/profile", json=body, headers={"x-csrf-token": token})


def test_me_profile_includes_own_health_data(client: TestClient, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    body = client.get("/api/v1/me/profile").json()
    assert body["audience"] == "owner"
    assert body["accommodation_note"] == "Dårlig ryg efter diskusprolaps"
    assert body["email"] == "fleks1@test.example"


def test_put_updates_only_given_fields(client: TestClient, db: Session, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    response = _put(
        client,
        {
            "headline": "API-overskrift",
            "hours_max": 20,
            "wished_jobs": ["Bogholder"],
            "visibility": "anonymous",
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["headline"] == "API-overskrift"
    assert (body["hours_min"], body["hours_max"]) == (10, 20)
    assert body["wished_jobs"][0]["uri"].startswith("http://data.europa.eu/esco/")
    db.expire_all()
    profile = db.get(FlexjobberProfile, personas.profile.id)
    assert profile.visibility == Visibility.ANONYMOUS
    assert "api-overskrift" in profile.search_text and "bogholder" in profile.search_text


def test_put_errors_are_json_and_nothing_is_saved(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    response = _put(client, {"headline": "Ny", "hours_min": 0, "postcode": "0000"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert set(error["fields"]) == {"hours_min", "postcode"}
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).headline != "Ny"
    typed = _put(client, {"hours_min": "mange"})
    assert typed.status_code == 422 and "hours_min" in typed.json()["error"]["fields"]
    unknown = _put(client, {"search_text": "x"})
    assert unknown.status_code == 422


def test_put_needs_a_csrf_header_with_a_session(client: TestClient, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    assert client.put("/api/v1/me/profile", json={"headline": "x"}).status_code == 403


def test_search_filters_and_pagination(client: TestClient, db: Session, personas: Personas) -> None:
    personas.profile2.visibility = Visibility.NAMED
    personas.profile2.hours_min, personas.profile2.hours_max = 25, 30
    personas.profile2.skills = ["svejsning"]
    personas.profile2.search_text = "skjult profil svejsning"
    db.flush()
    login(client, personas.consultant.email)

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/v1/profiles{query}")
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    anna, bo = personas.profile.public_id, personas.profile2.public_id
    assert set(ids("")) == {anna, bo}
    assert ids("?skill=svejs") == [bo]
    assert ids("?wished_job=kontorassistent") == [anna]
    assert ids("?q=Bogføring") == [anna]
    assert ids("?hours_min=20") == [bo]
    assert ids("?hours_max=12") == [anna]
    first = client.get("/api/v1/profiles?per_page=1").json()
    assert first["has_more"] is True and len(first["items"]) == 1
    second = client.get("/api/v1/profiles?per_page=1&page=2").json()
    assert second["has_more"] is False
    assert {first["items"][0]["id"], second["items"][0]["id"]} == {anna, bo}
    assert client.get("/api/v1/profiles?per_page=1000").status_code == 422


def test_search_for_consultants_includes_health_for_companies_not(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    items = client.get("/api/v1/profiles?q=bogføring").json()["items"]
    assert items[0]["accommodation_note"] == "Dårlig ryg efter diskusprolaps"
    login(client, personas.company_user.email)
    items = client.get("/api/v1/profiles?q=bogføring").json()["items"]
    assert items[0]["accommodation_needs"] is None


def test_openapi_documents_the_profile_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/v1/me/profile" in schema["paths"]
    assert "ProfileOut" in schema["components"]["schemas"]


def test_put_checks_each_topic_with_its_step_model_and_messages(
    client: TestClient, personas: Personas
) -> None:
    """The wizard's step models (app.profiles.steps) are the API's rules and messages too."""
    login(client, personas.flexjobber.email)
    body = {
        "hours_min": 0,
        "experience": [{"title": "Kok", "start": "2019-13"}],
        "skills": ["x" * 101],
        "accommodation_needs": {"flying": True},
    }
    fields = _put(client, body).json()["error"]["fields"]
    assert fields["hours_min"] == "Antal timer skal være mellem 1 og 37."
    assert fields["experience-0-start"] == "Skriv år og måned sådan: 2019-08."
    assert fields["skills"] == "Hver kompetence må højst være 100 tegn."
    assert fields["needs"] == "Vælg kun skånehensyn fra listen."
