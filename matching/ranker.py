"""Scores a block of queries against every candidate and keeps the top k — the one code path
behind MatchIndex.top_jobs/top_profiles and the batch CLI."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.components import Block, Cols, compute_block
from matching.scoring import Weights, calibrated, learned_logit, preference_logit
from matching.store import SideStore

BLOCK_QUERIES = 128
WORKERS = max(1, min(4, os.cpu_count() or 1))

Mask = npt.NDArray[np.bool_]
F32 = npt.NDArray[np.float32]
# Hub scores (matching/hubness.py) of the query store's and the candidate store's slots.
Hubs = tuple[F32, F32] | None


@dataclass
class Ranked:
    query_rows: npt.NDArray[np.int64]
    top: npt.NDArray[np.int64]  # (B × k) candidate slots, best first; -1 = none
    pos: npt.NDArray[np.int64]  # (B × k) the same as column positions in `block`
    scores: npt.NDArray[np.float32]  # (B × k) 0–100
    block: Block


def score_block(
    q: SideStore,
    rows: npt.NDArray[np.int64],
    c: SideStore,
    query_is_profile: bool,
    w: Weights,
    cols: Cols = None,
    use_needs: bool = True,
    hubs: Hubs = None,
) -> tuple[Block, npt.NDArray[np.float32]]:
    h = None if hubs is None else (hubs[0][rows], hubs[1])
    b = compute_block(q, rows, c, query_is_profile, cols, use_needs=use_needs, hubs=h)
    c_max_km = c.max_km[: c.size] if cols is None else c.max_km[cols]
    max_km = q.max_km[rows][:, None] if query_is_profile else c_max_km[None, :]
    logit = learned_logit(b.sims, w) + preference_logit(b, max_km, w)
    return b, calibrated(logit, b.sims, w)


def top_k(scores: np.ndarray, allowed: Mask, k: int) -> tuple[np.ndarray, np.ndarray]:
    s = np.where(allowed, scores, -np.inf)
    n = s.shape[1]
    k_eff = min(k, n)
    if k_eff == 0:
        empty = np.zeros((s.shape[0], 0))
        return empty.astype(np.int64), empty.astype(np.float32)
    if k_eff < n:
        part = np.argpartition(-s, k_eff - 1, axis=1)[:, :k_eff]
    else:
        part = np.tile(np.arange(n), (len(s), 1))
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
    allowed: Mask | None = None,
    use_needs: bool = True,
    hubs: Hubs = None,
) -> Iterator[Ranked]:
    """Yield ranked blocks of at most BLOCK_QUERIES queries (bounded memory for 10k × 10k).

    `allowed` is an optional caller filter over candidate slots. A single query is pruned
    first: hard constraints and filters are cheap, similarities are not, so they are only
    computed for candidates that can be shown at all. `use_needs=False`: rank as if nobody
    had accommodation needs (see components.compute_block).
    """
    if len(rows) == 1:
        pre = compute_block(
            q, rows, c, query_is_profile, with_similarities=False, use_needs=use_needs
        ).feasible[0]
        cols = np.flatnonzero(pre if allowed is None else pre & allowed).astype(np.int64)
        b, scores = score_block(q, rows, c, query_is_profile, w, cols, use_needs, hubs)
        pos, ts = top_k(scores, b.feasible, k)
        top = np.where(pos >= 0, cols[np.maximum(pos, 0)] if len(cols) else -1, -1)
        yield Ranked(rows, top.astype(np.int64), pos, ts, b)
        return

    def one(r: npt.NDArray[np.int64]) -> Ranked:
        b, scores = score_block(q, r, c, query_is_profile, w, use_needs=use_needs, hubs=hubs)
        ok = b.feasible if allowed is None else b.feasible & allowed[None, :]
        top, ts = top_k(scores, ok, k)
        return Ranked(r, top, top, ts, b)

    blocks = [rows[s : s + BLOCK_QUERIES] for s in range(0, len(rows), BLOCK_QUERIES)]
    # numpy/scipy release the GIL in their loops, so blocks run in parallel on all cores;
    # map keeps the order, and at most ~2 blocks per worker are alive at a time.
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for start in range(0, len(blocks), WORKERS * 2):
            yield from pool.map(one, blocks[start : start + WORKERS * 2])
