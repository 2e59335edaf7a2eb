"""Plain-language bands for the 0–100 match score, so nobody reads 35 % as "bad".

The score's meaning (see matching/README.md): the share of pairs shown at that score which a
jobcentre consultant would call a reasonable suggestion. The bands are the same for every
audience and every page; the API returns the band code beside the number.
"""

from __future__ import annotations

from typing import Literal

Band = Literal["strong", "good", "possible"]

STRONG_FROM = 50.0  # "Stærkt match": most pairs here are the right kind of job
GOOD_FROM = 25.0  # "Godt match": worth a look; the work is related

LABELS: dict[Band, dict[str, str]] = {
    "strong": {"da": "Stærkt match", "en": "Strong match"},
    "good": {"da": "Godt match", "en": "Good match"},
    "possible": {"da": "Muligt match", "en": "Possible match"},
}


def band(score: float) -> Band:
    if score >= STRONG_FROM:
        return "strong"
    if score >= GOOD_FROM:
        return "good"
    return "possible"


def band_label(score: float, lang: str = "da") -> str:
    return LABELS[band(score)]["en" if lang == "en" else "da"]
