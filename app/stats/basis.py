"""What every figure module shares: the scope, one bucket's raw counts, the funnel's order,
and the SQL that sorts a timestamp into its bucket (one grouped query for all buckets)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, Select, case, literal, select

from app.models import FlexjobberProfile, MatchState, User
from app.stats.periods import Bucket, local_today

# The order the dashboard shows the funnel in; the other states follow.
FUNNEL = (
    MatchState.SUGGESTED,
    MatchState.RECOMMENDED,
    MatchState.INTEREST,
    MatchState.MUTUAL,
    MatchState.MEETING,
    MatchState.TRIAL,
    MatchState.HIRED,
)
OTHER_STATES = (MatchState.ENDED, MatchState.DISMISSED, MatchState.EXPIRED)
PLACED = (MatchState.TRIAL.value, MatchState.HIRED.value)
# A posting that has been published this long with nobody interested needs a look.
NO_INTEREST_DAYS = 14


@dataclass(frozen=True)
class Scope:
    """Whose figures: a jobcentre (None: every jobcentre), optionally one team or one
    consultant's caseload (the people whose consultant they are)."""

    jobcentre_id: int | None
    team_id: int | None = None
    consultant_id: int | None = None


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


@dataclass
class Figures:
    """One bucket's raw counts (no small-cell suppression: see app.stats.policy)."""

    bucket: Bucket
    engagement_days: int = 0  # n: the bucket's days up to today
    profiles: int = 0  # engagement base
    signed_in_daily: int = 0
    signed_in_weekly: int = 0
    signed_in_14d: int = 0
    invited: int = 0
    invited_with_profile: int = 0
    profiles_at_end: int = 0
    profiles_match_ready: int = 0
    matches_by_state: dict[str, int] = field(default_factory=dict)
    # funnel state -> days each match that entered it took from the step before
    step_days: dict[str, list[int]] = field(default_factory=dict)
    postings_open_14d: int = 0
    postings_no_interest_14d: int = 0
    hired_hours: list[int] = field(default_factory=list)
    profile_to_hire_days: list[int] = field(default_factory=list)
    on_ledighedsydelse: int = 0
    flexjobbers: int = 0
    in_placement: int = 0
    hours_up: int = 0
    hours_changes: list[int] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        """Add another part's counts of the same bucket (a consultant's, into a team's)."""
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for state, count in other.matches_by_state.items():
            self.matches_by_state[state] = self.matches_by_state.get(state, 0) + count
        for state, days in other.step_days.items():
            self.step_days.setdefault(state, []).extend(days)
        self.hired_hours += other.hired_hours
        self.profile_to_hire_days += other.profile_to_hire_days
        self.hours_changes += other.hours_changes

    @property
    def hires(self) -> int:
        return self.matches_by_state.get(MatchState.HIRED.value, 0)

    @property
    def hired_hours_median(self) -> float | None:
        return _median(self.hired_hours)

    @property
    def hours_change_median(self) -> float | None:
        return _median(self.hours_changes)

    @property
    def profile_to_hire_days_median(self) -> float | None:
        return _median(self.profile_to_hire_days)

    @property
    def step_days_median(self) -> dict[str, float | None]:
        return {state.value: _median(self.step_days.get(state.value, [])) for state in FUNNEL[1:]}


# The counts that add up across parts (everything but the bucket, its day count and the lists).
_COUNTS = tuple(
    name
    for name, kind in Figures.__annotations__.items()
    if kind == "int" and name != "engagement_days"
)


def zero_states() -> dict[str, int]:
    return {state.value: 0 for state in (*FUNNEL, *OTHER_STATES)}


# ---------------------------------------------------------------- scope


def team_members(team_id: int) -> Select[Any]:
    return select(User.id).where(User.team_id == team_id)


def profile_conditions(scope: Scope) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if scope.jobcentre_id is not None:
        conditions.append(FlexjobberProfile.jobcentre_id == scope.jobcentre_id)
    if scope.consultant_id is not None:
        conditions.append(FlexjobberProfile.consultant_id == scope.consultant_id)
    if scope.team_id is not None:
        conditions.append(FlexjobberProfile.consultant_id.in_(team_members(scope.team_id)))
    return conditions


def profile_ids(scope: Scope) -> Select[Any]:
    return select(FlexjobberProfile.id).where(*profile_conditions(scope))


# ---------------------------------------------------------------- buckets in SQL


def at_or_before(moment: Any, ends: list[Any]) -> Any:
    """How many of the (non-decreasing) ``ends`` are at or before ``moment``: for a figure
    that holds from some bucket on, the index of the first bucket it holds in."""
    if not ends:
        return literal(0)  # SQL has no CASE without a WHEN
    return case(*((moment < end, i) for i, end in enumerate(ends)), else_=len(ends))


def bucket_index(column: Any, ends: list[Any]) -> Any:
    """The index of the bucket a value falls in, for contiguous buckets ending at ``ends``
    (the caller keeps the value within the period, so the last end is never reached)."""
    return at_or_before(column, ends[:-1])


def local_days_between(earlier: datetime, later: datetime) -> int:
    """Danish calendar days from one stored moment to another."""
    return (local_today(later) - local_today(earlier)).days


def contiguous(buckets: list[Bucket]) -> bool:
    """Whether the buckets follow each other without gaps or overlaps (as the dashboard's
    weeks and months do), so one grouped query can sort rows into them."""
    return all(a.end == b.start for a, b in pairwise(buckets))
