"""Per-pair components, vectorised over a block of queries × all candidates.

Each component is a float32 array (queries × candidates); NaN means "no information".
Similarities come from matrix products; constraints and preferences from broadcasting the
profile and job columns against each other, so the same code serves p2j and j2p.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.geo import haversine_km
from matching.store import FLOAT_COLUMNS, INT_COLUMNS, SideStore

F32 = npt.NDArray[np.float32]
SIMILARITIES = ("text", "title", "occupation", "isco", "skills")

# The constraint and preference columns of a store (everything but the regime flag).
_COLS = tuple(c for c in (*FLOAT_COLUMNS, *INT_COLUMNS) if c != "taxonomy_sure")


@dataclass
class Block:
    """Components for queries `rows` (in the query store) × every slot of the candidate store."""

    sims: dict[str, F32]
    hours_fit: F32
    distance_km: F32
    acc_ok: npt.NDArray[np.bool_]
    nice_share: F32  # share of the nice-to-have needs the job offers; NaN = no information
    schedule_fit: F32
    feasible: npt.NDArray[np.bool_]


Cols = npt.NDArray[np.int64] | None  # candidate slots to score; None = every slot


def _columns(store: SideStore, rows: Cols, as_query: bool) -> dict[str, np.ndarray]:
    out = {}
    for name in _COLS:
        arr = getattr(store, name)
        arr = arr[rows] if rows is not None else arr[: store.size]
        out[name] = arr[:, None] if as_query else arr[None, :]
    return out


def similarities(
    q: SideStore,
    rows: npt.NDArray[np.int64],
    c: SideStore,
    cols: Cols = None,
    hub_q: F32 | None = None,
    hub_c: F32 | None = None,
) -> dict[str, F32]:
    """Similarity components; NaN where a side gives no information for that component.

    `text_c` is the text cosine minus each record's hubness (its mean cosine to the other
    side's population, see matching/hubness.py): some postings ("Dataregistrering fra
    hjemmet") and profiles are close to everything in embedding space, and without this they
    top every list. `hub_q` is indexed like `rows` (one value per query), `hub_c` by slot."""
    if cols is None or len(cols) * 8 > c.size:
        # Gathering rows copies them into a fresh array (page faults included): measured ~6x
        # slower per row than one product streaming over all rows and picking the wanted
        # columns afterwards. Only a small subset is cheaper to gather.
        text = q.emb[rows] @ c.emb[: c.size].T
        text = text if cols is None else text[:, cols]
    else:
        text = q.emb[rows] @ c.emb[cols].T
    out = {"text": text.astype(np.float32, copy=False)}
    hq = np.zeros(len(rows), dtype=np.float32) if hub_q is None else hub_q
    hc_all = np.zeros(c.size, dtype=np.float32) if hub_c is None else hub_c[: c.size]
    hc = hc_all if cols is None else hc_all[cols]
    out["text_c"] = (out["text"] - hq[:, None] - hc[None, :]).astype(np.float32)
    for name in ("title_occ", "occ", "isco", "skills"):
        key = {"title_occ": "title", "occ": "occupation"}.get(name, name)
        dense_q = q.dense_columns(name, rows)  # (dim × B)
        if cols is None:
            out[key] = np.asarray(c.csr(name) @ dense_q, dtype=np.float32).T
        else:
            # A pruned candidate subset: gathering from the fixed-width columns is several
            # times faster than slicing rows out of the CSR matrix.
            idx = getattr(c, f"{name}_idx")[cols]
            val = getattr(c, f"{name}_val")[cols]
            out[key] = np.einsum("bnk,nk->bn", dense_q.T[:, idx], val).astype(np.float32)
        # A record the taxonomy says nothing about (no title, no recognised skill — how most
        # people write) gives *no information*, which is not the same as "a different job".
        known_q = getattr(q, f"{name}_val")[rows, 0] > 0
        known_c = (
            getattr(c, f"{name}_val")[: c.size] if cols is None else getattr(c, f"{name}_val")[cols]
        )[:, 0] > 0
        out[key][~(known_q[:, None] & known_c[None, :])] = np.nan
    # The regime (scoring.py): ESCO reads both records reliably.
    sure_q = q.taxonomy_sure[rows] == 1
    sure_c = (c.taxonomy_sure[: c.size] if cols is None else c.taxonomy_sure[cols]) == 1
    out["taxonomy"] = (sure_q[:, None] & sure_c[None, :]).astype(np.float32)
    return out


def _popcount(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x).astype(np.int32)


def compute_block(
    q: SideStore,
    rows: npt.NDArray[np.int64],
    c: SideStore,
    query_is_profile: bool,
    cols: Cols = None,
    with_similarities: bool = True,
    use_needs: bool = True,
    hubs: tuple[F32, F32] | None = None,
) -> Block:
    """Components for `rows` × candidate `cols`. Without similarities only the cheap
    constraint columns are filled (used to prune candidates before the expensive part).

    `use_needs=False` computes everything as if no person had any accommodation needs: a
    company's candidate list must not depend on health data it was not given, and it controls
    what its own posting offers (a must-have filter would reveal who needs what)."""
    qc = _columns(q, rows, as_query=True)
    cc = _columns(c, cols, as_query=False)
    p, j = (qc, cc) if query_is_profile else (cc, qc)
    if not use_needs:
        p = {
            **p,
            "acc_need": np.zeros_like(p["acc_need"]),
            "acc_must": np.zeros_like(p["acc_must"]),
        }
    with np.errstate(invalid="ignore"):
        # Hours: ranges must overlap when both sides give hours; a missing bound is open.
        p_known = ~(np.isnan(p["hours_min"]) & np.isnan(p["hours_max"]))
        j_known = ~(np.isnan(j["hours_min"]) & np.isnan(j["hours_max"]))
        pmin, pmax = np.nan_to_num(p["hours_min"], nan=0.0), np.nan_to_num(p["hours_max"], nan=80.0)
        jmin = np.where(np.isnan(j["hours_min"]), j["hours_max"], j["hours_min"])
        jmax = np.where(np.isnan(j["hours_max"]), j["hours_min"], j["hours_max"])
        overlap = np.minimum(pmax, jmax) - np.maximum(pmin, jmin)
        both = p_known & j_known
        hours_ok = ~both | (overlap >= 0)
        # Fit: share of the job's hour range the person can cover (a point range fits fully).
        span = np.maximum(jmax - jmin, 0.0)
        fit = np.where(
            span > 0, np.clip(overlap, 0, None) / np.where(span > 0, span, 1), overlap >= 0
        )
        hours_fit = np.where(both, fit, np.nan).astype(np.float32)

        remote_job = j["remote"] == 1
        # "Jeg vil kun arbejde hjemmefra" (profile remote == 2) excludes on-site jobs; a job
        # that says nothing about remote work is not excluded (unknown never excludes).
        remote_ok = ~((p["remote"] == 2) & (j["remote"] == 0))
        dist = haversine_km(p["lat"], p["lon"], j["lat"], j["lon"])
        dist = np.where(remote_job, np.nan, dist).astype(np.float32)
        dist_ok = np.isnan(dist) | np.isnan(p["max_km"]) | (dist <= p["max_km"])

        known = j["acc_known"] == 1
        offer = j["acc_offer"]
        acc_ok = ~known | ((p["acc_must"] & ~offer) == 0)
        nice = p["acc_need"] & ~p["acc_must"]
        nice_total = _popcount(nice)  # per profile only: cheap
        if np.any(nice_total > 0) and np.any(known):
            share = _popcount(nice & offer) / np.maximum(nice_total, 1)
            nice_share = np.where(known & (nice_total > 0), share, np.nan).astype(np.float32)
        else:
            nice_share = np.full((1, 1), np.nan, dtype=np.float32)

        # Schedules are optional product fields: skip the pairwise work when a side has none.
        if np.any(p["sched_known"] == 1) and np.any(j["sched_known"] == 1):
            sched_both = (p["sched_known"] == 1) & (j["sched_known"] == 1)
            jslots = _popcount(j["sched"])
            sfit = _popcount(p["sched"] & j["sched"]) / np.maximum(jslots, 1)
            schedule_fit = np.where(sched_both, sfit, np.nan).astype(np.float32)
        else:
            schedule_fit = np.full((1, 1), np.nan, dtype=np.float32)

    n = c.size if cols is None else len(cols)
    shape = (len(rows), n)
    alive = c.alive[: c.size] if cols is None else c.alive[cols]
    feasible = np.broadcast_to(hours_ok & dist_ok & acc_ok & remote_ok, shape) & alive[None, :]
    return Block(
        sims=similarities(q, rows, c, cols, *(hubs or (None, None))) if with_similarities else {},
        hours_fit=np.broadcast_to(hours_fit, shape),
        distance_km=np.broadcast_to(dist, shape),
        acc_ok=np.broadcast_to(acc_ok, shape),
        nice_share=np.broadcast_to(nice_share, shape),
        schedule_fit=np.broadcast_to(schedule_fit, shape),
        feasible=feasible,
    )
