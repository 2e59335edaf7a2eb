"""The parts of scripts/eval_product.py that need no server: the bench set, the API payloads made
from its records, the figures, and starting an app on a temp database."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from matching.bands import STRONG_FROM
from matching.metrics import evaluate, read_qrels

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_NAMES = {"da": "dansk", "en": "engelsk"}


@dataclass(frozen=True)
class BenchSet:
    name: str
    profiles: list[dict[str, Any]]
    jobs: list[dict[str, Any]]
    qrels_p2j: dict[str, dict[str, int]]
    qrels_j2p: dict[str, dict[str, int]]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_set(directory: Path) -> BenchSet:
    return BenchSet(
        name=directory.name,
        profiles=_jsonl(directory / "profiles.jsonl"),
        jobs=_jsonl(directory / "jobs.jsonl"),
        qrels_p2j=read_qrels(str(directory / "qrels-p2j.tsv")),
        qrels_j2p=read_qrels(str(directory / "qrels-j2p.tsv")),
    )


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return []


def _hours(record: Mapping[str, Any], body: dict[str, Any]) -> None:
    """The product asks for both ends of the hours (the forms do too); a posting that says
    "10 timer" gets 10–10. The bench's qrels hold either way (see fleksjob-da-dev/README.md)."""
    low, high = record.get("hours_min"), record.get("hours_max")
    low, high = (low if low not in (None, "") else high), (high if high not in (None, "") else low)
    if low is not None and high is not None:
        body["hours_min"], body["hours_max"] = low, high


def job_payload(job: Mapping[str, Any], company_id: int) -> dict[str, Any]:
    """POST /api/v1/jobs for one bench posting, published at once."""
    body: dict[str, Any] = {
        "company_id": company_id,
        "title": str(job.get("title") or ""),
        "description": str(job.get("description") or ""),
        "required_skills": _texts(job.get("skills")),
        "remote": bool(job.get("remote")),
        "accommodations_offered": _texts(job.get("accommodations_offered")),
        "status": "published",
    }
    _hours(job, body)
    if job.get("postcode"):
        body["postcode"] = str(job["postcode"])
    return body


def profile_payload(profile: Mapping[str, Any]) -> dict[str, Any]:
    """PUT /api/v1/me/profile for one bench profile: every bench field, made findable
    (anonymous: companies see a pseudonym, the ranking sees the profile)."""
    essential = set(_texts(profile.get("accommodation_essential")))
    needs = {code: code in essential for code in _texts(profile.get("accommodation_needs"))}
    needs |= {code: True for code in essential}  # a must-have is a need even if not listed twice
    body: dict[str, Any] = {
        "headline": str(profile.get("headline") or ""),
        "about": str(profile.get("about") or ""),
        "wished_jobs": _texts(profile.get("wished_jobs")),
        "skills": _texts(profile.get("skills")),
        "remote_ok": bool(profile.get("remote_ok")),
        "accommodation_needs": needs,
        "visibility": "anonymous",
    }
    _hours(profile, body)
    for name in ("postcode", "max_distance_km"):
        if profile.get(name) not in (None, ""):
            body[name] = profile[name]
    if profile.get("language"):
        code = str(profile["language"])
        body["languages"] = [LANGUAGE_NAMES.get(code, code)]
    return body


@dataclass(frozen=True)
class Ranked:
    """One shown item, mapped back to its bench id: the displayed score and band."""

    id: str
    score: float
    band: str


@dataclass(frozen=True)
class Figures:
    metrics: dict[str, float]
    strong_share: float  # queries whose best-graded item is shown as strong
    mean_score: dict[int, tuple[float | None, int]]  # grade -> (mean shown score, items)

    def table(self, title: str) -> str:
        lines = [
            f"{title}: MRR {self.metrics['MRR']:.4f}  nDCG@10 {self.metrics['nDCG@10']:.4f}  "
            f"recall@10 {self.metrics['recall@10']:.4f}  ({self.metrics['queries']:.0f} queries)",
            f"  best-graded item shown as strong (score >= {STRONG_FROM:.0f}): "
            f"{self.strong_share:.1%}",
        ]
        for grade, (value, count) in sorted(self.mean_score.items(), reverse=True):
            where = "unrelated, in a top 10" if grade == 0 else "wherever shown"
            shown = "–" if value is None else f"{value:.1f}"
            lines.append(f"  mean shown score, grade {grade} ({where}): {shown}  (n={count})")
        return "\n".join(lines)


def figures(
    ranking: Mapping[str, Sequence[Ranked]], qrels: Mapping[str, Mapping[str, int]]
) -> Figures:
    """MRR/nDCG@10 with matching.metrics; the strong-band share over queries with a positive
    grade (a best item not shown at all is not shown as strong); shown scores per grade."""
    ids = {query: [item.id for item in items] for query, items in ranking.items()}
    metrics = evaluate(ids, qrels)
    strong = queries = 0
    scores: dict[int, list[float]] = {2: [], 1: [], 0: []}
    for query, grades in qrels.items():
        shown = {item.id: item for item in ranking.get(query, ())}
        top = max(grades.values(), default=0)
        if top > 0:
            queries += 1
            best = [shown[d] for d, g in grades.items() if g == top and d in shown]
            strong += any(item.band == "strong" for item in best)
        for doc, grade in grades.items():
            if grade > 0 and doc in shown:
                scores.setdefault(grade, []).append(shown[doc].score)
        for item in list(ranking.get(query, ()))[:10]:
            if grades.get(item.id, 0) == 0:
                scores[0].append(item.score)
    return Figures(
        metrics=metrics,
        strong_share=strong / max(queries, 1),
        mean_score={g: (mean(v) if v else None, len(v)) for g, v in scores.items()},
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served_app(encoder: str | None) -> Iterator[tuple[str, str]]:
    """uvicorn on a fresh, migrated SQLite database in a temp dir; yields (base URL, database
    URL). The app's embedding cache (<data dir>/embeddings) is the shared cache directory."""
    with tempfile.TemporaryDirectory(prefix="eval-product-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        cache = Path(
            os.environ.get("FLEKSBRO_MATCHING_CACHE")
            or Path.home() / ".cache" / "fleksbro-matching"
        )
        cache.mkdir(parents=True, exist_ok=True)
        (data / "embeddings").symlink_to(cache, target_is_directory=True)
        database_url = f"sqlite:///{tmp}/fleksbro.db"
        env = os.environ | {
            "FLEKSBRO_DATABASE_URL": database_url,
            "FLEKSBRO_DATA_DIR": str(data),
            "FLEKSBRO_ENVIRONMENT": "development",
            "FLEKSBRO_DOCS_ENABLED": "false",
            "PYTHONPATH": str(ROOT),
        }
        if encoder:
            env["FLEKSBRO_MATCHING_ENCODER"] = encoder
        subprocess.run(
            [sys.executable, "-m", "app.cli", "migrate"], cwd=ROOT, env=env, check=True,
            capture_output=True,
        )  # fmt: skip
        port = _free_port()
        log = (Path(tmp) / "server.log").open("wb")
        server = subprocess.Popen(
            [
                sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
                "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for_index(url, server, Path(tmp) / "server.log")
            yield url, database_url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()


def _wait_for_index(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Until /readyz reports the match index built (its first full sync is done)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the app exited:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as response:
                if json.loads(response.read()).get("match_index") == "ready":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not get ready:\n{log.read_text(errors='replace')}")
