"""The whole journey through the pages: recommended, asked, consent, talk, meeting, trial, hired,
consent withdrawn; and requests that lapse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.matches import lifecycle
from app.matches.lifecycle import Outbox
from app.matchmaking.engine import MatchEngine
from app.models import Match, MatchState, Notification, User, Visibility
from app.settings import Settings
from tests.app.matches.support import assert_neutral_mail, in_days, post
from tests.support.personas import Personas
from tests.support.smtp import Mailbox

Browser = Callable[[User], TestClient]
NOTE = "Dårlig ryg"
NEED_LABELS = ["Ingen tunge løft", "Roligt miljø"]


def _kinds(db: Session, user: User) -> list[str]:
    return list(db.scalars(select(Notification.kind).where(Notification.user_id == user.id)))


def test_the_whole_journey(
    db: Session,
    personas: Personas,
    mailbox: Mailbox,
    browser: Browser,
    match_engine: MatchEngine,
) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    db.flush()
    match_engine.sync(db, full=True)
    consultant = browser(personas.consultant)
    company = browser(personas.company_user)
    person = browser(personas.flexjobber)
    pid, jid = personas.profile.id, personas.job.id

    # The consultant recommends the pair to both sides with a personal note.
    response = post(
        consultant,
        "/konsulent/match/anbefal",
        {"profile_id": personas.profile.public_id, "job_id": jid, "note": "I to bør tale sammen."},
    )
    assert response.status_code == 303, response.text
    match = db.scalars(select(Match).where(Match.profile_id == pid, Match.job_id == jid)).one()
    assert match.state == MatchState.RECOMMENDED
    assert "recommendation" in _kinds(db, personas.flexjobber)
    assert "recommendation" in _kinds(db, personas.company_user)
    secrets = ["Anna", "Kandidat A-101", NOTE, "diskusprolaps", *NEED_LABELS, "Kontorassistent"]
    assert_neutral_mail(mailbox, [personas.flexjobber, personas.company_user], secrets)
    url = f"/match/{match.id}"

    # The company sees the pseudonym, no health data, and asks to talk.
    page = company.get(url)
    assert page.status_code == 200
    assert "Kandidat A-101" in page.text and "Anna Fleks" not in page.text
    assert NOTE not in page.text and "Skånehensyn" not in page.text
    assert all(label not in page.text for label in NEED_LABELS)
    assert "I to bør tale sammen." in page.text
    assert post(company, url, {"action": "interest"}).status_code == 303

    # The flexjobber gets the consent panel and shares name and CV, not the needs.
    page = person.get(url)
    assert "Navn og kontaktoplysninger" in page.text and "Træk samtykke tilbage" not in page.text
    assert post(person, f"{url}/samtykke", {"identity": "1", "cv": "1"}).status_code == 303
    page = company.get(url)
    assert "Anna Fleks" in page.text and "fleks1@test.example" in page.text
    assert NOTE not in page.text and "Skånehensyn" not in page.text
    assert all(label not in page.text for label in NEED_LABELS)

    # Messages both ways; links are clickable, markup is not.
    text = "Se https://example.dk/job?a=1&b=2 <script>alert(1)</script>"
    assert post(company, f"{url}/beskeder", {"body": text}).status_code == 303
    page = person.get(url)
    assert '<a href="https://example.dk/job?a=1&amp;b=2" rel="noopener nofollow">' in page.text
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;" in page.text
    assert post(person, f"{url}/beskeder", {"body": "Tak, gerne!"}).status_code == 303
    assert post(person, url, {"action": "interest"}).status_code == 303
    db.refresh(match)
    assert match.state == MatchState.MUTUAL

    # A meeting, a trial period and the hiring (the outcome is stored).
    response = post(
        company,
        url,
        {
            "action": "meeting",
            "meeting_date": in_days(7),
            "meeting_time": "10:30",
            "meeting_place": "Hovedgaden 1, 2900 Hellerup",
            "meeting_participants": "Anna, Carl og Eva",
        },
    )
    assert response.status_code == 303, response.text
    trial = {"action": "trial", "trial_start": in_days(14), "trial_end": in_days(42)}
    assert post(company, url, trial | {"trial_hours": "12"}).status_code == 303
    hire = {"action": "hire", "hired_start": in_days(60), "hired_hours": "15"}
    assert post(company, url, hire).status_code == 303
    db.refresh(match)
    assert match.state == MatchState.HIRED
    assert match.hired_hours == 15 and match.trial_hours == 12 and match.meeting_place
    # The hours are also dated on the timeline: progression is counted from them.
    hours = {e.kind: e.hours for e in lifecycle.timeline(db, match) if e.hours is not None}
    assert hours == {"trial_started": 12, "hired": 15}
    assert match.expires_at is None  # a hired match has no open request to lapse
    kinds = [e.kind for e in lifecycle.timeline(db, match)]
    assert kinds == [
        "recommended",
        "interest_company",
        "interest_flexjobber",
        "meeting_booked",
        "trial_started",
        "hired",
    ]
    page = person.get(url)
    assert "Registrerede ansættelse" in page.text and "Eva Konsulent" in page.text

    # Withdrawing consent hides the name again on the company's very next request.
    assert post(person, f"{url}/samtykke/traek-tilbage").status_code == 303
    page = company.get(url)
    assert "Kandidat A-101" in page.text and "Anna Fleks" not in page.text
    assert "fleks1@test.example" not in page.text
    # ...and in the conversation, the flexjobber's messages carry the pseudonym.
    assert "Tak, gerne!" in page.text

    # "Mine data": who looked, and what was shared with whom.
    page = person.get("/mine-data")
    assert page.status_code == 200
    assert "Testfirma ApS" in page.text and "Så din profil" in page.text
    assert "Carl Firma" not in page.text


def test_requests_without_answer_lapse_and_both_sides_are_told(
    db: Session,
    personas: Personas,
    settings: Settings,
    mailbox: Mailbox,
    browser: Browser,
    match_engine: MatchEngine,
) -> None:
    person = browser(personas.flexjobber)
    response = post(person, f"/mine-match/{personas.job.id}", {"action": "interest"})
    assert response.status_code == 303
    match = db.scalars(select(Match).where(Match.job_id == personas.job.id)).one()
    assert match.state == MatchState.INTEREST and match.expires_at is not None
    assert "request" in _kinds(db, personas.company_user)
    match.expires_at = utcnow() - timedelta(minutes=1)
    db.flush()
    mailbox.clear()
    assert lifecycle.expire_overdue(db, Outbox(settings, None)) == 1
    db.refresh(match)
    assert match.state == MatchState.EXPIRED
    assert "expiry" in _kinds(db, personas.flexjobber)
    assert "expiry" in _kinds(db, personas.company_user)
    page = person.get(f"/match/{match.id}")
    assert "Udløbet" in page.text


def test_messages_are_refused_before_both_sides_are_in(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    person = browser(personas.flexjobber)
    post(person, f"/mine-match/{personas.job.id}", {"action": "interest"})
    match = db.scalars(select(Match).where(Match.job_id == personas.job.id)).one()
    response = post(person, f"/match/{match.id}/beskeder", {"body": "Hej?"})
    assert response.status_code == 403
    assert "I kan skrive sammen, når begge har vist interesse" in response.text
    company = browser(personas.company_user)
    response = post(company, f"/match/{match.id}/beskeder", {"body": "Hej?"})
    assert response.status_code == 403
    # Once the company answers, they may talk.
    assert post(company, f"/match/{match.id}", {"action": "interest"}).status_code == 303
    assert post(company, f"/match/{match.id}/beskeder", {"body": "Hej!"}).status_code == 303


def test_a_hidden_profile_cannot_be_recommended_to_a_company(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox
) -> None:
    import pytest

    from app.errors import Conflict

    personas.profile.visibility = Visibility.HIDDEN
    db.flush()
    match = lifecycle.get_or_create(db, personas.profile, personas.job)
    ctx = lifecycle.load(db, personas.consultant, match.id)
    with pytest.raises(Conflict):
        lifecycle.recommend(db, Outbox(settings, None), personas.consultant, ctx, "Prøv")
    assert match.state == MatchState.SUGGESTED
    assert mailbox.messages == []
