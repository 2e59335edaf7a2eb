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

Requests deliberately do not begin IMMEDIATE up front: FastAPI runs a request's
dependencies and its endpoint on separate worker threads, so a request that took the lock in
a dependency would wait for a free thread while holding it, and under load every thread can
be waiting for that lock (all requests stall for the busy timeout, then fail). Taken at the
first write, the lock is held only by a thread that runs on to the commit.
"""

from __future__ import annotations

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


def _begin_sqlite(connection: Any) -> None:
    writes = bool(connection.get_execution_options().get("fleksbro_writes"))
    connection.info[_WRITING] = writes
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


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
    cursor.execute("BEGIN IMMEDIATE")


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
        return engine
    # pre_ping lets the app recover by itself after the database comes back.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=MAX_CONCURRENT_REQUESTS - 10 + 6,
        connect_args={"connect_timeout": 3},
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
