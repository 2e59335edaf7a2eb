"""The staff administration pages: each action as an admin, a leader limited to the teams of
their own jobcentre, and bad input re-rendering the form with Danish messages."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Jobcentre, Role, Team, User
from tests.app.staff.conftest import Teams
from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, login


def _post(client: TestClient, path: str, page: str, data: dict[str, str] | None = None):
    token = csrf(client, page)
    return client.post(path, data=(data or {}) | {"csrf_token": token}, follow_redirects=False)


def _actions(db: Session) -> list[str]:
    return list(db.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_admin_home_links_to_the_staff_administration(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.admin.email)
    assert 'href="/admin/jobcentre"' in client.get("/hjem").text


def test_leader_home_and_dashboard_link_to_teams(client: TestClient, personas: Personas) -> None:
    login(client, personas.leader.email)
    assert 'href="/admin/medarbejdere"' in client.get("/hjem").text
    assert 'href="/admin/medarbejdere"' in client.get("/tal").text
    response = client.get("/admin/medarbejdere", follow_redirects=False)
    assert response.headers["location"] == f"/admin/jobcentre/{personas.jobcentre.id}"


def test_admin_creates_and_renames_a_jobcentre(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.admin.email)
    listing = client.get("/admin/jobcentre")
    assert "Jobcenter Testrup" in listing.text and "Jobcenter Andetsted" in listing.text
    data = {"name": "Jobcenter Nyby", "kommune_code": "903"}
    created = _post(client, "/admin/jobcentre", "/admin/jobcentre", data)
    assert created.status_code == 303
    centre = db.scalar(select(Jobcentre).where(Jobcentre.kommune_code == "903"))
    assert centre is not None and created.headers["location"].startswith(
        f"/admin/jobcentre/{centre.id}"
    )
    page = f"/admin/jobcentre/{centre.id}"
    assert "Jobcentret er oprettet" in client.get(created.headers["location"]).text
    renamed = _post(client, f"{page}/navn", page, {"name": "Jobcenter Storby"})
    assert renamed.status_code == 303
    db.expire_all()
    assert db.get(Jobcentre, centre.id).name == "Jobcenter Storby"
    assert _actions(db)[-2:] == ["jobcentre.created", "jobcentre.renamed"]


def test_bad_jobcentre_input_re_renders_the_form_in_danish(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.admin.email)
    bad = _post(client, "/admin/jobcentre", "/admin/jobcentre", {"name": "", "kommune_code": "1x"})
    assert bad.status_code == 422
    assert "Kommunekoden er tre cifre" in bad.text and "Skriv et navn" in bad.text
    assert 'value="1x"' in bad.text
    taken = _post(client, "/admin/jobcentre", "/admin/jobcentre",
                  {"name": "Dublet", "kommune_code": "901"})  # fmt: skip
    assert taken.status_code == 409
    assert "Der findes allerede et jobcenter med den kommunekode" in taken.text


def test_admin_sees_staff_and_invites_a_consultant(
    client: TestClient, db: Session, personas: Personas, teams: Teams, mailbox: Mailbox
) -> None:
    login(client, personas.admin.email)
    page = f"/admin/jobcentre/{personas.jobcentre.id}"
    text = client.get(page).text
    for expected in ("Eva Konsulent", "Hanne Leder", "Team Nord", "Aktiv", "Aldrig"):
        assert expected in text
    assert personas.flexjobber.display_name not in text  # staff only
    data = {"email": "ny@test.example", "display_name": "Ny", "role": "consultant",
            "team_id": str(teams.south.id)}  # fmt: skip
    assert _post(client, f"{page}/inviter", page, data).status_code == 303
    assert mailbox.last_to("ny@test.example")
    invited = db.scalar(select(User).where(User.email == "ny@test.example"))
    assert invited is not None and invited.role == Role.CONSULTANT
    assert invited.team_id == teams.south.id and not invited.active
    assert "Inviteret" in client.get(page).text
    taken = _post(client, f"{page}/inviter", page, data | {"email": personas.consultant.email})
    assert taken.status_code == 409
    assert "Der findes allerede en bruger med den e-mail" in taken.text
    bad = _post(client, f"{page}/inviter", page, {"email": "", "role": "admin"})
    assert bad.status_code == 422
    assert "Vælg konsulent eller leder" in bad.text


def test_admin_changes_role_and_team(
    client: TestClient, db: Session, personas: Personas, teams: Teams, colleague: User
) -> None:
    login(client, personas.admin.email)
    page = f"/admin/medarbejdere/{personas.consultant.id}"
    assert "Skift rolle" in client.get(page).text
    data = {"role": "leader", "role_successor_id": str(colleague.id)}
    assert _post(client, f"{page}/rolle", page, data).status_code == 303
    assert _post(client, f"{page}/team", page, {"team_id": str(teams.south.id)}).status_code == 303
    db.expire_all()
    member = db.get(User, personas.consultant.id)
    assert member.role == Role.LEADER and member.team_id == teams.south.id
    bad = _post(client, f"{page}/team", page, {"team_id": str(teams.elsewhere.id)})
    assert bad.status_code == 422 and "Vælg et af jobcentrets teams" in bad.text
    bad_role = _post(client, f"{page}/rolle", page, {"role": "company"})
    assert bad_role.status_code == 422 and "Vælg konsulent eller leder" in bad_role.text
    assert _post(client, f"{page}/team", page, {"team_id": ""}).status_code == 303
    db.expire_all()
    assert db.get(User, personas.consultant.id).team_id is None
    assert _actions(db)[-4:] == [
        "staff.caseload_handed_over",
        "staff.role_changed",
        "staff.team_changed",
        "staff.team_changed",
    ]


def test_leader_manages_teams_in_their_own_jobcentre(
    client: TestClient, db: Session, personas: Personas, teams: Teams
) -> None:
    login(client, personas.leader.email)
    north_id, elsewhere_id = teams.north.id, teams.elsewhere.id  # read before teams go
    page = f"/admin/jobcentre/{personas.jobcentre.id}"
    text = client.get(page).text
    assert "Opret teamet" in text
    assert "Send invitation" not in text and "Gem navnet" not in text  # admins only
    assert _post(client, f"{page}/teams", page, {"team_name": "Team Øst"}).status_code == 303
    east = db.scalar(select(Team).where(Team.name == "Team Øst"))
    assert east is not None and east.jobcentre_id == personas.jobcentre.id
    clash = _post(client, f"{page}/teams", page, {"team_name": "Team Nord"})
    assert clash.status_code == 409 and "allerede et team med det navn" in clash.text
    empty = _post(client, f"{page}/teams", page, {"team_name": ""})
    assert empty.status_code == 422 and "Skriv et navn" in empty.text

    member = f"/admin/medarbejdere/{personas.consultant.id}"
    member_page = client.get(member).text
    assert "Skift team" in member_page and "Skift rolle" not in member_page
    assert "Deaktiver" not in member_page
    assert _post(client, f"{member}/team", member, {"team_id": str(east.id)}).status_code == 303

    team_page = f"/admin/teams/{teams.north.id}"
    renamed = _post(client, f"{team_page}/navn", team_page, {"team_name": "Team Nordvest"})
    assert renamed.status_code == 303
    assert _post(client, f"/admin/teams/{teams.north.id}/slet", team_page).status_code == 303
    east_id = east.id
    east_page = f"/admin/teams/{east_id}"
    refused = _post(client, f"{east_page}/slet", east_page)
    assert refused.status_code == 409 and "Teamet har medlemmer" in refused.text
    moved = _post(client, f"{east_page}/slet", east_page, {"move_members": "1"})
    assert moved.status_code == 303
    db.expire_all()
    assert db.get(Team, east_id) is None and db.get(Team, north_id) is None
    assert db.get(User, personas.consultant.id).team_id is None

    # Not accounts or roles, and nothing in another jobcentre.
    for path in (f"{member}/rolle", f"{member}/deaktiver", f"{member}/aktiver",
                 f"{page}/inviter", f"{page}/navn"):  # fmt: skip
        assert _post(client, path, page).status_code == 404, path
    other = f"/admin/jobcentre/{personas.other_jobcentre.id}"
    for path in (other, f"/admin/teams/{elsewhere_id}", f"/admin/medarbejdere/{personas.outsider.id}",
                 "/admin/jobcentre"):  # fmt: skip
        assert client.get(path).status_code == 404, path
    assert _post(client, f"{other}/teams", page, {"team_name": "X"}).status_code == 404
    outsider = f"/admin/medarbejdere/{personas.outsider.id}/team"
    assert _post(client, outsider, page, {"team_id": ""}).status_code == 404


def test_consultant_company_and_flexjobber_get_404(
    client: TestClient, personas: Personas, teams: Teams
) -> None:
    for who in (personas.consultant, personas.company_user, personas.flexjobber):
        client.cookies.clear()
        login(client, who.email)
        for path in ("/admin/jobcentre", f"/admin/jobcentre/{personas.jobcentre.id}",
                     f"/admin/teams/{teams.north.id}", f"/admin/medarbejdere/{personas.leader.id}",
                     "/admin/medarbejdere"):  # fmt: skip
            assert client.get(path).status_code == 404, (who.email, path)
        token = csrf(client, "/hjem")
        denied = client.post(
            f"/admin/medarbejdere/{personas.leader.id}/deaktiver", data={"csrf_token": token}
        )
        assert denied.status_code == 404
