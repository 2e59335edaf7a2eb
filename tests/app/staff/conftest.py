"""Helpers for the staff-administration tests: API calls with a personal token, and a small
world of two teams in the personas' jobcentre."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from app.auth import service as auth_service
from app.models import Team, User
from tests.support.personas import Personas


def bearer(db: Session, user: User) -> dict[str, str]:
    token = auth_service.create_api_token(db, user, "staff-test")
    db.flush()
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Teams:
    north: Team  # the consultant is in it
    south: Team
    elsewhere: Team  # a team of the outsider's jobcentre


@pytest.fixture
def teams(db: Session, personas: Personas) -> Teams:
    north = Team(jobcentre_id=personas.jobcentre.id, name="Team Nord")
    south = Team(jobcentre_id=personas.jobcentre.id, name="Team Syd")
    elsewhere = Team(jobcentre_id=personas.other_jobcentre.id, name="Team Andetsted")
    db.add_all([north, south, elsewhere])
    db.flush()
    personas.consultant.team_id = north.id
    db.flush()
    return Teams(north, south, elsewhere)
