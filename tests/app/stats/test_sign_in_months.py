"""The month masks the engagement bands read (sign_in_months, laid out by app.kit.day_masks)
hold exactly the Danish days of the recorded sign-ins, whoever writes them: a real sign-in
through the login form, one sign-in, or many at once (the demo history); every dashboard
week and month lies in one row; and the bands count days in a week across two months."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import sign_ins
from app.kit import day_masks
from app.models import FlexjobberProfile, SignIn, SignInMonth
from app.stats import service
from app.stats.periods import MONTH, WEEK, Bucket, buckets, local_midnight, local_today
from tests.support.personas import Personas
from tests.support.web import login


def _days_from_masks(db: Session, user_id: int) -> set[date]:
    out: set[date] = set()
    for month, days in db.execute(
        select(SignInMonth.month, SignInMonth.days).where(SignInMonth.user_id == user_id)
    ):
        out |= set(day_masks.days_in(month, days))
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
    # 30 Oct - 1 Nov lie in the last week of October's window and in November's first.
    rows = dict(
        db.execute(
            select(SignInMonth.month, SignInMonth.days).where(SignInMonth.user_id == person.id)
        ).all()
    )
    assert set(day_masks.days_in(date(2026, 10, 1), rows[date(2026, 10, 1)])) == {
        date(2026, 10, 30),
        date(2026, 10, 31),
        date(2026, 11, 1),
    }
    assert set(day_masks.days_in(date(2026, 11, 1), rows[date(2026, 11, 1)])) == {
        date(2026, 10, 30),
        date(2026, 10, 31),
        date(2026, 11, 1),
        date(2026, 11, 20),
    }


def test_every_dashboard_week_and_month_fits_one_window() -> None:
    for by in (WEEK, MONTH):
        for bucket in buckets(date(2024, 1, 1), date(2026, 12, 31), by):
            fit = day_masks.bucket_mask(bucket.start, bucket.end)
            assert fit is not None, bucket
            month, mask = fit
            assert day_masks.days_in(month, mask) == [
                bucket.start + timedelta(days=k) for k in range(bucket.days)
            ]
    # A fortnight across a month's edge fits none; its pieces hold each day once.
    assert day_masks.bucket_mask(date(2026, 10, 20), date(2026, 11, 10)) is None
    pieces = day_masks.pieces(date(2026, 10, 20), date(2026, 11, 10))
    days = [d for month, mask in pieces for d in day_masks.days_in(month, mask)]
    assert days == [date(2026, 10, 20) + timedelta(days=k) for k in range(21)]


def _person_with_days(db: Session, personas: Personas, days: list[date]) -> int:
    person = personas.flexjobber
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == person.id))
    assert profile is not None
    profile.created_at = local_midnight(date(2026, 9, 1))
    for day in days:
        sign_ins.record(db, person.id, local_midnight(day) + timedelta(hours=9), "password")
    db.flush()
    return profile.jobcentre_id


def test_a_week_across_two_months_counts_the_days_of_both(db: Session, personas: Personas) -> None:
    """Monday 26 October to Sunday 1 November 2026: 5 sign-in days in it (≥ 5/7 of 7 days:
    daily), one more just outside on each side that must not count; then 4 (weekly only)."""
    october = [date(2026, 10, d) for d in (25, 26, 28, 30, 31)]
    november = [date(2026, 11, 1), date(2026, 11, 2)]
    centre = _person_with_days(db, personas, october + november)
    week = Bucket(date(2026, 10, 26), date(2026, 11, 2), "2026-U44")
    (f,) = service.figures(db, service.Scope(centre), [week])
    assert f.engagement_days == 7
    # A fortnight by hand (fits no window: grouped per person) sees the same days.
    fortnight = Bucket(date(2026, 10, 26), date(2026, 11, 9), "by hand")
    (g,) = service.figures(db, service.Scope(centre), [fortnight])
    daily_before, weekly_before, fortnight_weekly = (
        f.signed_in_daily,
        f.signed_in_weekly,
        g.signed_in_weekly,
    )
    assert daily_before >= 1
    # Drop 28 October from both windows that hold it: 4 of 7 days is weekly, not daily.
    for month in (date(2026, 10, 1), date(2026, 11, 1)):
        for window_month, bit in day_masks.windows_of(date(2026, 10, 28)):
            if window_month == month:
                db.execute(
                    SignInMonth.__table__.update()
                    .where(
                        SignInMonth.user_id == personas.flexjobber.id, SignInMonth.month == month
                    )
                    .values(days=SignInMonth.days.op("&")(~bit))
                )
    (f2,) = service.figures(db, service.Scope(centre), [week])
    assert (f2.signed_in_daily, f2.signed_in_weekly) == (daily_before - 1, weekly_before)
    (g2,) = service.figures(db, service.Scope(centre), [fortnight])
    assert g2.signed_in_weekly == fortnight_weekly  # 6 of 14 days: still weekly
