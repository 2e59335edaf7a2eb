"""A team's or caseload's figures are the sum of its consultants' parts of the jobcentre's
(app.stats.breakdown): asked together with the jobcentre (the held-back rule), they must be
exactly the figures of the team or caseload computed on its own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.auth import sign_ins
from app.kit.clock import utcnow
from app.stats import service
from app.stats.basis import Figures
from app.stats.periods import MONTH, WEEK, buckets, local_midnight
from tests.app.stats.world import World
from tests.support.people import add_flexjobber


def comparable(rows: list[Figures]) -> list[dict[str, Any]]:
    """The figures with their lists sorted (parts are joined in no particular order; every
    figure made from a list is a median or a count)."""
    out = []
    for f in rows:
        row = dict(vars(f))
        for name, value in row.items():
            if isinstance(value, list):
                row[name] = sorted(value)
        row["step_days"] = {state: sorted(days) for state, days in f.step_days.items() if days}
        out.append(row)
    return out


def test_a_team_and_a_caseload_from_the_jobcentres_parts_equal_their_own(
    db: Session, world: World
) -> None:
    # Someone with no consultant yet: in the jobcentre's figures, in no team's or caseload's.
    nobodys = add_flexjobber(
        db,
        jobcentre_id=world.jobcentre.id,
        email="uden-konsulent@test.example",
        name="Uden Konsulent",
        pseudonym="Kandidat U",
        created_at=local_midnight(world.first) - timedelta(days=30),
    )
    for day in range(world.n):
        moment = local_midnight(world.first + timedelta(days=day)) + timedelta(hours=10)
        sign_ins.record(db, nobodys.user_id, moment, "password")
    db.flush()
    now = utcnow()
    whole = service.Scope(world.jobcentre.id)
    for by in (MONTH, WEEK):
        period = buckets(world.first, world.last, by)
        for scope in (
            service.Scope(world.jobcentre.id, team_id=world.team.id),
            service.Scope(world.jobcentre.id, consultant_id=world.c1.id),
            service.Scope(world.jobcentre.id, consultant_id=world.c2.id),
        ):
            derived, jobcentre = service.compute_many(db, [(scope, period), (whole, period)], now)
            own = service.compute(db, scope, period, now)
            assert comparable(derived) == comparable(own)
            assert comparable(jobcentre) == comparable(service.compute(db, whole, period, now))
        # The parts are not all alike: the caseloads differ, and add up to at most the whole.
        c1, c2 = (
            service.compute(db, service.Scope(world.jobcentre.id, consultant_id=c.id), period, now)
            for c in (world.c1, world.c2)
        )
        assert comparable(c1) != comparable(c2)
        total = service.compute(db, whole, period, now)
        for a, b, t in zip(c1, c2, total, strict=True):
            assert a.profiles + b.profiles < t.profiles  # the one without a consultant
            assert a.signed_in_daily + b.signed_in_daily < t.signed_in_daily
            assert a.hires + b.hires <= t.hires
