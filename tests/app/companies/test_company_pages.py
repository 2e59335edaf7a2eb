"""The company page: view, edit (members, consultants on behalf, admins), create, colleagues."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Company, CompanyMember, JobPosting, Role, User
from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, login


def company_form(**overrides: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "name": "Testfirma ApS",
        "cvr": "12345674",
        "address": "Strandvejen 1",
        "postcode": "2900",
        "industry": "Kontor og administration",
        "size": "10-49",
        "description": "Et lille kontor med god plads.",
        "fleksjob_statement": "Vi har tre kolleger i fleksjob og gode erfaringer.",
        "accommodations_offered": ["quiet_environment", "flexible_hours"],
    }
    form.update(overrides)
    return form


def post_edit(client: TestClient, company_id: int, **overrides: Any):
    data = company_form(**overrides) | {"csrf_token": csrf(client, "/hjem")}
    return client.post(f"/virksomheder/{company_id}/rediger", data=data, follow_redirects=False)


def test_member_edits_the_company_page(client: TestClient, db: Session, personas: Personas) -> None:
    login(client, personas.company_user.email)
    form = client.get(f"/virksomheder/{personas.company.id}/rediger")
    assert form.status_code == 200 and 'value="12345674"' in form.text
    response = post_edit(client, personas.company.id, name="Testfirma Ølstykke ApS")
    assert response.status_code == 303
    company = personas.company
    db.refresh(company)
    assert company.name == "Testfirma Ølstykke ApS" and company.size == "10-49"
    assert company.accommodations_offered == ["quiet_environment", "flexible_hours"]
    # The new name is searchable on the company's postings.
    db.refresh(personas.job)
    assert "oelstykke" in personas.job.search_text
    page = client.get(f"/virksomheder/{company.id}")
    assert "Sådan arbejder vi med fleksjob" in page.text and "Roligt miljø" in page.text
    assert "Carl Firma" in page.text  # contact persons
    assert db.scalar(select(AuditEvent).where(AuditEvent.subject_type == "company")) is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Skriv virksomhedens navn"),
        ({"cvr": "12345678"}, "cvr", "8 cifre og gyldigt"),
        ({"cvr": "1234"}, "cvr", "8 cifre og gyldigt"),
        ({"postcode": "0000"}, "postcode", "Postnummeret findes ikke"),
        ({"postcode": ""}, "postcode", "Skriv virksomhedens postnummer"),
        ({"size": "enorm"}, "size", "størrelse"),
        ({"accommodations_offered": ["flying_carpet"]}, "accommodations_offered", "skånehensyn"),
        ({"description": "x" * 10_001}, "description", "10.000 tegn"),
    ],
)
def test_every_company_field_is_validated(
    client: TestClient,
    db: Session,
    personas: Personas,
    overrides: dict[str, Any],
    field: str,
    message: str,
) -> None:
    login(client, personas.company_user.email)
    response = post_edit(client, personas.company.id, industry="Særlig branche", **overrides)
    assert response.status_code == 422
    assert message in response.text
    assert f'href="#{field}"' in response.text
    assert 'value="Særlig branche"' in response.text
    db.refresh(personas.company)
    assert personas.company.industry == ""


def test_cvr_must_be_unique(client: TestClient, db: Session, personas: Personas) -> None:
    other = Company(
        name="Tredje", cvr="11111114", postcode="2900", jobcentre_id=personas.jobcentre.id
    )
    db.add(other)
    db.flush()
    login(client, personas.company_user.email)
    response = post_edit(client, personas.company.id, cvr="11111114")
    assert response.status_code == 422 and "findes allerede" in response.text


def test_existing_cvr_is_kept_without_recheck(
    client: TestClient, db: Session, personas: Personas
) -> None:
    # company2's CVR predates the check-digit rule; editing other fields still works.
    login(client, personas.company_user2.email)
    response = post_edit(client, personas.company2.id, name="Andetfirma A/S", cvr="87654321")
    assert response.status_code == 303


def test_consultant_edit_on_behalf_is_audited(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    response = post_edit(client, personas.company.id, name="Testfirma ApS")
    assert response.status_code == 303
    event = db.scalar(select(AuditEvent).where(AuditEvent.subject_type == "company"))
    assert event is not None
    assert event.actor_id == personas.consultant.id and event.action == "company.update"
    assert event.subject_id == personas.company.id
    assert "industry" in event.details["fields"] and "name" not in event.details["fields"]


def test_outsiders_get_404_and_readers_403(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user2.email)
    assert post_edit(client, personas.company.id).status_code == 404
    client.cookies.clear()
    login(client, personas.flexjobber.email)
    assert post_edit(client, personas.company.id).status_code == 403


def test_consultant_creates_a_company_in_their_jobcentre(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    assert client.get("/virksomheder/ny").status_code == 200
    token = csrf(client, "/hjem")
    bad = client.post(
        "/virksomheder/ny", data=company_form(cvr="12345674", postcode="99") | {"csrf_token": token}
    )
    assert bad.status_code == 422
    assert "findes allerede" in bad.text and "Postnummeret findes ikke" in bad.text
    response = client.post(
        "/virksomheder/ny",
        data=company_form(name="Nyt Firma", cvr="11111114") | {"csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    company = db.scalar(select(Company).where(Company.cvr == "11111114"))
    assert company is not None
    assert company.jobcentre_id == personas.jobcentre.id
    assert company.consultant_id == personas.consultant.id
    event = db.scalar(select(AuditEvent).where(AuditEvent.subject_id == company.id))
    assert event is not None and event.action == "company.create"


def test_member_invites_a_colleague(
    client: TestClient, db: Session, personas: Personas, mailbox: Mailbox
) -> None:
    login(client, personas.company_user.email)
    page = client.get(f"/virksomheder/{personas.company.id}/kolleger")
    assert page.status_code == 200 and "Carl Firma" in page.text
    token = csrf(client, "/hjem")
    bad = client.post(
        f"/virksomheder/{personas.company.id}/kolleger",
        data={"email": "ikke-en-mail", "display_name": "Kollega", "csrf_token": token},
    )
    assert bad.status_code == 422 and 'value="Kollega"' in bad.text
    # An address that has an account gets the same answer as a new one (no enumeration of
    # who is a flexjobber); nothing changes, and the owner is told by e-mail.
    taken = client.post(
        f"/virksomheder/{personas.company.id}/kolleger",
        data={"email": personas.flexjobber.email, "display_name": "X", "csrf_token": token},
    )
    assert taken.status_code == 200 and "Invitationen er sendt" in taken.text
    assert "allerede" not in taken.text
    assert personas.flexjobber.role == Role.FLEXJOBBER
    assert "allerede en konto" in Mailbox.body(mailbox.last_to(personas.flexjobber.email))
    response = client.post(
        f"/virksomheder/{personas.company.id}/kolleger",
        data={"email": "kollega@testfirma.example", "display_name": "Kollega", "csrf_token": token},
    )
    assert response.status_code == 200 and "Invitationen er sendt" in response.text
    user = db.scalar(select(User).where(User.email == "kollega@testfirma.example"))
    assert user is not None and user.role == Role.COMPANY and not user.active
    member = db.scalar(
        select(func.count())
        .select_from(CompanyMember)
        .where(CompanyMember.user_id == user.id, CompanyMember.company_id == personas.company.id)
    )
    assert member == 1
    assert "/invitation/" in Mailbox.body(mailbox.last_to("kollega@testfirma.example"))


def test_company_api_has_the_page_fields(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    post_edit(client, personas.company.id)
    data = client.get(f"/api/v1/companies/{personas.company.id}").json()
    assert data["industry"] == "Kontor og administration"
    assert data["accommodations_offered"] == ["quiet_environment", "flexible_hours"]
    assert data["fleksjob_statement"].startswith("Vi har tre kolleger")


def test_company_page_lists_its_postings_by_audience(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    page = client.get(f"/virksomheder/{personas.company.id}")
    assert "Kontorassistent" in page.text and "Lagermedarbejder" not in page.text
    assert "Ret virksomhedens side" not in page.text
    assert db.scalar(select(func.count()).select_from(JobPosting)) == 3
