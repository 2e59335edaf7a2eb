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
    "profiles_at_end",
    "profiles_match_ready",
    "postings_open_14d",
    "postings_no_interest_14d",
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
    "profiles_match_ready_share": ("profiles_match_ready", "profiles_at_end"),
    "fleksjob_unemployment_rate": ("on_ledighedsydelse", "flexjobbers"),
    "hours_up_share": ("hours_up", "in_placement"),
}
MEDIANS = {
    "hired_hours_median": "hires",
    "hours_change_median": "in_placement",
    "profile_to_hire_days_median": "hires",
}
# Postings are not people: their counts are never held back.
NOT_PEOPLE = {"postings_open_14d", "postings_no_interest_14d"}


def _small(value: int) -> bool:
    return 0 < value < SMALL


def present(f: Figures, *, hide_small: bool) -> dict[str, Any]:
    counts: dict[str, int] = {name: getattr(f, name) for name in COUNTS}
    counts["band_daily"] = f.signed_in_daily
    counts["band_weekly"] = f.signed_in_weekly - f.signed_in_daily
    counts["band_14d"] = f.signed_in_14d - f.signed_in_weekly
    hidden = {
        name
        for name, value in counts.items()
        if hide_small and _small(value) and name not in NOT_PEOPLE
    }
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
    out["postings_no_interest_14d_share"] = share_values["postings_no_interest_14d_share"]
    medians = {
        "hired_hours_median": f.hired_hours_median,
        "hours_change_median": f.hours_change_median,
        "profile_to_hire_days_median": f.profile_to_hire_days_median,
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
    # A step's median is about the matches that entered it: held back with a small count.
    steps: dict[str, float | None] = {}
    for state, median in f.step_days_median.items():
        if hide_small and _small(len(f.step_days.get(state, []))):
            hidden.add(f"step_days_median.{state}")
            steps[state] = None
        else:
            steps[state] = median
    out["step_days_median"] = steps
    out["under_5"] = sorted(hidden - {"band_daily", "band_weekly", "band_14d"})
    return out
