"""The health-data invariant (ARCHITECTURE.md, "Health data"): nothing a company sees depends
on accommodation needs it was not given.

The strong form: change the needs of every person who has not shared them with the company,
and every company-visible page and API response — candidate lists (who, order, scores,
reasons, counts), browsing, search, filters, profiles — must stay byte-for-byte the same.
The consultant's view of the same posting is the control: there the needs do count, so the
test would notice if the changed needs were not picked up at all.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.matchmaking.engine import MatchEngine
from app.models import (
    AccommodationNeeds,
    Consent,
    FlexjobberProfile,
    JobPosting,
    JobType,
    PostingStatus,
    Role,
    User,
    Visibility,
)
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]

# (visibility, needs before, needs after): must-haves are True, nice-to-haves False.
PEOPLE = [
    (Visibility.ANONYMOUS, {"no_heavy_lifting": True}, {"flexible_hours": True}),
    (Visibility.ANONYMOUS, {"flexible_hours": True}, {"remote_work": True}),
    (
        Visibility.NAMED,
        {"quiet_environment": False},
        {"flexible_hours": True, "extra_breaks": False},
    ),
    (Visibility.NAMED, {}, {"no_heavy_lifting": True, "quiet_environment": True}),
    (Visibility.ANONYMOUS, {"extra_breaks": False, "flexible_hours": False}, {}),
    (
        Visibility.NAMED,
        {"remote_work": True, "no_evening_night_work": True},
        {"extra_breaks": False},
    ),
]


def _people(db: Session, personas: Personas) -> list[FlexjobberProfile]:
    made = []
    for i, (visibility, needs, _after) in enumerate(PEOPLE):
        user = User(
            email=f"kandidat{i}@test.example",
            display_name=f"Kandidat Nummer{i}",
            role=Role.FLEXJOBBER,
            jobcentre_id=personas.jobcentre.id,
            active=True,
        )
        db.add(user)
        db.flush()
        profile = FlexjobberProfile(
            user_id=user.id,
            jobcentre_id=personas.jobcentre.id,
            consultant_id=personas.consultant.id,
            pseudonym=f"Kandidat X-{i}",
            headline="Kontorassistent",
            about="Jeg kan passe telefonen, sortere post og holde styr på kalenderen.",
            wished_jobs=[{"label": "Kontorassistent", "uri": None}],
            skills=["telefonpasning", "post"],
            hours_min=8 + i,
            hours_max=15,
            postcode="2900",
            max_distance_km=25,
            visibility=visibility,
            share_accommodations=False,
            search_text="kontorassistent telefonpasning post",
        )
        db.add(profile)
        db.flush()
        db.add(AccommodationNeeds(profile_id=profile.id, needs=needs, note=f"note {i}"))
        made.append(profile)
    db.flush()
    return made


def _flex_only_posting(db: Session, personas: Personas) -> JobPosting:
    """The attacker's posting: it offers only flexible hours."""
    posting = JobPosting(
        company_id=personas.company.id,
        title="Kontorassistent til post og telefon",
        description="Post, telefon og kalender i et lille kontor.",
        hours_min=10,
        hours_max=14,
        postcode="2900",
        accommodations_offered=["flexible_hours"],
        job_type=JobType.FLEXJOB,
        status=PostingStatus.PUBLISHED,
        published_at=utcnow(),
        search_text="kontorassistent post telefon",
    )
    db.add(posting)
    db.flush()
    return posting


def _company_views(client: TestClient, jobs: list[int], people: list[int]) -> dict[str, bytes]:
    paths = ["/kandidater", "/api/v1/candidates", "/api/v1/profiles", "/api/v1/profiles?q=kontor"]
    for job in jobs:
        paths += [
            f"/opslag/{job}/kandidater",
            f"/opslag/{job}/kandidater?antal=40",
            f"/api/v1/jobs/{job}/candidates",
            f"/kandidater?posting={job}",
            f"/kandidater?posting={job}&distance=20",
            f"/api/v1/candidates?posting={job}&distance=20",
        ]
    for pid in people:
        paths += [f"/profiler/{pid}", f"/api/v1/profiles/{pid}"]
    out = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        out[path] = response.content
    return out


def test_company_views_do_not_depend_on_needs_they_were_not_given(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    people = _people(db, personas)
    attack = _flex_only_posting(db, personas)
    # One person shares needs with this company: their needs may count, so they stay fixed.
    sharer = personas.profile
    db.add(
        Consent(
            profile_id=sharer.id,
            company_id=personas.company.id,
            share_identity=False,
            share_cv=False,
            share_accommodations=True,
        )
    )
    db.flush()
    match_engine.sync(db, full=True)
    jobs = [personas.job.id, attack.id]
    pids = [p.public_id for p in people] + [sharer.public_id]

    company = browser(personas.company_user)
    consultant = browser(personas.consultant)
    before = _company_views(company, jobs, pids)
    assert before == _company_views(company, jobs, pids)  # stable without any change
    staff_before = consultant.get(f"/api/v1/jobs/{attack.id}/candidates").content
    listed = company.get(f"/api/v1/jobs/{attack.id}/candidates").json()["items"]
    assert len(listed) >= len(people)  # must-haves do not filter the company's list

    for profile, (_vis, _needs, after) in zip(people, PEOPLE, strict=True):
        row = db.get(AccommodationNeeds, profile.id)
        assert row is not None
        row.needs = after
        row.note = "changed"
        row.updated_at = utcnow()
    db.flush()
    match_engine.sync(db)

    assert consultant.get(f"/api/v1/jobs/{attack.id}/candidates").content != staff_before
    after_views = _company_views(company, jobs, pids)
    changed = [path for path in before if before[path] != after_views[path]]
    assert changed == []
