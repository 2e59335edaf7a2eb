"""Hubness correction for the text similarity.

In embedding space some texts are close to everything: a posting like "Dataregistrering fra
hjemmet – fleksjob" or a profile full of generic words tops every list. Each record's *hub
score* is its mean cosine to the other side's population, which is just its dot product with
that side's centroid; the centred similarity ``text − hub(profile) − hub(job)`` is symmetric
(one number per pair, whichever side asks) and removes the effect. On fleksjob-da-dev it
lifts text-only MRR from 0.80 to 0.91 (p2j) and 0.84 to 0.94 (j2p); see matching/README.md.

A small or new index has a noisy centroid (one posting is its own centroid), so each
centroid is shrunk toward a fixed reference centroid — the mean embedding of a fixed sample
of ESCO occupation labels in the same encoder — with the weight of SHRINK records.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

from matching.reference import all_occupations
from matching.store import SideStore

F32 = npt.NDArray[np.float32]
SHRINK = 10.0  # records' worth of weight on the reference centroid
REFERENCE_SAMPLE = 200


@cache
def reference_texts() -> tuple[str, ...]:
    """A fixed, evenly spread sample of Danish ESCO occupation labels."""
    occs = all_occupations()
    step = max(1, len(occs) // REFERENCE_SAMPLE)
    return tuple((o.label_da or o.label_en) for o in occs[::step][:REFERENCE_SAMPLE])


def centroid(store: SideStore, reference: F32) -> F32:
    n = store.size
    alive = store.alive[:n]
    total = store.emb[:n][alive].sum(axis=0, dtype=np.float64)
    count = float(alive.sum())
    return ((total + SHRINK * reference) / (count + SHRINK)).astype(np.float32)


def hub_scores(store: SideStore, other_centroid: F32) -> F32:
    """Each slot's mean cosine to the other side (dead slots: 0)."""
    n = store.size
    out = np.asarray(store.emb[:n] @ other_centroid, dtype=np.float32)
    out[~store.alive[:n]] = 0.0
    return out


class HubState:
    """Both sides' hub scores for one index version.

    Half the mean cross-similarity goes back into each side's hubs, so the centred similarity
    of a typical pair is about 0 (text − hub_p − hub_j + mean)."""

    def __init__(self, profiles: SideStore, jobs: SideStore, reference: F32) -> None:
        self.profiles, self.jobs = profiles, jobs
        self.c_p = centroid(profiles, reference)
        self.c_j = centroid(jobs, reference)
        self.half = np.float32(float(self.c_p @ self.c_j) / 2)
        self.hub_p = hub_scores(profiles, self.c_j) - self.half
        self.hub_j = hub_scores(jobs, self.c_p) - self.half

    def for_query(self, q: SideStore, query_is_profile: bool) -> tuple[F32, F32]:
        """(hubs of the query store's slots, hubs of the candidate store's slots); `q` is the
        indexed store of its side or a one-row store of an ad-hoc record."""
        own, own_hubs, other_hubs, other_centroid = (
            (self.profiles, self.hub_p, self.hub_j, self.c_j)
            if query_is_profile
            else (self.jobs, self.hub_j, self.hub_p, self.c_p)
        )
        if q is own:
            return own_hubs, other_hubs
        return hub_scores(q, other_centroid) - self.half, other_hubs
