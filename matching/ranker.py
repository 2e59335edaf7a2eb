"""Scores a block of queries against every candidate and keeps the top k — the one code path
behind MatchIndex.top_jobs/top_profiles and the batch CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.components import Block, compute_block
from matching.scoring import Weights, calibrated, learned_logit, preference_logit
from matching.store import SideStore

BLOCK_QUERIES = 128

Mask = npt.NDArray[np.bool_]


@dataclass
class Ranked:
    query_rows: npt.NDArray[np.int64]
    top: npt.NDArray[np.int64]  # (B × k) candidate slots, best first; -1 = none
    scores: npt.NDArray[np.float32]  # (B × k) 0–100
    block: Block


def score_block(
    q: SideStore, rows: npt.NDArray[np.int64], c: SideStore, query_is_profile: bool, w: Weights
) -> tuple[Block, npt.NDArray[np.float32]]:
    b = compute_block(q, rows, c, query_is_profile)
    max_km = q.max_km[rows][:, None] if query_is_profile else c.max_km[None, : c.size]
    logit = learned_logit(b.sims, w) + preference_logit(b, max_km, w)
    return b, calibrated(logit)


def top_k(scores: np.ndarray, allowed: Mask, k: int) -> tuple[np.ndarray, np.ndarray]:
    s = np.where(allowed, scores, -np.inf)
    n = s.shape[1]
    k_eff = min(k, n)
    if k_eff == 0:
        empty = np.zeros((s.shape[0], 0))
        return empty.astype(np.int64), empty.astype(np.float32)
    part = (
        np.argpartition(-s, k_eff - 1, axis=1)[:, :k_eff]
        if k_eff < n
        else np.tile(np.arange(n), (len(s), 1))
    )
    ps = np.take_along_axis(s, part, axis=1)
    order = np.argsort(-ps, axis=1, kind="stable")
    top = np.take_along_axis(part, order, axis=1)
    ts = np.take_along_axis(ps, order, axis=1)
    top = np.where(np.isfinite(ts), top, -1)
    return top.astype(np.int64), np.where(np.isfinite(ts), ts, 0).astype(np.float32)


def rank(
    q: SideStore,
    rows: npt.NDArray[np.int64],
    c: SideStore,
    query_is_profile: bool,
    k: int,
    w: Weights,
    extra: Callable[[Block], Mask] | None = None,
) -> Iterator[Ranked]:
    """Yield ranked blocks of at most BLOCK_QUERIES queries (bounded memory for 10k × 10k)."""
    for start in range(0, len(rows), BLOCK_QUERIES):
        r = rows[start : start + BLOCK_QUERIES]
        b, scores = score_block(q, r, c, query_is_profile, w)
        allowed = b.feasible if extra is None else b.feasible & extra(b)
        top, ts = top_k(scores, allowed, k)
        yield Ranked(r, top, ts, b)
