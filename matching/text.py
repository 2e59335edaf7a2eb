"""Text normalisation shared by lookups and features (Danish-aware, cheap, deterministic)."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Folding æ/ø/å to their two-letter spellings lets "paedagog", "pædagog" and "Pædagog" meet.
_DANISH_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe"})

MAX_TEXT_CHARS = 20_000


def normalize(text: str) -> str:
    """Lower-case, NFKC, punctuation to spaces, collapsed whitespace; keeps æ/ø/å."""
    text = unicodedata.normalize("NFKC", text[:MAX_TEXT_CHARS]).lower()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def fold(text: str) -> str:
    """`normalize` plus æ→ae, ø→oe, å→aa so spelling variants compare equal."""
    return normalize(text).translate(_DANISH_FOLD)


def words(text: str) -> list[str]:
    return fold(text).split()
