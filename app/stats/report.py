"""One bucket's figures as the page and the API show them, small cells held back.

A held-back cell is ``None`` and its name is listed in ``under_5`` (a count of 1–4 people,
or a share or median computed from one): a client tells "under 5" from "no data" (None and
not listed, e.g. a share of an empty base) by that list. Zero is shown: it names nobody.
"""

from __future__ import annotations

from typing import Any

from app.stats.policy import SMALL
from app.stats.service import Figures, shares

COUNTS = (
    "profiles",
    "signed_in_daily",
    "signed_in_weekly",
    "signed_in_14d",
    "invited",
    "invited_with_profile",
    "hires",
    "on_ledighedsydelse",
    "flexjobbers",
    "in_placement",
    "hours_up",
)
# share -> (numerator count, base count); the bands' numerators are differences.
SHARES = {
    "signed_in_daily_share": ("signed_in_daily", "profiles"),
    "signed_in_weekly_share": ("signed_in_weekly", "profiles"),
    "signed_in_14d_share": ("signed_in_14d", "profiles"),
    "band_daily_share": ("band_daily", "profiles"),
    "band_weekly_share": ("band_weekly", "profiles"),
    "band_14d_share": ("band_14d", "profiles"),
    "invited_with_profile_share": ("invited_with_profile", "invited"),
    "fleksjob_unemployment_rate": ("on_ledighedsydelse", "flexjobbers"),
    "hours_up_share": ("hours_up", "in_placement"),
}
MEDIANS = {"hired_hours_median": "hires", "hours_change_median": "in_placement"}


def _small(value: int) -> bool:
    return 0 < value < SMALL


def present(f: Figures, *, hide_small: bool) -> dict[str, Any]:
    counts: dict[str, int] = {name: getattr(f, name) for name in COUNTS}
    counts["band_daily"] = f.signed_in_daily
    counts["band_weekly"] = f.signed_in_weekly - f.signed_in_daily
    counts["band_14d"] = f.signed_in_14d - f.signed_in_weekly
    hidden = {name for name, value in counts.items() if hide_small and _small(value)}
    out: dict[str, Any] = {
        "label": f.bucket.label,
        "start": f.bucket.start,
        "end": f.bucket.end,
        "days": f.bucket.days,
        "engagement_days": f.engagement_days,
    }
    out |= {name: None if name in hidden else counts[name] for name in COUNTS}
    share_values = shares(f)
    for name, (part, base) in SHARES.items():
        if part in hidden or base in hidden:
            hidden.add(name)
            out[name] = None
        else:
            out[name] = share_values[name]
    medians = {
        "hired_hours_median": f.hired_hours_median,
        "hours_change_median": f.hours_change_median,
    }
    for name, base in MEDIANS.items():
        if base in hidden:
            hidden.add(name)
            out[name] = None
        else:
            out[name] = medians[name]
    by_state: dict[str, int | None] = {}
    for state, value in f.matches_by_state.items():
        if hide_small and _small(value):
            hidden.add(f"matches_by_state.{state}")
            by_state[state] = None
        else:
            by_state[state] = value
    out["matches_by_state"] = by_state
    out["under_5"] = sorted(hidden - {"band_daily", "band_weekly", "band_14d"})
    return out
