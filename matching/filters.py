"""Caller filters on top of the hard constraints (distance, hours, remote, offers, id sets)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.geo import haversine_km
from matching.reference import postcode_info
from matching.store import SideStore
from matching.vectorize import ACC_BIT


@dataclass(frozen=True)
class Filters:
    """Caller filters on top of the hard constraints. Unknown values on a candidate pass, except
    where the filter is explicitly about that information (remote_only, within_km)."""

    within_km: float | None = None  # candidate within this distance of `near_postcode`
    near_postcode: str | None = None
    hours_min: float | None = None  # candidate hours must overlap this range
    hours_max: float | None = None
    remote_only: bool = False
    must_offer: frozenset[str] = frozenset()  # jobs only: accommodations the job must offer
    exclude_ids: frozenset[str] = frozenset()
    # When given, only these candidates may appear (e.g. the postings of one jobcentre's forum).
    only_ids: frozenset[str] | None = None
    min_score: float = 0.0


def filter_mask(
    f: Filters, cand: SideStore, cand_is_job: bool, only: npt.NDArray[np.bool_] | None
) -> npt.NDArray[np.bool_]:
    """Candidate slots that pass the filters; `only` is the caller's cached mask of
    `f.only_ids` (built once per index version)."""
    n = cand.size
    mask = np.ones(n, dtype=np.bool_)
    if f.remote_only:
        mask &= cand.remote[:n] == 1
    if f.hours_min is not None or f.hours_max is not None:
        lo = -np.inf if f.hours_min is None else f.hours_min
        hi = np.inf if f.hours_max is None else f.hours_max
        cmin = np.nan_to_num(cand.hours_min[:n], nan=-np.inf)
        cmax = np.nan_to_num(cand.hours_max[:n], nan=np.inf)
        mask &= (cmin <= hi) & (cmax >= lo)
    if f.within_km is not None and f.near_postcode and (info := postcode_info(f.near_postcode)):
        here = np.full(1, info.lat, dtype=np.float32), np.full(1, info.lon, dtype=np.float32)
        d = haversine_km(here[0], here[1], cand.lat[:n], cand.lon[:n])
        near = np.nan_to_num(d, nan=np.inf) <= f.within_km
        # a remote job is near everyone; a profile is near only if its postcode is
        mask &= near | ((cand.remote[:n] == 1) if cand_is_job else False)
    if f.must_offer and cand_is_job:
        bits = 0
        for c in f.must_offer:
            bits |= ACC_BIT.get(c, 0)
        mask &= (cand.acc_offer[:n] & bits) == bits
    if only is not None:
        mask &= only
    for rid in f.exclude_ids:
        if rid in cand.slot:
            mask[cand.slot[rid]] = False
    return mask
