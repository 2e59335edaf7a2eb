"""Login throttling by account and by address, counted in the database (shared by all workers)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import TooManyAttempts
from app.kit.clock import utcnow
from app.models import LoginFailure, RateEvent
from app.settings import Settings

_LINK_MAIL = "link_mail"


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


def allow_link_mail(db: Session, settings: Settings, email: str, ip: str) -> bool:
    """Whether another reset or login-link e-mail may go to this address for this client now.
    Counted whether or not the account exists, so the answer (always the same neutral page)
    and the work done reveal nothing; at most a few e-mails an hour reach any inbox."""
    now = utcnow()
    since = now - timedelta(hours=1)
    keys = {f"email:{email}": settings.link_mails_per_address_per_hour}
    keys[f"ip:{ip}"] = settings.link_mails_per_client_per_hour
    for key, allowed in keys.items():
        count = db.scalar(
            select(func.count())
            .select_from(RateEvent)
            .where(
                RateEvent.kind == _LINK_MAIL, RateEvent.key == key, RateEvent.created_at >= since
            )
        )
        if (count or 0) >= allowed:
            return False
    db.execute(delete(RateEvent).where(RateEvent.created_at < now - timedelta(days=1)))
    db.add_all(RateEvent(kind=_LINK_MAIL, key=key[:320]) for key in keys)
    return True


def record_failure(db: Session, email: str, ip: str) -> None:
    db.add(LoginFailure(email=email, ip_address=ip))


def clear_failures(db: Session, email: str) -> None:
    db.execute(delete(LoginFailure).where(LoginFailure.email == email))
