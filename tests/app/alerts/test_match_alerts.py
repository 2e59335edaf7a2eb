"""'New jobs that match me well': the person's own ranking (as "Mine match"), strong band only,
new since the previous run, nothing they already acted on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from app.alerts import service
from app.kit.clock import utcnow
from app.mail.service import mailer_from
from app.matches import ranking
from app.matchmaking.engine import MatchEngine
from app.models import JobPosting, JobType, PostingStatus
from app.settings import Settings
from matching.bands import STRONG_FROM
from tests.support.personas import Personas
from tests.support.smtp import Mailbox


@pytest.fixture
def match_engine(app: FastAPI) -> Iterator[MatchEngine]:
    engine: MatchEngine = app.state.match_engine
    engine.reset()
    yield engine
    engine.reset()


def _job(db: Session, personas: Personas, title: str, skills: list[str]) -> JobPosting:
    posting = JobPosting(
        company_id=personas.company.id,
        title=title,
        description=f"{title}.",
        required_skills=skills,
        hours_min=10,
        hours_max=15,
        postcode="2900",
        accommodations_offered=["no_heavy_lifting", "quiet_environment"],
        job_type=JobType.FLEXJOB,
        status=PostingStatus.PUBLISHED,
        published_at=utcnow(),
        search_text=title.lower(),
    )
    db.add(posting)
    db.flush()
    return posting


def test_only_new_strong_matches_are_news(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox, match_engine: MatchEngine
) -> None:
    alert = service.create(
        db, personas.flexjobber, {"kind": "matches", "frequency": "immediate", "by_email": "1"}
    )
    mailer = mailer_from(settings)
    calls: list[int] = []

    def index() -> MatchEngine:
        calls.append(1)
        match_engine.sync(db)
        return match_engine

    strong = _job(db, personas, "Kontorassistent", ["bogføring", "fakturering"])
    weak = _job(db, personas, "Skovarbejder", ["motorsav", "træfældning"])
    now = utcnow() + timedelta(minutes=1)
    summary = service.run_alerts(db, settings, mailer, index, now=now)
    assert calls == [1]  # the index is built once, only because a matches alert was due
    scores = {
        item.job.id: item.score
        for item in ranking.jobs_for_flexjobber(db, match_engine, personas.flexjobber, "da") or []
    }
    assert scores[strong.id] >= STRONG_FROM > scores[weak.id]
    # personas.job is a strong match too, but not new (no publication since the alert).
    assert alert.last_found == [strong.id]
    assert (summary.checked, summary.emails) == (1, 1)
    assert "Kontorassistent" not in Mailbox.body(mailbox.last_to(personas.flexjobber.email))
    again = service.run_alerts(db, settings, mailer, index, now=now + timedelta(minutes=5))
    assert (again.checked, again.with_news) == (1, 0)


def test_a_person_not_yet_ranked_is_tried_again_later(
    db: Session, personas: Personas, settings: Settings, match_engine: MatchEngine
) -> None:
    alert = service.create(db, personas.flexjobber, {"kind": "matches", "frequency": "daily"})
    summary = service.run_alerts(db, settings, None, lambda: match_engine)  # empty index
    assert summary.waiting == 1 and alert.last_run_at is None
