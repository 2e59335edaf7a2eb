"""Do two versions of the stats code count the same? Computes every figure of a set of
scopes and periods with the app as it is in a git revision and as it is in the working
tree, on the same database at the same moment, and compares them bucket by bucket (lists
sorted: every figure made from a list is a median or a count). For checking that a speed-up
changed nothing, on the bench database (scripts/bench_stats.py --build).

    .venv/bin/python scripts/compare_stats.py --against e9ef716 [--url postgresql+psycopg://...]

Exits 1 at the first bucket that differs, printing what differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/fleksbro_bench_stats"

# Run inside each version's tree: the figures as JSON, one object per bucket.
_FIGURES = r"""
import json, sys
from datetime import date, datetime
from sqlalchemy.orm import Session
from app.db import make_engine
from app.stats import service
from app.stats.periods import buckets, local_today

url, moment = sys.argv[1], datetime.fromisoformat(sys.argv[2])
engine = make_engine(url)
today = local_today(moment)
out = []
for by in ("week", "month"):
    for first, last in ((date(today.year - 1, today.month, 1), today),
                        (date(today.year - 2, 1, 1), date(today.year + 1, 3, 1))):
        period = buckets(first, last, by)[:105]
        for scope in (service.Scope(1), service.Scope(1, 1), service.Scope(1, None, 2),
                      service.Scope(2), service.Scope(None)):
            with engine.connect() as connection, Session(bind=connection) as db:
                rows = service.compute(db, scope, period, moment)
            for f in rows:
                row = {k: v for k, v in vars(f).items() if k != "bucket"}
                row = {k: sorted(v) if isinstance(v, list) else v for k, v in row.items()}
                row["step_days"] = {k: sorted(v) for k, v in f.step_days.items() if v}
                out.append({"scope": repr(scope), "bucket": f.bucket.label, **row})
print(json.dumps(out, sort_keys=True))
"""


def figures(tree: Path, url: str, moment: str) -> list[dict[str, object]]:
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", _FIGURES, url, moment],
        cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode:
        raise SystemExit(f"{tree}: {result.stderr[-3000:]}")
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="the git revision to compare with")
    parser.add_argument("--url", default=DEFAULT_URL)
    args = parser.parse_args()
    moment = datetime.now(UTC).isoformat()
    with tempfile.TemporaryDirectory() as old:
        archive = subprocess.run(
            ["git", "archive", args.against, "app", "matching"], cwd=ROOT, capture_output=True,
            check=True,
        )  # fmt: skip
        subprocess.run(["tar", "-x", "-C", old], input=archive.stdout, check=True)
        before = figures(Path(old), args.url, moment)
    now = figures(ROOT, args.url, moment)
    for a, b in zip(before, now, strict=True):
        if a != b:
            print(f"{a['scope']} {a['bucket']}: " + ", ".join(
                f"{k} {a[k]} -> {b.get(k)}" for k in a if a[k] != b.get(k)))  # fmt: skip
            return 1
    print(f"{len(now)} buckets the same as {args.against} (5 scopes, weeks and months, 2 periods)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
