"""Who may see which figures — decided here and nowhere else.

- An admin: any jobcentre, team or caseload (no jobcentre: the whole platform).
- A leader: their own jobcentre, its teams and its consultants' caseloads.
- A consultant: their own caseload only.
- Anyone else, or a scope outside these: 404 (the scope's existence is not revealed).

A deactivated consultant's caseload stays a scope like any other (their past invitations are
theirs), for the admin and their jobcentre's leader; the filters no longer offer them
(app.stats.options). One who was made a leader has no caseload scope any more (404).

Small cells: a count of 1–4 people, and any share or median built on one, is held back
("under 5") for everyone except the consultant who owns the caseload — a leader looking at a
small team must not be able to pick out a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.errors import NotFound
from app.kit.i18n import N_
from app.models import Role, Team, User
from app.stats.service import Scope

NOT_FOUND = N_("Tallene findes ikke.")
SMALL = 5  # cells below this many people are held back


@dataclass(frozen=True)
class Decision:
    scope: Scope
    hide_small: bool


def may_see_stats(user: User) -> bool:
    return user.role in (Role.ADMIN, Role.LEADER, Role.CONSULTANT) and (
        user.role == Role.ADMIN or user.jobcentre_id is not None
    )


def _team(db: Session, team_id: int) -> Team:
    team = db.get(Team, team_id)
    if team is None:
        raise NotFound(NOT_FOUND)
    return team


def _consultant(db: Session, consultant_id: int) -> User:
    consultant = db.get(User, consultant_id)
    if consultant is None or consultant.role != Role.CONSULTANT:
        raise NotFound(NOT_FOUND)
    return consultant


def decide(
    db: Session,
    viewer: User,
    *,
    jobcentre_id: int | None = None,
    team_id: int | None = None,
    consultant_id: int | None = None,
) -> Decision:
    if not may_see_stats(viewer):
        raise NotFound(NOT_FOUND)
    if viewer.role == Role.CONSULTANT:
        own = jobcentre_id in (None, viewer.jobcentre_id) and consultant_id in (None, viewer.id)
        if not own or team_id is not None:
            raise NotFound(NOT_FOUND)
        return Decision(Scope(viewer.jobcentre_id, consultant_id=viewer.id), hide_small=False)
    centre = viewer.jobcentre_id if viewer.role == Role.LEADER else jobcentre_id
    if viewer.role == Role.LEADER and jobcentre_id not in (None, centre):
        raise NotFound(NOT_FOUND)
    # A team or consultant fixes the jobcentre; one given with it must agree.
    for owner in (
        _team(db, team_id).jobcentre_id if team_id is not None else None,
        _consultant(db, consultant_id).jobcentre_id if consultant_id is not None else None,
    ):
        if owner is None:
            continue
        if centre is not None and owner != centre:
            raise NotFound(NOT_FOUND)
        centre = owner
    if team_id is not None and consultant_id is not None:
        consultant = _consultant(db, consultant_id)
        if consultant.team_id != team_id:
            raise NotFound(NOT_FOUND)
    return Decision(Scope(centre, team_id=team_id, consultant_id=consultant_id), hide_small=True)


def may_set_targets(viewer: User) -> bool:
    return viewer.role == Role.LEADER and viewer.jobcentre_id is not None


def ensure_may_set_targets(db: Session, viewer: User, team_id: int | None) -> int:
    """Only a jobcentre's leader sets its monthly targets (for it, or one of its teams);
    returns the jobcentre. Consultants and admins read targets on the dashboard."""
    if not may_set_targets(viewer) or viewer.jobcentre_id is None:
        raise NotFound(NOT_FOUND)
    if team_id is not None and _team(db, team_id).jobcentre_id != viewer.jobcentre_id:
        raise NotFound(NOT_FOUND)
    return viewer.jobcentre_id
