"""Typed request dependencies: the database session (which commits), settings, the current user."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.auth import service as auth_service
from app.auth.sessions import resolve_session
from app.errors import NotAuthenticated
from app.kit.mailer import Mailer
from app.mail.deferred import DeferredMailer
from app.mail.service import mailer_from
from app.models import User
from app.settings import Settings

SESSION_COOKIE = "fleksbro_session"


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
    return request.client.host if request.client else "unknown"


def get_auth(request: Request, db: SessionDep, settings: SettingsDep) -> Auth:
    cached: Auth | None = getattr(request.state, "auth", None)
    if cached is not None:
        return cached
    auth = Auth(user=None, via="none")
    header = request.headers.get("authorization", "")
    if request.url.path.startswith("/api/") and header.lower().startswith("bearer "):
        user = auth_service.user_for_api_token(db, header[7:].strip())
        auth = Auth(user=user, via="token" if user else "none")
    else:
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            resolved = resolve_session(db, settings, token)
            if resolved is not None:
                auth = Auth(user=resolved[1], via="session", session_token=token)
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
