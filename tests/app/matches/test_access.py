"""Who may open a match and act on it: outsiders get 404, the admin may read (403 on actions)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.matches import lifecycle
from app.matches.lifecycle import Outbox
from app.models import AuditEvent, Match, MatchState, User
from app.settings import Settings
from tests.app.matches.support import api, match_for, post
from tests.app.route_matrix import PERSONAS, row
from tests.support.personas import Personas
from tests.support.web import login

Browser = Callable[[User], TestClient]

# A recommended match of profile (flexjobber) and job (company_user's company).
MATCH_PAGE = row(303, 200, 404, 200, 404, 200, 404, 200)


def _recommended(db: Session, personas: Personas, settings: Settings) -> Match:
    match = match_for(db, personas.profile, personas.job)
    ctx = lifecycle.load(db, personas.consultant, match.id)
    lifecycle.recommend(db, Outbox(settings, None), personas.consultant, ctx, "Godt match")
    db.flush()
    return match


@pytest.mark.parametrize("persona", PERSONAS)
def test_match_routes_for_every_persona(
    client: TestClient, db: Session, personas: Personas, settings: Settings, persona: str
) -> None:
    match = _recommended(db, personas, settings)
    if persona != "anonymous":
        assert login(client, personas.all_users()[persona].email).status_code == 303
    expected = MATCH_PAGE[persona]
    api_expected = 401 if persona == "anonymous" else expected
    paths = {
        f"/match/{match.id}": expected,
        f"/api/v1/matches/{match.id}": api_expected,
        f"/api/v1/matches/{match.id}/messages": api_expected,
        # Nobody has a CV here: 404 for all who may open the match.
        f"/match/{match.id}/cv": 303 if persona == "anonymous" else 404,
    }
    for path, status in paths.items():
        assert client.get(path, follow_redirects=False).status_code == status, path


def test_company_does_not_know_of_plain_suggestions(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = match_for(db, personas.profile, personas.job)  # nobody has acted yet
    company = browser(personas.company_user)
    assert company.get(f"/match/{match.id}").status_code == 404
    assert browser(personas.flexjobber).get(f"/match/{match.id}").status_code == 200


def test_admin_reads_but_may_not_act(
    db: Session, personas: Personas, settings: Settings, browser: Browser
) -> None:
    match = _recommended(db, personas, settings)
    admin = browser(personas.admin)
    page = admin.get(f"/match/{match.id}")
    assert page.status_code == 200 and "Dårlig ryg" not in page.text
    assert post(admin, f"/match/{match.id}", {"action": "interest"}).status_code == 403
    assert post(admin, f"/match/{match.id}/beskeder", {"body": "Hej"}).status_code == 403
    assert post(admin, f"/match/{match.id}/samtykke", {"identity": "1"}).status_code == 403
    response = api(admin, "POST", f"/api/v1/matches/{match.id}", json={"action": "end"})
    assert response.status_code == 403
    response = api(admin, "POST", f"/api/v1/matches/{match.id}/messages", json={"body": "Hej"})
    assert response.status_code == 403
    db.refresh(match)
    assert match.state == MatchState.RECOMMENDED


def test_outsiders_cannot_act(
    db: Session, personas: Personas, settings: Settings, browser: Browser
) -> None:
    match = _recommended(db, personas, settings)
    for user in (personas.outsider, personas.company_user2, personas.flexjobber2):
        other = browser(user)
        assert post(other, f"/match/{match.id}", {"action": "interest"}).status_code == 404
        assert post(other, f"/match/{match.id}/beskeder", {"body": "Hej"}).status_code == 404
    outsider = browser(personas.outsider)
    data = {"profile_id": personas.profile.public_id, "job_id": personas.job.id, "note": ""}
    assert post(outsider, "/konsulent/match/anbefal", data).status_code == 404
    company2 = browser(personas.company_user2)
    path = f"/opslag/{personas.job.id}/kandidater/{personas.profile.public_id}/interesse"
    assert post(company2, path).status_code == 404


def test_the_company_cannot_ask_for_a_hidden_profile(personas: Personas, browser: Browser) -> None:
    company = browser(personas.company_user)
    path = f"/opslag/{personas.job.id}/kandidater/{personas.profile2.public_id}/interesse"
    assert post(company, path).status_code == 404


def test_consultant_acts_for_the_flexjobber_only_with_a_reason(
    db: Session, personas: Personas, settings: Settings, browser: Browser
) -> None:
    match = _recommended(db, personas, settings)
    consultant = browser(personas.consultant)
    response = post(consultant, f"/match/{match.id}", {"action": "interest"})
    assert response.status_code == 422
    assert "Skriv hvorfor du handler på borgerens vegne." in response.text
    db.refresh(match)
    assert match.flexjobber_interest_at is None
    reason = "Borgeren ringede og bad mig om det."
    response = post(
        consultant, f"/match/{match.id}", {"action": "interest", "on_behalf_reason": reason}
    )
    assert response.status_code == 303
    event = db.scalars(
        select(AuditEvent).where(AuditEvent.action == "match.interest_on_behalf")
    ).one()
    assert event.details["reason"] == reason
    assert event.on_behalf_of_id == personas.flexjobber.id


def test_business_errors_and_invalid_forms_are_shown_on_the_page(
    db: Session, personas: Personas, settings: Settings, browser: Browser
) -> None:
    match = _recommended(db, personas, settings)
    company = browser(personas.company_user)
    # A trial needs a meeting first (409), dates must be valid (422).
    trial = {"action": "trial", "trial_start": "2030-01-10", "trial_end": "2030-02-10"}
    response = post(company, f"/match/{match.id}", trial | {"trial_hours": "10"})
    assert response.status_code == 409
    assert "En praktik kan starte efter et møde." in response.text
    response = post(
        company, f"/match/{match.id}", {"action": "meeting", "meeting_date": "i morgen"}
    )
    assert response.status_code == 422
    assert "Skriv en gyldig dato." in response.text
    response = post(
        company,
        f"/match/{match.id}",
        {"action": "meeting", "meeting_date": "2020-01-01", "meeting_time": "10:00"},
    )
    assert response.status_code == 422
    assert "Mødet skal ligge ude i fremtiden." in response.text
    assert "Skriv hvor I mødes, eller vælg online." in response.text
    response = post(company, f"/match/{match.id}", {"action": "end", "reason": "nonsense"})
    assert response.status_code == 422 and "Vælg en begrundelse." in response.text
    db.refresh(match)
    assert match.state == MatchState.RECOMMENDED
