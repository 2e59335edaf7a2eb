"""Deactivating is never held up by a caseload: "Deaktivér nu og overdrag senere" closes the
account at once even in a jobcentre with no other active consultant, leaves the people and
companies on it (audited), and the account's page then says how many wait and offers the
hand-over. Without a successor and without that choice the form is refused (422) and nothing
changes. The API takes the same ``hand_over_later``; a role change still needs a successor."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Role, User
from tests.app.staff.conftest import add_staff, bearer, followed_by, post_form
from tests.support.personas import Personas
from tests.support.web import login

CHECKBOX = "Deaktivér nu og overdrag senere"
WHO_OR_LATER = "eller vælg at deaktivere nu og overdrage senere"


def _events(db: Session, user: User) -> list[tuple[str, dict | None]]:
    return [
        (event.action, event.details)
        for event in db.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject_type == "user", AuditEvent.subject_id == user.id)
            .where(AuditEvent.action.startswith("staff."))
            .order_by(AuditEvent.id)
        )
    ]


def _caseload(db: Session, p: Personas) -> tuple[set[int], set[int]]:
    """The consultant follows both persona profiles and the first company."""
    p.company.consultant_id = p.consultant.id
    db.flush()
    return {p.profile.id, p.profile2.id}, {p.company.id}


def test_the_only_consultant_is_deactivated_at_once_and_the_caseload_waits(
    app: FastAPI, client: TestClient, db: Session, personas: Personas
) -> None:
    p = personas
    caseload = _caseload(db, p)
    token = bearer(db, p.consultant)
    login(client, p.admin.email)
    page = f"/admin/medarbejdere/{p.consultant.id}"
    shown = client.get(page).text
    assert "Ingen at vælge" in shown and CHECKBOX in shown  # nobody could take over
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as them:
        assert login(them, p.consultant.email).status_code == 303
        done = post_form(client, f"{page}/deaktiver", {"hand_over_later": "1"})
        assert done.status_code == 303
        assert done.headers["location"].endswith("udfoert=deaktiveret-venter")
        # Closed at once: the open session, the API token and the password stop working.
        assert them.get("/hjem", follow_redirects=False).status_code == 303
        assert them.get("/api/v1/me", headers=token).status_code == 401
        them.cookies.clear()
        assert login(them, p.consultant.email).status_code == 422
    db.expire_all()
    account = db.get(User, p.consultant.id)
    assert account.deactivated_at is not None and not account.active
    assert followed_by(db, p.consultant) == caseload  # nobody was given them
    assert _events(db, p.consultant) == [
        ("staff.deactivated", {"fields": ["active"]}),
        (
            "staff.hand_over_postponed",
            {"profile_ids": sorted(caseload[0]), "company_ids": sorted(caseload[1])},
        ),
    ]
    after = client.get(done.headers["location"]).text
    assert "Borgerne og virksomhederne venter på en ny konsulent" in after
    assert "2 borgere og 1 virksomhed har stadig den deaktiverede konto som konsulent" in after
    assert "Overdrag borgere og virksomheder" in after and CHECKBOX not in after

    # A consultant joins later; the page hands the caseload over and the notice goes.
    colleague = add_staff(db, p.jobcentre, "ny@test.example", "Nanna Ny")
    assert f'<option value="{colleague.id}">Nanna Ny</option>' in client.get(page).text
    handed = post_form(client, f"{page}/deaktiver", {"successor_id": str(colleague.id)})
    assert handed.status_code == 303 and handed.headers["location"].endswith("udfoert=overdraget")
    assert followed_by(db, colleague) == caseload
    assert followed_by(db, p.consultant) == (set(), set())
    assert "venter på en ny konsulent" not in client.get(page).text
    assert [action for action, _ in _events(db, p.consultant)][-1] == "staff.caseload_handed_over"


def test_neither_a_successor_nor_later_is_refused_and_nothing_changes(
    client: TestClient, db: Session, personas: Personas, colleague: User
) -> None:
    p = personas
    caseload = _caseload(db, p)
    login(client, p.admin.email)
    page = f"/admin/medarbejdere/{p.consultant.id}"
    for data in ({}, {"successor_id": ""}, {"hand_over_later": ""}):
        refused = post_form(client, f"{page}/deaktiver", data)
        assert refused.status_code == 422
        assert WHO_OR_LATER in refused.text and CHECKBOX in refused.text
        assert 'id="successor_id"' in refused.text and 'aria-invalid="true"' in refused.text
    malformed = post_form(client, f"{page}/deaktiver", {"hand_over_later": "kanske"})
    assert malformed.status_code == 422 and "overdrages senere" in malformed.text
    # A bad successor is refused even with "later" ticked: the admin meant someone.
    bad = post_form(client, f"{page}/deaktiver", {"successor_id": "999999", "hand_over_later": "1"})
    assert bad.status_code == 422 and "Vælg en aktiv konsulent fra samme jobcenter" in bad.text
    assert 'name="hand_over_later" value="1" aria-describedby="hand_over_later-hint" checked' in (
        bad.text
    )  # what was sent is shown again
    db.expire_all()
    assert db.get(User, p.consultant.id).deactivated_at is None
    assert followed_by(db, p.consultant) == caseload
    assert _events(db, p.consultant) == []


def test_the_api_takes_hand_over_later_too(
    client: TestClient, db: Session, personas: Personas, colleague: User
) -> None:
    p = personas
    caseload = _caseload(db, p)
    auth = bearer(db, p.admin)
    url = f"/api/v1/admin/staff/{p.consultant.id}/deactivate"
    refused = client.post(url, json={}, headers=auth)
    assert refused.status_code == 422
    assert WHO_OR_LATER in refused.json()["error"]["fields"]["successor_id"]
    assert client.post(url, json={"hand_over_later": "maybe"}, headers=auth).status_code == 422
    assert _events(db, p.consultant) == []

    done = client.post(url, json={"hand_over_later": True}, headers=auth)
    assert done.status_code == 200 and done.json()["status"] == "deactivated"
    assert followed_by(db, p.consultant) == caseload
    # The API says what waits: on the account, and in the jobcentre's list.
    waiting = {"profiles": len(caseload[0]), "companies": len(caseload[1])}
    assert done.json()["caseload"] == waiting
    listed = client.get(f"/api/v1/admin/jobcentres/{p.jobcentre.id}/staff", headers=auth).json()
    by_id = {item["id"]: item["caseload"] for item in listed["items"]}
    assert by_id[p.consultant.id] == waiting
    assert by_id[colleague.id] == {"profiles": 0, "companies": 0}
    events = _events(db, p.consultant)
    assert [action for action, _ in events] == ["staff.deactivated", "staff.hand_over_postponed"]
    # Again: nothing changes with "later", and without it the waiting caseload is named.
    assert client.post(url, json={"hand_over_later": True}, headers=auth).status_code == 200
    again = client.post(url, json={}, headers=auth)
    assert again.status_code == 422 and "successor_id" in again.json()["error"]["fields"]
    assert _events(db, p.consultant) == events
    handed = client.post(url, json={"successor_id": colleague.id}, headers=auth)
    assert handed.status_code == 200
    assert followed_by(db, colleague) == caseload
    assert handed.json()["caseload"] == {"profiles": 0, "companies": 0}
    taken = client.get(f"/api/v1/admin/staff/{colleague.id}", headers=auth).json()
    assert taken["caseload"] == waiting


def test_a_successor_given_with_later_takes_over_at_once(
    client: TestClient, db: Session, personas: Personas, colleague: User
) -> None:
    p = personas
    caseload = _caseload(db, p)
    body = {"successor_id": colleague.id, "hand_over_later": True}
    url = f"/api/v1/admin/staff/{p.consultant.id}/deactivate"
    assert client.post(url, json=body, headers=bearer(db, p.admin)).status_code == 200
    assert followed_by(db, colleague) == caseload
    actions = [action for action, _ in _events(db, p.consultant)]
    assert actions == ["staff.caseload_handed_over", "staff.deactivated"]


def test_becoming_a_leader_still_needs_a_successor(
    client: TestClient, db: Session, personas: Personas
) -> None:
    p = personas
    caseload = _caseload(db, p)
    url = f"/api/v1/admin/staff/{p.consultant.id}/role"
    auth = bearer(db, p.admin)
    later = client.put(url, json={"role": "leader", "hand_over_later": True}, headers=auth)
    assert later.status_code == 422  # not a field of a role change
    login(client, p.admin.email)
    page = f"/admin/medarbejdere/{p.consultant.id}"
    refused = post_form(client, f"{page}/rolle", {"role": "leader", "hand_over_later": "1"})
    assert refused.status_code == 422 and "Vælg den konsulent, der overtager" in refused.text
    db.expire_all()
    assert db.get(User, p.consultant.id).role == Role.CONSULTANT
    assert followed_by(db, p.consultant) == caseload


def test_only_an_admin_deactivates_with_hand_over_later(
    client: TestClient, db: Session, personas: Personas
) -> None:
    p = personas
    caseload = _caseload(db, p)
    for who in (p.leader, p.outsider, p.flexjobber, p.company_user):
        client.cookies.clear()
        login(client, who.email)
        page = f"/admin/medarbejdere/{p.consultant.id}"
        assert post_form(client, f"{page}/deaktiver", {"hand_over_later": "1"}).status_code == 404
        api = client.post(
            f"/api/v1/admin/staff/{p.consultant.id}/deactivate",
            json={"hand_over_later": True},
            headers=bearer(db, who),
        )
        assert api.status_code == 404
    db.expire_all()
    assert db.get(User, p.consultant.id).deactivated_at is None
    assert followed_by(db, p.consultant) == caseload
