"""The staff administration's JSON API: each action as an admin, a leader limited to the
teams of their own jobcentre, everyone else 404, and bad input 4xx."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, MonthlyTarget, Role, Team, User
from tests.app.staff.conftest import Teams, bearer
from tests.support.personas import Personas
from tests.support.smtp import Mailbox


def _audit(db: Session, action: str, subject_id: int) -> AuditEvent:
    event = db.scalar(
        select(AuditEvent).where(AuditEvent.action == action, AuditEvent.subject_id == subject_id)
    )
    assert event is not None, action
    return event


def test_admin_creates_lists_and_renames_a_jobcentre(
    client: TestClient, db: Session, personas: Personas
) -> None:
    auth = bearer(db, personas.admin)
    created = client.post(
        "/api/v1/admin/jobcentres", json={"name": " Jobcenter Nyby ", "kommune_code": "903"},
        headers=auth,
    )  # fmt: skip
    assert created.status_code == 201, created.text
    centre = created.json()
    assert centre["name"] == "Jobcenter Nyby" and centre["staff"] == 0
    listed = client.get("/api/v1/admin/jobcentres", headers=auth).json()["items"]
    by_code = {c["kommune_code"]: c for c in listed}
    assert by_code["901"]["staff"] == 2  # the consultant and the leader
    assert "903" in by_code
    again = client.post(
        "/api/v1/admin/jobcentres", json={"name": "Igen", "kommune_code": "903"}, headers=auth
    )
    assert again.status_code == 409
    renamed = client.patch(
        f"/api/v1/admin/jobcentres/{centre['id']}", json={"name": "Jobcenter Storby"}, headers=auth
    )
    assert renamed.json()["name"] == "Jobcenter Storby"
    event = _audit(db, "jobcentre.renamed", centre["id"])
    assert event.details == {"fields": ["name"]}  # field names only, not the new name
    assert event.actor_id == personas.admin.id


@pytest.mark.parametrize(
    "body",
    [
        {"name": "X", "kommune_code": "12"},
        {"name": "X", "kommune_code": "١٢٣"},
        {"name": "", "kommune_code": "123"},
        {"name": "X" * 201, "kommune_code": "123"},
        {"name": "X", "kommune_code": "123", "extra": 1},
    ],
)
def test_bad_jobcentre_input_is_422(
    client: TestClient, db: Session, personas: Personas, body: dict[str, object]
) -> None:
    response = client.post(
        "/api/v1/admin/jobcentres", json=body, headers=bearer(db, personas.admin)
    )
    assert response.status_code == 422


def test_admin_invites_a_leader_who_accepts(
    client: TestClient, db: Session, personas: Personas, teams: Teams, mailbox: Mailbox
) -> None:
    auth = bearer(db, personas.admin)
    url = f"/api/v1/admin/jobcentres/{personas.jobcentre.id}/staff"
    body = {"email": "Ny.Leder@Test.example", "display_name": "Ny Leder", "role": "leader"}
    response = client.post(url, json=body | {"team_id": teams.south.id}, headers=auth)
    assert response.status_code == 201, response.text
    out = response.json()
    assert out["role"] == "leader" and out["status"] == "invited" and not out["active"]
    assert out["team_id"] == teams.south.id and out["jobcentre_id"] == personas.jobcentre.id
    assert "/invitation/" in Mailbox.body(mailbox.last_to("ny.leder@test.example"))
    # An admin is told plainly that the address is taken.
    taken = client.post(url, json=body | {"email": personas.flexjobber.email}, headers=auth)
    assert taken.status_code == 409
    # A team of another jobcentre, and any role but consultant or leader, are refused.
    other = body | {"email": "x@test.example", "team_id": teams.elsewhere.id}
    assert client.post(url, json=other, headers=auth).status_code == 422
    for role in ("admin", "flexjobber", "company"):
        wrong = body | {"email": f"{role}@test.example", "role": role}
        assert client.post(url, json=wrong, headers=auth).status_code == 422
    listed = client.get(url, headers=auth).json()["items"]
    assert {m["email"] for m in listed} == {
        personas.consultant.email,
        personas.leader.email,
        "ny.leder@test.example",
    }
    event = _audit(db, "staff.invited", out["id"])
    assert "Ny Leder" not in str(event.details) and "ny.leder" not in str(event.details)


def test_admin_changes_role_only_between_consultant_and_leader(
    client: TestClient, db: Session, personas: Personas, colleague: User
) -> None:
    auth = bearer(db, personas.admin)
    url = f"/api/v1/admin/staff/{personas.consultant.id}/role"
    body = {"role": "leader", "successor_id": colleague.id}  # who takes over the caseload
    response = client.put(url, json=body, headers=auth)
    assert response.status_code == 200 and response.json()["role"] == "leader"
    db.expire_all()
    assert db.get(User, personas.consultant.id).role == Role.LEADER
    assert _audit(db, "staff.role_changed", personas.consultant.id).details == {"fields": ["role"]}
    for role in ("admin", "flexjobber", "company", ""):
        assert client.put(url, json={"role": role}, headers=auth).status_code == 422
    # A flexjobber's or company user's account is not a staff account: not found here.
    for other in (personas.flexjobber, personas.company_user):
        path = f"/api/v1/admin/staff/{other.id}/role"
        assert client.put(path, json={"role": "leader"}, headers=auth).status_code == 404
    # The admin's own account is found, and refused with a reason.
    own = client.put(
        f"/api/v1/admin/staff/{personas.admin.id}/role", json={"role": "leader"}, headers=auth
    )
    assert own.status_code == 409


def test_teams_as_admin_create_rename_move_and_delete(
    client: TestClient, db: Session, personas: Personas, teams: Teams
) -> None:
    auth = bearer(db, personas.admin)
    base = f"/api/v1/admin/jobcentres/{personas.jobcentre.id}/teams"
    created = client.post(base, json={"name": "Team Øst"}, headers=auth)
    assert created.status_code == 201 and created.json()["members"] == 0
    east = created.json()["id"]
    assert client.post(base, json={"name": "Team Nord"}, headers=auth).status_code == 409
    renamed = client.patch(f"/api/v1/admin/teams/{east}", json={"name": "Team Vest"}, headers=auth)
    assert renamed.json()["name"] == "Team Vest"
    clash = client.patch(f"/api/v1/admin/teams/{east}", json={"name": "Team Syd"}, headers=auth)
    assert clash.status_code == 409
    moved = client.put(
        f"/api/v1/admin/staff/{personas.consultant.id}/team", json={"team_id": east}, headers=auth
    )
    assert moved.status_code == 200 and moved.json()["team_id"] == east
    event = _audit(db, "staff.team_changed", personas.consultant.id)
    assert event.details == {
        "fields": ["team_id"],
        "from_team_id": teams.north.id,
        "to_team_id": east,
    }
    # Another jobcentre's team is not one the consultant can be in.
    away = {"team_id": teams.elsewhere.id}
    path = f"/api/v1/admin/staff/{personas.consultant.id}/team"
    assert client.put(path, json=away, headers=auth).status_code == 422
    # A team with members is deleted only if they are moved to "no team".
    month = date(2026, 12, 1)
    target = MonthlyTarget(
        jobcentre_id=personas.jobcentre.id, team_id=east, month=month, metric="hires", target=3
    )
    db.add(target)
    db.flush()
    assert client.delete(f"/api/v1/admin/teams/{east}", headers=auth).status_code == 409
    gone = client.delete(f"/api/v1/admin/teams/{east}?move_members=true", headers=auth)
    assert gone.status_code == 204
    db.expire_all()
    assert db.get(Team, east) is None
    assert db.get(User, personas.consultant.id).team_id is None
    assert db.scalar(select(MonthlyTarget).where(MonthlyTarget.team_id == east)) is None
    deleted = _audit(db, "team.deleted", east)
    assert deleted.details["moved_member_ids"] == [personas.consultant.id]


def test_leader_manages_teams_of_their_own_jobcentre_only(
    client: TestClient, db: Session, personas: Personas, teams: Teams
) -> None:
    auth = bearer(db, personas.leader)
    own = f"/api/v1/admin/jobcentres/{personas.jobcentre.id}"
    other = f"/api/v1/admin/jobcentres/{personas.other_jobcentre.id}"
    assert client.get(f"{own}/teams", headers=auth).status_code == 200
    assert client.get(f"{own}/staff", headers=auth).status_code == 200
    created = client.post(f"{own}/teams", json={"name": "Team Leder"}, headers=auth)
    assert created.status_code == 201
    moved = client.put(
        f"/api/v1/admin/staff/{personas.consultant.id}/team",
        json={"team_id": teams.south.id},
        headers=auth,
    )
    assert moved.status_code == 200
    assert client.patch(f"/api/v1/admin/teams/{teams.south.id}", json={"name": "S"},
                        headers=auth).status_code == 200  # fmt: skip
    # Not the other jobcentre, its team or its consultant.
    assert client.get(f"{other}/teams", headers=auth).status_code == 404
    assert client.post(f"{other}/teams", json={"name": "T"}, headers=auth).status_code == 404
    for method, path, body in [
        ("PATCH", f"/api/v1/admin/teams/{teams.elsewhere.id}", {"name": "T"}),
        ("DELETE", f"/api/v1/admin/teams/{teams.elsewhere.id}", None),
        ("PUT", f"/api/v1/admin/staff/{personas.outsider.id}/team", {"team_id": None}),
        # ... and not accounts or roles, not even in their own jobcentre.
        ("GET", "/api/v1/admin/jobcentres", None),
        ("PATCH", own, {"name": "Nyt navn"}),
        ("POST", f"{own}/staff", {"email": "a@test.example", "display_name": "A", "role": "consultant"}),
        ("PUT", f"/api/v1/admin/staff/{personas.consultant.id}/role", {"role": "leader"}),
        ("POST", f"/api/v1/admin/staff/{personas.consultant.id}/deactivate", None),
        ("POST", f"/api/v1/admin/staff/{personas.consultant.id}/reactivate", None),
    ]:  # fmt: skip
        response = client.request(method, path, json=body, headers=auth)
        assert response.status_code == 404, (method, path, response.status_code)


@pytest.mark.parametrize("persona", ["consultant", "outsider", "company_user", "flexjobber"])
def test_everyone_else_is_told_nothing_exists(
    client: TestClient, db: Session, personas: Personas, teams: Teams, persona: str
) -> None:
    auth = bearer(db, personas.all_users()[persona])
    centre = f"/api/v1/admin/jobcentres/{personas.jobcentre.id}"
    for method, path, body in [
        ("GET", "/api/v1/admin/jobcentres", None),
        ("GET", f"{centre}/staff", None),
        ("GET", f"{centre}/teams", None),
        ("POST", f"{centre}/teams", {"name": "T"}),
        ("PATCH", f"/api/v1/admin/teams/{teams.north.id}", {"name": "T"}),
        ("DELETE", f"/api/v1/admin/teams/{teams.south.id}", None),
        ("GET", f"/api/v1/admin/staff/{personas.consultant.id}", None),
        ("PUT", f"/api/v1/admin/staff/{personas.consultant.id}/team", {"team_id": None}),
        ("POST", f"/api/v1/admin/staff/{personas.leader.id}/deactivate", None),
    ]:
        response = client.request(method, path, json=body, headers=auth)
        assert response.status_code == 404, (method, path, response.status_code)
        assert response.json()["error"]["code"] == "not_found"
    db.expire_all()
    assert db.get(User, personas.leader.id).active


def test_openapi_documents_the_admin_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/admin/jobcentres/{jobcentre_id}/staff" in paths
    assert "/api/v1/admin/staff/{user_id}/deactivate" in paths
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"StaffInvite", "StaffOut", "TeamMove", "RoleChange", "JobcentreIn"} <= set(schemas)
