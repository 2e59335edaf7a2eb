"""The month masks the engagement bands read (sign_in_months) hold exactly the Danish days of
the recorded sign-ins, whoever writes them: a real sign-in through the login form, one
sign-in, or many at once (the demo history); and the bands counted from them count days in
a bucket that spans two months."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import sign_ins
from app.models import FlexjobberProfile, SignIn, SignInMonth
from app.stats import service
from app.stats.bits import month_masks
from app.stats.periods import Bucket, local_midnight, local_today
from tests.support.personas import Personas
from tests.support.web import login


def _days_from_masks(db: Session, user_id: int) -> set[date]:
    out = set()
    for month, days in db.execute(
        select(SignInMonth.month, SignInMonth.days).where(SignInMonth.user_id == user_id)
    ):
        out |= {month.replace(day=d + 1) for d in range(31) if days >> d & 1}
    return out


def _days_recorded(db: Session, user_id: int) -> set[date]:
    return set(db.scalars(select(SignIn.day).where(SignIn.user_id == user_id)))


def test_a_sign_in_through_the_form_sets_its_day(
    client: TestClient, db: Session, personas: Personas
) -> None:
    person = personas.flexjobber
    assert login(client, person.email).status_code == 303
    assert login(client, person.email).status_code == 303
    db.expire_all()
    assert _days_from_masks(db, person.id) == _days_recorded(db, person.id) != set()


def test_one_and_many_sign_ins_agree_with_the_recorded_days(
    db: Session, personas: Personas
) -> None:
    person = personas.flexjobber2
    # 23:30 UTC on 31 October is 00:30 on 1 November in Copenhagen: November's first day.
    late = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    sign_ins.record(db, person.id, late, "password")
    sign_ins.record(db, person.id, late + timedelta(minutes=5), "password")
    sign_ins.record_many(
        db,
        [
            (person.id, datetime(2026, 10, 30, 9, tzinfo=UTC), "password"),
            (person.id, datetime(2026, 10, 31, 9, tzinfo=UTC), "email_link"),
            (person.id, datetime(2026, 11, 20, 9, tzinfo=UTC), "password"),
        ],
    )
    db.flush()
    days = _days_from_masks(db, person.id)
    assert days == _days_recorded(db, person.id)
    assert days == {date(2026, 10, 30), date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 20)}
    assert local_today(late) == date(2026, 11, 1)


def test_month_masks_cover_exactly_the_days_asked_for() -> None:
    assert month_masks(date(2026, 10, 29), date(2026, 11, 3)) == [
        (date(2026, 10, 1), 0b111 << 28),  # 29, 30, 31 October
        (date(2026, 11, 1), 0b11),  # 1, 2 November
    ]
    assert month_masks(date(2026, 2, 1), date(2026, 3, 1)) == [(date(2026, 2, 1), (1 << 28) - 1)]
    assert month_masks(date(2026, 5, 5), date(2026, 5, 5)) == []


def test_a_week_across_two_months_counts_the_days_of_both(db: Session, personas: Personas) -> None:
    """Monday 26 October to Sunday 1 November 2026: 5 sign-in days in it (≥ 5/7 of 7 days:
    daily), one more just outside on each side that must not count."""
    person = personas.flexjobber
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == person.id))
    assert profile is not None
    profile.created_at = local_midnight(date(2026, 10, 1))
    week = Bucket(date(2026, 10, 26), date(2026, 11, 2), "2026-U44")
    for day in (25, 26, 28, 30, 31, 32, 33):  # 25 Oct .. 2 Nov; 32 = 1 Nov, 33 = 2 Nov
        moment = local_midnight(date(2026, 10, 1) + timedelta(days=day - 1)) + timedelta(hours=9)
        sign_ins.record(db, person.id, moment, "password")
    db.flush()
    (f,) = service.figures(db, service.Scope(profile.jobcentre_id), [week])
    assert f.engagement_days == 7
    assert f.signed_in_daily >= 1
    # Drop one day inside the week: 4 of 7 is weekly, no longer daily.
    db.execute(
        SignInMonth.__table__.update()
        .where(SignInMonth.user_id == person.id, SignInMonth.month == date(2026, 10, 1))
        .values(days=SignInMonth.days.op("&")(~(1 << 27)))  # 28 October
    )
    (g,) = service.figures(db, service.Scope(profile.jobcentre_id), [week])
    assert g.signed_in_daily == f.signed_in_daily - 1
    assert g.signed_in_weekly == f.signed_in_weekly
