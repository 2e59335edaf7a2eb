"""The one disclosure decision, seen through a match and a profile by each kind of viewer:
name, e-mail, CV flag, employers, needs and end reasons."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import Consent, MatchEvent, MatchState, User, Visibility
from tests.app.matches.support import match_for
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]


def _consent(db: Session, personas: Personas, **scope: bool) -> Consent:
    consent = Consent(
        profile_id=personas.profile.id,
        company_id=personas.company.id,
        share_identity=scope.get("identity", False),
        share_cv=scope.get("cv", False),
        share_accommodations=scope.get("accommodations", False),
    )
    db.add(consent)
    db.flush()
    return consent


def _person(client: TestClient, match_id: int) -> dict[str, object]:
    response = client.get(f"/api/v1/matches/{match_id}")
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_contact_details_follow_the_identity_consent_not_the_visibility(
    db: Session, personas: Personas, browser: Browser
) -> None:
    personas.profile.visibility = Visibility.NAMED
    match = match_for(db, personas.profile, personas.job)
    match.state = MatchState.INTEREST
    match.company_interest_at = utcnow()
    db.flush()
    company = browser(personas.company_user)
    email = personas.flexjobber.email

    body = _person(company, match.id)
    person = body["person"]
    assert isinstance(person, dict)
    assert person["name"] == personas.flexjobber.display_name  # named: the name is public
    assert person["email"] is None
    assert email not in company.get(f"/match/{match.id}").text

    consent = _consent(db, personas, identity=True)
    person = _person(company, match.id)["person"]
    assert isinstance(person, dict) and person["email"] == email
    assert email in company.get(f"/match/{match.id}").text

    consent.withdrawn_at = utcnow()
    db.flush()
    person = _person(company, match.id)["person"]
    assert isinstance(person, dict) and person["email"] is None
    assert email not in company.get(f"/match/{match.id}").text

    # Staff: the consultant sees how to reach the person; an admin runs the platform only.
    person = _person(browser(personas.consultant), match.id)["person"]
    assert isinstance(person, dict) and person["email"] == email
    admin = browser(personas.admin).get(f"/api/v1/matches/{match.id}")
    if admin.status_code == 200:
        assert admin.json()["person"]["email"] is None


def test_a_health_end_reason_reaches_a_company_only_with_the_accommodations_consent(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = match_for(db, personas.profile, personas.job)
    match.state = MatchState.ENDED
    match.ended_reason, match.ended_note = "health", "Ryggen kunne ikke holde til det"
    db.flush()
    db.add(
        MatchEvent(
            match_id=match.id,
            actor_id=personas.flexjobber.id,
            kind="ended",
            from_state="mutual",
            to_state="ended",
            note="Ryggen kunne ikke holde til det",
        )
    )
    db.flush()
    company = browser(personas.company_user)
    body = _person(company, match.id)
    assert body["ended_reason"] == "other" and body["ended_note"] == ""
    page = company.get(f"/match/{match.id}").text
    assert "Ryggen" not in page and "Helbredet tillod det ikke" not in page

    for viewer in (personas.flexjobber, personas.consultant):
        assert _person(browser(viewer), match.id)["ended_reason"] == "health"

    _consent(db, personas, accommodations=True)
    body = _person(company, match.id)
    assert body["ended_reason"] == "health" and body["ended_note"].startswith("Ryggen")


def test_anonymous_profiles_show_no_employers_dates_or_schools(
    db: Session, personas: Personas, browser: Browser
) -> None:
    profile = personas.profile
    profile.visibility = Visibility.ANONYMOUS
    profile.education = [
        {"title": "Kontoruddannelse", "institution": "Niels Brock", "year": "2001"}
    ]
    db.flush()
    company = browser(personas.company_user)
    body = company.get(f"/api/v1/profiles/{profile.public_id}").json()
    assert body["name"] == profile.pseudonym
    (job,) = body["experience"]
    assert job["employer"] is None and job["start"] is None and job["years"] == 5
    (school,) = body["education"]
    assert school == {"title": "Kontoruddannelse", "institution": None, "year": None}
    page = company.get(f"/profiler/{profile.public_id}").text
    for secret in ("Hemmelig Arbejdsgiver", "2015-01", "Niels Brock", "2001"):
        assert secret not in page, secret

    consultant = browser(personas.consultant).get(f"/api/v1/profiles/{profile.public_id}").json()
    assert consultant["experience"][0]["employer"] == "Hemmelig Arbejdsgiver ApS"
