"""Fleksjob unemployment at each bucket's end, from one read of the dated status history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import FlexjobberProfile, JobseekerStatus, ProfileStatusChange
from app.stats.basis import Figures, Scope, profile_conditions


def statuses(db: Session, scope: Scope, out: list[Figures], now: datetime) -> None:
    """People whose latest status before the bucket's end (or now) is ledighedsydelse, of
    those with a known status then. The changes are read once in time order and the counts
    taken as the sweep passes each bucket's end."""
    untils = [min(f.bucket.end_at, now) for f in out]
    query = (
        select(
            ProfileStatusChange.profile_id,
            ProfileStatusChange.status,
            ProfileStatusChange.changed_at,
        )
        .join(FlexjobberProfile, FlexjobberProfile.id == ProfileStatusChange.profile_id)
        .where(*profile_conditions(scope), ProfileStatusChange.changed_at < untils[-1])
        .order_by(ProfileStatusChange.changed_at, ProfileStatusChange.id)
    )
    current: dict[int, JobseekerStatus | None] = {}
    on_benefit = known = 0
    due = 0

    def take() -> None:
        nonlocal due
        out[due].on_ledighedsydelse, out[due].flexjobbers = on_benefit, known
        due += 1

    for profile_id, status, changed_at in db.execute(query):
        while due < len(out) and changed_at >= untils[due]:
            take()
        before = current.get(profile_id)
        on_benefit -= before == JobseekerStatus.LEDIGHEDSYDELSE
        known -= before is not None
        current[profile_id] = status
        on_benefit += status == JobseekerStatus.LEDIGHEDSYDELSE
        known += status is not None
    while due < len(out):
        take()
