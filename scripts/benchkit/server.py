"""Start a served app for a benchmark and wait until it answers /healthz."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET = "bench-secret-key-that-is-long-enough-0123456789"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def start_and_wait(
    command: list[str],
    cwd: Path,
    env: Mapping[str, str],
    port: int,
    poll: float = 0.5,
    quiet: bool = False,
) -> subprocess.Popen[bytes]:
    """quiet drops the server's stdout (the development mailer prints every e-mail there);
    its stderr, where tracebacks go, stays."""
    stdout = subprocess.DEVNULL if quiet else None
    server = subprocess.Popen(command, cwd=cwd, env=dict(env), stdout=stdout)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(poll)
    server.terminate()
    raise SystemExit("the server did not start")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(
    url: str, port: int, workers: int, data_dir: Path, quiet: bool = False
) -> subprocess.Popen[bytes]:
    """``fleksbro serve`` on 127.0.0.1:port with development settings."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "FLEKSBRO_DATABASE_URL": url,
        "FLEKSBRO_DATA_DIR": str(data_dir),
        "FLEKSBRO_SECRET_KEY": SECRET,
        "FLEKSBRO_ENVIRONMENT": "development",
        "FLEKSBRO_BASE_URL": f"http://127.0.0.1:{port}",
    }
    # As in production (fleksbro serve), so its server options are the ones measured.
    command = [
        sys.executable, "-m", "app.cli", "serve",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
    ]  # fmt: skip
    return start_and_wait(command, ROOT, env, port, poll=0.3, quiet=quiet)


def csrf_token(page: str) -> str:
    found = CSRF.search(page)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)
