"""Typed input for every staff-administration form and JSON body, and the JSON answers.

The pages validate the same models as the API; ``MESSAGES`` gives each field's Danish message
for a page that re-renders the form.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from app.kit.i18n import N_
from app.kit.limits import MAX_ID

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
KommuneCode = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9]{3}$")]
StaffRole = Literal["consultant", "leader"]
# A team's id, or None for "no team"; bounded like every id (a huge one is not a 500).
TeamId = Annotated[int | None, Field(ge=1, le=MAX_ID)]
# The consultant who takes over someone's caseload (needed only if they have one).
SuccessorId = Annotated[int | None, Field(ge=1, le=MAX_ID)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class JobcentreIn(_In):
    name: Name
    kommune_code: KommuneCode


class JobcentreRename(_In):
    name: Name


class TeamIn(_In):
    name: Name


class TeamDelete(_In):
    # With members: refused unless they are moved to "no team" first.
    move_members: bool = False


class StaffInvite(_In):
    email: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=254)]
    display_name: Name
    role: StaffRole
    team_id: TeamId = None


class RoleChange(_In):
    role: StaffRole
    # Consultant to leader: who takes over the people and companies they follow.
    successor_id: SuccessorId = None


class Deactivation(_In):
    # Who takes over the people and companies the account follows.
    successor_id: SuccessorId = None
    # Without a successor: deactivate at once anyway; the caseload waits on the account until
    # an admin hands it over (a compromised account is never kept open for want of one).
    hand_over_later: bool = False


class TeamMove(_In):
    team_id: TeamId = None  # None: no team


MESSAGES = {
    "name": N_("Skriv et navn på højst 200 tegn."),
    "kommune_code": N_("Kommunekoden er tre cifre, fx 157."),
    "email": N_("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
    "display_name": N_("Skriv personens navn (højst 200 tegn)."),
    "role": N_("Vælg konsulent eller leder."),
    "team_id": N_("Vælg et af jobcentrets teams."),
    "move_members": N_("Vælg om medlemmerne skal flyttes."),
    "successor_id": N_("Vælg en aktiv konsulent fra samme jobcenter."),
    "hand_over_later": N_("Vælg om borgerne og virksomhederne skal overdrages senere."),
}


def form_errors(exc: ValidationError) -> dict[str, str]:
    """Field name -> Danish message, for re-rendering a page's form."""
    fields: dict[str, str] = {}
    for error in exc.errors():
        where = [str(part) for part in error.get("loc", ())]
        name = where[0] if where else ""
        fields.setdefault(name, MESSAGES.get(name, N_("Ugyldig værdi.")))
    return fields


class JobcentreOut(BaseModel):
    id: int
    name: str
    kommune_code: str
    staff: int  # consultants and leaders, active or not


class JobcentreList(BaseModel):
    items: list[JobcentreOut]


class TeamOut(BaseModel):
    id: int
    jobcentre_id: int
    name: str
    members: int


class TeamList(BaseModel):
    items: list[TeamOut]


class CaseloadOut(BaseModel):
    """The people (profiles) and companies that name the account as their consultant: on a
    deactivated account, those waiting for a hand-over."""

    profiles: int
    companies: int


class StaffOut(BaseModel):
    id: int
    email: str
    display_name: str
    role: StaffRole
    jobcentre_id: int
    team_id: int | None
    active: bool
    # "active"; "invited" (has not accepted the invitation yet); "deactivated" (by an admin)
    status: Literal["active", "invited", "deactivated"]
    last_login_at: datetime | None
    caseload: CaseloadOut


class StaffList(BaseModel):
    items: list[StaffOut]
