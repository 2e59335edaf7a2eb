"""What the dashboard's filters offer a viewer: the jobcentres, teams and consultants whose
figures they may see (app.stats.policy decides again whatever is asked for)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.models import Jobcentre, Role, Team, User


@dataclass(frozen=True)
class FilterOptions:
    jobcentres: list[tuple[int, str]]
    teams: list[tuple[int, str]]
    consultants: list[tuple[int, str]]


def for_viewer(db: Session, viewer: User, jobcentre_id: int | None) -> FilterOptions:
    if roles.is_consultant(viewer):
        return FilterOptions([], [], [])
    centres: list[tuple[int, str]] = []
    if roles.is_admin(viewer):
        centres = [(c.id, c.name) for c in db.scalars(select(Jobcentre).order_by(Jobcentre.name))]
    else:
        jobcentre_id = viewer.jobcentre_id
    if jobcentre_id is None:
        return FilterOptions(centres, [], [])
    teams = [
        (t.id, t.name)
        for t in db.scalars(
            select(Team).where(Team.jobcentre_id == jobcentre_id).order_by(Team.name)
        )
    ]
    consultants = [
        (u.id, u.display_name)
        for u in db.scalars(
            select(User)
            .where(User.jobcentre_id == jobcentre_id, roles.users_with(Role.CONSULTANT))
            .order_by(User.display_name, User.id)
        )
    ]
    return FilterOptions(centres, teams, consultants)
