"""The person's rights, as the pages and the API use them: see, take, delete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.audit import service as audit
from app.auth import links
from app.errors import Forbidden, NotFound, ValidationFailed
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.kit.passwords import verify_password
from app.mail import service as mail
from app.matches import consent as consents
from app.models import Company, Consent, FlexjobberProfile, LinkPurpose, User
from app.privacy import access_log, erasure, export
from app.profiles import policy as profile_policy
from app.profiles.policy import Audience
from app.profiles.service import own_profile
from app.settings import Settings


@dataclass(frozen=True)
class MyData:
    profile: FlexjobberProfile
    accesses: list[access_log.Access]
    consents: list[tuple[Consent, Company]]
    has_password: bool


def overview(db: Session, user: User) -> MyData:
    roles.ensure_flexjobber(user)
    profile = own_profile(db, user)
    return MyData(
        profile=profile,
        accesses=access_log.accesses(db, profile.id, user.id),
        consents=consents.history(db, user),
        has_password=user.password_hash is not None,
    )


def export_for(db: Session, data_dir: Path, user: User) -> dict[str, Any]:
    """Everything held about the signed-in person (any role); recorded, values not copied."""
    data = export.export(db, data_dir, user)
    audit.record(db, user, "user.exported", "user", user.id)
    return data


Outcome = Literal["deleted", "link_sent"]


def delete_own(
    db: Session, settings: Settings, mailer: Mailer, user: User, password: str
) -> Outcome:
    """ "Slet min profil": with the password if the person has one; else an e-mailed link
    confirms it (someone at an unlocked screen cannot delete a profile in passing)."""
    roles.ensure_flexjobber(user)
    profile = own_profile(db, user)
    if user.password_hash is None:
        ttl = timedelta(minutes=settings.link_ttl_minutes)
        links.void_links(db, user.id, (LinkPurpose.DELETE_PROFILE,))  # only the newest works
        token = links.issue_link(db, user, LinkPurpose.DELETE_PROFILE, ttl)
        mail.send_deletion_link(
            mailer,
            user.email,
            f"{settings.base_url}/mine-data/slet/{token}",
            settings.link_ttl_minutes,
        )
        return "link_sent"
    if not verify_password(user.password_hash, password):
        raise ValidationFailed(fields={"password": N_("Adgangskoden er forkert.")})
    erasure.erase(db, settings.data_dir, user, profile)
    return "deleted"


def check_deletion_link(db: Session, token: str) -> None:
    links.peek_link(db, token, LinkPurpose.DELETE_PROFILE)


def delete_by_link(db: Session, settings: Settings, token: str) -> None:
    user = links.consume_link(db, token, LinkPurpose.DELETE_PROFILE)
    roles.ensure_flexjobber(user)
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == user.id))
    if profile is None or profile.deleted_at is not None:
        raise NotFound(N_("Profilen findes ikke."))
    erasure.erase(db, settings.data_dir, user, profile)


def delete_on_behalf(
    db: Session, settings: Settings, consultant: User, public_id: int, confirmed: bool
) -> None:
    """A consultant carries out a citizen's deletion request (recorded as on their behalf);
    the profile by its public id."""
    profile = profile_policy.by_public_id(db, public_id)
    if profile_policy.audience(db, consultant, profile) != Audience.CONSULTANT:
        raise Forbidden()
    if not confirmed:
        raise ValidationFailed(
            fields={"confirm": N_("Bekræft, at personen har bedt om at få sin profil slettet.")}
        )
    erasure.erase(db, settings.data_dir, consultant, profile)
