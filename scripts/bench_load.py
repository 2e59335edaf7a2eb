"""Load test: simulated people using a served app for a fixed number of requests each, on SQLite
and PostgreSQL.

    .venv/bin/python scripts/bench_load.py [--db sqlite|postgres|both] [--users 50]
        [--requests 40] [--seed 1] [--think 0.3] [--ramp 30] [--workers 1]

For each database: a fresh database (a temporary SQLite file, or fleksbro_bench_load on the
local PostgreSQL), migrated, with the demo data; --users demo personas (about 60 % flexjobbers,
30 % company users, 10 % consultants; scripts/benchkit/personas.py) each with an API token;
then ``fleksbro serve`` on a free port. Every persona runs in its own thread, starting at a
random moment within the first --ramp seconds: it signs in through the login form (CSRF),
then walks a seeded script (scripts/benchkit/walker.py) of page
views, API calls with its token, profile edits (API and the "Om mig" form), match actions (a
flexjobber's interest / save / hide, a company's "Vi vil gerne tale med dig", a consultant's
recommendation; pages and API), messages on its open conversations and signing out and in
again, with a think time of 0–2 × --think seconds between steps, until it has made --requests
requests.

Prints per database and kind of request: requests, errors, p50 and p95 latency, and the totals.
An error is a 5xx, a connection error or timeout, or a status the step does not expect (the
walker's docstring says which 4xx are expected: only 409 for a match action the match's state
no longer allows). Exit status 1 if there was any error. The load generator shares the cores.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit.demo_db import migrated_with_demo_data, recreate_postgres  # noqa: E402
from benchkit.personas import pick  # noqa: E402
from benchkit.server import free_port, serve  # noqa: E402
from benchkit.walker import KINDS, Record, SimUser  # noqa: E402

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/fleksbro_bench_load"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def table(db: str, records: list[Record], seconds: float) -> None:
    by_kind: dict[str, list[Record]] = collections.defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record)
    print(f"\n{db}: {len(records)} requests in {seconds:.1f} s ({len(records) / seconds:.1f}/s)")
    print(f"{'kind':18} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}  statuses")
    rows = [(kind, by_kind[kind]) for kind in KINDS if by_kind[kind]]
    for kind, rs in [*rows, ("total", records)]:
        ms = [r.ms for r in rs]
        statuses = collections.Counter(r.status for r in rs)
        counts = ", ".join(f"{k} × {v}" for k, v in sorted(statuses.items()))
        errors = sum(not r.ok for r in rs)
        p50, p95 = percentile(ms, 0.5), percentile(ms, 0.95)
        print(f"{kind:18} {len(rs):8} {errors:6} {p50:7.0f} {p95:7.0f}  {counts}")
    wrong = collections.Counter(f"{r.status} {r.kind}: {r.what}" for r in records if not r.ok)
    for what, count in wrong.most_common(20):
        print(f"  error × {count}: {what}")


def run_against(db: str, url: str, args: argparse.Namespace, data_dir: Path) -> int:
    engine = migrated_with_demo_data(url)
    try:
        personas = pick(engine, args.users, args.seed)
    finally:
        engine.dispose()
    port = free_port()
    server = serve(url, port, args.workers, data_dir, quiet=True)
    base = f"http://127.0.0.1:{port}"
    try:
        users = [
            SimUser(base, p, args.requests, args.seed * 1000 + i, args.think, args.timeout)
            for i, p in enumerate(personas)
        ]
        # People arrive over --ramp seconds, not all in the same instant.
        rng = random.Random(args.seed)
        threads = [threading.Thread(target=u.run, args=(rng.uniform(0, args.ramp),)) for u in users]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    records = [r for u in users for r in u.records]
    roles = collections.Counter(p.role for p in personas)
    print(f"\n{db}: {len(personas)} users ({', '.join(f'{v} {k}' for k, v in roles.items())})")
    table(db, records, seconds)
    return sum(not r.ok for r in records)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--postgres-url", default=PG_URL)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="requests per user")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--think", type=float, default=0.3, help="mean think time, seconds")
    parser.add_argument("--ramp", type=float, default=30.0, help="users start within, seconds")
    parser.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.users < 3:
        parser.error("--users must be at least 3 (one of each role)")
    bad = 0
    with tempfile.TemporaryDirectory(prefix="fleksbro-load-") as tmp:
        if args.db in ("sqlite", "both"):
            url = f"sqlite:///{Path(tmp) / 'fleksbro.db'}"
            bad += run_against("SQLite", url, args, Path(tmp) / "data-sqlite")
        if args.db in ("postgres", "both"):
            recreate_postgres(args.postgres_url)
            bad += run_against("PostgreSQL", args.postgres_url, args, Path(tmp) / "data-pg")
    print(f"\n{bad} errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
