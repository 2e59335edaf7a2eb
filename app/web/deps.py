"""Typed request dependencies: the database session (which commits), settings, the current user."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.auth import service as auth_service
from app.auth import sessions
from app.db import WRITE_OPTIONS
from app.errors import NotAuthenticated
from app.kit.mailer import Mailer
from app.mail.deferred import DeferredMailer
from app.mail.service import mailer_from
from app.models import User
from app.settings import Settings

SESSION_COOKIE = "fleksbro_session"
log = logging.getLogger("fleksbro")


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_db(request: Request) -> Iterator[Session]:
    """One unit of work per request: services never commit, this does (or rolls back)."""
    session: Session = request.app.state.session_factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# scope="function": commit BEFORE the response is sent, so a redirect never outruns its data.
SessionDep = Annotated[Session, Depends(get_db, scope="function")]


def get_mailer(settings: SettingsDep, db: SessionDep) -> Mailer:
    return DeferredMailer(mailer_from(settings), db)


MailerDep = Annotated[Mailer, Depends(get_mailer)]


@dataclass(frozen=True)
class UserView:
    """What templates show of the signed-in user; a plain copy that outlives the DB session
    (error pages render after the request's session has been rolled back)."""

    id: int
    email: str
    display_name: str
    role: str

    @classmethod
    def of(cls, user: User) -> UserView:
        return cls(
            id=user.id, email=user.email, display_name=user.display_name, role=user.role.value
        )


@dataclass
class Auth:
    user: User | None
    via: str  # "session", "token" or "none"
    session_token: str | None = None


def client_ip(request: Request) -> str:
    # uvicorn puts the X-Forwarded-For address here only for FLEKSBRO_TRUSTED_PROXIES.
    return request.client.host if request.client else "unknown"


def _bookkeeping(request: Request, later: BackgroundTasks, work: Callable[[Session], None]) -> None:
    """A small write (last seen, last used), left for after the response in a short
    transaction of its own: the request's transaction stays read-only (a page view never
    queues for SQLite's write lock), a request never holds two connections (which can empty
    the pool), and no request holds the write lock while it waits for a worker thread."""
    later.add_task(_write_apart, request.app.state.session_factory, request.url.path, work)


def _write_apart(
    factory: Callable[[], Session], path: str, work: Callable[[Session], None]
) -> None:
    # Losing one of these is harmless (the next request a minute later writes it), so a
    # failure is logged, not shown.
    session = factory()
    try:
        session.connection(execution_options=WRITE_OPTIONS)
        work(session)
        session.commit()
    except SQLAlchemyError:
        session.rollback()
        log.warning("bookkeeping write failed after %s", path, exc_info=True)
    finally:
        session.close()


def get_auth(
    request: Request, db: SessionDep, settings: SettingsDep, later: BackgroundTasks
) -> Auth:
    cached: Auth | None = getattr(request.state, "auth", None)
    if cached is not None:
        return cached
    auth = Auth(user=None, via="none")
    header = request.headers.get("authorization", "")
    if request.url.path.startswith("/api/") and header.lower().startswith("bearer "):
        found = auth_service.token_for_request(db, header[7:].strip())
        if found is not None:
            api_token, user = found
            auth = Auth(user=user, via="token")
            if auth_service.token_needs_touch(api_token):
                token_id = api_token.id
                _bookkeeping(request, later, lambda s: auth_service.touch_api_token(s, token_id))
    else:
        token = request.cookies.get(SESSION_COOKIE)
        found_session = sessions.find_session(db, token) if token else None
        if token and found_session is not None:
            user_session, user = found_session
            session_id = user_session.id
            if sessions.is_expired(settings, user_session, user):
                _bookkeeping(request, later, lambda s: sessions.end_session(s, token))
            else:
                auth = Auth(user=user, via="session", session_token=token)
                if sessions.needs_touch(user_session):
                    _bookkeeping(request, later, lambda s: sessions.touch_session(s, session_id))
    request.state.auth = auth
    request.state.user_view = UserView.of(auth.user) if auth.user else None
    return auth


AuthDep = Annotated[Auth, Depends(get_auth)]


def get_optional_user(auth: AuthDep) -> User | None:
    return auth.user


def get_current_user(auth: AuthDep) -> User:
    if auth.user is None:
        raise NotAuthenticated()
    return auth.user


OptionalUser = Annotated[User | None, Depends(get_optional_user)]
CurrentUser = Annotated[User, Depends(get_current_user)]
