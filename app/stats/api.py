"""GET /api/v1/stats: the dashboard's figures as JSON (schema in app.stats.schemas)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from app.kit.clock import utcnow
from app.stats import policy, query, report
from app.stats.periods import local_today
from app.stats.schemas import StatsBucket, StatsOut, StatsScope
from app.web.deps import CurrentUser, SessionDep, SettingsDep
from app.web.routers import api_router

router = api_router("stats")
_Raw = Annotated[str | None, Query(max_length=20)]


@router.get("/stats", response_model=StatsOut)
def stats(
    db: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    jobcentre_id: _Raw = None,
    team_id: _Raw = None,
    consultant_id: _Raw = None,
    first: Annotated[str | None, Query(alias="from", max_length=20)] = None,
    to: _Raw = None,
    by: _Raw = None,
) -> StatsOut:
    # Who may see the scope is decided before the query is read: an outsider gets 404
    # whatever the dates say.
    policy.decide(db, user)
    asked = query.read(
        local_today(utcnow()),
        jobcentre_id=jobcentre_id,
        team_id=team_id,
        consultant_id=consultant_id,
        first=first,
        last=to,
        by=by,
    )
    decision = policy.decide(
        db,
        user,
        jobcentre_id=asked.jobcentre_id,
        team_id=asked.team_id,
        consultant_id=asked.consultant_id,
    )
    shown = report.shown(
        db,
        decision.scope,
        asked.buckets,
        hide_small=decision.hide_small,
        cache_seconds=settings.stats_cache_seconds,
    )
    return StatsOut(
        scope=StatsScope(
            jobcentre_id=decision.scope.jobcentre_id,
            team_id=decision.scope.team_id,
            consultant_id=decision.scope.consultant_id,
        ),
        from_=asked.first,
        to=asked.last,
        by=asked.by,
        small_cells_hidden=decision.hide_small,
        buckets=[StatsBucket(**bucket) for bucket in shown],
    )
