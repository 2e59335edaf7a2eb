"""In-process index over published postings and findable profiles.

Upserts are incremental (one record → one row overwritten); queries score every candidate with
numpy, apply hard constraints and caller filters, and explain only the top k.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from matching.components import Block
from matching.encoders import CachedEncoder, get_encoder
from matching.esco import esco_model
from matching.explain import Audience, PairFacts, Reason, explain
from matching.filters import Filters, filter_mask
from matching.hubness import HubState, reference_texts
from matching.ranker import Ranked, rank, score_block
from matching.records import JobRecord, ProfileRecord
from matching.scoring import Weights, load_weights, preference_logit
from matching.store import SideStore
from matching.vectorize import job_row, job_text, profile_row, profile_text


@dataclass(frozen=True)
class Match:
    id: str
    score: float  # 0–100, calibrated
    components: dict[str, float | None]
    reasons: tuple[Reason, ...] = field(default=())

    def reasons_text(self, lang: str = "da") -> list[str]:
        return [r.da if lang == "da" else r.en for r in self.reasons]


def _blank_empty(emb: np.ndarray, texts: list[str]) -> np.ndarray:
    """A record without any text has no text information: a zero vector, whose centred
    similarity to anything is about that of a typical unrelated pair (matching/hubness.py),
    instead of whatever the encoder makes of an empty string."""
    empty = [i for i, t in enumerate(texts) if not t.strip()]
    if not empty:
        return emb
    out = np.array(emb, dtype=np.float32, copy=True)
    out[empty] = 0.0
    return out


def _num(x: float) -> float | None:
    return None if math.isnan(x) else round(float(x), 4)


class MatchIndex:
    def __init__(
        self, encoder: CachedEncoder | None = None, weights: Weights | None = None
    ) -> None:
        self.encoder = encoder or get_encoder()
        self.weights = weights or load_weights()
        self.profiles = SideStore(self.encoder.dim)
        self.jobs = SideStore(self.encoder.dim)
        self.profile_records: dict[str, ProfileRecord] = {}
        self.job_records: dict[str, JobRecord] = {}
        self._lock = threading.RLock()
        # Bumped on every change; cached candidate masks are valid only for one version.
        self._version = 0
        self._only_masks: dict[tuple[bool, frozenset[str]], tuple[int, npt.NDArray[np.bool_]]] = {}
        self._reference: np.ndarray | None = None
        self._hubs: tuple[int, HubState] | None = None

    # ---- updates -------------------------------------------------------------------------
    def upsert_profiles(
        self, records: Sequence[ProfileRecord], embeddings: np.ndarray | None = None
    ) -> None:
        """Add or replace profiles. `embeddings` (one row per record) may come from a background
        job; otherwise texts are encoded here (cached: unchanged texts cost nothing)."""
        texts = [profile_text(p) for p in records]
        emb = _blank_empty(
            self.encoder.encode_queries(texts) if embeddings is None else embeddings, texts
        )
        rows = [profile_row(p) for p in records]
        with self._lock:
            self._version += 1
            self.profiles.reserve(self.profiles.size + len(records))
            for p, row, e in zip(records, rows, emb, strict=True):
                self.profiles.upsert(p.id, row, e)
                self.profile_records[p.id] = p

    def upsert_jobs(
        self, records: Sequence[JobRecord], embeddings: np.ndarray | None = None
    ) -> None:
        texts = [job_text(j) for j in records]
        emb = _blank_empty(self._encode_jobs(texts) if embeddings is None else embeddings, texts)
        rows = [job_row(j) for j in records]
        with self._lock:
            self._version += 1
            self.jobs.reserve(self.jobs.size + len(records))
            for j, row, e in zip(records, rows, emb, strict=True):
                self.jobs.upsert(j.id, row, e)
                self.job_records[j.id] = j

    def _encode_jobs(self, texts: list[str]) -> np.ndarray:
        # e5 convention: "query:" on both sides for symmetric tasks. Profile ↔ posting is
        # symmetric (two descriptions of the same work, not a question and its answer), and on
        # our Danish paraphrase cases query/query ranks the right job first where
        # query/passage does not (see matching/README.md). Used consistently everywhere.
        return self.encoder.encode_queries(texts)

    async def aupsert_profiles(self, records: Sequence[ProfileRecord]) -> None:
        """Encoding is CPU-bound: run it in a worker thread, never on the event loop."""
        await asyncio.to_thread(self.upsert_profiles, records)

    async def aupsert_jobs(self, records: Sequence[JobRecord]) -> None:
        await asyncio.to_thread(self.upsert_jobs, records)

    def remove_profile(self, pid: str) -> bool:
        with self._lock:
            self._version += 1
            self.profile_records.pop(pid, None)
            return self.profiles.remove(pid)

    def remove_job(self, jid: str) -> bool:
        with self._lock:
            self._version += 1
            self.job_records.pop(jid, None)
            return self.jobs.remove(jid)

    # ---- hubness ------------------------------------------------------------------------
    def _hubs_for(self, q: SideStore, query_is_profile: bool) -> tuple[np.ndarray, np.ndarray]:
        """Hub scores for a query (matching/hubness.py), rebuilt once per index version."""
        if self._hubs is None or self._hubs[0] != self._version:
            if self._reference is None:
                ref = self.encoder.encode_queries(list(reference_texts()))
                self._reference = np.asarray(ref, dtype=np.float32).mean(axis=0)
            self._hubs = (self._version, HubState(self.profiles, self.jobs, self._reference))
        return self._hubs[1].for_query(q, query_is_profile)

    # ---- queries -------------------------------------------------------------------------
    def _filter(
        self, f: Filters | None, cand: SideStore, cand_is_job: bool
    ) -> npt.NDArray[np.bool_] | None:
        if f is None:
            return None
        only = None if f.only_ids is None else self._only_mask(f.only_ids, cand, cand_is_job)
        return filter_mask(f, cand, cand_is_job, only)

    def _only_mask(
        self, only: frozenset[str], cand: SideStore, cand_is_job: bool
    ) -> npt.NDArray[np.bool_]:
        """Callers pass the same frozenset for the same group (e.g. one jobcentre's forum);
        its mask is built once per index version instead of per query."""
        key = (cand_is_job, only)
        cached = self._only_masks.get(key)
        if cached is not None and cached[0] == self._version:
            return cached[1]
        allowed = np.zeros(cand.size, dtype=np.bool_)
        slots = [cand.slot[rid] for rid in only if rid in cand.slot]
        allowed[np.asarray(slots, dtype=np.int64)] = True
        if len(self._only_masks) > 64:
            self._only_masks.clear()
        self._only_masks[key] = (self._version, allowed)
        return allowed

    def _query(self, record: ProfileRecord | JobRecord) -> tuple[SideStore, np.ndarray]:
        """Store + row for the query: the indexed row when the record is the indexed one (no
        re-encoding on the hot path), else a one-row store for an ad-hoc record."""
        store, known = (
            (self.profiles, self.profile_records)
            if isinstance(record, ProfileRecord)
            else (self.jobs, self.job_records)
        )
        if known.get(record.id) == record:
            return store, np.array([store.slot[record.id]], dtype=np.int64)
        return self._query_store(record), np.array([0], dtype=np.int64)

    def _query_store(self, record: ProfileRecord | JobRecord) -> SideStore:
        s = SideStore(self.encoder.dim, capacity=1)
        if isinstance(record, ProfileRecord):
            text = profile_text(record)
            emb = _blank_empty(self.encoder.encode_queries([text]), [text])[0]
            s.upsert(record.id, profile_row(record), emb)
        else:
            text = job_text(record)
            s.upsert(record.id, job_row(record), _blank_empty(self._encode_jobs([text]), [text])[0])
        return s

    def top_jobs(
        self,
        profile: ProfileRecord | str,
        k: int = 20,
        filters: Filters | None = None,
        with_reasons: bool = True,
        audience: Audience = "person",
    ) -> list[Match]:
        """Best jobs for a person; reasons addressed to the person, or about the person for
        the consultant's board (`audience="consultant"`)."""
        with self._lock:
            p = self.profile_records[profile] if isinstance(profile, str) else profile
            q, rows = self._query(p)
            (r,) = rank(
                q,
                rows,
                self.jobs,
                True,
                k,
                self.weights,
                self._filter(filters, self.jobs, True),
                hubs=self._hubs_for(q, True),
            )
            return self._matches(r, 0, p, None, audience, None, filters, with_reasons)

    def top_profiles(
        self,
        job: JobRecord | str,
        k: int = 20,
        filters: Filters | None = None,
        may_show_accommodations: Callable[[list[str]], Collection[str]] = lambda _ids: (),
        with_reasons: bool = True,
        use_needs: bool = False,
        audience: Audience = "company",
    ) -> list[Match]:
        """Best people for a job (reasons addressed to the company). `may_show_accommodations`
        gets the ranked profile ids (one call, so the caller can look them all up at once) and
        returns those whose people agreed to share their accommodation needs.

        By default the ranking never reads anyone's accommodation needs: who is listed, the
        order and the scores must not depend on health data the reader was not given (the
        reader controls what its own posting offers, so a must-have filter is a side channel).
        `use_needs=True` is for readers entitled to the full fit (the jobcentre's staff).

        `may_show_accommodations` is the caller's database look-up: it runs *outside* the
        index lock, so concurrent rankings in one worker never queue behind each other's SQL.
        """
        with self._lock:
            j = self.job_records[job] if isinstance(job, str) else job
            q, rows = self._query(j)
            (r,) = rank(
                q,
                rows,
                self.profiles,
                False,
                k,
                self.weights,
                self._filter(filters, self.profiles, False),
                use_needs=use_needs,
                hubs=self._hubs_for(q, False),
            )
            ids = [str(self.profiles.ids[slot]) for slot, _c, _s in self._kept(r, 0, filters)]
        shown = frozenset(may_show_accommodations(ids)) if with_reasons else frozenset()
        with self._lock:
            return self._matches(r, 0, None, j, audience, shown, filters, with_reasons)

    @staticmethod
    def _kept(r: Ranked, qi: int, filters: Filters | None) -> list[tuple[int, int, float]]:
        """(slot, column, score) of the ranked candidates that pass `min_score`."""
        return [
            (int(slot), int(col), float(score))
            for slot, col, score in zip(r.top[qi], r.pos[qi], r.scores[qi], strict=True)
            if slot >= 0 and (filters is None or score >= filters.min_score)
        ]

    def _matches(
        self,
        r: Ranked,
        qi: int,
        p: ProfileRecord | None,
        j: JobRecord | None,
        audience: Audience,
        shown: Collection[str] | None,
        filters: Filters | None,
        with_reasons: bool,
    ) -> list[Match]:
        """`shown`: the candidates whose needs the reader may see; None: the person reads their
        own matches (their needs are theirs to see)."""
        cand = self.jobs if p is not None else self.profiles
        out = []
        b = r.block
        kept = self._kept(r, qi, filters)
        ids = [str(cand.ids[slot]) for slot, _col, _score in kept]
        for (_slot, col, score), cid in zip(kept, ids, strict=True):
            comp = {name: _num(b.sims[name][qi, col]) for name in b.sims}
            comp.update(
                hours_fit=_num(b.hours_fit[qi, col]),
                distance_km=_num(b.distance_km[qi, col]),
                schedule_fit=_num(b.schedule_fit[qi, col]),
            )
            reasons: tuple[Reason, ...] = ()
            if with_reasons:
                found_p = p if p is not None else self.profile_records.get(cid)
                found_j = j if j is not None else self.job_records.get(cid)
                if found_p is None or found_j is None:
                    continue  # removed while the caller looked up consents
                pp, jj = found_p, found_j
                show = shown is None or pp.id in shown
                if show and jj.accommodations_offered is not None:
                    offered = jj.accommodations_offered | ({"remote_work"} if jj.remote else set())
                    comp.update(
                        accommodations_offered=float(len(pp.accommodation_needs & offered)),
                        accommodations_needed=float(len(pp.accommodation_needs)),
                    )
                facts = PairFacts(
                    float(b.sims["text_c"][qi, col]),
                    float(b.sims["title"][qi, col]),
                    float(b.sims["occupation"][qi, col]),
                    float(b.distance_km[qi, col]),
                    float(b.hours_fit[qi, col]),
                    float(b.schedule_fit[qi, col]),
                    self._shared_occupation(pp, jj),
                )
                reasons = tuple(explain(pp, jj, facts, audience, show))
            out.append(Match(cid, round(float(score), 2), comp, reasons))
        return out

    def _shared_occupation(self, p: ProfileRecord, j: JobRecord) -> str | None:
        ps = self.profiles if p.id in self.profiles.slot else None
        js = self.jobs if j.id in self.jobs.slot else None
        if ps is None or js is None:
            return None
        pi, ji = ps.slot[p.id], js.slot[j.id]
        p_occ = dict(zip(ps.occ_idx[pi].tolist(), ps.occ_val[pi].tolist(), strict=True))
        best, best_v = None, 0.0
        for o, v in zip(js.occ_idx[ji].tolist(), js.occ_val[ji].tolist(), strict=True):
            pv = p_occ.get(o, 0.0)
            if v > 0 and pv > 0 and v * pv > best_v:
                best, best_v = o, v * pv
        if best is None:
            return None
        occ = esco_model().occupations[best]
        return occ.label_da or occ.label_en

    # ---- batch ---------------------------------------------------------------------------
    def all_pairs(self) -> tuple[Block, np.ndarray, list[str], list[str]]:
        """Components and preference logit of every profile × every job (training and
        analysis only: memory grows with the product of the two sides)."""
        with self._lock:
            P, J = self.profiles, self.jobs
            rows = np.flatnonzero(P.alive[: P.size]).astype(np.int64)
            cols = np.flatnonzero(J.alive[: J.size]).astype(np.int64)
            b, _ = score_block(P, rows, J, True, self.weights, cols, hubs=self._hubs_for(P, True))
            pref = preference_logit(b, P.max_km[rows][:, None], self.weights)
            return b, pref, [str(P.ids[r]) for r in rows], [str(J.ids[c]) for c in cols]

    def rank_all(self, direction: str, k: int) -> Iterator[tuple[str, list[tuple[str, float]]]]:
        """Every indexed profile (p2j) or job (j2p) against all of the other side."""
        q, c = (self.profiles, self.jobs) if direction == "p2j" else (self.jobs, self.profiles)
        rows = np.flatnonzero(q.alive[: q.size]).astype(np.int64)
        with self._lock:
            hubs = self._hubs_for(q, direction == "p2j")
        for r in rank(q, rows, c, direction == "p2j", k, self.weights, hubs=hubs):
            for qi, row in enumerate(r.query_rows):
                qid = q.ids[row]
                assert qid is not None
                res = [
                    (str(c.ids[s]), round(float(sc), 3))
                    for s, sc in zip(r.top[qi], r.scores[qi], strict=True)
                    if s >= 0
                ]
                yield qid, res
