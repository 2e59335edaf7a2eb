"""Danish-aware text folding for search: case, æ/ø/å and their common spellings, accents."""

from __future__ import annotations

import re
import unicodedata

# People type "aa" for "å", "oe" for "ø" and "ae" for "æ" on foreign keyboards: fold all to one.
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    lowered = unicodedata.normalize("NFKC", text).casefold().translate(_DANISH)
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
    )
    return _SPACE.sub(" ", stripped).strip()


def search_terms(query: str, limit: int = 8) -> list[str]:
    """Folded words of a query; each must occur (as a part of a word) in the searched text."""
    return [term for term in fold(query).split(" ") if term][:limit]


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
