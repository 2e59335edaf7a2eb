"""The evaluation contract: `python -m matching rank|evaluate` on a slice of esco-dev."""

import json
import subprocess
import sys
from pathlib import Path

N = 40


def _slice(shared_dir: Path, tmp: Path) -> Path:
    src = shared_dir / "bench" / "esco-dev"
    out = tmp / "esco-slice"
    out.mkdir()
    profiles = (src / "profiles.jsonl").read_text(encoding="utf-8").splitlines()[:N]
    jobs = (src / "jobs.jsonl").read_text(encoding="utf-8").splitlines()[:N]
    (out / "profiles.jsonl").write_text("\n".join(profiles) + "\n", encoding="utf-8")
    (out / "jobs.jsonl").write_text("\n".join(jobs) + "\n", encoding="utf-8")
    pids = {json.loads(x)["id"] for x in profiles}
    jids = {json.loads(x)["id"] for x in jobs}
    for d in ("p2j", "j2p"):
        q, docs = (pids, jids) if d == "p2j" else (jids, pids)
        lines = [
            ln
            for ln in (src / f"qrels-{d}.tsv").read_text().splitlines()
            if ln.split("\t")[0] in q and ln.split("\t")[1] in docs
        ]
        (out / f"qrels-{d}.tsv").write_text("\n".join(lines) + "\n")
    return out


def _run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matching", *args, "--cache", str(cache)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )


def test_rank_and_evaluate(shared_dir, tmp_path):
    d = _slice(shared_dir, tmp_path)
    cache = tmp_path / "cache"
    out = tmp_path / "r.jsonl"
    _run(
        "rank",
        "--profiles",
        str(d / "profiles.jsonl"),
        "--jobs",
        str(d / "jobs.jsonl"),
        "--direction",
        "p2j",
        "--top",
        "5",
        "--out",
        str(out),
        cache=cache,
    )
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == N
    for r in rows:
        scores = [x["score"] for x in r["results"]]
        assert len(scores) == 5 and scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 100 for s in scores)
    # the same-occupation job (same number) is found first for most profiles
    hits = sum(r["results"][0]["id"][1:] == r["query_id"][1:] for r in rows)
    assert hits >= 0.7 * N

    for direction in ("p2j", "j2p"):
        res = _run("evaluate", "--set", str(d), "--direction", direction, cache=cache)
        line = res.stdout.strip().splitlines()[-1]
        mrr = float(line.split("MRR=")[1].split()[0])
        ndcg = float(line.split("nDCG@10=")[1].split()[0])
        assert mrr >= 0.7 and ndcg >= 0.65, line
