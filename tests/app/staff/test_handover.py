"""Caseload hand-over: deactivating a consultant, or making one a leader, moves the people and
companies they follow to an active consultant of the same jobcentre in the same change; bad
successors are refused with the form shown again and nothing changed; only admins may do it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Role, User
from tests.app.staff.conftest import add_staff, bearer, followed_by, post_form
from tests.support.people import add_flexjobber
from tests.support.personas import Personas
from tests.support.web import login


@pytest.fixture
def caseloads(db: Session, personas: Personas, colleague: User) -> Personas:
    """The consultant follows both persona profiles and the first company; the colleague
    already follows the second company and a profile of their own."""
    personas.company.consultant_id = personas.consultant.id
    personas.company2.consultant_id = colleague.id
    add_flexjobber(
        db,
        jobcentre_id=personas.jobcentre.id,
        email="idas@test.example",
        name="Ida's Borger",
        pseudonym="Kandidat C-303",
        consultant_id=colleague.id,
    )
    db.flush()
    return personas


def test_member_page_shows_the_caseload_and_who_can_take_it_over(
    client: TestClient, db: Session, caseloads: Personas, colleague: User
) -> None:
    p = caseloads
    add_staff(db, p.jobcentre, "gone@test.example", "Deaktiveret Dorit", status="deactivated")
    add_staff(db, p.jobcentre, "new@test.example", "Inviteret Ib", status="invited")
    add_staff(db, p.jobcentre, "boss@test.example", "Leder Lis", Role.LEADER)
    login(client, p.admin.email)
    page = client.get(f"/admin/medarbejdere/{p.consultant.id}").text
    assert "<dt>Borgere</dt><dd>2</dd>" in page and "<dt>Virksomheder</dt><dd>1</dd>" in page
    assert f'<option value="{colleague.id}">Ida Kollega</option>' in page
    # Not the person, nor anyone inactive, a leader, or another jobcentre's consultant.
    for name in ("Deaktiveret Dorit", "Inviteret Ib", "Leder Lis", p.outsider.display_name):
        assert name not in page
    assert f'<option value="{p.consultant.id}">' not in page


def test_deactivation_hands_over_exactly_that_caseload(
    client: TestClient, db: Session, caseloads: Personas, colleague: User
) -> None:
    p = caseloads
    before_colleague = followed_by(db, colleague)
    login(client, p.admin.email)
    page = f"/admin/medarbejdere/{p.consultant.id}"
    done = post_form(client, f"{page}/deaktiver", {"successor_id": str(colleague.id)})
    assert done.status_code == 303
    assert "borgerne og virksomhederne er overdraget" in client.get(done.headers["location"]).text
    assert followed_by(db, p.consultant) == (set(), set())
    profiles, companies = followed_by(db, colleague)
    assert profiles == before_colleague[0] | {p.profile.id, p.profile2.id}
    assert companies == {p.company.id, p.company2.id}
    assert db.get(User, p.consultant.id).deactivated_at is not None
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "staff.caseload_handed_over"))
    assert event is not None and event.subject_id == p.consultant.id
    assert event.actor_id == p.admin.id
    assert event.details == {
        "to_user_id": colleague.id,
        "profile_ids": sorted([p.profile.id, p.profile2.id]),
        "company_ids": [p.company.id],
    }


def test_making_a_consultant_a_leader_hands_over_their_caseload(
    client: TestClient, db: Session, caseloads: Personas, colleague: User
) -> None:
    p = caseloads
    auth = bearer(db, p.admin)
    url = f"/api/v1/admin/staff/{p.consultant.id}/role"
    refused = client.put(url, json={"role": "leader"}, headers=auth)
    assert refused.status_code == 422
    assert "successor_id" in refused.json()["error"]["fields"]
    db.expire_all()
    assert db.get(User, p.consultant.id).role == Role.CONSULTANT
    body = {"role": "leader", "successor_id": colleague.id}
    assert client.put(url, json=body, headers=auth).status_code == 200
    assert followed_by(db, p.consultant) == (set(), set())
    assert {p.profile.id, p.profile2.id} <= followed_by(db, colleague)[0]
    assert db.get(User, p.consultant.id).role == Role.LEADER
    # Back to consultant: nothing to hand over, nobody asked.
    assert client.put(url, json={"role": "consultant"}, headers=auth).status_code == 200


def test_someone_who_follows_nobody_is_deactivated_without_a_successor(
    client: TestClient, db: Session, personas: Personas, colleague: User
) -> None:
    login(client, personas.admin.email)
    page = client.get(f"/admin/medarbejdere/{colleague.id}").text
    assert "successor_id" not in page and "Deaktiver kontoen" in page
    done = post_form(client, f"/admin/medarbejdere/{colleague.id}/deaktiver", {})
    assert done.status_code == 303 and done.headers["location"].endswith("udfoert=deaktiveret")
    db.expire_all()
    assert db.get(User, colleague.id).deactivated_at is not None


BAD = ["missing", "themselves", "other_jobcentre", "deactivated", "invited", "leader", "unknown"]


def _bad_successor(db: Session, p: Personas, case: str) -> str:
    if case == "missing":
        return ""
    if case == "themselves":
        return str(p.consultant.id)
    if case == "other_jobcentre":
        return str(p.outsider.id)
    if case == "leader":
        return str(p.leader.id)
    if case == "unknown":
        return "999999"
    return str(add_staff(db, p.jobcentre, f"{case}@test.example", case.title(), status=case).id)


@pytest.mark.parametrize("case", BAD)
def test_a_bad_successor_re_renders_the_form_and_changes_nothing(
    client: TestClient, db: Session, caseloads: Personas, case: str
) -> None:
    p = caseloads
    successor = _bad_successor(db, p, case)
    login(client, p.admin.email)
    page = f"/admin/medarbejdere/{p.consultant.id}"
    deactivate = post_form(client, f"{page}/deaktiver", {"successor_id": successor})
    assert deactivate.status_code == 422
    assert "Deaktiver kontoen" in deactivate.text and 'aria-invalid="true"' in deactivate.text
    expected = {
        "missing": "Vælg den konsulent, der overtager",
        "themselves": "Personen kan ikke selv overtage",
    }.get(case, "Vælg en aktiv konsulent fra samme jobcenter")
    assert expected in deactivate.text
    role = post_form(client, f"{page}/rolle", {"role": "leader", "role_successor_id": successor})
    assert role.status_code == 422 and expected in role.text
    api = client.post(
        f"/api/v1/admin/staff/{p.consultant.id}/deactivate",
        json={"successor_id": int(successor)} if successor else {},
        headers=bearer(db, p.admin),
    )
    assert api.status_code == 422
    db.expire_all()
    account = db.get(User, p.consultant.id)
    assert account.deactivated_at is None and account.active and account.role == Role.CONSULTANT
    assert followed_by(db, p.consultant) == ({p.profile.id, p.profile2.id}, {p.company.id})
    staff_events = select(AuditEvent).where(
        AuditEvent.subject_type == "user",
        AuditEvent.subject_id == p.consultant.id,
        AuditEvent.action.startswith("staff."),
    )
    assert db.scalar(staff_events) is None


def test_a_malformed_successor_is_422_not_500(
    client: TestClient, db: Session, caseloads: Personas
) -> None:
    login(client, caseloads.admin.email)
    page = f"/admin/medarbejdere/{caseloads.consultant.id}"
    for value in ("abc", "-1", "9" * 40):
        response = post_form(client, f"{page}/deaktiver", {"successor_id": value})
        assert response.status_code == 422
        assert "Vælg en aktiv konsulent fra samme jobcenter" in response.text


@pytest.mark.parametrize("who", ["leader", "consultant", "outsider", "flexjobber", "company_user"])
def test_only_an_admin_posts_the_hand_over(
    client: TestClient, db: Session, caseloads: Personas, colleague: User, who: str
) -> None:
    p = caseloads
    user = p.all_users()[who]
    login(client, user.email)
    page = f"/admin/medarbejdere/{p.consultant.id}"
    data = {"successor_id": str(colleague.id)}
    assert post_form(client, f"{page}/deaktiver", data).status_code == 404
    role = {"role": "leader", "role_successor_id": str(colleague.id)}
    assert post_form(client, f"{page}/rolle", role).status_code == 404
    api = client.post(
        f"/api/v1/admin/staff/{p.consultant.id}/deactivate",
        json={"successor_id": colleague.id},
        headers=bearer(db, user),
    )
    assert api.status_code == 404
    assert followed_by(db, p.consultant) == ({p.profile.id, p.profile2.id}, {p.company.id})
    assert db.get(User, p.consultant.id).deactivated_at is None


def test_a_caseload_left_on_a_deactivated_account_can_still_be_handed_over(
    client: TestClient, db: Session, caseloads: Personas, colleague: User
) -> None:
    """Accounts deactivated before hand-overs existed: the page offers it afterwards."""
    p = caseloads
    gone = add_staff(db, p.jobcentre, "old@test.example", "Gammel Konsulent", status="deactivated")
    p.profile.consultant_id = gone.id
    db.flush()
    login(client, p.admin.email)
    page = f"/admin/medarbejdere/{gone.id}"
    shown = client.get(page).text
    assert "Overdrag borgere og virksomheder" in shown and "<dt>Borgere</dt><dd>1</dd>" in shown
    # The hand-over form sent without a choice: asked again, nothing changed.
    unchosen = post_form(client, f"{page}/deaktiver", {})
    assert unchosen.status_code == 422 and "Vælg den konsulent, der overtager" in unchosen.text
    assert "overdrage senere" not in unchosen.text  # no "later" for an account closed already
    assert followed_by(db, gone) == ({p.profile.id}, set())
    done = post_form(client, f"{page}/deaktiver", {"successor_id": str(colleague.id)})
    assert done.status_code == 303 and done.headers["location"].endswith("udfoert=overdraget")
    assert followed_by(db, gone) == (set(), set())
    assert p.profile.id in followed_by(db, colleague)[0]
    assert "Overdrag borgere" not in client.get(page).text
