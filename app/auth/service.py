"""Sign-in rules: passwords, throttling, reset and magic links, personal API tokens."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.auth import links, throttle
from app.auth.sessions import TOUCH_AFTER, end_all_sessions
from app.errors import NotAuthenticated, NotFound, ValidationFailed
from app.kit.clock import utcnow
from app.kit.emails import normalise_email
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.kit.passwords import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    PASSWORD_TOO_SHORT,
    hash_password,
    verify_password,
)
from app.kit.tokens import hash_token, new_token
from app.mail import service as mail
from app.models import ApiToken, LinkPurpose, User
from app.settings import Settings

WRONG_CREDENTIALS = N_("Forkert e-mail eller adgangskode.")
# A token lives a year by default; a lost one is revoked on the person's page or by the CLI.
API_TOKEN_TTL_DAYS = 365
API_TOKEN_MAX_TTL_DAYS = 3 * 365


def user_by_email(db: Session, email: str) -> User | None:
    return db.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(db: Session, settings: Settings, email: str, password: str, ip: str) -> User:
    email = normalise_email(email)
    throttle.check_not_throttled(db, settings, email, ip)
    user = user_by_email(db, email)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.active:
        throttle.record_failure(db, email, ip)
        raise ValidationFailed(WRONG_CREDENTIALS, fields={"password": WRONG_CREDENTIALS})
    throttle.clear_failures(db, email)
    return user


def validate_new_password(password: str, confirm: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(password) < MIN_PASSWORD_LENGTH:
        errors["password"] = PASSWORD_TOO_SHORT
    elif len(password) > MAX_PASSWORD_LENGTH:
        errors["password"] = N_("Adgangskoden må højst være 200 tegn.")
    if password != confirm:
        errors["password_confirm"] = N_("De to adgangskoder er ikke ens.")
    return errors


def set_password(db: Session, user: User, password: str, confirm: str) -> None:
    errors = validate_new_password(password, confirm)
    if errors:
        raise ValidationFailed(fields=errors)
    user.password_hash = hash_password(password)
    # A new password logs out every other device that may have known the old one, and voids
    # every way in that was issued under the old one: e-mailed links and API tokens.
    end_all_sessions(db, user.id)
    links.void_links(db, user.id, links.SIGN_IN_PURPOSES)
    revoke_all_api_tokens(db, user.id)


def request_password_reset(
    db: Session, settings: Settings, mailer: Mailer, email: str, ip: str
) -> None:
    """Sends a link if the account exists and the address has not had too many lately. Says
    nothing either way, to not reveal accounts."""
    email = normalise_email(email)
    if not throttle.allow_link_mail(db, settings, email, ip):
        return
    user = user_by_email(db, email)
    if user is None or not user.active:
        return
    ttl = timedelta(minutes=settings.link_ttl_minutes)
    token = links.issue_link(db, user, LinkPurpose.PASSWORD_RESET, ttl)
    link = f"{settings.base_url}/nulstil-adgangskode/{token}"
    mail.send_password_reset(mailer, user.email, link, settings.link_ttl_minutes)


def reset_password(db: Session, token: str, password: str, confirm: str) -> User:
    errors = validate_new_password(password, confirm)
    links.peek_link(db, token, LinkPurpose.PASSWORD_RESET)
    if errors:
        raise ValidationFailed(fields=errors)
    user = links.consume_link(db, token, LinkPurpose.PASSWORD_RESET)
    set_password(db, user, password, confirm)
    return user


def request_magic_link(
    db: Session, settings: Settings, mailer: Mailer, email: str, ip: str
) -> None:
    email = normalise_email(email)
    if not throttle.allow_link_mail(db, settings, email, ip):
        return
    user = user_by_email(db, email)
    if user is None or not user.active:
        return
    ttl = timedelta(minutes=settings.link_ttl_minutes)
    token = links.issue_link(db, user, LinkPurpose.MAGIC_LOGIN, ttl)
    link = f"{settings.base_url}/login-link/{token}"
    mail.send_magic_link(mailer, user.email, link, settings.link_ttl_minutes)


def consume_magic_link(db: Session, token: str) -> User:
    user = links.consume_link(db, token, LinkPurpose.MAGIC_LOGIN)
    if not user.active:
        raise NotAuthenticated()
    return user


def create_api_token(
    db: Session, user: User, name: str = "", *, ttl_days: int = API_TOKEN_TTL_DAYS
) -> str:
    token = "fb_" + new_token()
    days = min(max(ttl_days, 1), API_TOKEN_MAX_TTL_DAYS)
    db.add(
        ApiToken(
            token_hash=hash_token(token),
            user_id=user.id,
            name=name[:100],
            expires_at=utcnow() + timedelta(days=days),
        )
    )
    return token


def token_for_request(db: Session, token: str) -> tuple[ApiToken, User] | None:
    """The live token and its user. Reads only: the caller records the use (``touch_api_token``)
    in a short transaction of its own, at most once a minute."""
    row = db.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    api_token, user = row
    if not user.active or (api_token.expires_at is not None and api_token.expires_at <= utcnow()):
        return None
    return api_token, user


def token_needs_touch(api_token: ApiToken) -> bool:
    last = api_token.last_used_at
    return last is None or utcnow() - last > TOUCH_AFTER


def touch_api_token(db: Session, token_id: int) -> None:
    db.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=utcnow()))


def list_api_tokens(db: Session, user: User) -> list[ApiToken]:
    return list(
        db.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_api_token(db: Session, user: User, token_id: int) -> None:
    """Revokes one of the user's own tokens; someone else's token is not found (404)."""
    api_token = db.get(ApiToken, token_id)
    if api_token is None or api_token.user_id != user.id or api_token.revoked_at is not None:
        raise NotFound()
    api_token.revoked_at = utcnow()


def revoke_all_api_tokens(db: Session, user_id: int) -> None:
    db.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
