"""Latency benchmark of the main list and search pages at production size (not a timed test).

    .venv/bin/python scripts/bench_web.py [--url postgresql+psycopg://...] [--profiles 100000]
        [--postings 50000] [--users 20] [--rounds 10] [--think 0] [--keep] [--reuse]

1. drops and creates the database (default fleksbro_bench on the local PostgreSQL), migrates it
   and loads the demo data set (real logins) plus bulk rows written with COPY: --profiles
   flexjobbers (users, profiles, accommodation needs) and --postings job postings, spread over
   the demo jobcentres and ~1,000 companies; then VACUUM ANALYZE (as autovacuum would);
2. starts the app with uvicorn (2 workers) on a free port;
3. logs --users virtual users in per role (flexjobber, company, consultant) and lets them fetch
   each page --rounds times at once (a thread per user), back to back or, with --think, after
   a pause like a person reading; prints median, p95 and requests/s per page.

The load generator runs on the same 2 cores as the app and PostgreSQL.
Target: p95 <= 200 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit.bulk_data import bulk_load, drop_database, load_demo, migrate, recreate_database  # noqa: E402
from benchkit.latency import logged_in_client, measure, p95  # noqa: E402
from benchkit.match_index import seed_embeddings, wait_for_match_index  # noqa: E402
from benchkit.server import SECRET, free_port, start_and_wait  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/fleksbro_bench"


def start_server(
    url: str, port: int, workers: int, data_dir: Path | None = None
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        **({"FLEKSBRO_DATA_DIR": str(data_dir)} if data_dir else {}),
        "FLEKSBRO_DATABASE_URL": url,
        "FLEKSBRO_SECRET_KEY": SECRET,
        "FLEKSBRO_ENVIRONMENT": "development",
        "FLEKSBRO_BASE_URL": f"http://127.0.0.1:{port}",
    }
    command = [
        str(ROOT / ".venv" / "bin" / "uvicorn"), "app.main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log", "--timeout-worker-healthcheck", "60",
    ]  # fmt: skip
    return start_and_wait(command, ROOT, env, port, poll=0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=50_000)
    parser.add_argument("--companies", type=int, default=960)
    parser.add_argument("--users", type=int, default=20, help="concurrent virtual users")
    parser.add_argument("--rounds", type=int, default=10, help="requests per user and page")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a user reads a page before the next request (0: back to back)",
    )
    parser.add_argument("--reuse", action="store_true", help="use the database as it is")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    if not args.reuse:
        started = time.monotonic()
        recreate_database(args.url)
        migrate(args.url)
        load_demo(args.url)
        bulk_load(args.url, args.profiles, args.postings, args.companies)
        print(f"database ready in {time.monotonic() - started:.1f} s")

    engine = create_engine(args.url)
    with engine.connect() as connection:
        posting_id = connection.execute(
            text(
                "SELECT p.id FROM job_postings p JOIN company_members m ON m.company_id = "
                "p.company_id JOIN users u ON u.id = m.user_id "
                "WHERE u.email = 'virksomhed@fleksbro.example' AND p.status = 'published' "
                "ORDER BY p.id LIMIT 1"
            )
        ).scalar()
    engine.dispose()

    data_dir = Path(tempfile.mkdtemp(prefix="fleksbro-bench-"))
    seed_embeddings(args.url, data_dir)
    port = free_port()
    server = start_server(args.url, port, args.workers, data_dir)
    base = f"http://127.0.0.1:{port}"
    try:
        roles = {
            "flexjobber": "borger@fleksbro.example",
            "company": "virksomhed@fleksbro.example",
            "consultant": "konsulent@gentofte.fleksbro.example",
        }
        clients: dict[str, list[httpx.Client]] = {}
        for role, email in roles.items():
            # One real login per role (argon2 is slow on purpose); the virtual users share it.
            first = logged_in_client(base, email)
            clients[role] = [first] + [
                httpx.Client(base_url=base, timeout=30, cookies=first.cookies)
                for _ in range(args.users - 1)
            ]
        ready = wait_for_match_index(base, args.workers)
        print(f"match index ready in every worker after {ready:.0f} s more")
        pages = [
            ("flexjobber", "/mine-match"),
            ("company", f"/opslag/{posting_id}/kandidater"),
            ("flexjobber", "/job"),
            ("flexjobber", "/job?q=lager"),
            ("flexjobber", "/api/v1/jobs"),
            ("flexjobber", "/api/v1/jobs?q=rengoering"),
            ("company", "/kandidater"),
            ("company", "/kandidater?q=bogf%C3%B8ring"),
            ("company", "/kandidater?hours_min=10&hours_max=15&skills=Excel"),
            ("company", f"/kandidater?posting={posting_id}&distance=20"),
            ("company", "/api/v1/candidates?q=lager"),
            ("company", "/api/v1/profiles"),
            ("company", "/api/v1/profiles?q=lager"),
            ("consultant", "/konsulent"),
            ("consultant", "/konsulent/soeg?q=hansen"),
            ("consultant", "/konsulent/soeg?q=s%C3%B8ren%20lager"),
            ("consultant", "/konsulent/soeg?q=kontor&type=opslag"),
        ]
        for role, path in pages:  # warm up each page once
            clients[role][0].get(path)
        pause = f"think time {args.think:g} s" if args.think else "no think time"
        print(
            f"\n{args.users} concurrent users ({pause}), {args.rounds} requests each, "
            f"{args.workers} workers"
        )
        print(f"{'page':<55} {'role':<11} {'median':>8} {'p95':>8} {'req/s':>6}  errors")
        for role, path in pages:
            timings, failures, rate = measure(clients[role], path, args.rounds, args.think)
            flag = "" if p95(timings) <= 200 else "  > 200 ms"
            print(
                f"{path:<55} {role:<11} {statistics.median(timings):7.0f}ms {p95(timings):7.0f}ms"
                f" {rate:6.1f}  {failures}{flag}"
            )
        for group in clients.values():
            for client in group:
                client.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            drop_database(args.url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
