"""The PostgreSQL pool keeps the connections a burst opened: reopening them on every burst is
a server process start each time, and on busy cores such a connect timed out."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import PG_POOL_SIZE, make_engine
from app.kit.limits import MAX_CONCURRENT_REQUESTS
from tests.db_urls import is_postgres


def test_a_burst_of_connections_stays_open_for_the_next(database_url: str) -> None:
    if not is_postgres(database_url):
        pytest.skip("PostgreSQL's pool (SQLite connections are a file open)")
    assert PG_POOL_SIZE >= MAX_CONCURRENT_REQUESTS
    engine = make_engine(database_url)
    try:
        burst = [engine.connect() for _ in range(MAX_CONCURRENT_REQUESTS)]
        pids = set()
        for connection in burst:
            pids.add(connection.scalar(text("SELECT pg_backend_pid()")))
            connection.close()
        assert engine.pool.checkedin() == MAX_CONCURRENT_REQUESTS  # type: ignore[attr-defined]
        again = [engine.connect() for _ in range(MAX_CONCURRENT_REQUESTS)]
        reused = {c.scalar(text("SELECT pg_backend_pid()")) for c in again}
        for connection in again:
            connection.close()
        assert reused == pids  # no new server process
    finally:
        engine.dispose()
