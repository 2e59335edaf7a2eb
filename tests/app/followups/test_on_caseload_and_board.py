"""A placement's hours over time on the consultant's caseload row, and follow-ups that are due
on the match board as well as the home page (issue 12, point 5)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.followups import service
from app.kit.clock import utcnow
from app.kit.dates import local_date
from app.models import FollowUp, MatchState, User
from tests.app.followups.test_follow_ups import _trial
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]


def test_the_caseload_row_shows_the_hours_over_time_and_the_next_follow_up(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = _trial(db, personas, days_ago=70)
    today = utcnow().date()
    for days_ago, hours in ((40, 12), (10, 15)):
        db.add(
            FollowUp(
                match_id=match.id,
                consultant_id=personas.consultant.id,
                held_on=today - timedelta(days=days_ago),
                hours=hours,
                note="",
                next_step="",
                next_due=today + timedelta(days=20 - days_ago),
            )
        )
    db.flush()
    assert personas.profile.consultant_id == personas.consultant.id

    page = browser(personas.consultant).get("/konsulent")
    assert page.status_code == 200
    assert "10 → 15 timer om ugen" in page.text  # from the start to now
    assert f"/match/{match.id}#opfoelgning" in page.text
    assert 'class="app-sparkline"' in page.text
    assert local_date(today + timedelta(days=10)) in page.text  # the newest follow-up's next_due

    person = personas.profile.user_id
    placed = service.placements_of(db, [person])[person]
    assert (placed.state, placed.hours) == ("trial", [10, 12, 15])


def test_a_person_without_a_placement_has_no_hours(
    db: Session, personas: Personas, browser: Browser
) -> None:
    assert service.placements_of(db, [personas.profile.user_id]) == {}
    page = browser(personas.consultant).get("/konsulent")
    assert page.status_code == 200 and "timer om ugen" not in page.text


def test_a_due_follow_up_shows_on_the_match_board(
    db: Session, personas: Personas, browser: Browser
) -> None:
    match = _trial(db, personas, days_ago=40)  # a month after the start: due
    board = browser(personas.consultant).get("/konsulent/match")
    assert board.status_code == 200
    assert f"/match/{match.id}#opfoelgning" in board.text

    match.state = MatchState.ENDED
    db.flush()
    board = browser(personas.consultant).get("/konsulent/match")
    assert f"/match/{match.id}#opfoelgning" not in board.text
