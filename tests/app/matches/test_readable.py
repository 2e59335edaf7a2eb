"""app.matches.policy.readable_matches is the SQL twin of party(): for every persona it lists
exactly the matches that persona may open, over matches in every state a company may or may
not know of."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.kit.clock import utcnow
from app.matches import lifecycle
from app.matches.policy import party, readable_matches
from app.models import FlexjobberProfile, JobPosting, Match, MatchState
from tests.app.route_matrix import PERSONAS
from tests.support.personas import Personas


def _matches(db: Session, personas: Personas) -> list[Match]:
    plain = lifecycle.get_or_create(db, personas.profile, personas.job)  # nobody acted
    dismissed = lifecycle.get_or_create(db, personas.profile, personas.job2)
    dismissed.state = MatchState.DISMISSED
    asked = lifecycle.get_or_create(db, personas.profile2, personas.job)
    asked.company_interest_at = utcnow()  # the company asked: it knows
    mutual = lifecycle.get_or_create(db, personas.profile2, personas.job2)
    mutual.state = MatchState.MUTUAL
    db.flush()
    return [plain, dismissed, asked, mutual]


def _may_open(db: Session, persona_user: object, match: Match) -> bool:
    profile = db.get(FlexjobberProfile, match.profile_id)
    job = db.get(JobPosting, match.job_id)
    assert profile is not None and job is not None
    try:
        party(db, persona_user, match, profile, job)  # type: ignore[arg-type]
    except NotFound:
        return False
    return True


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_readable_matches_are_the_matches_party_lets_in(
    db: Session, personas: Personas, persona: str
) -> None:
    matches = _matches(db, personas)
    user = personas.all_users()[persona]
    listed = {row[0].id for row in db.execute(readable_matches(db, user))}
    expected = {m.id for m in matches if _may_open(db, user, m)}
    assert listed == expected


def test_each_persona_sees_something_different(db: Session, personas: Personas) -> None:
    # Guards the test above against a world where everybody sees everything or nothing.
    matches = _matches(db, personas)
    seen = {
        persona: {row[0].id for row in db.execute(readable_matches(db, user))}
        for persona, user in personas.all_users().items()
    }
    ids = [m.id for m in matches]
    assert seen["admin"] == set(ids)
    assert seen["flexjobber"] == {ids[0], ids[1]}
    assert seen["company_user"] == {ids[2]}  # the plain suggestion is unknown to the company
    assert seen["company_user2"] == {ids[3]}  # dismissed, never asked: unknown; mutual: known
    assert seen["outsider"] == set()
