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
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy import select as sa_select
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit.server import start_and_wait  # noqa: E402

from app.demo import people_data as pd  # noqa: E402
from app.demo.accounts_data import DEMO_PASSWORD  # noqa: E402
from app.demo.people import esco_uri  # noqa: E402
from app.jobs.search_text import posting_search_text  # noqa: E402
from app.profiles.search_text import profile_search_text  # noqa: E402
from matching import reference  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/fleksbro_bench"

SECRET = "bench-secret-key-that-is-long-enough-0123456789"


# ------------------------------------------------------------------ database


def drop_database(url: str, *, create_again: bool = False) -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        if create_again:
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def recreate_database(url: str) -> None:
    drop_database(url, create_again=True)


def migrate(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")


def load_demo(url: str) -> None:
    from app.db import make_engine, session_scope
    from app.demo.loader import load_demo_data

    engine = make_engine(url)
    with session_scope(engine) as db:
        print(load_demo_data(db))
    engine.dispose()


def _copy(cursor: Any, table: str, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> int:
    count = 0
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _profile_rows(
    rng: random.Random,
    n: int,
    first_user: int,
    first_profile: int,
    centres: list[int],
    consultants: dict[int, list[int]],
    now: datetime,
) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    codes = [
        f"{i:04d}"
        for i in range(10_000)
        if (info := reference.postcode_info(f"{i:04d}")) and not info.non_geographic
    ]
    visibilities = ("hidden", "anonymous", "named")
    users, profiles, needs = [], [], []
    for i in range(n):
        family = rng.choice(pd.FAMILIES)
        uid, pid = first_user + i, first_profile + i
        centre = centres[i % len(centres)]
        name = f"{rng.choice(pd.FIRST_NAMES)} {rng.choice(pd.LAST_NAMES)}"
        hours_min = rng.randint(2, 20)
        hours_max = min(30, hours_min + rng.choice((0, 2, 5, 8)))
        wished = [
            {"label": label, "uri": esco_uri(label)}
            for label in rng.sample(family.wished, min(2, len(family.wished)))
        ]
        skills = rng.sample(family.skills, 4)
        experience = [
            {
                "title": rng.choice(family.jobs),
                "employer": rng.choice(family.employers),
                "start": "2015-01",
                "end": "2020-06",
                "description": "",
            }
        ]
        education = [{"title": rng.choice(family.educations), "institution": "", "year": "2010"}]
        record = SimpleNamespace(
            headline=rng.choice(family.headlines),
            about=f"{rng.choice(family.intros)} {rng.choice(pd.STRENGTHS)} {rng.choice(pd.FLEX_LINES)}",
            wished_jobs=wished,
            skills=skills,
            experience=experience,
            education=education,
            languages=["Dansk"],
        )
        visibility = rng.choices(visibilities, (15, 40, 45))[0]
        staff = consultants.get(centre) or [None]
        users.append(
            (uid, f"bench{i}@bench.example", name, None, "flexjobber", centre, True, "da", now)
        )
        profiles.append((
            pid, uid, centre, staff[i % len(staff)], f"Bench-{i}", record.headline, record.about,
            json.dumps(wished), json.dumps(skills), json.dumps(experience), json.dumps(education),
            json.dumps(["Dansk"]), hours_min, hours_max, json.dumps(["mon_morning"]),
            rng.choice(codes), False, visibility, visibility != "hidden" and rng.random() < 0.3,
            profile_search_text(record), now - timedelta(minutes=i), now - timedelta(minutes=i),
        ))  # fmt: skip
        needs.append((pid, json.dumps({rng.choice(family.needs): True}), "", now))
        if len(users) == 5_000:
            yield users, profiles, needs
            users, profiles, needs = [], [], []
    if users:
        yield users, profiles, needs


def bulk_load(url: str, n_profiles: int, n_postings: int, n_companies: int) -> None:
    engine = create_engine(url)
    rng = random.Random(7)
    now = datetime.now(UTC)
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("SELECT id FROM jobcentres ORDER BY id")
        centres = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT id, jobcentre_id FROM users WHERE role = 'consultant'")
        consultants: dict[int, list[int]] = {}
        for uid, centre in cur.fetchall():
            consultants.setdefault(centre, []).append(uid)
        cur.execute("SELECT coalesce(max(id), 0) FROM users")
        first_user = cur.fetchone()[0] + 1
        cur.execute("SELECT coalesce(max(id), 0) FROM flexjobber_profiles")
        first_profile = cur.fetchone()[0] + 1
        # Public ids as the app draws them (app.kit.tokens.random_public_id), unique.
        cur.execute("SELECT public_id FROM flexjobber_profiles")
        taken = {row[0] for row in cur.fetchall()}
        started = time.monotonic()
        for users, rows, needs in _profile_rows(
            rng, n_profiles, first_user, first_profile, centres, consultants, now
        ):
            profiles = []
            for row in rows:
                public_id = rng.randrange(10**9, 2**31 - 1)
                while public_id in taken:
                    public_id = rng.randrange(10**9, 2**31 - 1)
                taken.add(public_id)
                profiles.append((*row, public_id))
            _copy(
                cur,
                "users",
                [
                    "id",
                    "email",
                    "display_name",
                    "password_hash",
                    "role",
                    "jobcentre_id",
                    "active",
                    "locale",
                    "created_at",
                ],
                users,
            )
            _copy(
                cur,
                "flexjobber_profiles",
                [
                    "id",
                    "user_id",
                    "jobcentre_id",
                    "consultant_id",
                    "pseudonym",
                    "headline",
                    "about",
                    "wished_jobs",
                    "skills",
                    "experience",
                    "education",
                    "languages",
                    "hours_min",
                    "hours_max",
                    "schedule",
                    "postcode",
                    "remote_only",
                    "visibility",
                    "share_accommodations",
                    "search_text",
                    "created_at",
                    "updated_at",
                    "public_id",
                ],
                profiles,
            )
            _copy(cur, "accommodation_needs", ["profile_id", "needs", "note", "updated_at"], needs)
        print(f"{n_profiles} profiles in {time.monotonic() - started:.1f} s")

        # more companies, so a company user's jobcentre has a realistic number of them
        cur.execute("SELECT coalesce(max(id), 0) FROM companies")
        first_company = cur.fetchone()[0] + 1
        companies = [
            (first_company + i, f"Benchfirma {i} ApS", f"{90000000 + i:08d}", "", rng.choice(
                ("2900", "8000", "5000", "2800", "8200", "5210", "4000", "9000")),
             centres[i % len(centres)], "", "", "", "", "[]", now)
            for i in range(n_companies)
        ]  # fmt: skip
        _copy(
            cur,
            "companies",
            [
                "id",
                "name",
                "cvr",
                "address",
                "postcode",
                "jobcentre_id",
                "industry",
                "size",
                "description",
                "fleksjob_statement",
                "accommodations_offered",
                "created_at",
            ],
            companies,
        )
        cur.execute("SELECT id, name, postcode FROM companies")
        all_companies = cur.fetchall()
        started = time.monotonic()

        def postings() -> Iterator[tuple[Any, ...]]:
            for i in range(n_postings):
                family = rng.choice(pd.FAMILIES)
                company_id, company_name, postcode = rng.choice(all_companies)
                hours_min = rng.randint(4, 20)
                skills = rng.sample(family.skills, 4)
                record = SimpleNamespace(
                    title=rng.choice(family.titles),
                    description=rng.choice(family.posting_intro),
                    tasks=", ".join(rng.sample(family.tasks, 2)),
                    required_skills=skills[:2],
                    nice_skills=skills[2:],
                )
                status = rng.choices(("published", "draft", "closed"), (85, 10, 5))[0]
                yield (
                    company_id, record.title, esco_uri(family.wished[0]), record.description,
                    record.tasks, json.dumps(record.required_skills),
                    json.dumps(record.nice_skills), hours_min, hours_min + 5,
                    json.dumps(["mon_morning", "tue_morning"]), postcode, family.remote,
                    json.dumps(list(family.offered[:3])), "fleksjob", status,
                    posting_search_text(record, company_name),  # type: ignore[arg-type]
                    now - timedelta(minutes=i), now - timedelta(minutes=i),
                    now if status != "draft" else None,
                )  # fmt: skip

        _copy(cur, "job_postings", [
            "company_id", "title", "esco_uri", "description", "tasks", "required_skills",
            "nice_skills", "hours_min", "hours_max", "schedule", "postcode", "remote",
            "accommodations_offered", "job_type", "status", "search_text", "created_at",
            "updated_at", "published_at"], postings())  # fmt: skip
        print(f"{n_postings} postings in {time.monotonic() - started:.1f} s")
        for table in ("users", "flexjobber_profiles", "companies"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
        raw.commit()
    finally:
        raw.close()
        engine.dispose()
    # What autovacuum does to a live database after a bulk load: statistics, and the visibility
    # map that lets counts run as index-only scans. Without it every count reads the heap.
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.execute(text("VACUUM ANALYZE"))


# ------------------------------------------------------------------ server and load


def seed_embeddings(url: str, data_dir: Path) -> None:
    """Puts a random unit vector in the server's embedding cache for every indexed text, so the
    match index of 150,000 records builds without hours of encoding. Latency of ranking does
    not depend on what the vectors say; encoder speed is measured in scripts/bench_matching.py.
    """
    import numpy as np
    from sqlalchemy.orm import Session

    from app.matchmaking.records import job_record, profile_record
    from app.models import AccommodationNeeds, FlexjobberProfile, JobPosting
    from matching.encoders import get_encoder
    from matching.encoders.cache import text_key
    from matching.vectorize import job_text, profile_text

    started = time.monotonic()
    encoder = get_encoder("e5", str(data_dir / "embeddings"))
    rng = np.random.default_rng(7)
    engine = create_engine(url)
    texts: list[str] = []
    with Session(engine) as db:
        for profile, needs in db.execute(text_select(FlexjobberProfile, AccommodationNeeds)):
            texts.append(profile_text(profile_record(profile, needs)))
        for posting in db.scalars(sa_select(JobPosting)):
            texts.append(job_text(job_record(posting)))
    engine.dispose()
    vectors = rng.standard_normal((len(texts), encoder.dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for body, vector in zip(texts, vectors, strict=True):
        encoder.cache.put(text_key("q", body), vector)
    encoder.cache.flush()
    print(f"seeded {len(texts)} embeddings in {time.monotonic() - started:.1f} s")


def text_select(profile_model: Any, needs_model: Any) -> Any:
    return sa_select(profile_model, needs_model).outerjoin(
        needs_model, needs_model.profile_id == profile_model.id
    )


def wait_for_match_index(base: str, workers: int, timeout: float = 900) -> float:
    """Seconds until every worker's match index is built (each builds its own in the
    background). Each poll opens a new connection, so polls reach the workers at random; a
    run of consecutive "ready" answers stands for all of them. Measuring while a worker
    still builds would measure the build."""
    started = time.monotonic()
    in_a_row = 0
    while time.monotonic() - started < timeout:
        with httpx.Client(base_url=base, timeout=10) as probe:
            ready = probe.get("/readyz").json().get("match_index") == "ready"
        in_a_row = in_a_row + 1 if ready else 0
        if in_a_row >= 10 * workers:
            return time.monotonic() - started
        time.sleep(0.2 if ready else 1)
    raise SystemExit("the match index was not ready in time")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


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


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def logged_in_client(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
    page = client.get("/login")
    match = _CSRF.search(page.text)
    assert match, "no CSRF token on /login"
    response = client.post(
        "/login", data={"email": email, "password": DEMO_PASSWORD, "csrf_token": match.group(1)}
    )
    if response.status_code != 303:
        raise SystemExit(f"login as {email} failed: {response.status_code}")
    return client


def measure(
    clients: list[httpx.Client], path: str, rounds: int, think: float = 0.0
) -> tuple[list[float], int, float]:
    """Each client fetches `path` `rounds` times; with `think` > 0 it waits a random
    0.5–1.5 × think seconds before each request, like a person reading the page. Returns the
    latencies (ms), the failures and the achieved throughput (requests/s)."""
    timings: list[float] = []
    failures = 0
    lock = threading.Lock()
    barrier = threading.Barrier(len(clients))

    def run(client: httpx.Client) -> None:
        nonlocal failures
        rng = random.Random(id(client))
        barrier.wait()
        for _ in range(rounds):
            if think > 0:
                time.sleep(rng.uniform(0.5 * think, 1.5 * think))
            started = time.perf_counter()
            try:
                ok = client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                timings.append(elapsed)
                if not ok:
                    failures += 1

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, failures, len(timings) / (time.monotonic() - started)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


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
