"""A suggestion the company does not know of (suggested, or dismissed by the jobcentre) stays
unknown to it. A match's conversation is read by all of its parties, so nobody writes into it
before every party may open the match, and nobody is told of messages in a match they cannot
open; and a suggestion cannot be "ended" (that would hand it to the company, ending and all)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.matches import messaging
from app.matches.lifecycle import MatchContext
from app.matches.policy import Party
from app.models import Match, MatchState, Message, Notification, User
from tests.app.matches.support import match_for, post
from tests.support.personas import Personas
from tests.support.smtp import Mailbox

Browser = Callable[[User], TestClient]
HEALTH = "Jeg ved, at din ryg ikke kan tåle tunge løft"


def _unknown_to_company(db: Session, personas: Personas, state: MatchState) -> Match:
    match = match_for(db, personas.profile, personas.job)
    match.state = state
    db.flush()
    return match


@pytest.mark.parametrize("state", [MatchState.SUGGESTED, MatchState.DISMISSED])
def test_a_consultant_cannot_write_before_the_company_knows_the_match(
    db: Session, personas: Personas, mailbox: Mailbox, browser: Browser, state: MatchState
) -> None:
    match = _unknown_to_company(db, personas, state)
    consultant, company = browser(personas.consultant), browser(personas.company_user)
    mailbox.clear()

    response = post(consultant, f"/match/{match.id}/beskeder", {"body": HEALTH})

    assert response.status_code == 403
    assert db.scalars(select(Message).where(Message.match_id == match.id)).all() == []
    company_notes = db.scalars(
        select(Notification).where(Notification.user_id == personas.company_user.id)
    ).all()
    assert company_notes == []
    assert all(m["To"] != personas.company_user.email for m in mailbox.messages)
    # The company still cannot open the match, and the page offers the consultant no form.
    assert company.get(f"/match/{match.id}").status_code == 404
    assert f'action="/match/{match.id}/beskeder"' not in consultant.get(f"/match/{match.id}").text

    # Once the jobcentre recommends the pair, all three may talk.
    match.state = MatchState.RECOMMENDED
    db.flush()
    assert post(consultant, f"/match/{match.id}/beskeder", {"body": "Hej"}).status_code == 303
    assert company.get(f"/match/{match.id}").status_code == 200


def test_only_parties_who_may_open_the_match_are_told_of_a_message(
    db: Session, personas: Personas
) -> None:
    match = _unknown_to_company(db, personas, MatchState.SUGGESTED)
    ctx = MatchContext(match, personas.profile, personas.job, Party.CONSULTANT)
    told = {user.id for user in messaging.participants(db, ctx)}
    assert personas.company_user.id not in told
    assert personas.flexjobber.id in told


@pytest.mark.parametrize("who", ["flexjobber", "consultant"])
def test_a_suggestion_cannot_be_ended_into_the_companys_view(
    db: Session, personas: Personas, browser: Browser, who: str
) -> None:
    match = _unknown_to_company(db, personas, MatchState.SUGGESTED)
    actor = browser(getattr(personas, who))
    company = browser(personas.company_user)

    response = post(
        actor, f"/match/{match.id}", {"action": "end", "reason": "health", "note": HEALTH}
    )

    assert response.status_code == 409
    db.refresh(match)
    assert match.state == MatchState.SUGGESTED and match.ended_reason in (None, "")
    assert company.get(f"/match/{match.id}").status_code == 404
    told = db.scalars(
        select(Notification).where(Notification.user_id == personas.company_user.id)
    ).all()
    assert told == []
