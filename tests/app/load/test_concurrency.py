"""A real server (``fleksbro serve``) on a SQLite file: parallel requests never fail with a
5xx ("database is locked"; the full-size version is scripts/bench_concurrency.py), and
X-Forwarded-For is ignored without a trusted proxy."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from app.auth.service import create_api_token
from app.db import make_engine, session_scope
from app.kit.passwords import hash_password
from app.kit.tokens import hash_token
from app.models import ApiToken, UserSession
from app.settings import PROJECT_ROOT
from tests.conftest import TEST_SECRET, migrate
from tests.support.personas import PASSWORD, create_personas

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str], str, str]]:
    """A migrated SQLite file with the personas, 8 API tokens, and uvicorn serving it."""
    tmp = tmp_path_factory.mktemp("served")
    url = f"sqlite:///{tmp / 'load.db'}"
    migrate(url)
    engine = make_engine(url)
    with session_scope(engine) as db:
        personas = create_personas(db, hash_password(PASSWORD))
        users = list(personas.all_users().values())
        tokens = [create_api_token(db, users[i % len(users)], f"t{i}") for i in range(8)]
        writer = create_api_token(db, personas.flexjobber, "writer")
    engine.dispose()
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "FLEKSBRO_ENVIRONMENT": "test",
        "FLEKSBRO_DATABASE_URL": url,
        "FLEKSBRO_SECRET_KEY": TEST_SECRET,
        "FLEKSBRO_DATA_DIR": str(tmp / "data"),
        "FLEKSBRO_MATCHING_BACKGROUND": "false",
        "FLEKSBRO_COOKIE_SECURE": "false",  # plain http on loopback
    }
    # Served as in production (fleksbro serve), so its proxy settings are the ones tested.
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.2)
        yield base, tokens, writer, url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _burst(calls: list[tuple[str, str, str, dict[str, object] | None]]) -> Counter[str]:
    statuses: Counter[str] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(len(calls))

    def run(base: str, method: str, path: str, token: str, body: dict[str, object] | None) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            barrier.wait()
            try:
                code = str(
                    client.request(
                        method, path, json=body, headers={"Authorization": f"Bearer {token}"}
                    ).status_code
                )
            except httpx.HTTPError as exc:
                code = type(exc).__name__
        with lock:
            statuses[code] += 1

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_parallel_token_reads_and_writes_never_fail(
    served: tuple[str, list[str], str, str],
) -> None:
    base, tokens, writer, _ = served
    reads = [(base, "GET", "/api/v1/me", tokens[i % len(tokens)], None) for i in range(32)]
    writes = [
        (base, "PUT", "/api/v1/me/profile", writer, {"about": f"Skrevet parallelt {i}."})
        for i in range(8)
    ]
    # The first burst touches every token's last_used_at at the same moment; the second is
    # the same load again, with reads and writes interleaved.
    first = _burst(reads + writes)  # type: ignore[arg-type]
    second = _burst(writes + reads)  # type: ignore[arg-type]
    assert first == Counter({"200": 40}), first
    assert second == Counter({"200": 40}), second


def test_a_read_touches_its_token_at_most_once_a_minute(
    served: tuple[str, list[str], str, str],
) -> None:
    base, tokens, _, url = served
    headers = {"Authorization": f"Bearer {tokens[-1]}"}
    engine = make_engine(url)
    query = select(ApiToken.last_used_at).where(ApiToken.token_hash == hash_token(tokens[-1]))
    try:
        with httpx.Client(base_url=base) as client:
            assert client.get("/api/v1/me", headers=headers).status_code == 200
            with engine.connect() as connection:
                first = connection.scalar(query)
            for _ in range(5):
                assert client.get("/api/v1/me", headers=headers).status_code == 200
        with engine.connect() as connection:
            assert first is not None
            assert connection.scalar(query) == first
    finally:
        engine.dispose()


def test_forwarded_for_from_an_untrusted_client_is_ignored(
    served: tuple[str, list[str], str, str],
) -> None:
    base, _, _, url = served
    with httpx.Client(base_url=base) as client:
        page = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token
        form = {"email": "fleks1@test.example", "password": PASSWORD, "csrf_token": token[1]}
        response = client.post("/login", data=form, headers={"X-Forwarded-For": "203.0.113.9"})
        assert response.status_code == 303
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            addresses = set(connection.scalars(select(UserSession.ip_address)))
    finally:
        engine.dispose()
    assert "127.0.0.1" in addresses
    assert "203.0.113.9" not in addresses
