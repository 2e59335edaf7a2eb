"""A small cell cannot be computed from cells that are shown (app.stats.report): within a
bucket from the cumulative sign-in counts, across scopes from the jobcentre's total minus a
team's or a caseload's (found by an attack on the demo data: 10 on ledighedsydelse in the
jobcentre, 6 in team 1, team 2 "under 5" = 4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.stats import report
from app.stats.periods import Bucket
from app.stats.service import Figures
from tests.app.stats.world import World
from tests.support.people import add_flexjobber

BUCKET = Bucket(date(2026, 11, 1), date(2026, 12, 1), "2026-11")


def _figures(**counts: object) -> Figures:
    return Figures(bucket=BUCKET, **counts)  # type: ignore[arg-type]


def test_a_team_is_held_back_when_the_rest_of_the_jobcentre_is_small() -> None:
    whole = _figures(on_ledighedsydelse=10, flexjobbers=31, matches_by_state={"hired": 9})
    team_1 = _figures(on_ledighedsydelse=6, flexjobbers=20, matches_by_state={"hired": 7})
    team_2 = _figures(on_ledighedsydelse=4, flexjobbers=11, matches_by_state={"hired": 2})

    one = report.present(team_1, hide_small=True, whole=whole)
    two = report.present(team_2, hide_small=True, whole=whole)
    total = report.present(whole, hide_small=True)

    assert total["on_ledighedsydelse"] == 10
    assert two["on_ledighedsydelse"] is None and "on_ledighedsydelse" in two["under_5"]
    # 10 − 6 would be team 2's 4: team 1's count is held back as well, and so is its rate.
    assert one["on_ledighedsydelse"] is None and "on_ledighedsydelse" in one["held_back"]
    assert one["fleksjob_unemployment_rate"] is None
    assert "on_ledighedsydelse" not in one["under_5"]  # not called "under 5": it is not
    assert one["matches_by_state"]["hired"] is None
    assert "matches_by_state.hired" in one["held_back"]
    # Where the rest is large (20 of 31 → 11 elsewhere), the count is shown.
    assert one["flexjobbers"] == 20 and two["flexjobbers"] == 11


def test_the_owner_of_a_caseload_and_the_whole_jobcentre_see_every_count() -> None:
    whole = _figures(on_ledighedsydelse=10)
    mine = report.present(_figures(on_ledighedsydelse=6), hide_small=False, whole=whole)
    assert mine["on_ledighedsydelse"] == 6 and mine["held_back"] == []


def test_a_small_sign_in_band_is_not_left_as_a_difference() -> None:
    # 20 daily, 23 weekly (band 3: small), 40 every 14 days (band 17).
    shown = report.present(
        _figures(profiles=60, signed_in_daily=20, signed_in_weekly=23, signed_in_14d=40),
        hide_small=True,
    )
    assert shown["signed_in_daily"] == 20
    assert shown["signed_in_weekly"] is None and "signed_in_weekly" in shown["held_back"]
    assert shown["signed_in_14d"] is None  # 40 − band 17 would be the weekly count again
    assert shown["band_weekly_share"] is None and shown["band_14d_share"] is None
    assert "band_weekly_share" in shown["under_5"]
    values = [v for k, v in shown.items() if k.startswith(("signed_in", "band")) and v]
    # Nothing left from which 3 follows: only the daily count and its shares remain.
    assert sorted(k for k, v in shown.items() if k.startswith(("signed_in", "band")) and v) == [
        "band_daily_share",
        "signed_in_daily",
        "signed_in_daily_share",
    ], values


def test_without_small_cells_nothing_is_held_back() -> None:
    shown = report.present(
        _figures(profiles=60, signed_in_daily=20, signed_in_weekly=30, signed_in_14d=40),
        hide_small=True,
    )
    assert shown["held_back"] == [] and shown["under_5"] == []
    assert shown["signed_in_weekly"] == 30


def test_through_the_api_no_shown_team_count_leaves_a_small_rest(
    world: World, as_user: Callable[[str], TestClient], db: Session
) -> None:
    # Six more people in the team's caseload: the team's profile count (11) is no longer
    # small, but the rest of the jobcentre (1) is.
    for i in range(6):
        add_flexjobber(
            db,
            jobcentre_id=world.jobcentre.id,
            email=f"extra{i}@test.example",
            name="Ekstra",
            pseudonym=f"Kandidat E-{i}",
            consultant_id=world.c1.id,
            created_at=datetime.combine(world.first, time(12), UTC),
        )
    leader = as_user(world.leader.email)
    period = f"from={world.first}&to={world.last}&by=month"
    whole = leader.get(f"/api/v1/stats?{period}").json()["buckets"][0]
    team = leader.get(f"/api/v1/stats?{period}&team_id={world.team.id}").json()["buckets"][0]
    assert whole["profiles_at_end"] == 12
    assert team["profiles_at_end"] is None and "profiles_at_end" in team["held_back"]
    for name in report.COUNTS:
        value, total = team[name], whole[name]
        if isinstance(value, int) and isinstance(total, int):
            assert not 0 < total - value < 5, (name, total, value)
