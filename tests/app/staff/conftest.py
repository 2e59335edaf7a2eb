"""Helpers for the staff-administration tests: API calls with a personal token, a small
world of two teams in the personas' jobcentre, and more staff accounts (a colleague of the
consultant who can take over their people and companies)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import service as auth_service
from app.kit.clock import utcnow
from app.models import Company, FlexjobberProfile, Jobcentre, Role, Team, User
from tests.support.personas import Personas
from tests.support.web import csrf


def bearer(db: Session, user: User) -> dict[str, str]:
    token = auth_service.create_api_token(db, user, "staff-test")
    db.flush()
    return {"Authorization": f"Bearer {token}"}


def post_form(client: TestClient, path: str, data: dict[str, str]) -> Response:
    """Posts a staff form with a fresh CSRF token, not following the redirect."""
    token = csrf(client, "/hjem")
    return client.post(path, data=data | {"csrf_token": token}, follow_redirects=False)


def followed_by(db: Session, user: User) -> tuple[set[int], set[int]]:
    """The ids of the profiles and of the companies ``user`` follows, read afresh."""
    db.expire_all()
    profiles = db.scalars(
        select(FlexjobberProfile.id).where(FlexjobberProfile.consultant_id == user.id)
    )
    companies = db.scalars(select(Company.id).where(Company.consultant_id == user.id))
    return set(profiles), set(companies)


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


def add_staff(
    db: Session,
    jobcentre: Jobcentre,
    email: str,
    name: str,
    role: Role = Role.CONSULTANT,
    *,
    status: str = "active",  # or "invited", "deactivated"
) -> User:
    user = User(
        email=email,
        display_name=name,
        role=role,
        jobcentre_id=jobcentre.id,
        password_hash=None if status == "invited" else "x",
        active=status == "active",
        deactivated_at=utcnow() if status == "deactivated" else None,
    )
    db.add(user)
    db.flush()
    return user


@pytest.fixture
def colleague(db: Session, personas: Personas) -> User:
    """An active consultant of the consultant's jobcentre."""
    return add_staff(db, personas.jobcentre, "kollega@test.example", "Ida Kollega")
