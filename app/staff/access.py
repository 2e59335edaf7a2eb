"""The staff administration's resources, looked up once per request as dependencies, so a
refused request is a 404 before its body is read. Who may see what is ``app.staff.policy``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from app.models import Jobcentre, Team, User
from app.staff import policy
from app.web.deps import SessionDep
from app.web.guards import StaffAdminUser, TeamManagerUser


def _teams_centre(db: SessionDep, user: TeamManagerUser, jobcentre_id: int) -> Jobcentre:
    return policy.jobcentre_for(db, user, jobcentre_id, teams=True)


def _admin_centre(db: SessionDep, user: StaffAdminUser, jobcentre_id: int) -> Jobcentre:
    return policy.jobcentre_for(db, user, jobcentre_id, teams=False)


def _team(db: SessionDep, user: TeamManagerUser, team_id: int) -> Team:
    return policy.team_for(db, user, team_id)


def _member(db: SessionDep, user: TeamManagerUser, user_id: int) -> User:
    return policy.member_for(db, user, user_id)


def _account(db: SessionDep, user: StaffAdminUser, user_id: int) -> User:
    return policy.account_for(db, user, user_id)


TeamsCentre = Annotated[Jobcentre, Depends(_teams_centre)]  # admin, or its own leader
AdminCentre = Annotated[Jobcentre, Depends(_admin_centre)]  # admin
ManagedTeam = Annotated[Team, Depends(_team)]  # admin, or the leader of its jobcentre
TeamMember = Annotated[User, Depends(_member)]  # a consultant/leader whose team may change
StaffAccount = Annotated[User, Depends(_account)]  # a consultant/leader account, for an admin
