"""Engagement figures for all buckets at once: sign-in bands, invitations, and the profiles
complete enough to match. One grouped query per figure family, whatever the bucket count."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.models import FlexjobberProfile, LinkPurpose, OneTimeLink, Role, SignInMonth, User
from app.stats.basis import Figures, Scope, bucket_index, profile_conditions, team_members
from app.stats.bits import month_masks, popcount


def _count_if(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def profiles(db: Session, scope: Scope, out: list[Figures]) -> None:
    """The engagement base (profiles of active accounts made before the bucket began), and
    at the bucket's end: the profiles, and those complete enough to match by then."""
    created, ready = FlexjobberProfile.created_at, FlexjobberProfile.match_ready_at
    columns = []
    for f in out:
        b = f.bucket
        columns += [
            _count_if(created < b.start_at),
            _count_if(created < b.end_at),
            _count_if(and_(created < b.end_at, ready < b.end_at)),
        ]
    row = db.execute(
        select(*columns)
        .join(User, User.id == FlexjobberProfile.user_id)
        .where(*profile_conditions(scope), User.active.is_(True))
    ).one()
    for i, f in enumerate(out):
        f.profiles, f.profiles_at_end, f.profiles_match_ready = (
            int(v) for v in row[3 * i : 3 * i + 3]
        )


def sign_ins(db: Session, scope: Scope, today: date, out: list[Figures]) -> None:
    ends = [min(f.bucket.end, today + timedelta(days=1)) for f in out]
    for f, end in zip(out, ends, strict=True):
        f.engagement_days = max((end - f.bucket.start).days, 0)
    if not any(f.engagement_days and f.profiles for f in out):
        return
    # One row per person with a day count per bucket, from the month masks (a row per
    # person and month, not per sign-in), grouped by the person only: the primary key
    # (user_id, month) delivers the rows in that order. The profile's creation comes along,
    # so the outer count joins nothing (a join there lets PostgreSQL build the whole
    # grouping once per parallel worker).
    month = SignInMonth.month
    counts = []
    for i, (f, end) in enumerate(zip(out, ends, strict=True)):
        parts = [
            (month == first, popcount(SignInMonth.days.op("&")(mask)))
            for first, mask in month_masks(f.bucket.start, end)
        ]
        counts.append(func.sum(case(*parts, else_=0) if parts else literal(0)).label(f"d{i}"))
    days = (
        select(FlexjobberProfile.created_at, *counts)
        .select_from(SignInMonth)
        .join(FlexjobberProfile, FlexjobberProfile.user_id == SignInMonth.user_id)
        .join(User, User.id == SignInMonth.user_id)
        .where(
            *profile_conditions(scope),
            User.active.is_(True),
            month >= out[0].bucket.start.replace(day=1),
            month < ends[-1],
        )
        .group_by(SignInMonth.user_id, FlexjobberProfile.created_at)
        .subquery()
    )
    columns = []
    for i, f in enumerate(out):
        d, n = days.c[f"d{i}"], f.engagement_days
        # In the base: the profile existed when the bucket began. d ≥ a/b · n is compared in
        # integers, so no rounding decides a person's band.
        began = days.c.created_at < f.bucket.start_at
        columns += [
            _count_if(and_(began, d * 7 >= 5 * n)),
            _count_if(and_(began, d * 7 >= n)),
            _count_if(and_(began, d * 14 >= n)),
        ]
    row = db.execute(select(*columns).select_from(days)).one()
    for i, f in enumerate(out):
        if f.engagement_days:
            f.signed_in_daily, f.signed_in_weekly, f.signed_in_14d = (
                int(v) for v in row[3 * i : 3 * i + 3]
            )


def invitations(db: Session, scope: Scope, out: list[Figures]) -> None:
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
        ranked.c.created_at >= out[0].bucket.start_at,
        ranked.c.created_at < out[-1].bucket.end_at,
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
            bucket_index(ranked.c.created_at, [f.bucket.end_at for f in out]).label("b"),
            case((and_(accepted, has_profile.exists()), 1), else_=0).label("ok"),
        )
        .select_from(ranked)
        .join(User, User.id == ranked.c.user_id)
        .where(*conditions)
        .subquery()
    )
    query = select(first.c.b, func.count(), func.sum(first.c.ok)).group_by(first.c.b)
    for b, invited, with_profile in db.execute(query):
        out[int(b)].invited, out[int(b)].invited_with_profile = int(invited), int(with_profile)
