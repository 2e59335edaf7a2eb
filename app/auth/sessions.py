"""Server-side sessions: a fresh id at every login, idle and absolute timeouts, real logout."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.auth import sign_ins
from app.kit.clock import utcnow
from app.kit.tokens import hash_token, new_token
from app.models import SignInMethod, User, UserSession
from app.settings import Settings

# Writing last_seen_at on every request would turn every page view into a write.
TOUCH_AFTER = timedelta(seconds=60)


def start_session(db: Session, user: User, ip: str, user_agent: str, method: SignInMethod) -> str:
    """A fresh session; the sign-in is recorded (who, when, how) for the engagement figures."""
    token = new_token()
    now = utcnow()
    db.add(
        UserSession(
            token_hash=hash_token(token),
            user_id=user.id,
            ip_address=ip[:64],
            user_agent=user_agent[:300],
        )
    )
    sign_ins.record(db, user.id, now, method)
    user.last_login_at = now
    return token


def find_session(db: Session, token: str) -> tuple[UserSession, User] | None:
    """The session and its user, expired or not. Reads only: the caller records the visit
    (``touch_session``) or removes an expired session (``end_session``) in a short
    transaction of its own, so a page view never holds the write lock."""
    row = db.execute(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == hash_token(token))
    ).first()
    return None if row is None else (row[0], row[1])


def is_expired(settings: Settings, user_session: UserSession, user: User) -> bool:
    now = utcnow()
    return (
        now - user_session.last_seen_at > timedelta(minutes=settings.session_idle_minutes)
        or now - user_session.created_at > timedelta(hours=settings.session_absolute_hours)
        or not user.active
    )


def needs_touch(user_session: UserSession) -> bool:
    return utcnow() - user_session.last_seen_at > TOUCH_AFTER


def touch_session(db: Session, session_id: int) -> None:
    db.execute(
        update(UserSession).where(UserSession.id == session_id).values(last_seen_at=utcnow())
    )


def end_session(db: Session, token: str) -> None:
    db.execute(delete(UserSession).where(UserSession.token_hash == hash_token(token)))


def end_all_sessions(db: Session, user_id: int) -> None:
    db.execute(delete(UserSession).where(UserSession.user_id == user_id))
