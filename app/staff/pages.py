"""Staff administration pages: jobcentres (admins) and their teams (admins, and a jobcentre's
own leader). The accounts themselves are in ``app.staff.member_pages``."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.kit.i18n import N_
from app.models import Jobcentre, Team, User
from app.staff import policy, service
from app.staff.access import AdminCentre, ManagedTeam, TeamsCentre
from app.staff.forms import StaffForm, parse, submit
from app.staff.schemas import JobcentreIn, JobcentreRename, StaffInvite, TeamDelete, TeamIn
from app.web.deps import MailerDep, SessionDep, SettingsDep
from app.web.guards import StaffAdminUser, TeamManagerUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

DONE = {
    "oprettet": N_("Jobcentret er oprettet."),
    "navn": N_("Navnet er gemt."),
    "team": N_("Teamet er oprettet."),
    "team-navn": N_("Teamets navn er gemt."),
    "team-slettet": N_("Teamet er slettet."),
    "inviteret": N_("Invitationen er sendt."),
}
TEAM_FIELDS = {"name": "team_name"}  # the create-team input beside the rename input


def done_messages(request: Request) -> list[tuple[str, str]]:
    key = request.query_params.get("udfoert", "")
    return [("success", DONE[key])] if key in DONE else []


def _list(
    request: Request, db: Session, errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    ctx = {
        "centres": service.list_jobcentres(db),
        "errors": errors or {},
        "values": values or {},
        "messages": done_messages(request),
    }
    return render(request, "staff/jobcentres.html", ctx, status_code=status)


@router.get("/admin/jobcentre")
def jobcentres(request: Request, db: SessionDep, user: StaffAdminUser) -> Response:
    return _list(request, db)


@router.post("/admin/jobcentre")
def create_jobcentre(
    request: Request, db: SessionDep, user: StaffAdminUser, form: StaffForm
) -> Response:
    return submit(
        lambda: service.create_jobcentre(db, user, parse(JobcentreIn, form)),
        lambda errors, status: _list(request, db, errors, form, status=status),
        lambda centre: f"/admin/jobcentre/{centre.id}?udfoert=oprettet",
    )


def centre_page(
    request: Request, db: Session, user: User, centre: Jobcentre,
    errors: dict[str, str] | None = None, values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:  # fmt: skip
    teams = service.teams_of(db, centre.id)
    names = {team.id: team.name for team, _count in teams}
    staff = [(m, service.status_of(m), names.get(m.team_id or 0, "")) for m in
             service.staff_of(db, centre.id)]  # fmt: skip
    ctx: dict[str, Any] = {
        "centre": centre,
        "is_admin": policy.may_administer(user),
        "teams": teams,
        "team_options": [(team.id, team.name) for team, _count in teams],
        "staff": staff,
        "errors": errors or {},
        "values": values or {"name": centre.name},
        "messages": done_messages(request),
    }
    return render(request, "staff/jobcentre.html", ctx, status_code=status)


@router.get("/admin/jobcentre/{jobcentre_id}")
def jobcentre(
    request: Request, db: SessionDep, user: TeamManagerUser, centre: TeamsCentre
) -> Response:
    return centre_page(request, db, user, centre)


@router.post("/admin/jobcentre/{jobcentre_id}/navn")
def rename_jobcentre(
    request: Request, db: SessionDep, user: StaffAdminUser, centre: AdminCentre, form: StaffForm
) -> Response:
    return submit(
        lambda: service.rename_jobcentre(db, user, centre, parse(JobcentreRename, form)),
        lambda errors, status: centre_page(request, db, user, centre, errors, form, status=status),
        f"/admin/jobcentre/{centre.id}?udfoert=navn",
    )


@router.post("/admin/jobcentre/{jobcentre_id}/teams")
def create_team(
    request: Request, db: SessionDep, user: TeamManagerUser, centre: TeamsCentre, form: StaffForm
) -> Response:
    values = form | {"name": centre.name}
    return submit(
        lambda: service.create_team(db, user, centre, parse(TeamIn, form, TEAM_FIELDS)),
        lambda errors, status: centre_page(request, db, user, centre, errors, values, status),
        f"/admin/jobcentre/{centre.id}?udfoert=team#teams",
        TEAM_FIELDS,
    )


@router.post("/admin/jobcentre/{jobcentre_id}/inviter")
def invite(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    user: StaffAdminUser,
    centre: AdminCentre,
    form: StaffForm,
) -> Response:
    values = form | {"name": centre.name}
    return submit(
        lambda: service.invite_staff(db, settings, mailer, user, centre, parse(StaffInvite, form)),
        lambda errors, status: centre_page(request, db, user, centre, errors, values, status),
        f"/admin/jobcentre/{centre.id}?udfoert=inviteret",
    )


def _team_page(
    request: Request, db: Session, team: Team, errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    centre = db.get(Jobcentre, team.jobcentre_id)
    members = [m for m in service.staff_of(db, team.jobcentre_id) if m.team_id == team.id]
    ctx = {
        "team": team,
        "centre": centre,
        "members": members,
        "errors": errors or {},
        "values": values or {"team_name": team.name},
        "messages": done_messages(request),
    }
    return render(request, "staff/team.html", ctx, status_code=status)


@router.get("/admin/teams/{team_id}")
def team_page(
    request: Request, db: SessionDep, user: TeamManagerUser, team: ManagedTeam
) -> Response:
    return _team_page(request, db, team)


@router.post("/admin/teams/{team_id}/navn")
def rename_team(
    request: Request, db: SessionDep, user: TeamManagerUser, team: ManagedTeam, form: StaffForm
) -> Response:
    return submit(
        lambda: service.rename_team(db, user, team, parse(TeamIn, form, TEAM_FIELDS)),
        lambda errors, status: _team_page(request, db, team, errors, form, status),
        f"/admin/teams/{team.id}?udfoert=team-navn",
        TEAM_FIELDS,
    )


@router.post("/admin/teams/{team_id}/slet")
def delete_team(
    request: Request, db: SessionDep, user: TeamManagerUser, team: ManagedTeam, form: StaffForm
) -> Response:
    values = form | {"team_name": team.name}
    return submit(
        lambda: service.delete_team(db, user, team, parse(TeamDelete, form)),
        lambda errors, status: _team_page(request, db, team, errors, values, status),
        f"/admin/jobcentre/{team.jobcentre_id}?udfoert=team-slettet#teams",
    )
