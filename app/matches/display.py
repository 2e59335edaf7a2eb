"""How a match score is shown: one whole number 0–100 and its plain-language band.

The band is taken from the number as shown, so a page never says "Godt match · 50" beside an
API answer of "strong" for the same pair (49.6 is shown as 50 and is strong everywhere).
"""

from __future__ import annotations

from app.kit.i18n import N_
from matching.bands import Band, band

__all__ = ["BAND_LABELS", "Band", "shown_band", "shown_label", "shown_score"]

# Danish msgids (English in the catalogue); the same words as matching.bands.LABELS.
BAND_LABELS: dict[Band, str] = {
    "strong": N_("Stærkt match"),
    "good": N_("Godt match"),
    "possible": N_("Muligt match"),
}


def shown_score(score: float) -> int:
    """The number people see: half up, clipped to 0–100 (never "101" or "-0")."""
    return max(0, min(100, int(score + 0.5)))


def shown_band(score: float) -> Band:
    return band(float(shown_score(score)))


def shown_label(score: float) -> str:
    """The band's Danish msgid; translate it for the reader."""
    return BAND_LABELS[shown_band(score)]
