"""One bucket's figures as the page and the API show them, small cells held back.

A held-back cell is ``None`` and its name is listed in ``under_5`` (a count of 1–4 people,
or a share or median computed from one): a client tells "under 5" from "no data" (None and
not listed, e.g. a share of an empty base) by that list. Zero is shown: it names nobody.

A small cell must not be computable from the cells that are shown either, so some cells that
are not small are held back too and listed in ``held_back``:
- within a bucket, the sign-in bands are differences of the cumulative counts (weekly band =
  weekly − daily): a small band holds back the cumulative count it would be read from;
- across scopes, a team's or a caseload's count is held back when the rest of the jobcentre is
  small (jobcentre − team = 1–4 would name the people outside the team, e.g. a second team).
Differences over periods (a month minus its weeks) are not covered; see README.
"""

from __future__ import annotations

from typing import Any

from app.stats.periods import Bucket
from app.stats.policy import SMALL
from app.stats.service import Figures, Scope, figures, figures_many, shares

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


def _counts(f: Figures) -> dict[str, int]:
    counts: dict[str, int] = {name: getattr(f, name) for name in COUNTS}
    counts["band_daily"] = f.signed_in_daily
    counts["band_weekly"] = f.signed_in_weekly - f.signed_in_daily
    counts["band_14d"] = f.signed_in_14d - f.signed_in_weekly
    return counts


def _held_back(counts: dict[str, int], small: set[str], whole: dict[str, int] | None) -> set[str]:
    """Cells that are not small but would let a small one be computed (module docstring)."""
    held: set[str] = set()
    if "band_weekly" in small:  # weekly − daily; and 14d − band_14d is weekly again
        held |= {"signed_in_weekly", "band_14d"}
    if "band_14d" in small or "band_14d" in held:  # 14d − weekly
        held.add("signed_in_14d")
    if whole is not None:
        held |= {
            name
            for name, value in counts.items()
            if name not in NOT_PEOPLE and _small(whole.get(name, value) - value)
        }
    return held - small


def present(f: Figures, *, hide_small: bool, whole: Figures | None = None) -> dict[str, Any]:
    """One bucket for the viewer; `whole` is the jobcentre's same bucket when the scope is a
    team or a caseload inside it (for the across-scopes rule)."""
    counts = _counts(f)
    small = {
        name
        for name, value in counts.items()
        if hide_small and _small(value) and name not in NOT_PEOPLE
    }
    held = _held_back(counts, small, _counts(whole) if whole else None) if hide_small else set()
    hidden = small | held
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
        rest = (whole.matches_by_state.get(state, value) if whole else value) - value
        if hide_small and _small(value):
            hidden.add(f"matches_by_state.{state}")
            small.add(f"matches_by_state.{state}")
            by_state[state] = None
        elif hide_small and whole is not None and _small(rest):
            hidden.add(f"matches_by_state.{state}")
            held.add(f"matches_by_state.{state}")
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
    bands = {"band_daily", "band_weekly", "band_14d"}
    out["held_back"] = sorted(held - bands)
    out["under_5"] = sorted(hidden - held - bands)
    return out


def shown(
    db: Any, scope: Scope, buckets: list[Bucket], *, hide_small: bool, cache_seconds: float
) -> list[dict[str, Any]]:
    """The figures of a scope as the viewer may see them — the page, its CSV files and the API
    all call this. A team or caseload inside a jobcentre is also compared with the whole."""
    inside = scope.jobcentre_id is not None and (
        scope.team_id is not None or scope.consultant_id is not None
    )
    if not (hide_small and inside):
        rows = figures(db, scope, buckets, cache_seconds=cache_seconds)
        return [present(f, hide_small=hide_small) for f in rows]
    asked = [(scope, buckets), (Scope(scope.jobcentre_id), buckets)]
    rows, whole = figures_many(db, asked, cache_seconds=cache_seconds)
    return [present(f, hide_small=hide_small, whole=w) for f, w in zip(rows, whole, strict=True)]
