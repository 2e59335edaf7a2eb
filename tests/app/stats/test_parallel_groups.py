"""On PostgreSQL a request's figures are read by several connections at once
(app.stats.service.compute). They must be exactly the figures read one family after the
other on one connection: the small world is committed to a database of its own (a test's
outer transaction is invisible to other connections) and counted both ways."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.db import make_engine
from app.kit.clock import utcnow
from app.stats import service
from app.stats.periods import MONTH, WEEK, buckets
from tests.app.stats.test_breakdown import comparable
from tests.app.stats.world import build
from tests.conftest import migrate
from tests.db_urls import fresh_database_url, is_postgres, shared_test_database_url

pytestmark = pytest.mark.skipif(
    not is_postgres(shared_test_database_url()), reason="the groups run at once on PostgreSQL only"
)


def test_figures_read_at_once_equal_figures_read_in_turn(password_hash: str) -> None:
    url = fresh_database_url("stats_parallel")
    migrate(url)
    engine = make_engine(url)
    try:
        with Session(engine) as db:
            world = build(db, password_hash)
            db.commit()
            jobcentre_id, team_id, consultant_id = world.jobcentre.id, world.team.id, world.c1.id
            first, last = world.first, world.last
        now = utcnow()
        for scope in (
            service.Scope(jobcentre_id),
            service.Scope(jobcentre_id, team_id=team_id),
            service.Scope(jobcentre_id, consultant_id=consultant_id),
        ):
            for by in (MONTH, WEEK):
                period = buckets(first, last, by)
                with Session(engine) as db:  # bound to the engine: the groups run at once
                    at_once = service.compute(db, scope, period, now)
                with engine.connect() as connection, Session(bind=connection) as db:
                    in_turn = service.compute(db, scope, period, now)
                assert comparable(at_once) == comparable(in_turn)
                # The world is not empty: the comparison compares something.
                assert sum(f.profiles + f.signed_in_14d + f.hires for f in in_turn) > 0
        # A team and its jobcentre asked together (the held-back rule) are read at once too.
        period = buckets(first, last, WEEK)
        team, whole = service.Scope(jobcentre_id, team_id=team_id), service.Scope(jobcentre_id)
        with Session(engine) as db:
            together = service.compute_many(db, [(team, period), (whole, period)], now)
        with engine.connect() as connection, Session(bind=connection) as db:
            apart = [
                service.compute(db, team, period, now),
                service.compute(db, whole, period, now),
            ]
        assert [comparable(r) for r in together] == [comparable(r) for r in apart]
    finally:
        engine.dispose()
