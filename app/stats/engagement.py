"""Engagement figures for all buckets at once: sign-in bands, invitations, and the profiles
complete enough to match. One grouped query per figure family, whatever the bucket count."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Integer,
    and_,
    case,
    column,
    func,
    literal,
    select,
    union_all,
    values,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import NamedFromClause

from app.accounts import policy as roles
from app.kit import day_masks
from app.models import FlexjobberProfile, LinkPurpose, OneTimeLink, Role, SignInMonth, User
from app.stats.basis import Scope, at_or_before, bucket_index, profile_conditions, team_members
from app.stats.bits import popcount
from app.stats.breakdown import Breakdown


def _count_if(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _active(user_id: Any) -> ColumnElement[bool]:
    """The account is active. As "no inactive account": the few inactive ones are looked up,
    instead of joining every account of the scope."""
    inactive = select(User.id).where(User.id == user_id, User.active.is_not(True))
    return ~inactive.exists()


def profiles(db: Session, scope: Scope, parts: Breakdown) -> None:
    """The engagement base (profiles of active accounts made before the bucket began), and
    at the bucket's end: the profiles, and those complete enough to match by then.

    Each count grows with the buckets: a profile counts from the first bucket that begins
    (or ends) after it was made. So the profiles are grouped by those bucket indexes and the
    counts summed here, instead of three sums per bucket over every profile."""
    created, ready = FlexjobberProfile.created_at, FlexjobberProfile.match_ready_at
    starts = [b.start_at for b in parts.buckets]
    ends = [b.end_at for b in parts.buckets]
    made_before = at_or_before(created, starts)  # in the base from this bucket on
    made_by_end = at_or_before(created, ends)
    ready_by_end = case((ready.is_(None), len(ends)), else_=at_or_before(ready, ends))
    query = (
        select(
            FlexjobberProfile.consultant_id,
            made_before.label("base"),
            made_by_end.label("made"),
            ready_by_end.label("ready"),
            func.count(),
        )
        .where(*profile_conditions(scope), _active(FlexjobberProfile.user_id))
        .group_by(FlexjobberProfile.consultant_id, "base", "made", "ready")
    )
    for key, base, made, ready_from, count in db.connection().execute(query):
        part, n = parts.of(key), int(count)
        for f in part[int(base) :]:
            f.profiles += n
        for f in part[int(made) :]:
            f.profiles_at_end += n
        for f in part[max(int(made), int(ready_from)) :]:
            f.profiles_match_ready += n


def _bucket_table(db: Session, parts: Breakdown) -> tuple[NamedFromClause, bool]:
    """The buckets as a small table (bucket index, month, day mask, days n, start) with one
    row per month-window piece of a bucket, and whether any bucket needed more than one."""
    rows: list[tuple[int, date, int, int, datetime]] = []
    split = False
    for i, (b, end, n) in enumerate(
        zip(parts.buckets, parts.ends, parts.engagement_days, strict=True)
    ):
        if not n:
            continue
        fit = day_masks.bucket_mask(b.start, end)
        pieces = [fit] if fit else day_masks.pieces(b.start, end)
        split = split or len(pieces) > 1
        rows += [(i, month, mask, n, b.start_at) for month, mask in pieces]
    columns = (
        column("i", Integer),
        column("month", Date),
        column("mask", BigInteger),
        column("n", Integer),
        column("start_at", FlexjobberProfile.created_at.type),
    )
    if db.get_bind().dialect.name == "postgresql":
        # A VALUES list: the planner hashes it (a UNION ALL here made it scan the masks once
        # per bucket).
        return values(*columns, name="buckets").data(rows), split
    # SQLite has no column names on a VALUES list: the same rows as a UNION ALL.
    selects = [
        select(*(literal(v, c.type).label(c.name) for v, c in zip(row, columns, strict=True)))
        for row in rows
    ]
    return union_all(*selects).subquery("buckets"), split


def sign_ins(db: Session, scope: Scope, parts: Breakdown) -> None:
    if not any(parts.engagement_days):
        return
    # A day count per person and bucket from the month masks (app.kit.day_masks), joined
    # to a small table of the buckets: every dashboard week or month lies in one month's
    # window, so one row holds a person's days of a bucket and nothing is grouped per
    # person. A bucket that fits no window (a period chosen by hand, longer than a month)
    # is summed from its months' pieces, grouped per person and bucket.
    buckets, split = _bucket_table(db, parts)
    masked = SignInMonth.days.op("&")(buckets.c.mask)
    rows = (
        select(
            buckets.c.i,
            buckets.c.n,
            buckets.c.start_at,
            FlexjobberProfile.created_at,
            FlexjobberProfile.consultant_id.label("key"),
            (func.sum(popcount(masked)) if split else popcount(masked)).label("d"),
        )
        .select_from(SignInMonth)
        .join(buckets, buckets.c.month == SignInMonth.month)
        .join(FlexjobberProfile, FlexjobberProfile.user_id == SignInMonth.user_id)
        .where(*profile_conditions(scope), _active(SignInMonth.user_id), masked != 0)
    )
    if split:
        rows = rows.group_by(
            SignInMonth.user_id,
            buckets.c.i,
            buckets.c.n,
            buckets.c.start_at,
            FlexjobberProfile.created_at,
            FlexjobberProfile.consultant_id,
        )
    days = rows.subquery()
    d, n = days.c.d, days.c.n
    # In the base: the profile existed when the bucket began. d ≥ a/b · n is compared in
    # integers, so no rounding decides a person's band.
    began = days.c.created_at < days.c.start_at
    query = select(
        days.c.key,
        days.c.i,
        _count_if(and_(began, d * 7 >= 5 * n)),
        _count_if(and_(began, d * 7 >= n)),
        _count_if(and_(began, d * 14 >= n)),
    ).group_by(days.c.key, days.c.i)
    for key, i, daily, weekly, fortnightly in db.connection().execute(query):
        f = parts.of(key)[int(i)]
        f.signed_in_daily, f.signed_in_weekly, f.signed_in_14d = (
            int(daily),
            int(weekly),
            int(fortnightly),
        )


def invitations(db: Session, scope: Scope, parts: Breakdown) -> None:
    """Invitations by the consultant who sent them."""
    first_bucket, last_bucket = parts.buckets[0], parts.buckets[-1]
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
        ranked.c.created_at >= first_bucket.start_at,
        ranked.c.created_at < last_bucket.end_at,
        roles.users_with(Role.FLEXJOBBER),
    ]
    if scope.jobcentre_id is not None:
        conditions.append(User.jobcentre_id == scope.jobcentre_id)
    if scope.consultant_id is not None:
        conditions.append(ranked.c.created_by_id == scope.consultant_id)
    if scope.team_id is not None:
        conditions.append(ranked.c.created_by_id.in_(team_members(scope.team_id)))
    first = (
        select(
            ranked.c.created_by_id.label("key"),
            bucket_index(ranked.c.created_at, [b.end_at for b in parts.buckets]).label("b"),
            case((and_(accepted, has_profile.exists()), 1), else_=0).label("ok"),
        )
        .select_from(ranked)
        .join(User, User.id == ranked.c.user_id)
        .where(*conditions)
        .subquery()
    )
    query = select(first.c.key, first.c.b, func.count(), func.sum(first.c.ok)).group_by(
        first.c.key, first.c.b
    )
    for key, b, invited, with_profile in db.connection().execute(query):
        f = parts.of(key)[int(b)]
        f.invited, f.invited_with_profile = int(invited), int(with_profile)
