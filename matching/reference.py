"""Reference lookups for the web app: postcodes, ESCO occupations, suggested skills.

All data comes from `matching/data/` (built by scripts/build_reference_data.py); loaded lazily once.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from matching.accommodations import ACCOMMODATION_BY_CODE, ACCOMMODATION_CODES, ACCOMMODATIONS
from matching.schedule import SCHEDULE_SLOTS
from matching.text import fold

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = [
    "ACCOMMODATIONS",
    "ACCOMMODATION_BY_CODE",
    "ACCOMMODATION_CODES",
    "SCHEDULE_SLOTS",
    "Occupation",
    "PostcodeInfo",
    "all_occupations",
    "is_valid_postcode",
    "occupation_by_uri",
    "postcode_info",
    "search_occupations",
    "suggested_skills",
]


@dataclass(frozen=True)
class PostcodeInfo:
    postcode: str
    name: str
    kommune: str
    lat: float
    lon: float
    non_geographic: bool  # PO boxes / large recipients: valid, but a poor home location


@dataclass(frozen=True)
class Occupation:
    uri: str
    isco: str  # ISCO-08 unit group, 4 digits
    label_da: str
    label_en: str
    alt_da: tuple[str, ...]
    alt_en: tuple[str, ...]
    essential_skills: tuple[str, ...]
    optional_skills: tuple[str, ...]

    def label(self, lang: str = "da") -> str:
        return (self.label_da or self.label_en) if lang == "da" else self.label_en


@cache
def _postcodes() -> dict[str, PostcodeInfo]:
    out: dict[str, PostcodeInfo] = {}
    with open(DATA_DIR / "postcodes.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out[r["postcode"]] = PostcodeInfo(
                r["postcode"],
                r["name"],
                r["kommune"],
                float(r["lat"]),
                float(r["lon"]),
                r["non_geographic"] == "1",
            )
    return out


def normalize_postcode(code: object) -> str | None:
    """'8000', 8000, ' 8000 ', 'DK-8000' → '8000'; anything else → None."""
    if code is None or isinstance(code, bool):
        return None
    digits = "".join(ch for ch in str(code) if ch.isdigit())
    return digits.zfill(4) if 3 <= len(digits) <= 4 else None


def postcode_info(code: object) -> PostcodeInfo | None:
    norm = normalize_postcode(code)
    return _postcodes().get(norm) if norm else None


def is_valid_postcode(code: object) -> bool:
    return postcode_info(code) is not None


@cache
def all_occupations() -> tuple[Occupation, ...]:
    with gzip.open(DATA_DIR / "occupations.jsonl.gz", "rt", encoding="utf-8") as fh:
        return tuple(
            Occupation(
                d["uri"],
                d["isco"],
                d["da"],
                d["en"],
                tuple(d["da_alt"]),
                tuple(d["en_alt"]),
                tuple(d["essential"]),
                tuple(d["optional"]),
            )
            for d in map(json.loads, fh)
        )


@cache
def _by_uri() -> dict[str, Occupation]:
    return {o.uri: o for o in all_occupations()}


def occupation_by_uri(uri: str) -> Occupation | None:
    return _by_uri().get(uri)


@cache
def _search_rows(lang: str) -> tuple[tuple[str, tuple[str, ...], bool, Occupation], ...]:
    """(folded label, its words, is preferred, occupation) for every label in that language."""
    rows = []
    for o in all_occupations():
        labels = [(o.label_da, True), *[(a, False) for a in o.alt_da]] if lang == "da" else []
        if lang != "da" or not o.label_da:
            labels += [(o.label_en, lang != "da"), *[(a, False) for a in o.alt_en]]
        for label, preferred in labels:
            f = fold(label)
            if f:
                rows.append((f, tuple(f.split()), preferred, o))
    return tuple(rows)


def search_occupations(q: str, limit: int = 10, lang: str = "da") -> list[Occupation]:
    """Occupations whose labels match `q`: case-insensitive, æ/ø/å ≡ ae/oe/aa, word prefixes.

    Every query word must be the prefix of a label word or (for Danish compounds such as
    "lagerarbejder" ↔ "arbejder") a substring of the label. Exact > prefix of label > words.
    """
    fq = fold(q or "")
    qwords = fq.split()
    if not qwords or limit <= 0:
        return []
    best: dict[str, tuple[tuple[int, int, int], Occupation]] = {}
    for label, lwords, preferred, occ in _search_rows(lang):
        if not all(any(w.startswith(t) for w in lwords) or t in label for t in qwords):
            continue
        if label == fq:
            tier = 0
        elif label.startswith(fq):
            tier = 1
        elif all(any(w.startswith(t) for w in lwords) for t in qwords):
            tier = 2
        else:
            tier = 3
        key = (tier, 0 if preferred else 1, len(label))
        if occ.uri not in best or key < best[occ.uri][0]:
            best[occ.uri] = (key, occ)
    ranked = sorted(best.values(), key=lambda kv: (kv[0], kv[1].label(lang)))
    return [occ for _, occ in ranked[:limit]]


def suggested_skills(occupation_uris: Iterable[str]) -> list[str]:
    """Essential skills of the given occupations, de-duplicated, in first-seen order."""
    seen: dict[str, None] = {}
    for uri in occupation_uris:
        occ = occupation_by_uri(uri)
        if occ:
            seen.update(dict.fromkeys(occ.essential_skills))
    return list(seen)
