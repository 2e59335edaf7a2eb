"""Six months of facts for the bench database's 100,000 profiles, so that the stats dashboard
counts what a live jobcentre would: joining dates spread over two years (a fifth during the
six months, invited by their consultant), sign-ins in Refleks's published bands, dated status
changes, matches moving through the funnel (some requests expire unanswered), follow-ups with
hours and the profiles' "complete enough to match" dates.

The per-person generators are the demo history's (app.demo.history), so the bench and the
demo tell the same story; only the scale differs. Rows go in with COPY. Idempotent: the bench
facts are deleted first (everything tied to a "Bench-" profile or written by this module).
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import create_engine

from app.demo import history
from app.kit import day_masks
from app.models import MatchState
from app.profiles import readiness
from app.stats.periods import local_today
from benchkit.bulk_data import vacuum_analyze

S = MatchState
STATUSES = (("ledighedsydelse", 0.6), ("in_flexjob", 0.3), ("change_of_field", 0.1))
# Of the people, this share has a match with a history in the six months.
MATCH_SHARE = 0.10
# Of the requests that stop at "interest", this share lapses unanswered after 14 days.
EXPIRE_SHARE = 0.4


def _copy(cur: Any, table: str, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _update(cur: Any, column: str, kind: str, pairs: list[tuple[int, Any]]) -> None:
    """One column of many profiles: COPY into a scratch table, then one UPDATE."""
    cur.execute(f"CREATE TEMP TABLE bench_values (id integer, value {kind}) ON COMMIT DROP")
    _copy(cur, "bench_values", ["id", "value"], pairs)
    cur.execute(
        f"UPDATE flexjobber_profiles p SET {column} = v.value FROM bench_values v WHERE p.id = v.id"
    )
    cur.execute("DROP TABLE bench_values")


def _pick(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    pick = rng.random()
    for name, share in table:
        if pick < share:
            return name
        pick -= share
    return table[-1][0]


def _clear(cur: Any) -> None:
    bench = "SELECT id FROM flexjobber_profiles WHERE pseudonym LIKE 'Bench-%'"
    users = "SELECT user_id FROM flexjobber_profiles WHERE pseudonym LIKE 'Bench-%'"
    cur.execute(f"DELETE FROM matches WHERE profile_id IN ({bench})")
    cur.execute(f"DELETE FROM profile_status_changes WHERE profile_id IN ({bench})")
    cur.execute(f"DELETE FROM sign_ins WHERE user_id IN ({users})")
    cur.execute(f"DELETE FROM sign_in_months WHERE user_id IN ({users})")
    cur.execute("DELETE FROM one_time_links WHERE token_hash LIKE 'b%' AND length(token_hash) = 64"
                f" AND user_id IN ({users})")  # fmt: skip


def load(url: str, *, seed: int = 12) -> None:
    started = time.monotonic()
    rng = random.Random(seed)
    now = datetime.now(UTC)
    today = local_today(now)
    start = today - timedelta(days=history.HISTORY_DAYS)
    engine = create_engine(url)
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        _clear(cur)
        cur.execute(
            "SELECT p.id, p.user_id, p.jobcentre_id, p.consultant_id, p.hours_min, p.hours_max"
            " FROM flexjobber_profiles p WHERE p.pseudonym LIKE 'Bench-%' ORDER BY p.id"
        )
        people = cur.fetchall()
        joined, links, created = _joining(rng, people, start, today)
        _update(cur, "created_at", "timestamptz", list(created.items()))
        _copy(cur, "one_time_links", ["token_hash", "purpose", "user_id", "created_by_id",
              "created_at", "expires_at", "used_at"], links)  # fmt: skip
        print(f"  joining dates and {len(links)} invitations ({time.monotonic() - started:.0f} s)")
        _copy(cur, "sign_ins", ["user_id", "at", "day", "method"],
              _sign_ins(rng, people, joined, start, today))  # fmt: skip
        _month_masks(cur)
        print(f"  sign-ins ({time.monotonic() - started:.0f} s)")
        statuses, final = _statuses(rng, people, created, start, today)
        _copy(cur, "profile_status_changes", ["profile_id", "status", "changed_at"], statuses)
        _update(cur, "status", "jobseeker_status", list(final.items()))
        print(f"  {len(statuses)} status changes ({time.monotonic() - started:.0f} s)")
        count = _matches(cur, rng, people, joined, start, now)
        print(f"  {count} matches with a history ({time.monotonic() - started:.0f} s)")
        with engine.connect() as connection:
            _readiness(cur, connection, rng, created, now)
        raw.commit()
    finally:
        raw.close()
        engine.dispose()
    vacuum_analyze(url)
    print(f"stats facts ready in {time.monotonic() - started:.0f} s")


def _month_masks(cur: Any) -> None:
    """The bench people's sign-in days folded into sign_in_months by the layout the app
    writes at each sign-in (app.kit.day_masks)."""
    users = "SELECT user_id FROM flexjobber_profiles WHERE pseudonym LIKE 'Bench-%'"
    cur.execute(f"SELECT DISTINCT user_id, day FROM sign_ins WHERE user_id IN ({users})")
    masks = day_masks.masks_of(cur.fetchall())
    rows = ((user_id, month, days) for (user_id, month), days in masks.items())
    _copy(cur, "sign_in_months", ["user_id", "month", "days"], rows)


def _joining(
    rng: random.Random, people: list[tuple[Any, ...]], start: date, today: date
) -> tuple[dict[int, date], list[tuple[Any, ...]], dict[int, datetime]]:
    """As in the demo: most joined before the six months, a fifth during them, invited."""
    joined: dict[int, date] = {}
    created: dict[int, datetime] = {}
    links = []
    for pid, uid, _centre, consultant, _low, _high in people:
        if rng.random() < 0.8:
            day = start - timedelta(days=rng.randint(7, 540))
        else:
            day = start + timedelta(days=rng.randint(10, history.HISTORY_DAYS - 20))
            sent = history._utc(day - timedelta(days=rng.randint(1, 6)), rng)
            token = "b" + hashlib.sha256(f"bench-stats:{uid}".encode()).hexdigest()[1:]
            used = history._utc(day, rng) if rng.random() < 0.9 else None
            links.append(
                (token, "invitation", uid, consultant, sent, sent + timedelta(days=14), used)
            )
        joined[pid] = day
        created[pid] = history._utc(day, rng)
    return joined, links, created


def _sign_ins(
    rng: random.Random,
    people: list[tuple[Any, ...]],
    joined: dict[int, date],
    start: date,
    today: date,
) -> Iterator[tuple[Any, ...]]:
    """The six months' sign-ins (earlier ones count in no figure)."""
    for pid, uid, *_rest in people:
        band = history._band(rng)
        for day in history._sign_in_days(rng, band, max(joined[pid], start), today):
            method = "password" if rng.random() < 0.8 else "email_link"
            yield (uid, history._utc(day, rng), day, method)


def _statuses(
    rng: random.Random,
    people: list[tuple[Any, ...]],
    created: dict[int, datetime],
    start: date,
    today: date,
) -> tuple[list[tuple[Any, ...]], dict[int, str]]:
    """The status held from joining; a quarter of those on ledighedsydelse found a fleksjob
    during the six months."""
    rows: list[tuple[Any, ...]] = []
    final: dict[int, str] = {}
    for pid, *_rest in people:
        status = _pick(rng, STATUSES)
        rows.append((pid, status, created[pid]))
        begin = max(created[pid].date(), start) + timedelta(days=14)
        if status == "ledighedsydelse" and begin < today and rng.random() < 0.25:
            day = begin + timedelta(days=rng.randint(0, (today - begin).days))
            rows.append((pid, "in_flexjob", history._utc(day, rng)))
            status = "in_flexjob"
        final[pid] = status
    return rows, final


def _matches(
    cur: Any,
    rng: random.Random,
    people: list[tuple[Any, ...]],
    joined: dict[int, date],
    start: date,
    now: datetime,
) -> int:
    cur.execute(
        "SELECT c.jobcentre_id, p.id, p.created_by_id FROM job_postings p"
        " JOIN companies c ON c.id = p.company_id WHERE p.status = 'published'"
    )
    postings: dict[int, list[tuple[int, int | None]]] = {}
    for centre, job_id, author in cur.fetchall():
        postings.setdefault(centre, []).append((job_id, author))
    cur.execute("SELECT coalesce(max(id), 0) FROM matches")
    next_id = cur.fetchone()[0] + 1
    matches, events, follow_ups = [], [], []
    for pid, uid, centre, consultant, low, high in people:
        if rng.random() >= MATCH_SHARE or not postings.get(centre):
            continue
        job_id, author = rng.choice(postings[centre])
        profile = SimpleNamespace(hours_min=low, hours_max=high, consultant_id=consultant)
        job = SimpleNamespace(created_by_id=author)
        begin = max(start, joined[pid])
        steps = history._timeline(rng, profile, SimpleNamespace(id=uid), job, begin, now)  # type: ignore[arg-type]
        moves = [s for s in steps if not s.follow_up]
        if not moves:
            continue
        if moves[-1].state == S.INTEREST and rng.random() < EXPIRE_SHARE:
            lapse = moves[-1].at + timedelta(days=14)
            if lapse < now:
                step = history._Step("expired", S.EXPIRED, lapse, None)
                steps.append(step)
                moves.append(step)
        mid = next_id
        next_id += 1
        at = {s.state: s.at for s in moves}
        trial = at.get(S.TRIAL)
        hired = at.get(S.HIRED)
        hours = {s.state: s.hours for s in moves}
        matches.append((
            mid, pid, job_id, moves[-1].state.value, at.get(S.INTEREST), at.get(S.MUTUAL),
            trial.date() if trial else None, hours.get(S.TRIAL), hours.get(S.HIRED),
            hired.date() if hired else None, moves[0].at, steps[-1].at,
        ))  # fmt: skip
        state = S.SUGGESTED.value
        for step in steps:
            if step.follow_up:
                held = step.at.date()
                follow_ups.append((mid, step.actor_id, held, step.hours or 0, "", "",
                                   held + timedelta(days=rng.randint(14, 30)), step.at))  # fmt: skip
                events.append((mid, step.actor_id, step.kind, state, state, step.hours, step.at))
            else:
                events.append((mid, step.actor_id, step.kind, state, step.state.value,
                               step.hours, step.at))  # fmt: skip
                state = step.state.value
    text_defaults = ", ".join(
        f"{c}" for c in ("recommendation_note", "hidden_reason", "meeting_place",
                         "meeting_participants", "ended_reason", "ended_note")
    )  # fmt: skip
    _copy(cur, "matches", ["id", "profile_id", "job_id", "state", "flexjobber_interest_at",
          "company_interest_at", "trial_start", "trial_hours", "hired_hours", "hired_start",
          "created_at", "updated_at", *text_defaults.split(", "), "meeting_online"],
          [(*m, "", "", "", "", "", "", False) for m in matches])  # fmt: skip
    _copy(cur, "match_events", ["match_id", "actor_id", "kind", "from_state", "to_state",
          "hours", "created_at", "note"], [(*e, "") for e in events])  # fmt: skip
    _copy(cur, "follow_ups", ["match_id", "consultant_id", "held_on", "hours", "note",
          "next_step", "next_due", "created_at"], follow_ups)  # fmt: skip
    cur.execute(
        "SELECT setval(pg_get_serial_sequence('matches', 'id'), (SELECT max(id) FROM matches))"
    )
    return len(matches)


def _readiness(
    cur: Any, connection: Any, rng: random.Random, created: dict[int, datetime], now: datetime
) -> None:
    """When each profile became complete enough to match, by the app's own rule
    (app.profiles.completeness): a few days to a few weeks after joining."""
    ready = [pid for pid in readiness.ready_ids(connection) if pid in created]
    rows = [(pid, min(now, created[pid] + timedelta(days=rng.randint(0, 30)))) for pid in ready]
    _update(cur, "match_ready_at", "timestamptz", rows)
    print(f"  {len(rows)} of {len(created)} profiles complete enough to match")
