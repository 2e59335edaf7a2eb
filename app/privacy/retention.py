"""Retention: a profile nobody has signed in to for a long time is not kept for ever.

After `retention_inactive_days` without a sign-in the person gets a neutral e-mail; if they
still have not signed in `retention_grace_days` after it, the profile is deleted exactly as
"Slet min profil" deletes it. Signing in (any way) cancels the warning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.kit.clock import utcnow
from app.kit.mailer import Mailer
from app.mail import service as mail
from app.models import FlexjobberProfile, Role, User
from app.privacy.erasure import erase
from app.settings import Settings


@dataclass(frozen=True)
class RetentionRun:
    warned: int
    deleted: int


def run(db: Session, settings: Settings, mailer: Mailer, data_dir: Path) -> RetentionRun:
    now = utcnow()
    last_seen = func.coalesce(User.last_login_at, User.created_at)
    people = select(User).where(
        roles.users_with(Role.FLEXJOBBER),
        User.deleted_at.is_(None),
    )
    # A sign-in after the warning takes it back (the e-mail said so).
    for user in db.scalars(
        people.where(User.retention_warned_at.is_not(None), last_seen > User.retention_warned_at)
    ):
        user.retention_warned_at = None
    inactive_before = now - timedelta(days=settings.retention_inactive_days)
    warned = 0
    for user in db.scalars(
        people.where(User.retention_warned_at.is_(None), last_seen < inactive_before)
    ):
        user.retention_warned_at = now
        mail.send_retention_warning(
            mailer, user.email, f"{settings.base_url}/login", settings.retention_grace_days
        )
        warned += 1
    deleted = 0
    warned_before = now - timedelta(days=settings.retention_grace_days)
    for user in list(
        db.scalars(
            people.where(
                User.retention_warned_at.is_not(None),
                User.retention_warned_at < warned_before,
                last_seen <= User.retention_warned_at,
            )
        )
    ):
        profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == user.id))
        if profile is not None:
            erase(db, data_dir, user, profile)
        else:  # invited but never made a profile: the account alone goes
            user.deleted_at = now
            user.active = False
        deleted += 1
    db.flush()
    return RetentionRun(warned, deleted)
