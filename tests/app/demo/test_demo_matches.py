"""The demo data set works as a forum: every flexjobber with a complete profile sees at least
5 ranked jobs with reasons, and every published posting shows ranked candidates."""

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
            if len(items) < 5 or not all(item.reasons for item in items):
                short.append((user.email, len(items)))
        assert checked >= 150, "most demo profiles should be complete"
        assert short == [], f"complete profiles with fewer than 5 ranked jobs: {short[:10]}"

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
