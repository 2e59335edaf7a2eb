"""Monthly targets: a leader sets them for the jobcentre or a team; the dashboard shows what was
reached against them from the same figures (small numbers held back for the leader)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import MonthlyTarget, Team
from app.stats import service, targets
from app.stats.periods import local_today
from tests.app.stats.world import World
from tests.support.personas import Personas
from tests.support.web import csrf


def _set(client: TestClient, **data: str):  # type: ignore[no-untyped-def]
    form = {"csrf_token": csrf(client, "/tal"), **data}
    return client.post("/tal/maal", data=form, follow_redirects=False)


def test_a_leader_sets_targets_and_sees_the_progress(db: Session, world: World, as_user) -> None:  # type: ignore[no-untyped-def]
    leader = as_user(world.leader.email)
    month = f"{world.first:%Y-%m}"
    assert _set(leader, month=month, metric="hires", target="4").status_code == 303
    assert _set(leader, month=month, metric="placements", target="2").status_code == 303
    assert _set(leader, month=month, metric="hires", target="5").status_code == 303  # an update
    count = db.scalar(select(func.count()).select_from(MonthlyTarget))
    assert count == 2
    page = leader.get("/tal/maal").text
    assert month in page and "Ansættelser" in page

    scope = service.Scope(world.jobcentre.id)
    rows = targets.progress(db, scope, local_today(utcnow()))
    by_metric = {r.metric: r for r in rows if r.month == month}
    assert by_metric["hires"].target == 5 and by_metric["hires"].actual == 2  # the world's hires
    assert by_metric["placements"].actual == 2 and by_metric["placements"].share == 1.0

    dashboard = leader.get(f"/tal?from={world.first.isoformat()}&by=month").text
    assert "Månedens mål" in dashboard and "Sæt månedens mål" in dashboard
    assert "under 5" in dashboard  # 2 hires: held back from the leader, like every small cell


def test_team_targets_stay_with_the_team(db: Session, world: World, as_user) -> None:  # type: ignore[no-untyped-def]
    leader = as_user(world.leader.email)
    month = f"{world.first:%Y-%m}"
    done = _set(leader, month=month, team_id=str(world.team.id), metric="hires", target="1")
    assert done.status_code == 303
    assert targets.progress(db, service.Scope(world.jobcentre.id), local_today(utcnow())) == []
    team_rows = targets.progress(
        db, service.Scope(world.jobcentre.id, team_id=world.team.id), local_today(utcnow())
    )
    assert [r.metric for r in team_rows] == ["hires"]


def test_only_the_leader_of_the_jobcentre(
    db: Session, world: World, personas: Personas, as_user
) -> None:  # type: ignore[no-untyped-def]
    month = f"{world.first:%Y-%m}"
    for email in (world.c1.email, personas.admin.email, personas.company_user.email):
        client = as_user(email)
        assert client.get("/tal/maal").status_code == 404, email
        assert _set(client, month=month, metric="hires", target="3").status_code == 404, email
    other = Team(jobcentre_id=personas.other_jobcentre.id, name="Andet team")
    db.add(other)
    db.flush()
    leader = as_user(world.leader.email)
    response = _set(leader, month=month, team_id=str(other.id), metric="hires", target="3")
    assert response.status_code == 404
    assert (
        _set(leader, month=month, team_id="99999999999", metric="hires", target="3").status_code
        == 404
    )
    assert db.scalar(select(func.count()).select_from(MonthlyTarget)) == 0


def test_bad_input_is_a_422_with_the_form(world: World, as_user) -> None:  # type: ignore[no-untyped-def]
    leader = as_user(world.leader.email)
    month = f"{world.first:%Y-%m}"
    for data, message in (
        ({"month": "2026-13", "metric": "hires", "target": "3"}, "Vælg en måned."),
        ({"month": "", "metric": "hires", "target": "3"}, "Vælg en måned."),
        ({"month": month, "metric": "kaffe", "target": "3"}, "Vælg hvad målet gælder."),
        ({"month": month, "metric": "hires", "target": "-1"}, "mellem 0 og 10.000"),
        ({"month": month, "metric": "hires", "target": "²"}, "mellem 0 og 10.000"),
        ({"month": month, "metric": "hires", "target": "10001"}, "mellem 0 og 10.000"),
    ):
        response = _set(leader, **data)
        assert response.status_code == 422, data
        assert message in response.text, data
