"""The rankings are hot paths: building them on the viewer-scoped selects
(app.profiles.policy.readable_where, app.jobs.policy.readable_postings) must cost a fixed number
of queries, whatever the number of ranked candidates or jobs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.matches import ranking
from app.matchmaking.engine import MatchEngine
from app.models import (
    JobPosting,
    JobType,
    PostingStatus,
    User,
    Visibility,
)
from tests.support.people import add_flexjobber
from tests.support.personas import Personas


@contextmanager
def counted(db: Session) -> Iterator[list[str]]:
    statements: list[str] = []
    connection = db.connection()

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(connection, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(connection, "before_cursor_execute", seen)


def _people(db: Session, personas: Personas, first: int, count: int) -> None:
    for i in range(first, first + count):
        add_flexjobber(
            db,
            jobcentre_id=personas.jobcentre.id,
            email=f"rangeret{i}@test.example",
            name=f"Rangeret Nummer{i}",
            pseudonym=f"Kandidat R-{i}",
            consultant_id=personas.consultant.id,
            headline="Kontorassistent",
            wished_jobs=[{"label": "Kontorassistent", "uri": None}],
            skills=["bogføring"],
            hours_min=10,
            hours_max=15,
            postcode="2900",
            visibility=Visibility.NAMED if i % 2 else Visibility.ANONYMOUS,
            search_text="kontorassistent bogfoering",
        )


def _jobs(db: Session, personas: Personas, count: int) -> None:
    for i in range(count):
        db.add(
            JobPosting(
                company_id=personas.company.id,
                title=f"Kontorassistent {i}",
                description="Bogføring i et lille kontor.",
                hours_min=10,
                hours_max=15,
                postcode="2900",
                job_type=JobType.FLEXJOB,
                status=PostingStatus.PUBLISHED,
                published_at=utcnow(),
                search_text="kontorassistent bogfoering",
            )
        )
    db.flush()


def _queries(db: Session, run: Callable[[], list[object] | None]) -> tuple[int, int]:
    with counted(db) as statements:
        items = run()
    assert items is not None
    return len(statements), len(items)


def test_candidate_lists_cost_the_same_queries_for_few_and_many_candidates(
    db: Session, personas: Personas, match_engine: MatchEngine
) -> None:
    job = personas.job
    _people(db, personas, 0, 2)
    match_engine.sync(db, full=True)
    few: dict[str, tuple[int, int]] = {}
    for viewer in (personas.company_user, personas.consultant, personas.admin):

        def rank(viewer: User = viewer) -> list[object] | None:
            found = ranking.candidates_for_job(db, match_engine, viewer, job, "da", k=40)
            return list(found) if found is not None else None

        few[viewer.email] = _queries(db, rank)
    _people(db, personas, 2, 20)
    match_engine.sync(db)
    for viewer in (personas.company_user, personas.consultant, personas.admin):

        def rank_many(viewer: User = viewer) -> list[object] | None:
            found = ranking.candidates_for_job(db, match_engine, viewer, job, "da", k=40)
            return list(found) if found is not None else None

        queries, listed = _queries(db, rank_many)
        before_queries, before_listed = few[viewer.email]
        assert listed > before_listed + 15, viewer.email
        assert queries == before_queries, (viewer.email, before_queries, queries)
        assert queries <= 6, viewer.email


def test_a_persons_job_ranking_costs_the_same_queries_for_few_and_many_jobs(
    db: Session, personas: Personas, match_engine: MatchEngine
) -> None:
    person = personas.flexjobber

    def rank() -> list[object] | None:
        found = ranking.jobs_for_flexjobber(db, match_engine, person, "da", k=40)
        return list(found) if found is not None else None

    match_engine.sync(db, full=True)
    queries, listed = _queries(db, rank)
    _jobs(db, personas, 20)
    match_engine.sync(db)
    more_queries, more_listed = _queries(db, rank)
    assert more_listed > listed + 15
    assert more_queries == queries
