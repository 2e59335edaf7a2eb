"""Monthly targets: a leader sets, per month, how many placements started, hires and people
with more hours the jobcentre or a team aims for; the dashboard shows this month's progress
and the months before, from the same figures as everything else on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationFailed
from app.kit.i18n import N_
from app.models import MatchState, MonthlyTarget, User
from app.stats import policy
from app.stats.periods import MONTH, buckets
from app.stats.service import Figures, Scope, figures

METRICS = {
    "placements": N_("Praktikker startet"),
    "hires": N_("Ansættelser"),
    "hours_up": N_("Personer med flere timer"),
}
MAX_TARGET = 10_000


def actual(f: Figures, metric: str) -> int:
    if metric == "placements":
        return f.matches_by_state.get(MatchState.TRIAL.value, 0)
    if metric == "hires":
        return f.hires
    return f.hours_up


def first_of(month: str) -> date | None:
    """ "2026-12" -> 2026-12-01; anything else None."""
    try:
        year, number = (int(part) for part in month.split("-"))
        return date(year, number, 1) if 2000 <= year <= 2100 else None
    except ValueError:
        return None


def set_target(
    db: Session, leader: User, *, team_id: int | None, month: str, metric: str, target: str
) -> MonthlyTarget:
    centre = policy.ensure_may_set_targets(db, leader, team_id)
    errors: dict[str, str] = {}
    first = first_of(month[:7])
    if first is None:
        errors["month"] = N_("Vælg en måned.")
    if metric not in METRICS:
        errors["metric"] = N_("Vælg hvad målet gælder.")
    number = int(target) if target.isascii() and target.isdigit() and len(target) <= 6 else -1
    if not 0 <= number <= MAX_TARGET:
        errors["target"] = N_("Skriv et helt tal mellem 0 og 10.000.")
    if errors:
        raise ValidationFailed(fields=errors)
    assert first is not None
    row = db.scalar(
        select(MonthlyTarget).where(
            MonthlyTarget.jobcentre_id == centre,
            MonthlyTarget.team_id.is_(None)
            if team_id is None
            else MonthlyTarget.team_id == team_id,
            MonthlyTarget.month == first,
            MonthlyTarget.metric == metric,
        )
    )
    if row is None:
        row = MonthlyTarget(jobcentre_id=centre, team_id=team_id, month=first, metric=metric)
        db.add(row)
    row.target, row.set_by_id = number, leader.id
    db.flush()
    return row


def targets_for(db: Session, jobcentre_id: int, team_id: int | None) -> list[MonthlyTarget]:
    return list(
        db.scalars(
            select(MonthlyTarget)
            .where(
                MonthlyTarget.jobcentre_id == jobcentre_id,
                MonthlyTarget.team_id.is_(None)
                if team_id is None
                else MonthlyTarget.team_id == team_id,
            )
            .order_by(MonthlyTarget.month.desc(), MonthlyTarget.metric)
        )
    )


@dataclass(frozen=True)
class Progress:
    month: str  # "2026-12"
    metric: str
    target: int
    actual: int

    @property
    def share(self) -> float | None:
        return self.actual / self.target if self.target else None


def progress(
    db: Session, scope: Scope, today: date, months: int = 6, *, cache_seconds: float = 0.0
) -> list[Progress]:
    """This month's and the previous months' targets of the scope (a jobcentre or a team, not
    a caseload), with what was reached; newest month first."""
    if scope.jobcentre_id is None or scope.consultant_id is not None:
        return []
    wanted = targets_for(db, scope.jobcentre_id, scope.team_id)
    year, number = today.year, today.month
    for _ in range(months - 1):
        year, number = (year, number - 1) if number > 1 else (year - 1, 12)
    first = date(year, number, 1)
    wanted = [t for t in wanted if first <= t.month <= today]
    if not wanted:
        return []
    start = min(t.month for t in wanted)
    found = {
        f.bucket.start.replace(day=1): f
        for f in figures(db, scope, buckets(start, today, MONTH), cache_seconds=cache_seconds)
    }
    rows = [
        Progress(f"{t.month:%Y-%m}", t.metric, t.target, actual(found[t.month], t.metric))
        for t in wanted
        if t.month in found
    ]
    rows.sort(key=lambda r: list(METRICS).index(r.metric))
    return sorted(rows, key=lambda r: r.month, reverse=True)  # stable: metrics stay in order
