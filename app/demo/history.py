"""Six months of demo history, so the results dashboard (/tal) shows trends on first run.

The dashboard reads dated facts (sign_ins, profile_status_changes, match_events with hours,
one_time_links, profiles' created_at); a freshly loaded demo has none of them in the past.
This backdates the demo people and adds sign-ins in Refleks's published bands, status
changes, invitations, matches moving through the funnel and follow-ups with rising hours.

Deterministic (fixed seed) and idempotent: a sign-in older than a month means the history is
there already (a fresh demo has none), and then nothing is added.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import sign_ins
from app.models import (
    Company,
    FlexjobberProfile,
    FollowUp,
    Jobcentre,
    JobPosting,
    JobseekerStatus,
    LinkPurpose,
    Match,
    MatchEvent,
    MatchState,
    OneTimeLink,
    PostingStatus,
    ProfileStatusChange,
    SignIn,
    SignInMethod,
    User,
)
from app.stats.periods import LOCAL, local_today

SEED = 20260612
HISTORY_DAYS = 183
MARKER_DAYS = 30
# Matches with a history per jobcentre (by kommune code); the demo's showcase is Gentofte.
MATCHES = {"157": 36}
OTHER_MATCHES = 10
# Refleks's published sign-in bands: daily, weekly, every 14 days, rarely.
BANDS = (("daily", 0.19), ("weekly", 0.45), ("14d", 0.31), ("rare", 0.05))
# Where a match's history stops (weights): most of the showcase ends in a trial or a hire.
S = MatchState
TARGETS = ((S.RECOMMENDED, 4), (S.INTEREST, 4), (S.MUTUAL, 3), (S.MEETING, 3), (S.TRIAL, 7),
           (S.HIRED, 12), (S.ENDED, 3))  # fmt: skip
ORDER = (S.RECOMMENDED, S.INTEREST, S.MUTUAL, S.MEETING, S.TRIAL, S.HIRED)
# Days from the previous step to each step (a trial lasts four to eight weeks).
GAPS = {S.RECOMMENDED: (0, 0), S.INTEREST: (2, 9), S.MUTUAL: (1, 7), S.MEETING: (4, 12),
        S.TRIAL: (5, 14), S.HIRED: (28, 56), S.ENDED: (10, 30)}  # fmt: skip
KINDS = {S.RECOMMENDED: "recommended", S.INTEREST: "interest_flexjobber",
         S.MUTUAL: "interest_company", S.MEETING: "meeting_booked", S.TRIAL: "trial_started",
         S.HIRED: "hired", S.ENDED: "ended"}  # fmt: skip
NOTES = ("Trives med opgaverne og kollegerne.", "Gode dage og enkelte hårde; pauserne virker.",
         "Arbejdspladsen har tilpasset skrivebordet.", "Vil gerne prøve lidt flere timer.",
         "Faste mødetider hjælper.")  # fmt: skip
NEXT_STEPS = ("Opfølgning om to uger.", "Tale om flere timer ved næste møde.",
              "Fortsætte som nu.", "Trepartssamtale med lederen.")  # fmt: skip


@dataclass
class _Step:
    kind: str
    state: MatchState
    at: datetime
    actor_id: int | None
    hours: int | None = None
    follow_up: bool = False


@dataclass
class _Centre:
    centre: Jobcentre
    profiles: list[tuple[FlexjobberProfile, User]]
    postings: list[JobPosting] = field(default_factory=list)


def _utc(day: date, rng: random.Random) -> datetime:
    """A moment during a Danish waking day, in UTC like every stored datetime."""
    moment = time(rng.randint(7, 20), rng.randint(0, 59))
    return datetime.combine(day, moment, LOCAL).astimezone(UTC)


def _band(rng: random.Random) -> str:
    pick = rng.random()
    for name, share in BANDS:
        if pick < share:
            return name
        pick -= share
    return BANDS[-1][0]


def _sign_in_days(rng: random.Random, band: str, first: date, today: date) -> list[date]:
    days: list[date] = []
    day = first + timedelta(days=rng.randint(0, 3))
    while day <= today:
        if band == "daily":
            if rng.random() < 0.88:
                days.append(day)
            day += timedelta(days=1)
            continue
        days.append(day)
        low, high = {"weekly": (2, 6), "14d": (8, 13), "rare": (25, 60)}[band]
        day += timedelta(days=rng.randint(low, high))
    return days


def load_history(db: Session, now: datetime) -> int:
    """Adds the demo's history up to `now`; returns the number of matches with a history
    (0 when it was there already)."""
    today = local_today(now)
    marker = select(SignIn.id).where(SignIn.day < today - timedelta(days=MARKER_DAYS)).limit(1)
    if db.scalar(marker) is not None:
        return 0
    rng = random.Random(SEED)
    start = today - timedelta(days=HISTORY_DAYS)
    matches = 0
    for centre in db.scalars(select(Jobcentre).order_by(Jobcentre.id)):
        world = _Centre(
            centre,
            list(
                db.execute(
                    select(FlexjobberProfile, User)
                    .join(User, User.id == FlexjobberProfile.user_id)
                    .where(FlexjobberProfile.jobcentre_id == centre.id, User.active.is_(True))
                    .order_by(FlexjobberProfile.id)
                )
            ),
        )
        world.postings = list(
            db.scalars(
                select(JobPosting)
                .join(Company, Company.id == JobPosting.company_id)
                .where(
                    Company.jobcentre_id == centre.id,
                    JobPosting.status == PostingStatus.PUBLISHED,
                )
                .order_by(JobPosting.id)
            )
        )
        joined = _backdate(db, rng, world, start, today)
        _sign_ins(db, rng, world, joined, today)
        _statuses(db, rng, world, joined, start, today)
        matches += _matches(db, rng, world, start, now)
    db.flush()
    return matches


def _backdate(
    db: Session, rng: random.Random, world: _Centre, start: date, today: date
) -> dict[int, date]:
    """Most people joined before the six months (the engagement base of every month); a
    fifth joined during them, invited by their consultant."""
    joined: dict[int, date] = {}
    for profile, user in world.profiles:
        if rng.random() < 0.8:
            day = start - timedelta(days=rng.randint(7, 60))
        else:
            day = start + timedelta(days=rng.randint(10, HISTORY_DAYS - 20))
            sent = _utc(day - timedelta(days=rng.randint(1, 6)), rng)
            token = hashlib.sha256(f"demo-history:{user.id}".encode()).hexdigest()
            db.add(
                OneTimeLink(
                    token_hash=token,
                    purpose=LinkPurpose.INVITATION,
                    user_id=user.id,
                    created_by_id=profile.consultant_id,
                    created_at=sent,
                    expires_at=sent + timedelta(days=14),
                    used_at=_utc(day, rng),
                )
            )
        at = _utc(day, rng)
        user.created_at = min(user.created_at, at)
        profile.created_at = min(profile.created_at, at + timedelta(minutes=20))
        if profile.match_ready_at is not None:  # filled in within the first weeks
            ready = profile.created_at + timedelta(days=rng.randint(0, 21))
            profile.match_ready_at = min(profile.match_ready_at, ready)
        joined[profile.id] = day
    db.flush()
    return joined


def _sign_ins(
    db: Session, rng: random.Random, world: _Centre, joined: dict[int, date], today: date
) -> None:
    rows: list[tuple[int, datetime, str]] = []
    for profile, user in world.profiles:
        band = _band(rng)
        first = joined[profile.id]
        days = _sign_in_days(rng, band, first, today)
        if band != "daily" and rng.random() < 0.25:
            # A quarter start slower and find their way in later: engagement rises.
            turn = first + (today - first) / 2
            days = [d for d in days if d >= turn or rng.random() < 0.4]
        for day in days:
            method = SignInMethod.PASSWORD if rng.random() < 0.8 else SignInMethod.EMAIL_LINK
            at = _utc(day, rng)
            rows.append((user.id, at, method.value))
            if user.last_login_at is None or user.last_login_at < at:
                user.last_login_at = at
    sign_ins.record_many(db, rows)


def _statuses(
    db: Session,
    rng: random.Random,
    world: _Centre,
    joined: dict[int, date],
    start: date,
    today: date,
) -> None:
    """The status held from joining; half of those in a fleksjob today found it during the
    six months, after a time on ledighedsydelse."""
    ids = [profile.id for profile, _user in world.profiles]
    rows: dict[int, list[ProfileStatusChange]] = {}
    for row in db.scalars(
        select(ProfileStatusChange)
        .where(ProfileStatusChange.profile_id.in_(ids or [-1]))
        .order_by(ProfileStatusChange.changed_at)
    ):
        rows.setdefault(row.profile_id, []).append(row)
    for profile, _user in world.profiles:
        history = rows.get(profile.id, [])
        if len(history) != 1 or profile.status is None:
            continue  # undated, or a history somebody made by hand: left as it is
        first = history[0]
        first.changed_at = profile.created_at
        begin = max(joined[profile.id], start) + timedelta(days=14)
        in_job = profile.status == JobseekerStatus.IN_FLEXJOB_WANTS_OTHER
        if in_job and begin < today and rng.random() < 0.5:
            first.status = JobseekerStatus.LEDIGHEDSYDELSE
            day = _utc(begin + timedelta(days=rng.randint(0, (today - begin).days)), rng)
            db.add(
                ProfileStatusChange(profile_id=profile.id, status=profile.status, changed_at=day)
            )


def _pick_posting(rng: random.Random, profile: FlexjobberProfile, world: _Centre) -> JobPosting:
    wished = {str(w.get("label", "")).lower() for w in profile.wished_jobs or []}
    fitting = [p for p in world.postings if p.title.lower() in wished]
    return rng.choice(fitting or world.postings)


def _timeline(
    rng: random.Random, profile: FlexjobberProfile, user: User, job: JobPosting, start: date,
    now: datetime,
) -> list[_Step]:  # fmt: skip
    states, weights = zip(*TARGETS, strict=True)
    target = rng.choices(states, weights=weights)[0]
    path = [*ORDER[:5], S.ENDED] if target == S.ENDED else list(ORDER[: ORDER.index(target) + 1])
    gaps = [rng.randint(*GAPS[state]) for state in path]
    earliest = start + timedelta(days=3)
    latest = max(earliest, local_today(now) - timedelta(days=sum(gaps) + 3))
    day = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
    consultant = profile.consultant_id
    actors = {S.INTEREST: user.id, S.MUTUAL: job.created_by_id}
    steps: list[_Step] = []
    for state, gap in zip(path, gaps, strict=True):
        day += timedelta(days=gap)
        steps.append(_Step(KINDS[state], state, _utc(day, rng), actors.get(state, consultant)))
    if len(steps) >= 5:  # placed: followed up every two to four weeks until it ends
        stop = steps[5].at if len(steps) > 5 and steps[5].state == S.ENDED else now
        held = steps[4].at + timedelta(days=rng.randint(12, 20))
        while held < stop:
            steps.append(_Step("follow_up", S.TRIAL, held, consultant, follow_up=True))
            held += timedelta(days=rng.randint(14, 28))
    steps.sort(key=lambda s: s.at)
    # Hours in the order they happened: most people go up a little now and then.
    low = profile.hours_min or 8
    high = max(low, profile.hours_max or 16)
    hours = rng.randint(low, min(high, low + 4))
    cap = min(37, max(high, hours + 8))
    rising = rng.random() < 0.65
    state = S.SUGGESTED
    for step in steps:
        if step.follow_up:
            step.state = state
            if rising and rng.random() < 0.6:
                hours = min(cap, hours + rng.choice((1, 2, 2, 3)))
            step.hours = hours
            continue
        state = step.state
        if state == S.HIRED and rising:
            hours = min(cap, hours + rng.choice((0, 1, 2, 3)))
        if state in (S.TRIAL, S.HIRED):
            step.hours = hours
    return [s for s in steps if s.at < now]


def _matches(db: Session, rng: random.Random, world: _Centre, start: date, now: datetime) -> int:
    if not world.postings:
        return 0
    seekers = [(p, u) for p, u in world.profiles if p.status == JobseekerStatus.LEDIGHEDSYDELSE]
    wanted = MATCHES.get(world.centre.kommune_code, OTHER_MATCHES)
    chosen = rng.sample(seekers, min(wanted, len(seekers)))
    taken = {(p, j) for p, j in db.execute(select(Match.profile_id, Match.job_id))}
    made = 0
    for profile, user in chosen:
        job = _pick_posting(rng, profile, world)
        steps = _timeline(rng, profile, user, job, start, now)
        if (profile.id, job.id) in taken or not steps:
            continue
        taken.add((profile.id, job.id))
        _record(db, rng, profile, job, steps)
        made += 1
    return made


def _record(
    db: Session,
    rng: random.Random,
    profile: FlexjobberProfile,
    job: JobPosting,
    steps: list[_Step],
) -> None:
    moves = [s for s in steps if not s.follow_up]
    match = Match(
        profile_id=profile.id,
        job_id=job.id,
        state=moves[-1].state,
        recommended_by_id=profile.consultant_id,
        recommendation_note="Dine ønsker og virksomhedens behov passer godt sammen.",
        created_at=moves[0].at,
        updated_at=steps[-1].at,
    )
    published = moves[0].at - timedelta(days=rng.randint(3, 20))
    job.created_at = min(job.created_at, published)
    job.published_at = min(job.published_at or published, published)
    db.add(match)
    db.flush()
    state = MatchState.SUGGESTED
    for step in steps:
        if step.follow_up:
            held = step.at.astimezone(LOCAL).date()
            db.add(
                FollowUp(
                    match_id=match.id,
                    consultant_id=step.actor_id,
                    held_on=held,
                    hours=step.hours or 0,
                    note=rng.choice(NOTES),
                    next_step=rng.choice(NEXT_STEPS),
                    next_due=held + timedelta(days=rng.randint(14, 30)),
                    created_at=step.at,
                )
            )
            from_state = to_state = state.value
        else:
            from_state, to_state = state.value, step.state.value
            state = step.state
            _apply(db, match, step, profile)
        db.add(
            MatchEvent(
                match_id=match.id,
                actor_id=step.actor_id,
                kind=step.kind,
                from_state=from_state,
                to_state=to_state,
                hours=step.hours,
                created_at=step.at,
            )
        )


def _apply(db: Session, match: Match, step: _Step, profile: FlexjobberProfile) -> None:
    """The match's own columns as the step left them."""
    day = step.at.astimezone(LOCAL).date()
    if step.state == MatchState.INTEREST:
        match.flexjobber_interest_at = step.at
    elif step.state == MatchState.MUTUAL:
        match.company_interest_at = step.at
    elif step.state == MatchState.MEETING:
        match.meeting_at = step.at + timedelta(days=5)
        match.meeting_place = "Hos virksomheden"
    elif step.state == MatchState.TRIAL:
        match.trial_start, match.trial_end = day, day + timedelta(weeks=8)
        match.trial_hours = step.hours
    elif step.state == MatchState.HIRED:
        match.hired_start, match.hired_hours = day, step.hours
        # Hired into a fleksjob: off ledighedsydelse from that day.
        profile.status = JobseekerStatus.IN_FLEXJOB_WANTS_OTHER
        match.trial_end = min(match.trial_end or day, day)
        change = ProfileStatusChange(
            profile_id=profile.id,
            status=JobseekerStatus.IN_FLEXJOB_WANTS_OTHER,
            changed_at=step.at,
            actor_id=step.actor_id,
        )
        db.add(change)
    elif step.state == MatchState.ENDED:
        match.ended_reason = "not_a_fit"
