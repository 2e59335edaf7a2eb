"""Ranked matches for each audience, read from the in-process index (never waiting on it).

- a flexjobber's "Mine match": published jobs of their jobcentre's forum;
- a company's candidates for one posting: findable profiles, shown as each person allows;
- a consultant's board: strong pairs in their caseload that nobody has acted on yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.jobs.policy import readable_postings
from app.kit.text import fold
from app.matchmaking.engine import MatchEngine
from app.models import (
    Company,
    FlexjobberProfile,
    JobPosting,
    Match,
    MatchState,
    User,
    Visibility,
)
from app.profiles import policy as profile_policy
from app.profiles.disclosure import Disclosure, decide_many
from app.profiles.policy import Audience
from app.taxonomy.geography import km_between
from matching.bands import STRONG_FROM
from matching.filters import Filters
from matching.index import Match as Ranked
from matching.reference import postcode_info

# The board shows "Stærkt match" pairs only (matching/bands.py).
STRONG = STRONG_FROM
# The board ranks this many of the caseload's people, most recently changed first: a real
# caseload is a few hundred at most, and the page must not rank thousands on one request.
BOARD_PROFILES = 200


@dataclass
class JobItem:
    job: JobPosting
    company: Company
    score: float
    reasons: list[str]
    match: Match | None
    is_new: bool


@dataclass
class CandidateItem:
    profile: FlexjobberProfile
    name: str
    is_pseudonym: bool
    score: float
    reasons: list[str]
    match: Match | None
    shares_accommodations: bool


@dataclass
class BoardItem:
    profile: FlexjobberProfile
    person: User
    job: JobPosting
    company: Company
    score: float
    reasons: list[str] = field(default_factory=list)


def _matches_for_profile(db: Session, profile_id: int) -> dict[int, Match]:
    return {m.job_id: m for m in db.scalars(select(Match).where(Match.profile_id == profile_id))}


def jobs_for_flexjobber(
    db: Session,
    engine: MatchEngine,
    user: User,
    lang: str,
    k: int = 30,
    seen: datetime | None = None,
) -> list[JobItem] | None:
    """None while the person's profile is not in the index yet (it is computed in the
    background after a change)."""
    profile = profile_policy.own_profile(db, user)
    if profile is None or str(profile.id) not in engine.index.profile_records:
        return None
    mine = _matches_for_profile(db, profile.id)
    hidden = frozenset(str(job_id) for job_id, m in mine.items() if m.hidden_at is not None)
    lesson = _learn_from_hidden(db, profile, [m for m in mine.values() if m.hidden_at])
    filters = Filters(
        only_ids=engine.jobs_in(profile.jobcentre_id),
        exclude_ids=hidden,
        remote_only=profile.remote_only,
        within_km=lesson.within_km,
        near_postcode=profile.postcode if lesson.within_km is not None else None,
    )
    ranked = engine.index.top_jobs(str(profile.id), k=k + 20, filters=filters)
    ranked = [r for r in ranked if fold(engine.index.job_records[r.id].title) not in lesson.titles]
    ranked = ranked[:k]
    jobs = _load_jobs(db, user, [int(r.id) for r in ranked])
    items = []
    for r in ranked:
        loaded = jobs.get(int(r.id))
        if loaded is None:
            continue  # e.g. closed since the index last synced: not readable any more
        job, company = loaded
        published = job.published_at or job.updated_at
        items.append(
            JobItem(
                job=job,
                company=company,
                score=r.score,
                reasons=r.reasons_text(lang),
                match=mine.get(job.id),
                is_new=seen is None or published > seen,
            )
        )
    return items


@dataclass(frozen=True)
class Lesson:
    """What "ikke interesseret" with a reason teaches the ranking."""

    within_km: float | None = None  # "for langt væk": only jobs nearer than the nearest refused
    titles: frozenset[str] = frozenset()  # "opgaverne passer ikke": no more of the same job


def _learn_from_hidden(db: Session, profile: FlexjobberProfile, hidden: list[Match]) -> Lesson:
    if not hidden:
        return Lesson()
    jobs = {
        j.id: j
        for j in db.scalars(select(JobPosting).where(JobPosting.id.in_([m.job_id for m in hidden])))
    }
    home = postcode_info(profile.postcode) if profile.postcode else None
    distances = []
    titles = set()
    for m in hidden:
        job = jobs.get(m.job_id)
        if job is None:
            continue
        if m.hidden_reason == "tasks":
            titles.add(fold(job.title))
        where = postcode_info(job.postcode) if job.postcode and not job.remote else None
        if m.hidden_reason == "distance" and home and where:
            distances.append(km_between(home.lat, home.lon, where.lat, where.lon))
    within = None
    if distances:
        within = max(1.0, min(distances) - 1.0)
        if profile.max_distance_km:
            within = min(within, float(profile.max_distance_km))
    return Lesson(within_km=within, titles=frozenset(titles))


def _load_jobs(db: Session, viewer: User, ids: list[int]) -> dict[int, tuple[JobPosting, Company]]:
    """The ranked postings the viewer may read (app.jobs.policy.readable_postings, the one
    rule; the database has the last word over the index), in one query."""
    if not ids:
        return {}
    rows = db.execute(readable_postings(db, viewer).where(JobPosting.id.in_(ids)))
    return {job.id: (job, company) for job, company in rows}


def candidates_for_job(
    db: Session, engine: MatchEngine, viewer: User, job: JobPosting, lang: str, k: int = 30
) -> list[CandidateItem] | None:
    """Ranked people for a posting as this viewer may see them (caller checked access)."""
    company = db.get(Company, job.company_id)
    assert company is not None
    if str(job.id) not in engine.index.job_records:
        return None
    # Who may be listed and how they are shown: the one rule of app.profiles.policy (the
    # index's candidate set below is only its fast pre-selection).
    who, readable = profile_policy.readable_where(db, viewer)
    staff = who == Audience.CONSULTANT
    allowed = engine.findable_profiles_in({company.jobcentre_id})
    if staff:
        allowed = engine.profiles_in(viewer.jobcentre_id or 0)
    decided: dict[int, Disclosure] = {}
    profiles: dict[int, tuple[FlexjobberProfile, User]] = {}

    def may_show(ids: list[str]) -> set[str]:
        # The ranked people are loaded and decided once (one query each), here, and the items
        # below build on both. The database has the last word: someone hidden since the index
        # last synced is not readable any more, so not loaded.
        wanted = [int(pid) for pid in ids]  # the index speaks strings, the database integers
        profiles.update(
            (p.id, (p, u))
            for p, u in db.execute(
                select(FlexjobberProfile, User)
                .join(User, User.id == FlexjobberProfile.user_id)
                .where(FlexjobberProfile.id.in_(wanted), readable)
            )
        )
        rows = [p for p, _u in profiles.values()]
        decided.update(
            decide_many(db, dict.fromkeys([p.id for p in rows], who), rows, {company.id})
        )
        return {str(pid) for pid, d in decided.items() if d.needs}

    ranked = engine.index.top_profiles(
        str(job.id),
        k=k,
        filters=Filters(only_ids=allowed),
        may_show_accommodations=may_show,
        # The jobcentre's consultants get the full fit; for anyone else the list must not
        # depend on needs they were not given (ARCHITECTURE.md, "Health data").
        use_needs=staff,
        audience="consultant" if staff else "company",
    )
    ids = [int(r.id) for r in ranked]
    matches = {
        m.profile_id: m
        for m in db.scalars(select(Match).where(Match.job_id == job.id, Match.profile_id.in_(ids)))
    }
    items = []
    for r in ranked:
        loaded = profiles.get(int(r.id))
        if loaded is None or int(r.id) not in decided:
            continue
        profile, person = loaded
        d = decided[profile.id]
        items.append(
            CandidateItem(
                profile=profile,
                name=person.display_name if d.identity else profile.pseudonym,
                is_pseudonym=not d.identity,
                score=r.score,
                reasons=r.reasons_text(lang),
                match=matches.get(profile.id),
                shares_accommodations=d.needs,
            )
        )
    return items


def consultant_board(
    db: Session, engine: MatchEngine, consultant: User, lang: str, per_profile: int = 3
) -> list[BoardItem]:
    """Strong suggested pairs for the consultant's caseload that nobody has acted on yet."""
    _who, readable = profile_policy.readable_where(db, consultant)
    profiles = list(
        db.execute(
            select(FlexjobberProfile, User)
            .join(User, User.id == FlexjobberProfile.user_id)
            .where(
                readable,
                FlexjobberProfile.consultant_id == consultant.id,
                # hidden profiles cannot be recommended to companies, so they are not suggested
                FlexjobberProfile.visibility != Visibility.HIDDEN,
            )
            .order_by(FlexjobberProfile.updated_at.desc(), FlexjobberProfile.id.desc())
            .limit(BOARD_PROFILES)
        )
    )
    acted = {
        (m.profile_id, m.job_id)
        for m in db.scalars(
            select(Match).where(
                Match.profile_id.in_([p.id for p, _ in profiles]),
                Match.state != MatchState.SUGGESTED,
            )
        )
    }
    jobs = engine.jobs_in(consultant.jobcentre_id) if consultant.jobcentre_id else frozenset()
    board: list[tuple[FlexjobberProfile, User, Ranked]] = []
    for profile, person in profiles:
        if str(profile.id) not in engine.index.profile_records:
            continue
        ranked = engine.index.top_jobs(
            str(profile.id),
            k=per_profile + 5,
            filters=Filters(only_ids=jobs, min_score=STRONG),
            audience="consultant",  # "Personen har …", not "dit ønskejob"
        )
        fresh = [r for r in ranked if (profile.id, int(r.id)) not in acted][:per_profile]
        board += [(profile, person, r) for r in fresh]
    loaded = _load_jobs(db, consultant, [int(r.id) for _, _, r in board])
    items = [
        BoardItem(profile, person, *loaded[int(r.id)], r.score, r.reasons_text(lang))
        for profile, person, r in board
        if int(r.id) in loaded
    ]
    return sorted(items, key=lambda item: -item.score)
