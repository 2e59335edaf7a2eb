"""A real server (``fleksbro serve``) on a SQLite file: parallel requests never fail with a
5xx ("database is locked"; the full-size version is scripts/bench_concurrency.py),
X-Forwarded-For is ignored without a trusted proxy, an idle connection stays open longer than
a client keeps it, and e-mailed links point at the port served."""

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
    env.pop("FLEKSBRO_BASE_URL", None)  # derived from --port
    log = (tmp / "stdout.log").open("w")  # the console mailer prints the e-mails here
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log)
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
        log.close()


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


def _get_healthz(connection: socket.socket) -> bytes:
    connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = connection.recv(65536)
        if not chunk:
            return received
        received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    length = int(re.search(rb"content-length: *([0-9]+)", head, re.IGNORECASE)[1])  # type: ignore[index]
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head


def test_an_idle_connection_outlives_the_clients_keep_alive(
    served: tuple[str, list[str], str, str],
) -> None:
    """httpx keeps an idle connection 5 s, and so did uvicorn by default: a request sent on it
    as the server closed it failed with "connection reset" under load."""
    port = int(served[0].rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        assert _get_healthz(connection).startswith(b"HTTP/1.1 200")
        time.sleep(6)
        assert _get_healthz(connection).startswith(b"HTTP/1.1 200")


def test_emailed_links_point_at_the_port_served(
    served: tuple[str, list[str], str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = served[0]
    with httpx.Client(base_url=base) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login-link").text)
        assert token
        form = {"email": "fleks2@test.example", "csrf_token": token[1]}
        assert client.post("/login-link", data=form).status_code in (200, 303)
    log = next(tmp_path_factory.getbasetemp().glob("served*/stdout.log"))
    deadline = time.monotonic() + 10
    while f"{base}/login-link/" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    printed = log.read_text()
    assert f"{base}/login-link/" in printed, printed[-2000:]
    assert "127.0.0.1:8000" not in printed
