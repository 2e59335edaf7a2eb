"""`python -m matching rank|evaluate` — the evaluation contract, running the product's index."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from matching.encoders import get_encoder
from matching.index import MatchIndex
from matching.metrics import evaluate, read_qrels
from matching.records import JobRecord, ProfileRecord

DEFAULT_CACHE = Path.home() / ".cache" / "fleksbro-matching"


def _jsonl(path: str) -> Iterator[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError:
                continue  # one broken line must not sink a 10,000-record run
            if isinstance(d, dict) and "id" in d:
                yield d


def build_index(profiles: str, jobs: str, encoder: str | None, cache_dir: str | None) -> MatchIndex:
    t = time.perf_counter()
    index = MatchIndex(get_encoder(encoder, cache_dir or str(DEFAULT_CACHE)))
    index.upsert_profiles([ProfileRecord.from_json(d) for d in _jsonl(profiles)])
    index.upsert_jobs([JobRecord.from_json(d) for d in _jsonl(jobs)])
    print(
        f"indexed {len(index.profiles)} profiles, {len(index.jobs)} jobs in "
        f"{time.perf_counter() - t:.1f}s ({index.encoder.encoded} texts encoded)",
        file=sys.stderr,
    )
    return index


def cmd_rank(a: argparse.Namespace) -> None:
    index = build_index(a.profiles, a.jobs, a.encoder, a.cache)
    with open(a.out, "w", encoding="utf-8") as fh:
        for qid, res in index.rank_all(a.direction, a.top):
            fh.write(
                json.dumps(
                    {"query_id": qid, "results": [{"id": d, "score": s} for d, s in res]},
                    ensure_ascii=False,
                )
                + "\n"
            )


def cmd_evaluate(a: argparse.Namespace) -> None:
    d = Path(a.set)
    index = build_index(str(d / "profiles.jsonl"), str(d / "jobs.jsonl"), a.encoder, a.cache)
    qrels = read_qrels(str(d / f"qrels-{a.direction}.tsv"))
    ranking = {qid: [doc for doc, _ in res] for qid, res in index.rank_all(a.direction, a.top)}
    m = evaluate(ranking, qrels)
    print(
        f"{d.name} {a.direction}: MRR={m['MRR']:.4f} recall@10={m['recall@10']:.4f} "
        f"nDCG@10={m['nDCG@10']:.4f} (queries={int(m['queries'])})"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m matching")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("rank", "evaluate"):
        s = sub.add_parser(name)
        s.add_argument("--direction", choices=("p2j", "j2p"), required=True)
        s.add_argument("--encoder", default=None, help='"e5" (default) or "st:<model>"')
        s.add_argument(
            "--cache", default=None, help=f"embedding cache dir (default {DEFAULT_CACHE})"
        )
        if name == "rank":
            s.add_argument("--profiles", required=True)
            s.add_argument("--jobs", required=True)
            s.add_argument("--top", type=int, default=20)
            s.add_argument("--out", required=True)
        else:
            s.add_argument("--set", required=True)
            s.add_argument("--top", type=int, default=100)
    a = ap.parse_args(argv)
    cmd_rank(a) if a.cmd == "rank" else cmd_evaluate(a)


if __name__ == "__main__":
    main()
