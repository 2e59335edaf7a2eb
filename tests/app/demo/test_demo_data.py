from __future__ import annotations

import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.companies.service import cvr_is_valid
from app.demo.loader import load_demo_data
from app.jobs.search_text import posting_search_text
from app.kit.text import fold
from app.models import (
    AccommodationNeeds,
    Company,
    FlexjobberProfile,
    Jobcentre,
    JobPosting,
    PostingStatus,
    Role,
    User,
    Visibility,
)
from app.profiles.search_text import profile_search_text
from matching import reference

TABLES = (Jobcentre, Company, User, FlexjobberProfile, AccommodationNeeds, JobPosting)


def _counts(db: Session) -> tuple[int, ...]:
    return tuple(db.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES)


def test_demo_data_is_complete_valid_and_idempotent(db: Session) -> None:
    started = time.monotonic()
    load_demo_data(db)
    assert time.monotonic() - started < 30
    counts = _counts(db)
    load_demo_data(db)
    assert counts == _counts(db)
    assert counts[0] >= 2 and counts[1] >= 40
    consultants = db.scalar(
        select(func.count()).select_from(User).where(User.role == Role.CONSULTANT)
    )
    assert consultants >= 3
    companies = list(db.scalars(select(Company)))
    assert all(cvr_is_valid(c.cvr) for c in companies)
    assert len({c.postcode[0] for c in companies}) >= 5  # spread over Denmark
    for role in Role:
        assert db.scalar(select(func.count()).select_from(User).where(User.role == role)) >= 1


def test_demo_profiles_are_varied_realistic_and_searchable(db: Session) -> None:
    load_demo_data(db)
    profiles = list(db.scalars(select(FlexjobberProfile)))
    assert len(profiles) >= 200
    needs = {n.profile_id: n for n in db.scalars(select(AccommodationNeeds))}
    assert all(p.id in needs and needs[p.id].needs for p in profiles)
    assert all(any(needs[p.id].needs.values()) for p in profiles)  # at least one must-have
    assert all(set(needs[p.id].needs) <= set(reference.ACCOMMODATION_CODES) for p in profiles)
    # no two alike
    assert len({(p.headline, p.about, p.postcode, p.hours_min) for p in profiles}) == len(profiles)
    assert len({p.about for p in profiles}) >= 190
    assert {p.visibility for p in profiles} == set(Visibility)
    assert any(p.share_accommodations for p in profiles)
    assert not any(p.share_accommodations for p in profiles if p.visibility == Visibility.HIDDEN)
    assert all(2 <= p.hours_min <= p.hours_max <= 30 for p in profiles if p.hours_min)
    assert all(p.consultant_id is not None for p in profiles)
    assert len({p.jobcentre_id for p in profiles}) >= 3
    for p in profiles:
        info = reference.postcode_info(p.postcode)
        assert info is not None and not info.non_geographic
        assert p.headline and p.about and p.wished_jobs and p.skills and p.experience
        assert p.search_text == profile_search_text(p)
        for job in p.wished_jobs:
            if job["uri"]:
                occupation = reference.occupation_by_uri(job["uri"])
                assert occupation is not None
                assert fold(job["label"]) in {fold(occupation.label_da)} | {
                    fold(a) for a in occupation.alt_da
                }
    assert sum(1 for p in profiles for j in p.wished_jobs if j["uri"]) > 150
    assert len({p.postcode[0] for p in profiles}) >= 6
    # the existing demo logins have complete profiles
    for email in (
        "borger@fleksbro.example",
        "borger2@fleksbro.example",
        "borger3@fleksbro.example",
    ):
        user = db.scalar(select(User).where(User.email == email))
        assert user is not None
        profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == user.id))
        assert profile is not None and profile.headline and profile.skills
        assert profile.jobcentre_id == user.jobcentre_id
    # consultants have caseloads
    followed = {p.consultant_id for p in profiles}
    assert len(followed) >= 4


def test_demo_postings(db: Session) -> None:
    load_demo_data(db)
    postings = list(db.scalars(select(JobPosting)))
    assert len(postings) >= 150
    published = [p for p in postings if p.status == PostingStatus.PUBLISHED]
    assert len(published) > len(postings) * 0.7
    # only companies in the jobcentres' own areas post (the demo citizens live there)
    assert len({p.company_id for p in postings}) >= 30
    assert len({p.title for p in postings}) >= 30
    assert len({(p.company_id, p.title) for p in postings}) == len(postings)
    assert len({p.job_type for p in postings}) >= 3
    names = {c.id: c.name for c in db.scalars(select(Company))}
    for p in postings:
        assert p.hours_min and p.hours_max and p.hours_min <= p.hours_max
        assert p.schedule and p.accommodations_offered and p.description and p.tasks
        assert set(p.accommodations_offered) <= set(reference.ACCOMMODATION_CODES)
        assert p.search_text == posting_search_text(p, names[p.company_id])
    words = " ".join(p.search_text for p in postings)
    for field in ("kontor", "lager", "rengoering", "have", "koekken", "butik", "it-supporter"):
        assert field in words, field
