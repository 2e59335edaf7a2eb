"""JSON routes for the staff administration: the same service functions and rules as the pages
(admins manage jobcentres and accounts; a leader the teams of their own jobcentre; anyone else
gets 404)."""

from __future__ import annotations

from typing import Any

from fastapi import Response
from sqlalchemy.orm import Session

from app.models import Team, User
from app.staff import service
from app.staff.access import AdminCentre, ManagedTeam, StaffAccount, TeamMember, TeamsCentre
from app.staff.schemas import (
    CaseloadOut,
    Deactivation,
    JobcentreIn,
    JobcentreList,
    JobcentreOut,
    JobcentreRename,
    RoleChange,
    StaffInvite,
    StaffList,
    StaffOut,
    TeamDelete,
    TeamIn,
    TeamList,
    TeamMove,
    TeamOut,
)
from app.web.deps import MailerDep, SessionDep, SettingsDep
from app.web.guards import StaffAdminUser, TeamManagerUser
from app.web.routers import api_router

router = api_router("staff administration")
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not an admin (or not this jobcentre's leader), or no such id"}
}


def _staff(member: User, caseload: service.Caseload) -> StaffOut:
    assert member.jobcentre_id is not None
    return StaffOut(
        id=member.id,
        email=member.email,
        display_name=member.display_name,
        role=member.role.value,  # a staff account (policy)
        jobcentre_id=member.jobcentre_id,
        team_id=member.team_id,
        active=member.active,
        status=service.status_of(member),
        last_login_at=member.last_login_at,
        caseload=CaseloadOut(profiles=caseload.profiles, companies=caseload.companies),
    )


def _one(db: Session, member: User) -> StaffOut:
    return _staff(member, service.caseload_of(db, member))


def _team(db: Session, team: Team) -> TeamOut:
    counts = dict((t.id, n) for t, n in service.teams_of(db, team.jobcentre_id))
    return TeamOut(
        id=team.id, jobcentre_id=team.jobcentre_id, name=team.name, members=counts.get(team.id, 0)
    )


@router.get("/admin/jobcentres", response_model=JobcentreList, responses=NOT_FOUND)
def list_jobcentres(db: SessionDep, user: StaffAdminUser) -> JobcentreList:
    """Every jobcentre with its number of consultant and leader accounts (admins)."""
    items = [
        JobcentreOut(id=c.id, name=c.name, kommune_code=c.kommune_code, staff=n)
        for c, n in service.list_jobcentres(db)
    ]
    return JobcentreList(items=items)


@router.post("/admin/jobcentres", response_model=JobcentreOut, status_code=201, responses=NOT_FOUND)
def create_jobcentre(db: SessionDep, user: StaffAdminUser, body: JobcentreIn) -> JobcentreOut:
    """A new jobcentre; 409 if one has the kommune code already."""
    centre = service.create_jobcentre(db, user, body)
    return JobcentreOut(id=centre.id, name=centre.name, kommune_code=centre.kommune_code, staff=0)


@router.patch("/admin/jobcentres/{jobcentre_id}", response_model=JobcentreOut, responses=NOT_FOUND)
def rename_jobcentre(
    db: SessionDep, user: StaffAdminUser, centre: AdminCentre, body: JobcentreRename
) -> JobcentreOut:
    service.rename_jobcentre(db, user, centre, body)
    staff = len(service.staff_of(db, centre.id))
    return JobcentreOut(
        id=centre.id, name=centre.name, kommune_code=centre.kommune_code, staff=staff
    )


@router.get("/admin/jobcentres/{jobcentre_id}/teams", response_model=TeamList, responses=NOT_FOUND)
def list_teams(db: SessionDep, user: TeamManagerUser, centre: TeamsCentre) -> TeamList:
    items = [
        TeamOut(id=t.id, jobcentre_id=t.jobcentre_id, name=t.name, members=n)
        for t, n in service.teams_of(db, centre.id)
    ]
    return TeamList(items=items)


@router.post(
    "/admin/jobcentres/{jobcentre_id}/teams",
    response_model=TeamOut,
    status_code=201,
    responses=NOT_FOUND,
)
def create_team(
    db: SessionDep, user: TeamManagerUser, centre: TeamsCentre, body: TeamIn
) -> TeamOut:
    """A new team in the jobcentre; 409 if it has a team of that name."""
    return _team(db, service.create_team(db, user, centre, body))


@router.patch("/admin/teams/{team_id}", response_model=TeamOut, responses=NOT_FOUND)
def rename_team(db: SessionDep, user: TeamManagerUser, team: ManagedTeam, body: TeamIn) -> TeamOut:
    service.rename_team(db, user, team, body)
    return _team(db, team)


@router.delete("/admin/teams/{team_id}", status_code=204, responses=NOT_FOUND)
def delete_team(
    db: SessionDep, user: TeamManagerUser, team: ManagedTeam, move_members: bool = False
) -> Response:
    """Deletes an empty team; with ``move_members=true`` one whose members then have no team
    (409 otherwise). The team's monthly targets go with it."""
    service.delete_team(db, user, team, TeamDelete(move_members=move_members))
    return Response(status_code=204)


@router.get("/admin/jobcentres/{jobcentre_id}/staff", response_model=StaffList, responses=NOT_FOUND)
def list_staff(db: SessionDep, user: TeamManagerUser, centre: TeamsCentre) -> StaffList:
    """The jobcentre's consultants and leaders: role, team, status and last sign-in."""
    members = service.staff_of(db, centre.id)
    caseloads = service.caseloads_of(db, members)
    return StaffList(items=[_staff(m, caseloads[m.id]) for m in members])


@router.post(
    "/admin/jobcentres/{jobcentre_id}/staff",
    response_model=StaffOut,
    status_code=201,
    responses=NOT_FOUND,
)
def invite_staff(
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    user: StaffAdminUser,
    centre: AdminCentre,
    body: StaffInvite,
) -> StaffOut:
    """Invites a consultant or leader by e-mail (the usual invitation link); 409 if the
    address has an account already."""
    return _one(db, service.invite_staff(db, settings, mailer, user, centre, body))


@router.get("/admin/staff/{user_id}", response_model=StaffOut, responses=NOT_FOUND)
def get_staff(db: SessionDep, user: TeamManagerUser, member: TeamMember) -> StaffOut:
    """The account, with how many people and companies name it as their consultant."""
    return _one(db, member)


@router.put("/admin/staff/{user_id}/team", response_model=StaffOut, responses=NOT_FOUND)
def move_to_team(
    db: SessionDep, user: TeamManagerUser, member: TeamMember, body: TeamMove
) -> StaffOut:
    """Moves the consultant or leader to a team of their jobcentre (``team_id`` null: none)."""
    service.move_to_team(db, user, member, body)
    return _one(db, member)


@router.put("/admin/staff/{user_id}/role", response_model=StaffOut, responses=NOT_FOUND)
def change_role(
    db: SessionDep, user: StaffAdminUser, account: StaffAccount, body: RoleChange
) -> StaffOut:
    """Consultant to leader or back (admins); 409 for any other account. A consultant who
    follows people or companies and becomes a leader needs ``successor_id``: an active
    consultant of the same jobcentre, who takes them over (422 without one, or another)."""
    service.change_role(db, user, account, body)
    return _one(db, account)


@router.post("/admin/staff/{user_id}/deactivate", response_model=StaffOut, responses=NOT_FOUND)
def deactivate(
    db: SessionDep, user: StaffAdminUser, account: StaffAccount, body: Deactivation | None = None
) -> StaffOut:
    """Ends the account's sessions and API tokens at once and stops every way of signing in;
    409 for one's own account. Someone who follows people or companies needs
    ``{"successor_id": ...}`` (an active consultant of the same jobcentre, who takes them over
    in the same change; 422 for another) or ``{"hand_over_later": true}`` (deactivated at once,
    the people and companies wait on the account until a later call with ``successor_id``
    hands them over); 422 with neither. Already deactivated: nothing changes, unless
    ``successor_id`` is given (the hand-over) — 422 if people or companies still wait and
    neither field is."""
    service.deactivate(db, user, account, body)
    return _one(db, account)


@router.post("/admin/staff/{user_id}/reactivate", response_model=StaffOut, responses=NOT_FOUND)
def reactivate(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: StaffAdminUser,
    account: StaffAccount,
) -> StaffOut:  # fmt: skip
    """Active again; someone who never chose a password gets a new invitation instead."""
    service.reactivate(db, settings, mailer, user, account)
    return _one(db, account)
