"""Citizens a consultant creates: an inactive flexjobber with a profile the consultant fills in
together with the citizen, and the invitation by which the citizen takes the account over.
No FastAPI, never commits."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.accounts.service import create_user
from app.audit import service as audit
from app.auth import links
from app.errors import NotFound, ValidationFailed
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.mail import service as mail
from app.models import FlexjobberProfile, LinkPurpose, Role, User
from app.profiles import policy
from app.profiles.service import create_profile
from app.settings import Settings


def create_citizen(
    db: Session, consultant: User, *, display_name: str, email: str
) -> FlexjobberProfile:
    """An inactive flexjobber in the consultant's jobcentre with a profile the consultant fills
    in together with the citizen; the citizen takes over through an invitation."""
    roles.ensure_consultant(consultant)
    user = create_user(
        db,
        email=email,
        display_name=display_name,
        role=Role.FLEXJOBBER,
        jobcentre_id=consultant.jobcentre_id,
        active=False,
    )
    profile = create_profile(db, user, consultant_id=consultant.id)
    audit.record(
        db,
        consultant,
        "profile.created",
        "profile",
        profile.id,
        on_behalf_of=user.id,
        details={"fields": ["display_name", "email"]},
    )
    return profile


def invite_existing(
    db: Session, settings: Settings, mailer: Mailer, inviter: User, user: User
) -> None:
    """Sends an invitation link to a citizen the consultant has created, so they take over."""
    roles.ensure_consultant(inviter)
    if not roles.is_flexjobber(user) or user.jobcentre_id != inviter.jobcentre_id:
        raise NotFound(policy.NOT_FOUND)
    if user.active:
        raise ValidationFailed(N_("Borgeren har allerede taget kontoen i brug."))
    ttl = timedelta(days=settings.invitation_ttl_days)
    token = links.issue_link(db, user, LinkPurpose.INVITATION, ttl, created_by=inviter)
    link = f"{settings.base_url}/invitation/{token}"
    mail.send_invitation(mailer, user.email, link, settings.invitation_ttl_days)
    audit.record(db, inviter, "user.invited", "user", user.id, on_behalf_of=user.id)
