"""Ranks a benchmark set (../shared/bench format) THROUGH A SERVED APP'S HTTP API and prints what
people would see: MRR and nDCG@10 (matching/metrics.py's definitions), the share of queries
whose best-graded item is shown as "Stærkt match" (score ≥ 50), and the mean displayed score
per relevance grade (2, 1, and 0 = unrelated items in the top 10), for both directions.

    python scripts/eval_product.py --set ../shared/bench/fleksjob-da-dev
    python scripts/eval_product.py --set DIR --base-url http://127.0.0.1:8000 \\
        --database-url postgresql+psycopg://postgres@127.0.0.1/fleksbro [--as consultant]

By default it starts its own app (uvicorn) on a fresh, migrated SQLite database in a temp dir.
The accounts (a jobcentre, a company with one user, a consultant, one flexjobber per profile)
and their personal API tokens are made with the same service functions as `fleksbro
create-jobcentre`, `create-user` and `api-token` (the API creates no accounts: people are
invited); everything else goes through /api/v1: the company publishes the set's postings
(POST /api/v1/jobs), each flexjobber fills in their profile and makes it findable
(PUT /api/v1/me/profile), then the rankings are read from /api/v1/me/matches and
/api/v1/jobs/{id}/candidates. The embedding cache ($FLEKSBRO_MATCHING_CACHE, default
~/.cache/fleksbro-matching) is shared with the served app, so a second run encodes nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a file: import this checkout's app, not an installed one
    sys.path.insert(0, str(ROOT))

from scripts.eval_product_parts import (  # noqa: E402
    BenchSet,
    Ranked,
    figures,
    job_payload,
    load_set,
    profile_payload,
    served_app,
)

LIMIT = 100  # the API's cap; at least the top 50 of each list are ranked
PASSWORD = "Eval-product-2026!"


def bootstrap(database_url: str, bench: BenchSet) -> tuple[int, str, str, dict[str, str]]:
    """A jobcentre, a company and its user, a consultant, and one flexjobber per profile, with
    API tokens; returns (company id, company token, consultant token, profile id -> token)."""
    import uuid

    from app.accounts.service import create_jobcentre, create_user
    from app.auth.service import create_api_token
    from app.companies.service import add_member, create_company
    from app.db import engine_for, session_scope
    from app.models import Role

    run = uuid.uuid4().hex[:6]  # a served database may hold an earlier run
    with session_scope(engine_for(database_url)) as db:
        code = str(100 + int(run, 16) % 900)
        centre = create_jobcentre(db, name=f"Jobcenter Eval {run}", kommune_code=code)
        consultant = create_user(
            db,
            email=f"konsulent-{run}@eval.example",
            display_name="Eval Konsulent",
            role=Role.CONSULTANT,
            jobcentre_id=centre.id,
            password=PASSWORD,
        )
        company = create_company(
            db,
            name=f"Eval {run} ApS",
            cvr=_cvr(int(run, 16)),
            postcode="2900",
            jobcentre_id=centre.id,
        )
        member = create_user(
            db,
            email=f"firma-{run}@eval.example",
            display_name="Eval Firma",
            role=Role.COMPANY,
            jobcentre_id=None,
            password=PASSWORD,
        )
        add_member(db, company, member)
        people = {}
        for profile in bench.profiles:
            person = create_user(
                db,
                email=f"{profile['id']}-{run}@eval.example",
                display_name=f"Eval {profile['id']}",
                role=Role.FLEXJOBBER,
                jobcentre_id=centre.id,
                password=PASSWORD,
            )
            people[str(profile["id"])] = create_api_token(db, person, "eval_product")
        return (
            company.id,
            create_api_token(db, member, "eval_product"),
            create_api_token(db, consultant, "eval_product"),
            people,
        )


def _cvr(seed: int) -> str:
    """A valid CVR number (modulus 11) from a seed."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [int(d) for d in f"{10_000_000 + seed % 89_999_999:08d}"[:7]]
        check = (11 - sum(w * d for w, d in zip(weights, digits, strict=True)) % 11) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)
        seed += 1


def _put(client: httpx.Client, path: str, token: str, body: dict[str, object], what: str) -> dict:
    """One write; a field the product refuses is reported and left out (never silently)."""
    method = "POST" if path == "/api/v1/jobs" else "PUT"
    for _ in range(3):
        response = client.request(method, path, json=body, headers=_auth(token))
        if response.status_code in (200, 201):
            return dict(response.json())
        error = response.json().get("error", {}) if response.status_code == 422 else {}
        fields = error.get("fields") or {}
        # Service errors name the field ("hours_max"); schema errors its path ("body.hours_max").
        refused = [name for name in body if name in fields or f"body.{name}" in fields]
        if not refused:
            raise SystemExit(f"{what}: {response.status_code} {response.text}")
        print(f"warning: {what}: the product refused {fields}; left out", file=sys.stderr)
        body = {k: v for k, v in body.items() if k not in refused}
    raise SystemExit(f"{what}: refused again: {response.text}")


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _ranked(
    client: httpx.Client, path: str, token: str, key: str, to_bench: dict[int, str], timeout: float
) -> list[Ranked]:
    deadline = time.monotonic() + timeout
    while True:
        response = client.get(path, params={"limit": LIMIT}, headers=_auth(token))
        response.raise_for_status()
        body = response.json()
        if body["ready"]:
            return [
                Ranked(to_bench[item[key]], float(item["score"]), item["band"])
                for item in body["items"]
                if item[key] in to_bench
            ]
        if time.monotonic() > deadline:
            raise SystemExit(f"{path} was not ranked within {timeout:.0f} s")
        time.sleep(1)


def run(bench: BenchSet, base_url: str, database_url: str, viewer: str, timeout: float) -> None:
    company_id, company_token, consultant_token, people = bootstrap(database_url, bench)
    with httpx.Client(base_url=base_url, timeout=120) as client:
        job_ids: dict[int, str] = {}
        for job in bench.jobs:
            body = job_payload(job, company_id)
            made = _put(client, "/api/v1/jobs", company_token, body, f"job {job['id']}")
            job_ids[int(made["id"])] = str(job["id"])
        profile_ids: dict[int, str] = {}
        for profile in bench.profiles:
            body = profile_payload(profile)
            token = people[str(profile["id"])]
            made = _put(client, "/api/v1/me/profile", token, body, f"profile {profile['id']}")
            profile_ids[int(made["id"])] = str(profile["id"])
        started = time.monotonic()
        p2j = {
            bench_id: _ranked(
                client, "/api/v1/me/matches", people[bench_id], "job_id", job_ids, timeout
            )
            for bench_id in profile_ids.values()
        }
        reader = consultant_token if viewer == "consultant" else company_token
        j2p = {
            bench_id: _ranked(
                client, f"/api/v1/jobs/{pid}/candidates", reader, "profile_id", profile_ids, timeout
            )
            for pid, bench_id in job_ids.items()
        }
        print(f"ranked through {base_url} in {time.monotonic() - started:.1f} s (as {viewer})")
    for direction, ranking, qrels in (("p2j", p2j, bench.qrels_p2j), ("j2p", j2p, bench.qrels_j2p)):
        print(figures(ranking, qrels).table(f"{bench.name} {direction}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--set", required=True, type=Path, help="a directory in the bench format")
    parser.add_argument("--base-url", help="a served app (default: start one on a temp database)")
    parser.add_argument("--database-url", help="the served app's database (with --base-url)")
    parser.add_argument("--as", dest="viewer", choices=["company", "consultant"], default="company")
    parser.add_argument("--encoder", help="FLEKSBRO_MATCHING_ENCODER for the started app")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for ranking")
    args = parser.parse_args(argv)
    bench = load_set(args.set)
    if args.base_url:
        if not args.database_url:
            parser.error("--base-url needs --database-url (accounts and tokens are made there)")
        run(bench, args.base_url.rstrip("/"), args.database_url, args.viewer, args.timeout)
        return 0
    with served_app(args.encoder) as (base_url, database_url):
        run(bench, base_url, database_url, args.viewer, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
