from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update

from app.kit.clock import utcnow
from app.models import UserSession
from tests.support.personas import Personas
from tests.support.web import login


def test_idle_timeout_after_30_minutes(client: TestClient, personas: Personas, db) -> None:
    login(client, personas.flexjobber.email)
    db.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=29)))
    assert client.get("/hjem", follow_redirects=False).status_code == 200
    db.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    assert client.get("/hjem", follow_redirects=False).status_code == 303


def test_activity_keeps_the_session_alive(client: TestClient, personas: Personas, db) -> None:
    login(client, personas.flexjobber.email)
    db.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=20)))
    assert client.get("/hjem").status_code == 200  # touches last_seen_at
    seen = db.scalar(UserSession.__table__.select().with_only_columns(UserSession.last_seen_at))
    assert utcnow() - seen < timedelta(minutes=1)


def test_absolute_timeout_after_12_hours_even_when_active(
    client: TestClient, personas: Personas, db
) -> None:
    login(client, personas.flexjobber.email)
    db.execute(update(UserSession).values(created_at=utcnow() - timedelta(hours=12, minutes=1)))
    assert client.get("/hjem", follow_redirects=False).status_code == 303
