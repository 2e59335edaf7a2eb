"""Schemathesis against /openapi.json as a flexjobber, a company user and a consultant.

    .venv/bin/python scripts/fuzz_api.py [--examples 40] [--seconds 150]

A temporary SQLite database with the demo data, the app under uvicorn, then ``st run`` with
each persona's API token and the check ``not_a_server_error`` (bounded examples and time per
persona). Token revocation (/api/v1/me/tokens) is left out: the fuzzer would revoke its own
token. Exits 1 if any request got a 5xx.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_concurrency import prepare
from benchkit.server import free_port, serve

PERSONAS = [
    "borger@fleksbro.example",
    "virksomhed@fleksbro.example",
    "konsulent@gentofte.fleksbro.example",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=40)
    parser.add_argument("--seconds", type=int, default=150, help="time budget per persona")
    args = parser.parse_args()
    st = Path(sys.executable).parent / "st"
    failed = 0
    with tempfile.TemporaryDirectory(prefix="fleksbro-fuzz-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'fuzz.db'}"
        tokens = dict(prepare(url, 7))
        os.environ["FLEKSBRO_MATCHING_BACKGROUND"] = "false"  # no encoder work while fuzzing
        port = free_port()
        server = serve(url, port, 1, Path(tmp) / "data", quiet=True)
        try:
            for email in PERSONAS:
                print(f"== {email}", flush=True)
                result = subprocess.run(
                    [
                        str(st), "run", f"http://127.0.0.1:{port}/openapi.json",
                        "-H", f"Authorization: Bearer {tokens[email]}",
                        "--exclude-path-regex", "/tokens",
                        "-c", "not_a_server_error",
                        "-n", str(args.examples), "--max-time", str(args.seconds),
                    ],
                    check=False,
                )  # fmt: skip
                failed += result.returncode != 0
        finally:
            server.terminate()
            server.wait(timeout=30)
    print("no server errors" if not failed else f"server errors for {failed} persona(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
