"""Single-use, expiring links for password reset, magic login and invitations."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.errors import LinkInvalid
from app.kit.clock import utcnow
from app.kit.tokens import hash_token, new_token
from app.models import LinkPurpose, OneTimeLink, User


def issue_link(
    db: Session,
    user: User,
    purpose: LinkPurpose,
    ttl: timedelta,
    created_by: User | None = None,
) -> str:
    token = new_token()
    if purpose in SIGN_IN_PURPOSES:
        # The newest reset or login link is the only one that works.
        void_links(db, user.id, (purpose,))
    db.add(
        OneTimeLink(
            token_hash=hash_token(token),
            purpose=purpose,
            user_id=user.id,
            created_by_id=created_by.id if created_by else None,
            expires_at=utcnow() + ttl,
        )
    )
    return token


SIGN_IN_PURPOSES = (LinkPurpose.PASSWORD_RESET, LinkPurpose.MAGIC_LOGIN)


def void_links(db: Session, user_id: int, purposes: tuple[LinkPurpose, ...]) -> None:
    """Uses up every outstanding link of these purposes for the user."""
    db.execute(
        update(OneTimeLink)
        .where(
            OneTimeLink.user_id == user_id,
            OneTimeLink.purpose.in_(purposes),
            OneTimeLink.used_at.is_(None),
        )
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def peek_link(db: Session, token: str, purpose: LinkPurpose) -> tuple[OneTimeLink, User]:
    """The link and its user if it can still be used; raises LinkInvalid otherwise."""
    row = db.execute(
        select(OneTimeLink, User)
        .join(User, User.id == OneTimeLink.user_id)
        .where(OneTimeLink.token_hash == hash_token(token), OneTimeLink.purpose == purpose)
    ).first()
    if row is None:
        raise LinkInvalid()
    link, user = row
    if link.used_at is not None or link.expires_at <= utcnow():
        raise LinkInvalid()
    return link, user


def consume_link(db: Session, token: str, purpose: LinkPurpose) -> User:
    link, user = peek_link(db, token, purpose)
    # A conditional UPDATE makes "single use" hold even for two clicks at the same moment.
    result = db.execute(
        update(OneTimeLink)
        .where(OneTimeLink.id == link.id, OneTimeLink.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) != 1:
        raise LinkInvalid()
    db.refresh(link)
    return user
