"""ESCO normalisation: map job titles and skill wordings to ESCO occupations and ISCO groups.

Why: a profile saying "bogholder" and a posting titled "regnskabsassistent", or skills worded
"bookkeeping" vs "keep financial records", share no words. Routing both through the ESCO
taxonomy (every Danish/English label and alt label, and which skills each occupation needs)
lets them meet on the occupation they describe.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import sparse

from matching.reference import DATA_DIR, all_occupations
from matching.skill_labels import danish_alternatives
from matching.text import fold

MAX_TITLE_NGRAM = 8
# How many skill-inferred occupations a record keeps: enough for near-synonymous occupations
# (specialisations of the same job) without spreading mass over the long tail.
SKILL_TOP_OCCUPATIONS = 12
OPTIONAL_SKILL_WEIGHT = 0.5


@dataclass(frozen=True)
class OccupationProfile:
    """Sparse occupation + ISCO-unit distributions inferred for one record."""

    title_occ: dict[int, float]  # from titles / wished jobs (exact ESCO labels)
    skill_occ: dict[int, float]  # from skills (ESCO skill-occupation relations)
    title_labels: tuple[str, ...]  # the matched ESCO labels (for explanations)


class EscoModel:
    def __init__(self) -> None:
        occs = all_occupations()
        self.occupations = occs
        self.n_occ = len(occs)
        isco_codes = sorted({o.isco for o in occs})
        self.isco_index = {c: i for i, c in enumerate(isco_codes)}
        self.isco_codes = isco_codes
        self.occ_isco = np.array([self.isco_index[o.isco] for o in occs], dtype=np.int32)
        # Occupation → ISCO unit group aggregation matrix (n_occ × n_isco), used to compare
        # records at the unit-group level (a looser but still meaningful match).
        self.occ_to_isco = sparse.csr_matrix(
            (np.ones(self.n_occ, dtype=np.float32), (np.arange(self.n_occ), self.occ_isco)),
            shape=(self.n_occ, len(isco_codes)),
        )
        self.label_to_occ: dict[str, list[int]] = {}
        for i, o in enumerate(occs):
            for label in (o.label_da, o.label_en, *o.alt_da, *o.alt_en):
                key = fold(label)
                if key:
                    ids = self.label_to_occ.setdefault(key, [])
                    if i not in ids:
                        ids.append(i)
        self._build_skills()

    def _build_skills(self) -> None:
        canon: dict[str, int] = {}
        with gzip.open(DATA_DIR / "skills.tsv.gz", "rt", encoding="utf-8") as fh:
            for sid, line in enumerate(fh):
                pref, _, alts = line.rstrip("\n").partition("\t")
                for label in (pref, *alts.split("|")):
                    key = fold(label)
                    if key:
                        canon.setdefault(key, sid)
        # The curated Danish vocabulary: a Danish wording is the same ESCO skill.
        for da, en in danish_alternatives().items():
            known = canon.get(en)
            if known is not None:
                canon.setdefault(fold(da), known)
        self.skill_id = canon
        n_skills = max(canon.values()) + 1
        rows, cols, vals = [], [], []
        for i, o in enumerate(self.occupations):
            for labels, w in (
                (o.essential_skills, 1.0),
                (o.optional_skills, OPTIONAL_SKILL_WEIGHT),
            ):
                for label in labels:
                    skill = canon.get(fold(label))
                    if skill is not None:
                        rows.append(i)
                        cols.append(skill)
                        vals.append(w)
        m = sparse.csr_matrix((vals, (rows, cols)), shape=(self.n_occ, n_skills), dtype=np.float32)
        m.sum_duplicates()
        df = np.asarray((m > 0).sum(axis=0)).ravel()
        # Rare skills identify an occupation; "teamwork" identifies nothing.
        self.skill_idf = np.where(df > 0, np.log((1 + self.n_occ) / (1 + df)) + 1.0, 0.0)
        weighted = m.multiply(self.skill_idf[None, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.occ_skill_t = sparse.csr_matrix(
            sparse.diags(1.0 / norms) @ weighted, dtype=np.float32
        ).T.tocsr()

    def canonical_skill(self, label: str) -> int | None:
        return self.skill_id.get(fold(label))

    def occupations_for_title(self, title: str) -> tuple[list[int], str]:
        """Exact ESCO label, else the longest ESCO label contained in the title as words."""
        f = fold(title)
        if not f:
            return [], ""
        if f in self.label_to_occ:
            return self.label_to_occ[f], f
        ws = f.split()
        for n in range(min(len(ws), MAX_TITLE_NGRAM), 0, -1):
            hits = [
                " ".join(ws[i : i + n])
                for i in range(len(ws) - n + 1)
                if " ".join(ws[i : i + n]) in self.label_to_occ
            ]
            # single generic words ("leder", "assistant") are too vague on their own
            hits = [h for h in hits if n > 1 or len(h) >= 8]
            if hits:
                return self.label_to_occ[hits[0]], hits[0]
        return [], ""

    def infer(self, titles: list[str], skills: list[str]) -> OccupationProfile:
        title_occ: dict[int, float] = {}
        matched: list[str] = []
        for t in titles:
            ids, label = self.occupations_for_title(t)
            for i in ids:
                title_occ[i] = title_occ.get(i, 0.0) + 1.0 / len(ids)
            if label:
                matched.append(label)
        skill_occ: dict[int, float] = {}
        sids = {s for s in (self.canonical_skill(x) for x in skills) if s is not None}
        if sids:
            idx = np.fromiter(sids, dtype=np.int64)
            w = self.skill_idf[idx]
            q = sparse.csr_matrix((w, (np.zeros_like(idx), idx)), shape=(1, len(self.skill_idf)))
            scores = (q @ self.occ_skill_t).toarray().ravel() / max(math.sqrt(float(w @ w)), 1e-9)
            top = np.argsort(-scores)[:SKILL_TOP_OCCUPATIONS]
            top = top[scores[top] > 0]
            if len(top):
                # Sharpen: the best-fitting occupations dominate, near ties share the mass.
                s = scores[top] ** 4
                s = s / s.sum()
                skill_occ = {int(i): float(v) for i, v in zip(top, s, strict=True)}
        return OccupationProfile(title_occ, skill_occ, tuple(matched))


@cache
def esco_model() -> EscoModel:
    return EscoModel()
