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
from matching.store import SideStore

F32 = npt.NDArray[np.float32]
SIMILARITIES = ("text", "title", "occupation", "isco", "skills")

_COLS = (
    "hours_min",
    "hours_max",
    "lat",
    "lon",
    "max_km",
    "remote",
    "acc_need",
    "acc_must",
    "acc_offer",
    "acc_known",
    "sched",
    "sched_known",
)


@dataclass
class Block:
    """Components for queries `rows` (in the query store) × every slot of the candidate store."""

    sims: dict[str, F32]
    hours_fit: F32
    distance_km: F32
    acc_ok: npt.NDArray[np.bool_]
    nice_offered: npt.NDArray[np.int32]  # number of nice-to-have needs the job offers
    nice_total: npt.NDArray[np.int32]
    needs_offered: npt.NDArray[np.int32]
    needs_total: npt.NDArray[np.int32]
    acc_known: npt.NDArray[np.bool_]
    schedule_fit: F32
    feasible: npt.NDArray[np.bool_]


def _columns(
    store: SideStore, rows: npt.NDArray[np.int64] | None, as_query: bool
) -> dict[str, np.ndarray]:
    out = {}
    for name in _COLS:
        arr = getattr(store, name)
        arr = arr[rows] if rows is not None else arr[: store.size]
        out[name] = arr[:, None] if as_query else arr[None, :]
    return out


def similarities(q: SideStore, rows: npt.NDArray[np.int64], c: SideStore) -> dict[str, F32]:
    n = c.size
    out = {"text": (q.emb[rows] @ c.emb[:n].T).astype(np.float32, copy=False)}
    for name in ("title_occ", "occ", "isco", "skills"):
        key = {"title_occ": "title", "occ": "occupation"}.get(name, name)
        dense_q = q.dense_rows(name, rows)  # (B × dim)
        out[key] = np.asarray(c.csr(name) @ dense_q.T, dtype=np.float32).T
    # A record without any title gives no title information rather than "different job".
    has_title_q = q.title_occ_val[rows, 0] > 0
    has_title_c = c.title_occ_val[:n, 0] > 0
    out["title"][~(has_title_q[:, None] & has_title_c[None, :])] = np.nan
    return out


def _popcount(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x).astype(np.int32)


def compute_block(
    q: SideStore, rows: npt.NDArray[np.int64], c: SideStore, query_is_profile: bool
) -> Block:
    qc = _columns(q, rows, as_query=True)
    cc = _columns(c, None, as_query=False)
    p, j = (qc, cc) if query_is_profile else (cc, qc)
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
        dist = haversine_km(p["lat"], p["lon"], j["lat"], j["lon"])
        dist = np.where(remote_job, np.nan, dist).astype(np.float32)
        dist_ok = np.isnan(dist) | np.isnan(p["max_km"]) | (dist <= p["max_km"])

        known = j["acc_known"] == 1
        offer = j["acc_offer"]
        acc_ok = ~known | ((p["acc_must"] & ~offer) == 0)
        nice = p["acc_need"] & ~p["acc_must"]
        needs_total = _popcount(p["acc_need"]) * known
        needs_offered = _popcount(p["acc_need"] & offer) * known
        nice_total = _popcount(nice) * known
        nice_offered = _popcount(nice & offer) * known

        sched_both = (p["sched_known"] == 1) & (j["sched_known"] == 1)
        jslots = _popcount(j["sched"])
        sfit = _popcount(p["sched"] & j["sched"]) / np.maximum(jslots, 1)
        schedule_fit = np.where(sched_both, sfit, np.nan).astype(np.float32)

    shape = (len(rows), c.size)
    feasible = np.broadcast_to(hours_ok & dist_ok & acc_ok, shape) & c.alive[None, : c.size]
    return Block(
        sims=similarities(q, rows, c),
        hours_fit=np.broadcast_to(hours_fit, shape),
        distance_km=np.broadcast_to(dist, shape),
        acc_ok=np.broadcast_to(acc_ok, shape),
        nice_offered=np.broadcast_to(nice_offered, shape),
        nice_total=np.broadcast_to(nice_total, shape),
        needs_offered=np.broadcast_to(needs_offered, shape),
        needs_total=np.broadcast_to(needs_total, shape),
        acc_known=np.broadcast_to(known, shape),
        schedule_fit=np.broadcast_to(schedule_fit, shape),
        feasible=feasible,
    )
