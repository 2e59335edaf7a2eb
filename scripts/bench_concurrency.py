"""Concurrency check: bursts of parallel requests against a served app, on SQLite and PostgreSQL.

    .venv/bin/python scripts/bench_concurrency.py [--db sqlite|postgres|both] [--api 80]
        [--tokens 8] [--pages 60] [--writes 20] [--rounds 3] [--workers 1]

For each database: a fresh database (a temporary SQLite file, or fleksbro_bench_robust on the
local PostgreSQL), migrated, with the demo data, --tokens personal API tokens and six signed-in
demo users; then the app under uvicorn (--workers processes) on a free port. Each round fires,
all at the same moment (a thread per request):

- api:   --api × ``GET /api/v1/me`` spread over the tokens (each first use touches the token);
- pages: --pages page views by the signed-in users (home, jobs, Mine match, profile, ...);
- mixed: both of the above plus --writes profile edits (``PUT /api/v1/me/profile``).

Prints, per database and burst, the status counts and the median / p95 / max latency.
Target: no 5xx and no connection errors. The load generator shares the machine's cores.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit.demo_db import migrated_with_demo_data, recreate_postgres  # noqa: E402
from benchkit.server import csrf_token, free_port, serve  # noqa: E402

from app.demo.accounts_data import DEMO_PASSWORD  # noqa: E402

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/fleksbro_bench_robust"
PEOPLE = [
    ("borger@fleksbro.example", ["/hjem", "/job", "/mine-match", "/profil", "/notifikationer"]),
    ("borger2@fleksbro.example", ["/hjem", "/job", "/mine-data", "/profil"]),
    ("virksomhed@fleksbro.example", ["/hjem", "/kandidater", "/virksomhed/opslag"]),
    ("virksomhed2@fleksbro.example", ["/hjem", "/kandidater", "/virksomheder"]),
    ("konsulent@gentofte.fleksbro.example", ["/konsulent", "/konsulent/match", "/job"]),
    ("konsulent@aarhus.fleksbro.example", ["/konsulent", "/konsulent/soeg?q=lager"]),
]
WRITERS = ["borger@fleksbro.example", "borger2@fleksbro.example", "borger3@fleksbro.example"]


def prepare(url: str, n_tokens: int) -> list[tuple[str, str]]:
    """Migrates, loads the demo data and returns (e-mail, API token) for n_tokens tokens."""
    from app.auth.service import create_api_token, user_by_email
    from app.db import session_scope

    engine = migrated_with_demo_data(url)
    tokens: list[tuple[str, str]] = []
    emails = list(dict.fromkeys([email for email, _ in PEOPLE] + WRITERS))
    with session_scope(engine) as db:
        for i in range(n_tokens):
            user = user_by_email(db, emails[i % len(emails)])
            assert user is not None
            tokens.append((user.email, create_api_token(db, user, f"bench {i}")))
    engine.dispose()
    return tokens


def signed_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    form = {
        "email": email,
        "password": DEMO_PASSWORD,
        "csrf_token": csrf_token(client.get("/login").text),
    }
    response = client.post("/login", data=form)
    if response.status_code != 303:
        raise SystemExit(f"login as {email} failed: {response.status_code}")
    return client


Call = tuple[httpx.Client, str, str, dict[str, object] | None]


def burst(calls: list[Call]) -> tuple[collections.Counter[str], list[float]]:
    """Fires every call at the same moment; returns status counts and latencies (ms)."""
    statuses: collections.Counter[str] = collections.Counter()
    timings: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(calls))

    def run(call: Call) -> None:
        client, method, path, body = call
        barrier.wait()
        started = time.perf_counter()
        try:
            status = str(client.request(method, path, json=body).status_code)
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        with lock:
            timings.append((time.perf_counter() - started) * 1000)
            statuses[status] += 1

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, timings


def report(db: str, name: str, statuses: collections.Counter[str], timings: list[float]) -> int:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    counts = ", ".join(f"{k} × {v}" for k, v in sorted(statuses.items()))
    print(
        f"{db:9} {name:6} {len(timings):4} requests  {counts:28}  median "
        f"{statistics.median(timings):6.0f} ms  p95 {p95:6.0f} ms  max {ordered[-1]:6.0f} ms"
    )
    return sum(v for k, v in statuses.items() if not k.isdigit() or k.startswith("5"))


def run_against(db: str, url: str, args: argparse.Namespace, data_dir: Path) -> int:
    tokens = prepare(url, args.tokens)
    port = free_port()
    server = serve(url, port, args.workers, data_dir, quiet=True)
    base = f"http://127.0.0.1:{port}"
    bad = 0
    try:
        api = [httpx.Client(base_url=base, timeout=60) for _ in range(args.api)]
        for i, client in enumerate(api):
            client.headers["Authorization"] = f"Bearer {tokens[i % len(tokens)][1]}"
        people = [(signed_in(base, email), paths) for email, paths in PEOPLE]
        writer_tokens = [token for email, token in tokens if email in WRITERS]
        writers = []
        for i in range(args.writes):
            client = httpx.Client(base_url=base, timeout=60)
            client.headers["Authorization"] = f"Bearer {writer_tokens[i % len(writer_tokens)]}"
            writers.append(client)
        api_calls: list[Call] = [(c, "GET", "/api/v1/me", None) for c in api]
        page_calls: list[Call] = []
        for i in range(args.pages):
            client, paths = people[i % len(people)]
            page_calls.append((client, "GET", paths[(i // len(people)) % len(paths)], None))
        write_calls: list[Call] = [
            (c, "PUT", "/api/v1/me/profile", {"about": f"Skrevet under last {i}."})
            for i, c in enumerate(writers)
        ]
        for round_no in range(args.rounds):
            if round_no:
                time.sleep(args.pause)
            bad += report(db, "api", *burst(api_calls))
            bad += report(db, "pages", *burst(page_calls))
            bad += report(db, "mixed", *burst(api_calls + page_calls + write_calls))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--postgres-url", default=PG_URL)
    parser.add_argument("--api", type=int, default=80)
    parser.add_argument("--tokens", type=int, default=8)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between rounds")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.tokens < 7:
        parser.error("--tokens must be at least 7 (one per demo user the bench uses)")
    bad = 0
    with tempfile.TemporaryDirectory(prefix="fleksbro-bench-") as tmp:
        if args.db in ("sqlite", "both"):
            url = f"sqlite:///{Path(tmp) / 'fleksbro.db'}"
            bad += run_against("sqlite", url, args, Path(tmp) / "data-sqlite")
        if args.db in ("postgres", "both"):
            recreate_postgres(args.postgres_url)
            bad += run_against("postgres", args.postgres_url, args, Path(tmp) / "data-pg")
    print(f"{bad} server errors or failed connections")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
