"""Skill names in the reader's language.

ESCO's skill labels are English in our data (matching/data/README.md), and people pick skills
from suggestions built on them, so stored skills are often English ("use microsoft office").
`skills_da.tsv` is a curated Danish vocabulary for the skills the product suggests most (the
most frequent essential/optional skills across ESCO occupations, plus those in the demo data):
translated for Fleksbro and reviewed by the team, not an official ESCO translation. A skill is
shown in Danish in the Danish UI and in English in the English UI; anything not in the
vocabulary (the person's own words) is shown as written.
"""

from __future__ import annotations

import csv
from functools import cache

from matching.reference import DATA_DIR
from matching.text import fold

VOCABULARY = DATA_DIR / "skills_da.tsv"


@cache
def _pairs() -> tuple[dict[str, str], dict[str, str]]:
    """(folded English → Danish, folded Danish → English)."""
    to_da: dict[str, str] = {}
    to_en: dict[str, str] = {}
    if VOCABULARY.exists():
        with VOCABULARY.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                en, da = (row.get("en") or "").strip(), (row.get("da") or "").strip()
                if en and da:
                    to_da.setdefault(fold(en), da)
                    to_en.setdefault(fold(da), en)
    return to_da, to_en


def skill_label(skill: str, lang: str = "da") -> str:
    """The skill as the reader should see it."""
    to_da, to_en = _pairs()
    key = fold(skill)
    if lang == "da":
        return to_da.get(key, skill)
    return to_en.get(key, skill)


def danish_alternatives() -> dict[str, str]:
    """Danish label → folded English ESCO label, so a Danish wording maps to the same ESCO
    skill."""
    return {da: en_folded for en_folded, da in _pairs()[0].items()}
