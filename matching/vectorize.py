"""Record → the fixed-size numeric row the index stores (everything except the embedding call).

Sparse signals (occupations, ISCO groups, skills) are kept as fixed-width (index, value) pairs
so a row can be overwritten in place on update; the store turns them into CSR for free.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from matching.accommodations import ACCOMMODATION_CODES
from matching.esco import EscoModel, esco_model
from matching.records import JobRecord, ProfileRecord
from matching.reference import postcode_info
from matching.schedule import schedule_mask
from matching.text import fold

OCC_K = 16  # occupation entries kept per record
ISCO_K = 8
TITLE_K = 8
SKILL_K = 48  # hashed skill features kept per record (ids + word stems)
SKILL_DIM = 1 << 16
STEM_CHARS = 6  # crude, language-agnostic stemming: "fakturering"/"fakturere" share "faktur"

ACC_BIT: dict[str, int] = {c: 1 << i for i, c in enumerate(ACCOMMODATION_CODES)}
REMOTE_BIT = ACC_BIT["remote_work"]

_STOP = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "to",
        "for",
        "in",
        "on",
        "with",
        "a",
        "an",
        "by",
        "as",
        "at",
        "from",
        "into",
        "og",
        "i",
        "på",
        "til",
        "for",
        "med",
        "af",
        "en",
        "et",
        "der",
        "som",
        "at",
        "de",
        "den",
        "det",
        "fra",
        "ved",
        "om",
        "inden",
        "under",
    ]
)


@dataclass(frozen=True)
class SparseRow:
    idx: npt.NDArray[np.int32]
    val: npt.NDArray[np.float32]


@dataclass(frozen=True)
class Row:
    """Everything about one record that scoring needs, except its text embedding."""

    title_occ: SparseRow
    occ: SparseRow
    isco: SparseRow
    skills: SparseRow
    hours_min: float  # nan = unknown
    hours_max: float
    lat: float
    lon: float
    max_km: float  # profiles: travel limit; nan = none given
    remote: int  # jobs: 1 remote, 0 on site, -1 unknown; profiles: remote_ok likewise, 2 only
    acc_need: int  # bit masks over ACCOMMODATION_CODES
    acc_must: int
    acc_offer: int
    acc_known: int  # 1 if the job states what it offers
    sched: int
    sched_known: int
    taxonomy_sure: int  # 1: ESCO reads this record reliably (an exact title, or most skills)


def _sparse(d: dict[int, float], k: int, normalise: bool = True) -> SparseRow:
    items = sorted(d.items(), key=lambda kv: -kv[1])[:k]
    idx = np.zeros(k, dtype=np.int32)
    val = np.zeros(k, dtype=np.float32)
    for n, (i, v) in enumerate(items):
        idx[n], val[n] = i, v
    if normalise:
        norm = float(np.linalg.norm(val))
        if norm > 0:
            val /= norm
    return SparseRow(idx, val)


@cache
def _word_idf() -> dict[str, float]:
    """IDF of word stems over all ESCO skill labels: generic words weigh little."""
    m = esco_model()
    df: dict[str, int] = {}
    for label in m.skill_id:
        for st in {w[:STEM_CHARS] for w in label.split() if len(w) > 2 and w not in _STOP}:
            df[st] = df.get(st, 0) + 1
    n = len(m.skill_id)
    return {st: math.log((1 + n) / (1 + c)) + 1.0 for st, c in df.items()}


def _hash(token: str) -> int:
    return zlib.crc32(token.encode()) % SKILL_DIM


def skill_features(m: EscoModel, skills: Iterable[str]) -> dict[int, float]:
    idf = _word_idf()
    default_idf = max(idf.values())
    out: dict[int, float] = {}
    for s in skills:
        sid = m.canonical_skill(s)
        if sid is not None:  # differently worded ESCO labels of one skill become one feature
            h = _hash(f"S{sid}")
            out[h] = out.get(h, 0.0) + 2.0 * float(m.skill_idf[sid])
        for st in {w[:STEM_CHARS] for w in fold(s).split() if len(w) > 2 and w not in _STOP}:
            h = _hash("W" + st)
            out[h] = out.get(h, 0.0) + idf.get(st, default_idf)
    return out


def taxonomy_sure(m: EscoModel, skills: list[str]) -> int:
    """Whether ESCO's reading of this record can be trusted: at least half of its skills are
    ESCO skills. A title alone is not enough — people and companies pick ESCO titles from the
    autocomplete, and "Receptionist" and "Administrativ medarbejder" are then two occupations
    in different groups although the work is much the same; their own words ("telefonpasning",
    "Word og Excel") tell more than ESCO's reading of them."""
    known = sum(m.canonical_skill(x) is not None for x in skills)
    return int(bool(skills) and known * 2 >= len(skills))


def _occ_rows(m: EscoModel, titles: list[str], skills: list[str]) -> tuple[SparseRow, ...]:
    prof = m.infer(titles, skills)
    combined: dict[int, float] = {}
    # Titles are the person's / company's own words about the job: they get the same total mass
    # as all skill evidence together, so a stated title is never drowned out by skills.
    for src in (prof.title_occ, prof.skill_occ):
        total = sum(src.values()) or 1.0
        for i, v in src.items():
            combined[i] = combined.get(i, 0.0) + v / total
    isco: dict[int, float] = {}
    for i, v in combined.items():
        g = int(m.occ_isco[i])
        isco[g] = isco.get(g, 0.0) + v
    return (_sparse(prof.title_occ, TITLE_K), _sparse(combined, OCC_K), _sparse(isco, ISCO_K))


def _nan(v: float | None) -> float:
    return math.nan if v is None else float(v)


def _mask(codes: Iterable[str]) -> int:
    out = 0
    for c in codes:
        out |= ACC_BIT.get(c, 0)
    return out


def _geo(postcode: str | None) -> tuple[float, float]:
    info = postcode_info(postcode) if postcode else None
    return (info.lat, info.lon) if info else (math.nan, math.nan)


def _tri(v: bool | None) -> int:
    return -1 if v is None else int(v)


def profile_row(p: ProfileRecord) -> Row:
    m = esco_model()
    title_occ, occ, isco = _occ_rows(m, list(p.wished_jobs), list(p.skills))
    lat, lon = _geo(p.postcode)
    return Row(
        title_occ,
        occ,
        isco,
        _sparse(skill_features(m, p.skills), SKILL_K),
        _nan(p.hours_min),
        _nan(p.hours_max),
        lat,
        lon,
        _nan(p.max_distance_km),
        2 if p.remote_only else _tri(p.remote_ok),  # 2 = remote only (a hard constraint)
        _mask(p.accommodation_needs),
        _mask(p.accommodation_essential),
        0,
        0,
        schedule_mask(p.schedule),
        int(bool(p.schedule)),
        taxonomy_sure(m, list(p.skills)),
    )


def job_row(j: JobRecord) -> Row:
    m = esco_model()
    skills = [*j.skills, *j.nice_skills]
    title_occ, occ, isco = _occ_rows(m, [j.title] if j.title else [], skills)
    lat, lon = _geo(j.postcode)
    offered = j.accommodations_offered
    acc_offer = _mask(offered or ()) | (REMOTE_BIT if j.remote else 0)
    return Row(
        title_occ,
        occ,
        isco,
        _sparse(skill_features(m, skills), SKILL_K),
        _nan(j.hours_min),
        _nan(j.hours_max),
        lat,
        lon,
        math.nan,
        _tri(j.remote),
        0,
        0,
        acc_offer,
        int(offered is not None),
        schedule_mask(j.schedule),
        int(bool(j.schedule)),
        taxonomy_sure(m, skills),
    )


def profile_text(p: ProfileRecord) -> str:
    """What the person says about the work they want, most telling parts first (texts are
    clipped before encoding)."""
    parts = [", ".join(p.wished_jobs), p.headline, ", ".join(p.skills), p.about, p.experience]
    return ". ".join(x for x in parts if x)


def job_text(j: JobRecord) -> str:
    parts = [j.title, ", ".join(j.skills), j.tasks, j.description, ", ".join(j.nice_skills)]
    return ". ".join(x for x in parts if x)
