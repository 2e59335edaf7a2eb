"""Fleksjob unemployment at each bucket's end, from the dated status history in one query."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.models import FlexjobberProfile, JobseekerStatus, ProfileStatusChange
from app.stats.basis import Scope, profile_conditions
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
    columns: list[Any] = []
    for until in untils:
        held = and_(
            spans.c.changed_at < until, or_(spans.c.until.is_(None), spans.c.until >= until)
        )
        columns += [
            func.coalesce(
                func.sum(
                    case(
                        (and_(held, spans.c.status == JobseekerStatus.LEDIGHEDSYDELSE), 1), else_=0
                    )
                ),
                0,
            ),
            func.coalesce(func.sum(case((and_(held, spans.c.status.is_not(None)), 1), else_=0)), 0),
        ]
    query = select(spans.c.key, *columns).group_by(spans.c.key)
    for key, *counts in db.connection().execute(query):
        for i, f in enumerate(parts.of(key)):
            f.on_ledighedsydelse, f.flexjobbers = int(counts[2 * i]), int(counts[2 * i + 1])
