"""Privacy: what companies, outsiders and others may (not) see of a profile, on every page and
endpoint a company can reach."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, FlexjobberProfile, Visibility
from tests.app.profiles.support import HEALTH_MARKERS, post_form
from tests.app.route_matrix import PERSONAS
from tests.support.personas import Personas
from tests.support.web import csrf, login


def _company_surfaces(client: TestClient, personas: Personas) -> list[str]:
    pid = personas.profile.public_id
    return [
        client.get(f"/profiler/{pid}").text,
        client.get(f"/api/v1/profiles/{pid}").text,
        client.get("/api/v1/profiles").text,
        client.get("/api/v1/profiles?q=bogføring").text,
    ]


@pytest.mark.parametrize("who", ["company_user", "company_user2"])
def test_companies_see_no_health_data_unless_shared(
    client: TestClient, personas: Personas, who: str
) -> None:
    login(client, getattr(personas, who).email)
    surfaces = _company_surfaces(client, personas)
    assert "Anna Fleks" in surfaces[0]
    for text in surfaces:
        for marker in HEALTH_MARKERS:
            assert marker not in text
    detail = client.get(f"/api/v1/profiles/{personas.profile.public_id}").json()
    assert detail["accommodation_needs"] is None and detail["accommodation_note"] is None
    assert detail["email"] is None and detail["share_accommodations"] is None


def test_shared_accommodations_are_visible_to_companies(
    client: TestClient, db: Session, personas: Personas
) -> None:
    personas.profile.share_accommodations = True
    db.flush()
    login(client, personas.company_user.email)
    page = client.get(f"/profiler/{personas.profile.public_id}").text
    assert "Ingen tunge løft" in page and "Dårlig ryg" in page
    detail = client.get(f"/api/v1/profiles/{personas.profile.public_id}").json()
    assert detail["accommodation_needs"] == {"no_heavy_lifting": True, "quiet_environment": False}


def test_search_text_never_finds_health_data(client: TestClient, personas: Personas) -> None:
    login(client, personas.consultant.email)
    assert client.get("/api/v1/profiles?q=diskusprolaps").json()["items"] == []
    assert client.get("/api/v1/profiles?q=bogføring").json()["items"]


HIDDEN = {
    "anonymous": 303,
    "flexjobber": 404,
    "flexjobber2": 200,
    "company_user": 404,
    "company_user2": 404,
    "consultant": 200,
    "outsider": 404,
    "admin": 200,
    "leader": 404,  # a leader sees the jobcentre's figures, not its people's profiles
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_hidden_profile_exists_only_for_its_person_and_jobcentre(
    client: TestClient, personas: Personas, persona: str
) -> None:
    if persona != "anonymous":
        login(client, personas.all_users()[persona].email)
    pid = personas.profile2.public_id
    assert client.get(f"/profiler/{pid}", follow_redirects=False).status_code == HIDDEN[persona]
    api_status = client.get(f"/api/v1/profiles/{pid}").status_code
    assert api_status == (401 if persona == "anonymous" else HIDDEN[persona])
    edit = client.get(f"/profiler/{pid}/rediger/om-mig", follow_redirects=False).status_code
    expected_edit = {"admin": 403}.get(persona, HIDDEN[persona])
    assert edit == expected_edit
    if persona.startswith("company"):
        listed = client.get("/api/v1/profiles").json()["items"]
        assert pid not in [item["id"] for item in listed]
        assert "Skjult profil" not in client.get("/api/v1/profiles?q=skjult").text


def test_outsider_consultant_gets_404_everywhere(client: TestClient, personas: Personas) -> None:
    login(client, personas.outsider.email)
    pid = personas.profile.public_id
    for path in (
        f"/profiler/{pid}",
        f"/profiler/{pid}/cv",
        f"/profiler/{pid}/rediger/skaanehensyn",
        f"/api/v1/profiles/{pid}",
    ):
        assert client.get(path).status_code == 404, path
    assert client.get("/api/v1/profiles").json()["items"] == []
    token = csrf(client, "/konsulent/borgere/ny")
    refused = client.post(
        f"/profiler/{pid}/rediger/om-mig",
        data={"display_name": "Hacket", "csrf_token": token},
    )
    assert refused.status_code == 404


def test_anonymous_profile_hides_identity_from_companies(
    client: TestClient, db: Session, personas: Personas
) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    personas.profile.cv_storage_key = "0" * 32
    personas.profile.cv_content_type = "application/pdf"
    db.flush()
    login(client, personas.company_user.email)
    pid = personas.profile.public_id
    page = client.get(f"/profiler/{pid}").text
    assert "Kandidat A-101" in page
    for secret in ("Anna Fleks", "fleks1@test.example", "Hemmelig Arbejdsgiver", "/cv"):
        assert secret not in page
    detail = client.get(f"/api/v1/profiles/{pid}").json()
    assert detail["name"] == "Kandidat A-101" and detail["is_pseudonym"] is True
    assert detail["has_cv"] is False
    assert all(e.get("employer") is None for e in detail["experience"])
    assert client.get(f"/profiler/{pid}/cv").status_code == 404
    listed = client.get("/api/v1/profiles").text
    assert "Anna Fleks" not in listed and "Hemmelig Arbejdsgiver" not in listed


def test_visibility_change_takes_effect_at_once(
    app, client: TestClient, db: Session, personas: Personas
) -> None:
    pid = personas.profile.public_id
    with TestClient(app, base_url="https://testserver") as company:
        login(company, personas.company_user.email)
        assert company.get(f"/profiler/{pid}").status_code == 200
        login(client, personas.flexjobber.email)
        assert post_form(client, "/profil/synlighed", {"visibility": "hidden"}).status_code == 303
        assert company.get(f"/profiler/{pid}").status_code == 404
        assert company.get(f"/api/v1/profiles/{pid}").status_code == 404
        assert (
            post_form(client, "/profil/synlighed", {"visibility": "anonymous"}).status_code == 303
        )
        # Named before: anonymous now under a new pseudonym and a new public id, so it cannot
        # be tied to the name; the old address stays 404.
        assert company.get(f"/profiler/{pid}").status_code == 404
        db.expire_all()
        renewed = db.get(FlexjobberProfile, personas.profile.id).public_id
        assert renewed != pid
        page = company.get(f"/profiler/{renewed}").text
        assert "Kandidat A-101" not in page and personas.flexjobber.display_name not in page
        assert re.search(r"Kandidat [A-Z2-9]{4}", page)


def test_company_views_are_audited_without_health_data(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    client.get(f"/profiler/{personas.profile.public_id}")
    events = db.scalars(
        select(AuditEvent).where(
            AuditEvent.action == "profile.viewed", AuditEvent.subject_id == personas.profile.id
        )
    ).all()
    assert [e.actor_id for e in events] == [personas.company_user.id]


def test_flexjobbers_cannot_search_profiles(client: TestClient, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    assert client.get("/api/v1/profiles").status_code == 403
    assert client.get(f"/profiler/{personas.profile2.public_id}").status_code == 404
