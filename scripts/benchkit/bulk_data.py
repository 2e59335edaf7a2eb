"""The benchmarks' production-size database: dropped and created again, migrated, the demo
data set loaded (real logins), then bulk rows written with COPY: flexjobbers (users, profiles,
accommodation needs), ~1,000 more companies and job postings spread over the demo
jobcentres; then VACUUM ANALYZE, as autovacuum would."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.demo import people_data as pd
from app.demo.people import esco_uri
from app.jobs.search_text import posting_search_text
from app.profiles.search_text import profile_search_text
from benchkit.server import ROOT
from matching import reference


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


def vacuum_analyze(url: str) -> None:
    """What autovacuum does to a live database after a bulk load: statistics, and the
    visibility map that lets counts run as index-only scans. Without it every count reads
    the heap."""
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.execute(text("VACUUM ANALYZE"))


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
    vacuum_analyze(url)
