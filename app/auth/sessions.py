"""Server-side sessions: a fresh id at every login, idle and absolute timeouts, real logout."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.kit.tokens import hash_token, new_token
from app.models import User, UserSession
from app.settings import Settings

# Writing last_seen_at on every request would turn every page view into a write.
_TOUCH_AFTER = timedelta(seconds=60)


def start_session(db: Session, user: User, ip: str, user_agent: str) -> str:
    token = new_token()
    db.add(
        UserSession(
            token_hash=hash_token(token),
            user_id=user.id,
            ip_address=ip[:64],
            user_agent=user_agent[:300],
        )
    )
    user.last_login_at = utcnow()
    return token


def resolve_session(db: Session, settings: Settings, token: str) -> tuple[UserSession, User] | None:
    row = db.execute(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    user_session, user = row
    now = utcnow()
    expired = (
        now - user_session.last_seen_at > timedelta(minutes=settings.session_idle_minutes)
        or now - user_session.created_at > timedelta(hours=settings.session_absolute_hours)
        or not user.active
    )
    if expired:
        db.delete(user_session)
        return None
    if now - user_session.last_seen_at > _TOUCH_AFTER:
        user_session.last_seen_at = now
    return user_session, user


def end_session(db: Session, token: str) -> None:
    db.execute(delete(UserSession).where(UserSession.token_hash == hash_token(token)))


def end_all_sessions(db: Session, user_id: int) -> None:
    db.execute(delete(UserSession).where(UserSession.user_id == user_id))
