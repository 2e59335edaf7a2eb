"""The demo data set works as a forum: every flexjobber with a complete profile sees at least
5 ranked jobs with reasons (remote-only people: at least one), and every published posting shows ranked candidates."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.loader import load_demo_data
from app.matches.ranking import candidates_for_job, jobs_for_flexjobber
from app.matchmaking.engine import MatchEngine
from app.models import (
    AccommodationNeeds,
    CompanyMember,
    FlexjobberProfile,
    JobPosting,
    PostingStatus,
    User,
)
from app.profiles.completeness import completeness
from matching.esco import esco_model


@pytest.mark.slow
def test_demo_forum_has_matches_for_everyone(app: FastAPI, db: Session) -> None:
    load_demo_data(db)
    engine: MatchEngine = app.state.match_engine
    engine.reset()
    try:
        engine.sync(db, full=True)
        short = []
        checked = 0
        rows = db.execute(
            select(FlexjobberProfile, User, AccommodationNeeds)
            .join(User, User.id == FlexjobberProfile.user_id)
            .outerjoin(AccommodationNeeds, AccommodationNeeds.profile_id == FlexjobberProfile.id)
        )
        for profile, user, needs in rows:
            if completeness(profile, needs).percent < 100:
                continue
            checked += 1
            items = jobs_for_flexjobber(db, engine, user, "da") or []
            # "Kun hjemmefra" sees remote jobs only, and a forum has fewer of those.
            wanted = 1 if profile.remote_only else 5
            if len(items) < wanted or not all(item.reasons for item in items):
                short.append((user.email, len(items)))
        assert checked >= 150, "most demo profiles should be complete"
        # A person far from most of the forum's postings, with long hours and a must-have, may
        # have only a few jobs that fit at all; nobody has none.
        assert all(n >= 1 for _email, n in short), f"profiles without jobs: {short}"
        assert len(short) <= checked // 50, f"complete profiles with < 5 ranked jobs: {short[:10]}"

        postings = db.execute(
            select(JobPosting, User)
            .join(CompanyMember, CompanyMember.company_id == JobPosting.company_id)
            .join(User, User.id == CompanyMember.user_id)
            .where(JobPosting.status == PostingStatus.PUBLISHED)
        ).all()
        without = {
            job.id
            for job, member in postings
            if not candidates_for_job(db, engine, member, job, "da")
        }
        assert len(postings) >= 100 and without == set()
    finally:
        engine.reset()


def _occupations(uri: object, title: str) -> frozenset[str]:
    """The ESCO occupations a wished job or a posting names: its URI, and every occupation
    whose label or alternative label its title is ("Ekspedient" is one of the shop
    assistant's Danish labels)."""
    model = esco_model()
    ids, _label = model.occupations_for_title(title) if title else ([], "")
    return frozenset({str(uri)} if uri else set()) | {model.occupations[i].uri for i in ids}


@pytest.mark.slow
def test_demo_people_see_their_wished_job_first_and_postings_their_people(
    app: FastAPI, db: Session
) -> None:
    """Issue 9: a wished job that is posted in the person's forum is in their top 3, shown as
    strong; a posting's top 5 candidates include the people who wish for that occupation."""
    load_demo_data(db)
    engine: MatchEngine = app.state.match_engine
    engine.reset()
    try:
        engine.sync(db, full=True)
        postings = {
            job.id: (job, member)
            for job, member in db.execute(
                select(JobPosting, User)
                .join(CompanyMember, CompanyMember.company_id == JobPosting.company_id)
                .join(User, User.id == CompanyMember.user_id)
                .where(JobPosting.status == PostingStatus.PUBLISHED)
            )
        }
        occupation = {
            jid: _occupations(job.esco_uri, job.title) for jid, (job, _m) in postings.items()
        }
        missed, weak, checked = [], [], 0
        wishers: dict[str, set[int]] = {}
        for profile, user in db.execute(
            select(FlexjobberProfile, User).join(User, User.id == FlexjobberProfile.user_id)
        ):
            wished = frozenset().union(
                *(
                    _occupations(w.get("uri"), str(w.get("label") or ""))
                    for w in profile.wished_jobs
                )
            )
            for uri in wished:
                wishers.setdefault(uri, set()).add(profile.id)
            items = jobs_for_flexjobber(db, engine, user, "da", k=100) or []
            # Only postings the person can take (hours, distance, must-haves) are listed at all.
            same = [i for i, item in enumerate(items) if occupation[item.job.id] & wished]
            if not same:
                continue
            checked += 1
            # Above it may stand only strong jobs: the demo's postings use synonyms ESCO does
            # not connect ("Kontorhjælp" for an "administrativ assistent", "Ekspedient" for a
            # "butiksassistent"), and those rightly rank as high.
            if same[0] >= 3 and any(item.score < 50 for item in items[: same[0]]):
                missed.append((user.email, same[0] + 1))
            elif items[same[0]].score < 50:
                weak.append((user.email, round(items[same[0]].score)))
        assert checked >= 30, checked
        assert missed == [], f"wished job posted but not in the top 3: {missed[:10]}"
        assert weak == [], f"wished job in the top 3 but not shown as strong: {weak[:10]}"

        short = []
        for jid, (job, member) in postings.items():
            people = set().union(*(wishers.get(uri, set()) for uri in occupation[jid]))
            ranked = [
                c.profile.id for c in candidates_for_job(db, engine, member, job, "da", k=100) or []
            ]
            listed = [pid for pid in ranked if pid in people]  # findable and feasible ones
            # All of them when they are few; with five or more, one place may go to somebody
            # with the same experience under another title.
            wanted = min(5, len(listed)) - (1 if len(listed) >= 5 else 0)
            if listed and len(set(ranked[:5]) & set(listed)) < wanted:
                short.append((jid, job.title, len(listed), len(set(ranked[:5]) & set(listed))))
        assert short == [], f"postings whose top 5 miss people wishing for the job: {short[:10]}"
    finally:
        engine.reset()
