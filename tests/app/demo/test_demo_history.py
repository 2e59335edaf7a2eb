"""The demo's six months of history: the dashboard's figures for Gentofte show trends on
first run, and loading the demo again adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.loader import load_demo_data
from app.kit.clock import utcnow
from app.models import (
    FollowUp,
    Jobcentre,
    Match,
    MatchEvent,
    OneTimeLink,
    ProfileStatusChange,
    SignIn,
)
from app.stats import service
from app.stats.periods import MONTH, buckets, local_today
from app.stats.query import default_first

HISTORY_TABLES = (SignIn, Match, MatchEvent, FollowUp, ProfileStatusChange, OneTimeLink)


def _counts(db: Session) -> tuple[int, ...]:
    return tuple(db.scalar(select(func.count()).select_from(t)) or 0 for t in HISTORY_TABLES)


def test_demo_history_gives_the_dashboard_trends_and_loads_once(db: Session) -> None:
    load_demo_data(db)
    counts = _counts(db)
    gentofte = db.scalar(select(Jobcentre).where(Jobcentre.kommune_code == "157"))
    assert gentofte is not None
    today = local_today(utcnow())
    spans = buckets(default_first(today, MONTH), today, MONTH)
    figures = service.figures(db, service.Scope(gentofte.id), spans)
    assert len(figures) == 6
    engaged = [f for f in figures if (service.shares(f)["signed_in_14d_share"] or 0) > 0]
    assert len(engaged) >= 5
    # Refleks's bands all occur: some sign in daily, more weekly.
    assert any(f.signed_in_daily for f in figures)
    assert sum(f.signed_in_weekly for f in figures) > sum(f.signed_in_daily for f in figures)
    assert sum(f.hires for f in figures) >= 3
    assert sum(len(f.hired_hours) for f in figures) >= 3
    assert all(h >= 1 for f in figures for h in f.hired_hours)
    assert sum(f.matches_by_state["trial"] for f in figures) >= 3
    assert sum(f.invited for f in figures) >= 1
    last = service.shares(figures[-1])
    assert (last["hours_up_share"] or 0) > 0
    # Hires take people off ledighedsydelse: unemployment falls over the six months.
    first_rate = service.shares(figures[0])["fleksjob_unemployment_rate"]
    last_rate = last["fleksjob_unemployment_rate"]
    assert first_rate is not None and last_rate is not None and last_rate < first_rate
    # Every follow-up is on the timeline with its hours.
    follow_ups = db.scalar(select(func.count()).select_from(FollowUp))
    events = db.scalar(
        select(func.count()).select_from(MatchEvent).where(MatchEvent.kind == "follow_up")
    )
    assert follow_ups and follow_ups == events

    load_demo_data(db)
    assert _counts(db) == counts
