"""After "Slet min profil" the company's match page says the person and the messages are gone:
nobody can write into that match again (a consultant's note about the person would reach the
company after the erasure)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import MatchState, Message, Notification, User
from app.privacy import erasure
from app.settings import Settings
from tests.app.matches.support import api, match_for, post
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]


def test_nobody_writes_into_a_deleted_persons_match(
    db: Session, settings: Settings, personas: Personas, browser: Browser
) -> None:
    match = match_for(db, personas.profile, personas.job)
    match.state = MatchState.MUTUAL
    db.flush()
    consultant, company = browser(personas.consultant), browser(personas.company_user)
    erasure.erase(db, settings.data_dir, personas.flexjobber, personas.profile)
    db.flush()

    body = {"body": "Hun stoppede, fordi ryggen ikke kunne holde"}
    assert post(consultant, f"/match/{match.id}/beskeder", body).status_code == 403
    response = api(consultant, "POST", f"/api/v1/matches/{match.id}/messages", json=body)
    assert response.status_code == 403
    assert db.scalars(select(Message).where(Message.match_id == match.id)).all() == []
    told = db.scalars(select(Notification).where(Notification.match_id == match.id)).all()
    assert told == []
    page = company.get(f"/match/{match.id}")
    assert page.status_code == 200 and "ryggen" not in page.text
    assert f'action="/match/{match.id}/beskeder"' not in consultant.get(f"/match/{match.id}").text
