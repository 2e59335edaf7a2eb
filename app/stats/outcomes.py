"""Fleksjob unemployment at each bucket's end, from the dated status history in one query."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models import FlexjobberProfile, JobseekerStatus, ProfileStatusChange
from app.stats.basis import Scope, at_or_before, profile_conditions
from app.stats.breakdown import Breakdown


def statuses(db: Session, scope: Scope, parts: Breakdown, now: datetime) -> None:
    """People whose latest status before the bucket's end (or now) is ledighedsydelse, of
    those with a known status then. Each change holds until the person's next one (LEAD),
    so one pass over the changes counts every bucket's end."""
    untils = [min(b.end_at, now) for b in parts.buckets]
    change = ProfileStatusChange
    spans = (
        select(
            FlexjobberProfile.consultant_id.label("key"),
            change.status,
            change.changed_at,
            func.lead(change.changed_at)
            .over(partition_by=change.profile_id, order_by=(change.changed_at, change.id))
            .label("until"),
        )
        .join(FlexjobberProfile, FlexjobberProfile.id == change.profile_id)
        .where(*profile_conditions(scope), change.changed_at < untils[-1])
        .subquery()
    )
    # A change holds at the bucket ends from the first after it up to the last before the
    # next change: as bucket indexes, lo ≤ i < hi (the ends increase). One grouped count per
    # (consultant, status, lo, hi) instead of two sums per bucket for every change.
    lo = at_or_before(spans.c.changed_at, untils)
    hi = case((spans.c.until.is_(None), len(untils)), else_=at_or_before(spans.c.until, untils))
    query = (
        select(spans.c.key, spans.c.status, lo.label("lo"), hi.label("hi"), func.count())
        .where(spans.c.status.is_not(None))
        .group_by(spans.c.key, spans.c.status, "lo", "hi")
    )
    for key, status, first, stop, count in db.connection().execute(query):
        part = parts.of(key)
        for f in part[int(first) : int(stop)]:
            f.flexjobbers += int(count)
            if status == JobseekerStatus.LEDIGHEDSYDELSE:
                f.on_ledighedsydelse += int(count)
