from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import make_engine
from app.main import create_app
from app.matchmaking.engine import MatchEngine
from app.settings import Settings
from tests.conftest import TEST_SECRET


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200


def test_readyz_says_whether_the_match_index_is_built(
    app: FastAPI, client: TestClient, db: Session
) -> None:
    engine: MatchEngine = app.state.match_engine
    engine.reset()
    try:
        assert client.get("/readyz").json() == {"status": "ok", "match_index": "building"}
        engine.sync(db, full=True)
        assert client.get("/readyz").json() == {"status": "ok", "match_index": "ready"}
    finally:
        engine.reset()


def _pg_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not versions:
        pytest.fail("PostgreSQL server binaries are not installed")
    return versions[-1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(*args: str) -> None:
    command = list(args)
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        command = ["runuser", "-u", "postgres", "--", *command]
    # Output to files/devnull: a started server would otherwise hold our pipes open forever.
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_readyz_is_503_while_postgres_is_down_and_recovers_without_restart() -> None:
    """A private PostgreSQL server is stopped and started under a running app."""
    bin_dir = _pg_bin()
    data = Path(tempfile.mkdtemp(prefix="fleksbro-pg-"))
    shutil.chown(data, "postgres", "postgres") if os.geteuid() == 0 else None
    port = _free_port()
    pg_ctl = str(bin_dir / "pg_ctl")
    _as_postgres(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust")
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    log = str(data / "server.log")
    _as_postgres(pg_ctl, "-D", str(data), "-o", options, "-l", log, "-w", "start")
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        settings = Settings(environment="test", database_url=url, secret_key=TEST_SECRET)
        app = create_app(settings, make_engine(url))
        with TestClient(app) as client:
            assert client.get("/readyz").status_code == 200
            _as_postgres(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")
            assert client.get("/readyz").status_code == 503
            assert client.get("/healthz").status_code == 200
            _as_postgres(pg_ctl, "-D", str(data), "-o", options, "-l", log, "-w", "start")
            deadline = time.monotonic() + 20
            while client.get("/readyz").status_code != 200:
                assert time.monotonic() < deadline, "the app did not recover"
                time.sleep(0.2)
    finally:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", pg_ctl, "-D", str(data), "-m", "immediate", "stop"]
            if os.geteuid() == 0
            else [pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(data, ignore_errors=True)
