"""The jobcentre's figures per week or month: engagement, invitations, the match funnel,
hires and hours, fleksjob unemployment and progression. Read-only SQL aggregations over the
recorded facts (sign_ins, one_time_links, match_events, profile_status_changes); never
commits. Who may ask for which scope is decided in app.stats.policy; this module counts.

Definitions (also shown on the dashboard):
- engagement base: profiles of active accounts that existed when the period began;
  a person who signed in on d of the period's n days (Danish calendar days, up to today) is
  *daily* if d ≥ 5/7·n, *weekly* if d ≥ n/7, *every 14 days* if d ≥ n/14 — cumulative, so
  daily ≤ weekly ≤ 14 days. Refleks's bands are the differences (weekly − daily, ...).
- invited: citizens whose first invitation was sent in the period (a caseload's or team's are
  those its consultants sent); invited_with_profile: of them, those who accepted and have a
  profile, counted as of now.
- matches_by_state: matches that entered each state in the period (suggested = created).
- fleksjob unemployment: people whose status at the period's end is ledighedsydelse, as a
  share of those with a known status then (ledighedsydelse, in fleksjob, wants a change).
- hours_up_share: of the people in a trial or hired at the period's end, the share whose
  latest hours per week are above the hours the placement started with.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, distinct, func, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.kit.clock import utcnow
from app.models import (
    FlexjobberProfile,
    JobseekerStatus,
    LinkPurpose,
    Match,
    MatchEvent,
    MatchState,
    OneTimeLink,
    ProfileStatusChange,
    Role,
    SignIn,
    User,
)
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


@dataclass(frozen=True)
class Scope:
    """Whose figures: a jobcentre (None: every jobcentre), optionally one team or one
    consultant's caseload (the people whose consultant they are)."""

    jobcentre_id: int | None
    team_id: int | None = None
    consultant_id: int | None = None


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
    matches_by_state: dict[str, int] = field(default_factory=dict)
    hired_hours: list[int] = field(default_factory=list)
    on_ledighedsydelse: int = 0
    flexjobbers: int = 0
    in_placement: int = 0
    hours_up: int = 0
    hours_changes: list[int] = field(default_factory=list)

    @property
    def hires(self) -> int:
        return self.matches_by_state.get(MatchState.HIRED.value, 0)

    @property
    def hired_hours_median(self) -> float | None:
        return float(statistics.median(self.hired_hours)) if self.hired_hours else None

    @property
    def hours_change_median(self) -> float | None:
        return float(statistics.median(self.hours_changes)) if self.hours_changes else None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def shares(f: Figures) -> dict[str, float | None]:
    """The shares computed from a bucket's counts (None where the base is empty)."""
    return {
        "signed_in_daily_share": _share(f.signed_in_daily, f.profiles),
        "signed_in_weekly_share": _share(f.signed_in_weekly, f.profiles),
        "signed_in_14d_share": _share(f.signed_in_14d, f.profiles),
        "band_daily_share": _share(f.signed_in_daily, f.profiles),
        "band_weekly_share": _share(f.signed_in_weekly - f.signed_in_daily, f.profiles),
        "band_14d_share": _share(f.signed_in_14d - f.signed_in_weekly, f.profiles),
        "invited_with_profile_share": _share(f.invited_with_profile, f.invited),
        "fleksjob_unemployment_rate": _share(f.on_ledighedsydelse, f.flexjobbers),
        "hours_up_share": _share(f.hours_up, f.in_placement),
    }


# ---------------------------------------------------------------- scope


def _team_members(team_id: int) -> Select[Any]:
    return select(User.id).where(User.team_id == team_id)


def _profile_conditions(scope: Scope) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if scope.jobcentre_id is not None:
        conditions.append(FlexjobberProfile.jobcentre_id == scope.jobcentre_id)
    if scope.consultant_id is not None:
        conditions.append(FlexjobberProfile.consultant_id == scope.consultant_id)
    if scope.team_id is not None:
        conditions.append(FlexjobberProfile.consultant_id.in_(_team_members(scope.team_id)))
    return conditions


def _profile_ids(scope: Scope) -> Select[Any]:
    return select(FlexjobberProfile.id).where(*_profile_conditions(scope))


# ---------------------------------------------------------------- the figures


def _engagement(db: Session, scope: Scope, b: Bucket, today: Any, f: Figures) -> None:
    end = min(b.end, today + timedelta(days=1))
    n = (end - b.start).days
    f.engagement_days = max(n, 0)
    if n <= 0:
        return
    base = (
        select(FlexjobberProfile.user_id)
        .join(User, User.id == FlexjobberProfile.user_id)
        .where(
            *_profile_conditions(scope),
            User.active.is_(True),
            FlexjobberProfile.created_at < b.start_at,
        )
    )
    f.profiles = int(db.scalar(select(func.count()).select_from(base.subquery())) or 0)
    if not f.profiles:
        return
    days = (
        select(SignIn.user_id, func.count(distinct(SignIn.day)).label("d"))
        .where(SignIn.day >= b.start, SignIn.day < end, SignIn.user_id.in_(base))
        .group_by(SignIn.user_id)
        .subquery()
    )

    def at_least(numerator: int, denominator: int) -> Any:
        # d ≥ numerator/denominator · n, in integers so no rounding decides a person's band.
        return func.coalesce(
            func.sum(case((days.c.d * denominator >= numerator * n, 1), else_=0)), 0
        )

    row = db.execute(select(at_least(5, 7), at_least(1, 7), at_least(1, 14))).one()
    f.signed_in_daily, f.signed_in_weekly, f.signed_in_14d = (int(v) for v in row)


def _invitations(db: Session, scope: Scope, b: Bucket, f: Figures) -> None:
    ranked = (
        select(
            OneTimeLink.user_id,
            OneTimeLink.created_at,
            OneTimeLink.created_by_id,
            func.row_number()
            .over(
                partition_by=OneTimeLink.user_id,
                order_by=(OneTimeLink.created_at, OneTimeLink.id),
            )
            .label("rn"),
        )
        .where(OneTimeLink.purpose == LinkPurpose.INVITATION)
        .subquery()
    )
    accepted = (
        select(OneTimeLink.id)
        .where(
            OneTimeLink.user_id == ranked.c.user_id,
            OneTimeLink.purpose == LinkPurpose.INVITATION,
            OneTimeLink.used_at.is_not(None),
        )
        .exists()
    )
    has_profile = select(FlexjobberProfile.id).where(FlexjobberProfile.user_id == ranked.c.user_id)
    conditions: list[ColumnElement[bool]] = [
        ranked.c.rn == 1,
        ranked.c.created_at >= b.start_at,
        ranked.c.created_at < b.end_at,
        roles.users_with(Role.FLEXJOBBER),
    ]
    if scope.jobcentre_id is not None:
        conditions.append(User.jobcentre_id == scope.jobcentre_id)
    if scope.consultant_id is not None:
        conditions.append(ranked.c.created_by_id == scope.consultant_id)
    if scope.team_id is not None:
        conditions.append(ranked.c.created_by_id.in_(_team_members(scope.team_id)))
    row = db.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((and_(accepted, has_profile.exists()), 1), else_=0)), 0),
        )
        .select_from(ranked)
        .join(User, User.id == ranked.c.user_id)
        .where(*conditions)
    ).one()
    f.invited, f.invited_with_profile = int(row[0]), int(row[1])


def _entered(b: Bucket, scope: Scope) -> list[ColumnElement[bool]]:
    """Events that moved a match of the scope into a new state during the bucket."""
    return [
        MatchEvent.created_at >= b.start_at,
        MatchEvent.created_at < b.end_at,
        MatchEvent.from_state != MatchEvent.to_state,
        Match.profile_id.in_(_profile_ids(scope)),
    ]


def _matches(db: Session, scope: Scope, b: Bucket, f: Figures) -> None:
    counts = {state.value: 0 for state in (*FUNNEL, *OTHER_STATES)}
    counts[MatchState.SUGGESTED.value] = int(
        db.scalar(
            select(func.count())
            .select_from(Match)
            .where(
                Match.created_at >= b.start_at,
                Match.created_at < b.end_at,
                Match.profile_id.in_(_profile_ids(scope)),
            )
        )
        or 0
    )
    rows = db.execute(
        select(MatchEvent.to_state, func.count(distinct(MatchEvent.match_id)))
        .join(Match, Match.id == MatchEvent.match_id)
        .where(*_entered(b, scope), MatchEvent.to_state != MatchState.SUGGESTED.value)
        .group_by(MatchEvent.to_state)
    )
    for state, count in rows:
        if state in counts:
            counts[state] = int(count)
    f.matches_by_state = counts
    f.hired_hours = [
        hours
        for hours in db.scalars(
            select(MatchEvent.hours)
            .join(Match, Match.id == MatchEvent.match_id)
            .where(
                *_entered(b, scope),
                MatchEvent.to_state == MatchState.HIRED.value,
                MatchEvent.hours.is_not(None),
            )
        )
        if hours is not None
    ]


def _statuses(db: Session, scope: Scope, until: datetime, f: Figures) -> None:
    latest = (
        select(
            ProfileStatusChange.status,
            func.row_number()
            .over(
                partition_by=ProfileStatusChange.profile_id,
                order_by=(ProfileStatusChange.changed_at.desc(), ProfileStatusChange.id.desc()),
            )
            .label("rn"),
        )
        .where(
            ProfileStatusChange.changed_at < until,
            ProfileStatusChange.profile_id.in_(_profile_ids(scope)),
        )
        .subquery()
    )
    on_benefit = case((latest.c.status == JobseekerStatus.LEDIGHEDSYDELSE, 1), else_=0)
    known = case((latest.c.status.is_not(None), 1), else_=0)
    row = db.execute(
        select(func.coalesce(func.sum(on_benefit), 0), func.coalesce(func.sum(known), 0)).where(
            latest.c.rn == 1
        )
    ).one()
    f.on_ledighedsydelse, f.flexjobbers = int(row[0]), int(row[1])


def _progression(db: Session, scope: Scope, until: datetime, f: Figures) -> None:
    state_at = (
        select(
            MatchEvent.match_id,
            MatchEvent.to_state,
            func.row_number()
            .over(
                partition_by=MatchEvent.match_id,
                order_by=(MatchEvent.created_at.desc(), MatchEvent.id.desc()),
            )
            .label("rn"),
        )
        .join(Match, Match.id == MatchEvent.match_id)
        .where(
            MatchEvent.created_at < until,
            MatchEvent.from_state != MatchEvent.to_state,
            Match.profile_id.in_(_profile_ids(scope)),
        )
        .subquery()
    )
    placed = select(state_at.c.match_id).where(state_at.c.rn == 1, state_at.c.to_state.in_(PLACED))
    rows = db.execute(
        select(Match.profile_id, MatchEvent.hours)
        .join(Match, Match.id == MatchEvent.match_id)
        .where(
            MatchEvent.match_id.in_(placed),
            MatchEvent.hours.is_not(None),
            MatchEvent.created_at < until,
        )
        .order_by(Match.profile_id, MatchEvent.created_at, MatchEvent.id)
    )
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for profile_id, hours in rows:
        if hours is not None:  # excluded by the query; the check tells the type checker
            first.setdefault(profile_id, hours)
            last[profile_id] = hours
    f.in_placement = len(first)
    f.hours_changes = [last[p] - first[p] for p in first]
    f.hours_up = sum(1 for change in f.hours_changes if change > 0)


def figures(db: Session, scope: Scope, buckets: list[Bucket]) -> list[Figures]:
    now = utcnow()
    today = local_today(now)
    out = []
    for b in buckets:
        f = Figures(bucket=b)
        until = min(b.end_at, now)
        _engagement(db, scope, b, today, f)
        _invitations(db, scope, b, f)
        _matches(db, scope, b, f)
        _statuses(db, scope, until, f)
        _progression(db, scope, until, f)
        out.append(f)
    return out
