"""Latency of the results dashboard (/tal) and the stats API on the 100,000-profile bench
database, single sequential requests as a leader (not a timed test).

    .venv/bin/python scripts/bench_stats.py [--url postgresql+psycopg://...] [--build]
        [--facts] [--rounds 20]

--build makes the database as scripts/bench_web.py does (demo data, then 100,000 profiles and
50,000 postings with COPY), then --facts adds six months of what the figures count
(scripts/benchkit/stats_facts.py: sign-ins in Refleks's bands, invitations, status changes,
matches through the funnel, follow-ups, "complete enough to match" dates). Without either,
the database (default fleksbro_bench_stats) is used as it is: build once, measure often.

The app is served by uvicorn (1 worker, the match index off: the dashboard does not use it),
the leader of Gentofte signs in for real, and each URL is fetched --rounds times one after
the other, after one unmeasured request. Twice: with the figures cache off (every request
computes, stats_cache_seconds=0) and on (the default: figures at most a minute old, so all
but the first request of a minute are served from it). Prints median and p95 per URL against
the goal p95 <= 500 ms, and exits 1 if a p95 of the uncached run is above it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit import bulk_data, stats_facts  # noqa: E402
from benchkit.latency import logged_in_client, p95  # noqa: E402
from benchkit.server import SECRET, free_port, start_and_wait  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/fleksbro_bench_stats"
LEADER = "leder@gentofte.fleksbro.example"
GOAL_MS = 500.0


def serve(url: str, port: int, cache_seconds: float) -> object:
    env = {
        **os.environ,
        "FLEKSBRO_DATABASE_URL": url,
        "FLEKSBRO_SECRET_KEY": SECRET,
        "FLEKSBRO_ENVIRONMENT": "development",
        "FLEKSBRO_BASE_URL": f"http://127.0.0.1:{port}",
        "FLEKSBRO_MATCHING_BACKGROUND": "false",
        "FLEKSBRO_STATS_CACHE_SECONDS": str(cache_seconds),
    }
    command = [
        str(ROOT / ".venv" / "bin" / "uvicorn"), "app.main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return start_and_wait(command, ROOT, env, port, poll=0.5)


def urls(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        team_id, consultant_id, profiles = connection.execute(
            text(
                "SELECT u.team_id, u.id, (SELECT count(*) FROM flexjobber_profiles p"
                " WHERE p.jobcentre_id = u.jobcentre_id) FROM users u"
                " WHERE u.email = 'konsulent@gentofte.fleksbro.example'"
            )
        ).one()
    engine.dispose()
    print(f"Gentofte: {profiles} profiles; team {team_id}, consultant {consultant_id}")
    six_months = _six_months_ago()
    return [
        "/tal",  # the jobcentre, six months by month (the default)
        f"/tal?from={six_months}&by=week",
        "/api/v1/stats",
        f"/api/v1/stats?from={six_months}&by=week",
        f"/api/v1/stats?team_id={team_id}",
        f"/api/v1/stats?consultant_id={consultant_id}",
    ]


def _six_months_ago() -> str:
    from app.kit.clock import utcnow
    from app.stats.periods import MONTH, local_today
    from app.stats.query import default_first

    return default_first(local_today(utcnow()), MONTH).isoformat()


def measure(client: httpx.Client, path: str, rounds: int) -> list[float]:
    response = client.get(path)  # unmeasured: the first request also fills the caches
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code}")
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
    return timings


def run(url: str, rounds: int, cache_seconds: float, paths: list[str]) -> dict[str, list[float]]:
    port = free_port()
    server = serve(url, port, cache_seconds)
    try:
        client = logged_in_client(f"http://127.0.0.1:{port}", LEADER)
        client.timeout = httpx.Timeout(300)  # an uncached request may take long: measure it
        try:
            return {path: measure(client, path, rounds) for path in paths}
        finally:
            client.close()
    finally:
        server.terminate()  # type: ignore[attr-defined]
        server.wait(timeout=30)  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--build", action="store_true", help="make the database (then --facts)")
    parser.add_argument("--facts", action="store_true", help="(re)write the six months' facts")
    parser.add_argument("--rounds", type=int, default=20, help="requests per URL, cached")
    parser.add_argument("--uncached-rounds", type=int, default=5, help="requests per URL, uncached")
    args = parser.parse_args()
    if args.build:
        started = time.monotonic()
        bulk_data.recreate_database(args.url)
        bulk_data.migrate(args.url)
        bulk_data.load_demo(args.url)
        bulk_data.bulk_load(args.url, 100_000, 50_000, 960)
        print(f"profiles and postings ready in {time.monotonic() - started:.0f} s")
    if args.build or args.facts:
        stats_facts.load(args.url)
    paths = urls(args.url)
    print(
        f"sequential single requests as {LEADER}, after one warm-up each: {args.uncached_rounds}"
        f" per URL with the cache off, {args.rounds} with it on; load average"
        f" {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
    )
    print(f"{'URL':<58} {'cache':>6} {'median':>8} {'p95':>8}")
    worst = 0.0
    for label, seconds, rounds in (("off", 0.0, args.uncached_rounds), ("60 s", 60.0, args.rounds)):
        for path, timings in run(args.url, rounds, seconds, paths).items():
            high = p95(timings)
            if seconds == 0.0:
                worst = max(worst, high)
            flag = "" if high <= GOAL_MS else f"  > {GOAL_MS:.0f} ms"
            print(f"{path:<58} {label:>6} {statistics.median(timings):7.0f}ms {high:7.0f}ms{flag}")
    verdict = "met" if worst <= GOAL_MS else "NOT met"
    print(f"\ngoal p95 <= {GOAL_MS:.0f} ms on every URL without the cache: {verdict}"
          f" (worst p95 {worst:.0f} ms)")  # fmt: skip
    return 0 if worst <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
