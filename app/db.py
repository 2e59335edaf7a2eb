"""Engine and session factory. The request-scoped session (and its commit) lives in app.web.deps.

SQLite (the embedded default) allows one writer at a time. A transaction that starts as a
reader and later writes cannot wait for the lock: if another connection committed meanwhile,
SQLite answers "database is locked" at once (SQLITE_BUSY_SNAPSHOT; the busy timeout does not
apply). So every write on SQLite happens in a transaction that took the write lock before its
first write (BEGIN IMMEDIATE), where the busy timeout does apply:

- a session known to write (``WRITE_OPTIONS``: bookkeeping, scripts) begins IMMEDIATE;
- any other transaction begins deferred and, at its first statement that is not a SELECT,
  ends its read-only part and begins again IMMEDIATE (``_take_write_lock``). Nothing is lost:
  so far it has only read; later reads see the newest data, as under PostgreSQL's READ
  COMMITTED.

Within one process the writers queue for the lock in arrival order (``_WriteQueue``) before
they ask SQLite for it. SQLite's own wait polls, sleeping up to 100 ms between tries, so a
writer arriving just as the lock is released takes it ahead of those already waiting: under
load (bench_load, 50 people on 2 shared cores) some writers never got their turn within the
busy timeout and failed with "database is locked" while the lock changed hands all the time.
Between processes (several workers) the busy timeout still decides.

Requests deliberately do not begin IMMEDIATE up front: FastAPI runs a request's
dependencies and its endpoint on separate worker threads, so a request that took the lock in
a dependency would wait for a free thread while holding it, and under load every thread can
be waiting for that lock (all requests stall for the busy timeout, then fail). Taken at the
first write, the lock is held only by a thread that runs on to the commit.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.kit.limits import MAX_CONCURRENT_REQUESTS

# Session.connection(execution_options=WRITE_OPTIONS) before the first statement: the
# transaction takes the write lock up front (SQLite; other databases ignore the option). Only
# for work that holds its thread from start to commit (see above).
WRITE_OPTIONS = {"fleksbro_writes": True}
_WRITING = "fleksbro_sqlite_writing"
_BUSY_TIMEOUT_MS = 30_000
# The requests let in, background work, and the dashboard's three figure workers.
PG_POOL_SIZE = MAX_CONCURRENT_REQUESTS + 6


_QUEUED = "fleksbro_sqlite_queued"


class _WriteQueue:
    """A first-come, first-served lock for the SQLite writers of one engine in this process."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._waiting: deque[threading.Event] = deque()
        self._held = False

    def acquire(self, timeout: float) -> None:
        with self._mutex:
            if not self._held and not self._waiting:
                self._held = True
                return
            turn = threading.Event()
            self._waiting.append(turn)
        if turn.wait(timeout):
            return  # release() handed the lock over
        with self._mutex:
            if turn.is_set():  # handed over just as the wait timed out
                return
            self._waiting.remove(turn)
        raise sqlite3.OperationalError("database is locked")

    def release(self) -> None:
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().set()  # stays held, by the next in line
            else:
                self._held = False


_QUEUES: weakref.WeakKeyDictionary[Engine, _WriteQueue] = weakref.WeakKeyDictionary()


def _begin_immediate(connection: Any, begin: Any) -> None:
    """BEGIN IMMEDIATE after this process's earlier writers (``begin`` runs the statement)."""
    queue = _QUEUES[connection.engine]
    queue.acquire(_BUSY_TIMEOUT_MS / 1000)
    try:
        begin()
    except BaseException:
        queue.release()
        raise
    connection.info[_QUEUED] = True


def _end_transaction(connection: Any) -> None:
    if connection.info.pop(_QUEUED, False):
        _QUEUES[connection.engine].release()


def _released_on_checkin(queue: _WriteQueue) -> Any:
    """Whatever ended the transaction, a connection back in the pool holds no place."""

    def checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None and record.info.pop(_QUEUED, False):
            queue.release()

    return checkin


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINTs; let SQLAlchemy emit BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
    # Safe with WAL (a power cut may lose the last commits, never corrupts) and far fewer fsyncs.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # The engagement figures count the days in a month's bit mask (app.stats.bits).
    dbapi_connection.create_function("popcount", 1, _popcount, deterministic=True)


def _popcount(value: int | None) -> int | None:
    return None if value is None else int(value).bit_count()


def _begin_sqlite(connection: Any) -> None:
    writes = bool(connection.get_execution_options().get("fleksbro_writes"))
    connection.info[_WRITING] = writes
    if writes:
        _begin_immediate(connection, lambda: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    else:
        connection.exec_driver_sql("BEGIN")


def _take_write_lock(
    connection: Any, cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    if connection.info.get(_WRITING, True) or not connection.in_transaction():
        return
    if statement.lstrip()[:6].upper() == "SELECT":
        return
    # Everything so far was a read: committing it loses nothing, and BEGIN IMMEDIATE waits
    # (busy timeout) for the write lock instead of failing on a stale snapshot.
    connection.info[_WRITING] = True
    cursor.execute("COMMIT")
    _begin_immediate(connection, lambda: cursor.execute("BEGIN IMMEDIATE"))


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = make_url(url).database or ""
        in_memory = not path or path == ":memory:"
        if not in_memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # More connections than requests let in at once (app.web.load_limits) plus the
        # background work, so no request ever waits for a pooled connection.
        pool = {} if in_memory else {"pool_size": 10, "max_overflow": MAX_CONCURRENT_REQUESTS}
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": _BUSY_TIMEOUT_MS / 1000},
            **pool,
        )
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        event.listen(engine, "before_cursor_execute", _take_write_lock)
        event.listen(engine, "commit", _end_transaction)
        event.listen(engine, "rollback", _end_transaction)
        _QUEUES[engine] = queue = _WriteQueue()
        event.listen(engine.pool, "checkin", _released_on_checkin(queue))
        return engine
    # pre_ping lets the app recover by itself after the database comes back. Every connection
    # the requests let in at once can use (plus background work) stays open in the pool: with
    # a smaller pool and overflow, each burst closed and reopened connections, a process
    # start on the server each time, and on busy cores such a connect timed out (bench_load).
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=PG_POOL_SIZE,
        max_overflow=0,
        connect_args={"connect_timeout": 10},
    )


@lru_cache
def engine_for(url: str) -> Engine:
    return make_engine(url)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A unit of work for scripts and the CLI: commit on success, roll back on error."""
    session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
