"""A match index at production size without hours of encoding: random unit vectors seeded in
the server's embedding cache for every indexed text, and waiting until every worker has built
its index (measuring while a worker still builds would measure the build)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine
from sqlalchemy import select as sa_select


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
