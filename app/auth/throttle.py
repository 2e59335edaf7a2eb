"""Login throttling by account and by address, counted in the database (shared by all workers)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import TooManyAttempts
from app.kit.clock import utcnow
from app.models import LoginFailure
from app.settings import Settings


def check_not_throttled(db: Session, settings: Settings, email: str, ip: str) -> None:
    since = utcnow() - timedelta(minutes=settings.login_failure_window_minutes)
    per_account = db.scalar(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.email == email, LoginFailure.created_at >= since)
    )
    if (per_account or 0) >= settings.login_max_failures_per_account:
        raise TooManyAttempts()
    per_address = db.scalar(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.ip_address == ip, LoginFailure.created_at >= since)
    )
    if (per_address or 0) >= settings.login_max_failures_per_address:
        raise TooManyAttempts()


def record_failure(db: Session, email: str, ip: str) -> None:
    db.add(LoginFailure(email=email, ip_address=ip))


def clear_failures(db: Session, email: str) -> None:
    db.execute(delete(LoginFailure).where(LoginFailure.email == email))
