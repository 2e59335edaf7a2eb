"""The jobcentre's figures per week or month: engagement, invitations, the match funnel,
hires and hours, fleksjob unemployment and progression. Read-only SQL aggregations over the
recorded facts (sign_ins, one_time_links, match_events, profile_status_changes); never
commits. The figure families live in app.stats.engagement, .funnel and .outcomes, each one
grouped query (or one ordered read and a sweep) for all buckets at once. Who may ask for which scope is decided in app.stats.policy; this module counts.

Definitions (also shown on the dashboard):
- engagement base: profiles of active accounts that existed when the period began;
  a person who signed in on d of the period's n days (Danish calendar days, up to today) is
  *daily* if d ≥ 5/7·n, *weekly* if d ≥ n/7, *every 14 days* if d ≥ n/14 — cumulative, so
  daily ≤ weekly ≤ 14 days. Refleks's bands are the differences (weekly − daily, ...).
- invited: citizens whose first invitation was sent in the period (a caseload's or team's are
  those its consultants sent); invited_with_profile: of them, those who accepted and have a
  profile, counted as of now.
- profiles_match_ready: of the profiles of active accounts that existed at the period's
  end, those complete enough to match by then (app.profiles.completeness: every counted part
  filled in; recorded in match_ready_at from migration 0019 on).
- matches_by_state: matches that entered each state in the period (suggested = created);
  "expired" is a request that got no answer in time.
- step_days: for each funnel step, the Danish calendar days each match that entered it in
  the period took from the latest earlier step it had reached (the suggestion if none).
- postings_no_interest_14d: of the postings still published that were published at least 14
  days before the period's end (postings_open_14d), those nobody had shown interest in by then.
- profile_to_hire_days: for each hire in the period, days from the profile's creation.
- fleksjob unemployment: people whose status at the period's end is ledighedsydelse, as a
  share of those with a known status then (ledighedsydelse, in fleksjob, wants a change).
- hours_up_share: of the people in a trial or hired at the period's end, the share whose
  latest hours per week are above the hours the placement started with.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import User
from app.stats import engagement, funnel, outcomes
from app.stats.basis import FUNNEL, OTHER_STATES, PLACED, Figures, Scope, contiguous
from app.stats.breakdown import Breakdown
from app.stats.periods import Bucket, local_today

__all__ = [
    "FUNNEL",
    "OTHER_STATES",
    "PLACED",
    "Figures",
    "Scope",
    "figures",
    "figures_many",
    "shares",
]

_CACHE_SIZE = 256
_cache: dict[tuple[object, ...], tuple[float, list[Figures]]] = {}
_lock = threading.Lock()


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
        "profiles_match_ready_share": _share(f.profiles_match_ready, f.profiles_at_end),
        "postings_no_interest_14d_share": _share(f.postings_no_interest_14d, f.postings_open_14d),
        "fleksjob_unemployment_rate": _share(f.on_ledighedsydelse, f.flexjobbers),
        "hours_up_share": _share(f.hours_up, f.in_placement),
    }


Family = Callable[[Session, Scope, Breakdown, datetime], None]
# The figure families, in groups of about equal work; each writes fields no other writes.
_GROUPS: tuple[tuple[Family, ...], ...] = (
    (
        lambda db, scope, parts, now: engagement.profiles(db, scope, parts),
        lambda db, scope, parts, now: engagement.invitations(db, scope, parts),
        lambda db, scope, parts, now: funnel.postings(db, scope, parts),
    ),
    (lambda db, scope, parts, now: engagement.sign_ins(db, scope, parts),),
    (lambda db, scope, parts, now: funnel.suggested(db, scope, parts), funnel.history),
    (outcomes.statuses,),
)
# Shared by all requests, so the dashboard never holds more than this many of the pool's
# connections beyond the requests' own (app.db keeps spare ones for background work).
_WORKERS = ThreadPoolExecutor(max_workers=3, thread_name_prefix="stats")


def _run_group(
    engine: Engine, group: tuple[Family, ...], scope: Scope, parts: Breakdown, now: datetime
) -> None:
    with Session(engine) as db:
        # Each figure reads a scope's whole history, where hash joins are right; but
        # PostgreSQL estimates a team's profiles (its consultants by a subquery) at about
        # one row and would probe the masks or accounts once per row instead (a team's 26
        # weeks of sign-ins: 650 ms with nested loops, 200 ms without, on the bench data).
        db.execute(text("SET LOCAL enable_nestloop = off"))
        # The groups already run side by side; PostgreSQL's own parallel workers on top
        # only add coordination (26 weeks: 530 → 460 ms in-process on the bench data).
        db.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
        for family in group:
            family(db, scope, parts, now)


Asked = tuple[Scope, list[Bucket]]


def _consultants(db: Session, scope: Scope) -> set[int | None]:
    """The consultants whose parts make up a team or a caseload."""
    if scope.consultant_id is not None:
        return {scope.consultant_id}
    members = db.scalars(select(User.id).where(User.team_id == scope.team_id))
    return set(members)


def compute_many(db: Session, asked: list[Asked], now: datetime) -> list[list[Figures]]:
    """The figures of several scopes and periods, read from the database now (no cache).

    Each scope is computed split by consultant (app.stats.breakdown); a team or caseload
    asked for together with its jobcentre and period (the held-back rule) is the sum of its
    consultants' parts of the jobcentre's, so the two cost one computation. On PostgreSQL
    with a session of its own engine (a request), the figure groups run at the same time on
    connections of their own: read-only queries that each see committed data. A session
    bound to one connection (a test's outer transaction, which other connections cannot
    see) runs them one after the other on it."""
    bind = db.get_bind()
    engine = bind if isinstance(bind, Engine) and bind.dialect.name == "postgresql" else None
    today = local_today(now)
    wanted = {(scope, tuple(buckets)) for scope, buckets in asked}
    computed: dict[tuple[Scope, tuple[Bucket, ...]], Breakdown] = {}
    pending = []
    plan: list[tuple[tuple[Scope, tuple[Bucket, ...]], set[int | None] | None] | list[Figures]] = []
    for scope, buckets in asked:
        if buckets and not contiguous(buckets):  # overlapping or gapped: one at a time
            plan.append([compute(db, scope, [b], now)[0] for b in buckets])
            continue
        whole = Scope(scope.jobcentre_id)
        base, keys = (scope, tuple(buckets)), None
        if scope != whole and (whole, tuple(buckets)) in wanted:
            base, keys = (whole, tuple(buckets)), _consultants(db, scope)
        plan.append((base, keys))
        if base in computed:
            continue
        parts = computed[base] = Breakdown(list(base[1]), today)
        for group in _GROUPS if buckets else ():
            if engine is not None:
                pending.append(_WORKERS.submit(_run_group, engine, group, base[0], parts, now))
            else:
                for family in group:
                    family(db, base[0], parts, now)
    for future in pending:
        future.result()
    return [step if isinstance(step, list) else computed[step[0]].total(step[1]) for step in plan]


def compute(db: Session, scope: Scope, buckets: list[Bucket], now: datetime) -> list[Figures]:
    return compute_many(db, [(scope, buckets)], now)[0]


def figures_many(
    db: Session, asked: list[Asked], *, cache_seconds: float = 0.0
) -> list[list[Figures]]:
    """The figures per bucket of each scope and period, at most ``cache_seconds`` old (the
    pages and the API pass the setting, at most a minute): the dashboard, its CSV files and
    the API asking for the same scope and period within that time share one computation.
    Those not in the cache are computed together."""
    keys = [(scope, tuple(buckets)) for scope, buckets in asked]
    clock = time.monotonic()
    found: dict[tuple[object, ...], list[Figures]] = {}
    if cache_seconds > 0:
        with _lock:
            for key in keys:
                hit = _cache.get(key)
                if hit is not None and clock - hit[0] < cache_seconds:
                    found[key] = hit[1]
    missing = [(key, a) for key, a in zip(keys, asked, strict=True) if key not in found]
    computed = compute_many(db, [a for _, a in missing], utcnow())
    for (key, _), out in zip(missing, computed, strict=True):
        found[key] = out
    if cache_seconds > 0 and missing:
        with _lock:
            for key, _ in missing:
                if len(_cache) >= _CACHE_SIZE:
                    _cache.pop(next(iter(_cache)))  # the oldest entry
                _cache[key] = (clock, found[key])
    return [found[key] for key in keys]


def figures(
    db: Session, scope: Scope, buckets: list[Bucket], *, cache_seconds: float = 0.0
) -> list[Figures]:
    return figures_many(db, [(scope, buckets)], cache_seconds=cache_seconds)[0]


def clear_cache() -> None:
    with _lock:
        _cache.clear()
