"""Start a served app for a benchmark and wait until it answers /healthz."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

import httpx


def start_and_wait(
    command: list[str], cwd: Path, env: Mapping[str, str], port: int, poll: float = 0.5
) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(command, cwd=cwd, env=dict(env))
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
