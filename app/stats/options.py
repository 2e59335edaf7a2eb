"""What the dashboard's filters offer a viewer: the jobcentres, teams and consultants whose
figures they may see (app.stats.policy decides again whatever is asked for).

A deactivated consultant is not offered: their people and companies have been handed to
another consultant (app.staff.service), and the figures that stay theirs — the invitations
they sent — still count in their team's and jobcentre's figures. Their own caseload stays
reachable by id (``/tal?consultant_id=`` and ``/api/v1/stats?consultant_id=``, for whoever
app.stats.policy lets see it); while it is the one shown, the list names them as deactivated
(``former``) so the form says whose figures these are."""

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
    consultants: list[tuple[int, str]]  # active or invited, never deactivated
    former: tuple[int, str] | None = None  # the deactivated consultant being shown


def for_viewer(
    db: Session, viewer: User, jobcentre_id: int | None, shown_consultant_id: int | None = None
) -> FilterOptions:
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
    of_centre = (User.jobcentre_id == jobcentre_id, roles.users_with(Role.CONSULTANT))
    consultants = [
        (u.id, u.display_name)
        for u in db.scalars(
            select(User)
            .where(*of_centre, User.deactivated_at.is_(None), User.deleted_at.is_(None))
            .order_by(User.display_name, User.id)
        )
    ]
    former = None
    if shown_consultant_id is not None:
        gone = db.scalar(
            select(User).where(
                *of_centre, User.id == shown_consultant_id, User.deactivated_at.is_not(None)
            )
        )
        former = (gone.id, gone.display_name) if gone is not None else None
    return FilterOptions(centres, teams, consultants, former)
