"""Follow-up reminders go to whoever follows the placement now — the person's consultant, else
the company's — not to whoever recorded the follow-up, so they move with a hand-over: a
reminder due, or already sent to the consultant before, reaches the successor; while a
deactivated consultant's caseload waits, the reminder waits too and is not lost."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.followups import service as followups
from app.kit.clock import utcnow
from app.mail.service import mailer_from
from app.models import FollowUp, Match, MatchState, User
from app.settings import Settings
from tests.app.matches.support import match_for
from tests.app.staff.conftest import add_staff, bearer
from tests.support.personas import Personas
from tests.support.smtp import Mailbox


def _due_follow_up(db: Session, p: Personas, recorded_by: User) -> FollowUp:
    """A trial period of the persona profile at the persona company's job, followed up five
    weeks ago: the next follow-up was due five days ago."""
    match: Match = match_for(db, p.profile, p.job)
    match.state = MatchState.TRIAL
    match.company_interest_at = match.flexjobber_interest_at = utcnow()
    match.trial_start = utcnow().date() - timedelta(days=70)
    match.trial_hours = 10
    held = utcnow().date() - timedelta(days=35)
    follow_up = FollowUp(
        match_id=match.id,
        consultant_id=recorded_by.id,
        held_on=held,
        hours=11,
        next_due=held + timedelta(days=30),
    )
    db.add(follow_up)
    db.flush()
    return follow_up


def _remind(db: Session, settings: Settings, mailbox: Mailbox) -> list[str]:
    """Who the reminder run e-mails (reading afresh what the requests changed)."""
    db.expire_all()
    mailbox.clear()
    followups.send_reminders(db, settings, mailer_from(settings))
    return sorted(str(message["To"]) for message in mailbox.messages)


def _deactivate(client: TestClient, db: Session, p: Personas, body: dict) -> None:
    url = f"/api/v1/admin/staff/{p.consultant.id}/deactivate"
    assert client.post(url, json=body, headers=bearer(db, p.admin)).status_code == 200


def test_the_reminder_goes_to_the_persons_consultant_not_the_recorder(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox, colleague: User
) -> None:
    _due_follow_up(db, personas, recorded_by=colleague)  # a colleague stood in that day
    assert _remind(db, settings, mailbox) == [personas.consultant.email]
    assert _remind(db, settings, mailbox) == []  # once per due date


def test_a_person_without_a_consultant_is_followed_by_the_companys(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox, colleague: User
) -> None:
    personas.profile.consultant_id = None
    personas.company.consultant_id = colleague.id
    _due_follow_up(db, personas, recorded_by=personas.consultant)
    assert _remind(db, settings, mailbox) == [colleague.email]


def test_a_hand_over_takes_the_due_reminder_along(
    client: TestClient,
    db: Session,
    personas: Personas,
    settings: Settings,
    mailbox: Mailbox,
    colleague: User,
) -> None:
    _due_follow_up(db, personas, recorded_by=personas.consultant)
    _deactivate(client, db, personas, {"successor_id": colleague.id})
    assert _remind(db, settings, mailbox) == [colleague.email]


def test_a_reminder_sent_before_the_hand_over_is_sent_again_to_the_successor(
    client: TestClient,
    db: Session,
    personas: Personas,
    settings: Settings,
    mailbox: Mailbox,
    colleague: User,
) -> None:
    follow_up = _due_follow_up(db, personas, recorded_by=personas.consultant)
    assert _remind(db, settings, mailbox) == [personas.consultant.email]
    _deactivate(client, db, personas, {"successor_id": colleague.id})
    db.expire_all()
    assert db.get(FollowUp, follow_up.id).reminded_at is None
    assert _remind(db, settings, mailbox) == [colleague.email]
    assert _remind(db, settings, mailbox) == []


def test_a_company_handed_over_passes_on_only_what_its_consultant_was_told(
    client: TestClient,
    db: Session,
    personas: Personas,
    settings: Settings,
    mailbox: Mailbox,
    colleague: User,
) -> None:
    """The person's own consultant (still active) was reminded, not the company's: handing
    over the company's consultant's caseload sends nobody a second e-mail."""
    other = add_staff(db, personas.jobcentre, "anden@test.example", "Anders Anden")
    personas.profile.consultant_id = other.id
    personas.company.consultant_id = personas.consultant.id
    _due_follow_up(db, personas, recorded_by=personas.consultant)
    assert _remind(db, settings, mailbox) == [other.email]
    _deactivate(client, db, personas, {"successor_id": colleague.id})
    assert _remind(db, settings, mailbox) == []


def test_while_the_caseload_waits_the_reminder_waits_and_then_reaches_the_successor(
    client: TestClient,
    db: Session,
    personas: Personas,
    settings: Settings,
    mailbox: Mailbox,
) -> None:
    follow_up = _due_follow_up(db, personas, recorded_by=personas.consultant)
    _deactivate(client, db, personas, {"hand_over_later": True})
    assert _remind(db, settings, mailbox) == []  # nobody active follows the placement
    db.expire_all()
    assert db.get(FollowUp, follow_up.id).reminded_at is None  # not used up on nobody
    newcomer = add_staff(db, personas.jobcentre, "ny@test.example", "Nanna Ny")
    _deactivate(client, db, personas, {"successor_id": newcomer.id})
    assert _remind(db, settings, mailbox) == [newcomer.email]
