"""SQLite writers of one process take the write lock in the order they asked for it.

SQLite's busy wait polls with growing sleeps, so the writer that has waited longest retries
least often; under load some never got their turn within the busy timeout and failed with
"database is locked" (scripts/bench_load.py found it)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import text

from app.db import make_engine


def test_waiting_writers_get_the_lock_first_come_first_served(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'writers.db'}")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE turns (writer INTEGER)"))
        order: list[int] = []
        holder = engine.connect()
        holder.begin()
        holder.execute(text("INSERT INTO turns VALUES (0)"))  # holds the write lock

        def write(number: int) -> None:
            with engine.connect() as connection, connection.begin():
                connection.execute(text("SELECT count(*) FROM turns"))
                connection.execute(text("INSERT INTO turns VALUES (:n)"), {"n": number})
                order.append(number)
                time.sleep(0.02)  # a little work while holding the lock

        writers = []
        for number in range(1, 9):
            thread = threading.Thread(target=write, args=(number,))
            thread.start()
            writers.append(thread)
            time.sleep(0.15)  # each one has waited a while before the next asks
        holder.commit()
        holder.close()
        for thread in writers:
            thread.join(timeout=30)
        assert order == list(range(1, 9))
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM turns")) == 9
    finally:
        engine.dispose()
