"""Accounts: creating users and inviting citizens and company contacts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy
from app.auth import links
from app.auth.service import set_password, user_by_email, validate_new_password
from app.errors import Conflict, LinkInvalid, ValidationFailed
from app.kit.emails import is_valid_email, normalise_email
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.kit.passwords import hash_password
from app.mail import service as mail
from app.models import Company, CompanyMember, Jobcentre, LinkPurpose, Role, User
from app.settings import Settings


def create_jobcentre(db: Session, *, name: str, kommune_code: str) -> Jobcentre:
    """A new tenant (the first step of setting up a municipality, from the command line)."""
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = N_("Skriv jobcentrets navn.")
    if not (len(kommune_code) == 3 and kommune_code.isdigit()):
        errors["kommune_code"] = N_("Kommunekoden er tre cifre, fx 157.")
    if errors:
        raise ValidationFailed(fields=errors)
    if db.scalar(select(Jobcentre.id).where(Jobcentre.kommune_code == kommune_code)) is not None:
        raise Conflict(N_("Der findes allerede et jobcenter med den kommunekode."))
    centre = Jobcentre(name=name.strip()[:200], kommune_code=kommune_code)
    db.add(centre)
    db.flush()
    return centre


def create_user(
    db: Session,
    *,
    email: str,
    display_name: str,
    role: Role,
    jobcentre_id: int | None,
    password: str | None = None,
    active: bool = True,
) -> User:
    email = normalise_email(email)
    errors: dict[str, str] = {}
    if not is_valid_email(email):
        errors["email"] = N_("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")
    if not display_name.strip():
        errors["display_name"] = N_("Skriv et navn.")
    if policy.needs_jobcentre(role) and jobcentre_id is None:
        errors["jobcentre_id"] = N_("Vælg et jobcenter.")
    if errors:
        raise ValidationFailed(fields=errors)
    if user_by_email(db, email) is not None:
        raise Conflict(
            N_("Der findes allerede en bruger med den e-mail."), fields={"email": "Findes"}
        )
    user = User(
        email=email,
        display_name=display_name.strip()[:200],
        role=role,
        jobcentre_id=jobcentre_id,
        password_hash=hash_password(password) if password else None,
        active=active,
    )
    db.add(user)
    db.flush()
    return user


def invite(
    db: Session,
    settings: Settings,
    mailer: Mailer,
    inviter: User,
    *,
    email: str,
    display_name: str,
    role: Role,
    company_id: int | None = None,
) -> User:
    """A consultant invites a citizen or a company contact; the link lets them set a password."""
    company = db.get(Company, company_id) if company_id is not None else None
    policy.ensure_can_invite(inviter, role, company)
    user = create_user(
        db,
        email=email,
        display_name=display_name,
        role=role,
        jobcentre_id=inviter.jobcentre_id,
        active=False,
    )
    if company is not None:
        db.add(CompanyMember(company_id=company.id, user_id=user.id))
    send_invitation(db, settings, mailer, inviter, user)
    return user


def send_invitation(
    db: Session, settings: Settings, mailer: Mailer, inviter: User, user: User
) -> None:
    """The invitation e-mail: a link with which the invitee chooses a password. A new one voids
    the ones sent before, so only the newest works."""
    links.void_links(db, user.id, (LinkPurpose.INVITATION,))
    ttl = timedelta(days=settings.invitation_ttl_days)
    token = links.issue_link(db, user, LinkPurpose.INVITATION, ttl, created_by=inviter)
    link = f"{settings.base_url}/invitation/{token}"
    mail.send_invitation(mailer, user.email, link, settings.invitation_ttl_days)


def invitation_user(db: Session, token: str) -> User:
    _link, user = links.peek_link(db, token, LinkPurpose.INVITATION)
    if user.deactivated_at is not None:
        raise LinkInvalid()
    return user


def accept_invitation(
    db: Session, token: str, display_name: str, password: str, confirm: str
) -> User:
    # A deactivated account's invitation must not turn it back on (invitation_user refuses).
    invitation_user(db, token)
    errors: dict[str, str] = {}
    if not display_name.strip():
        errors["display_name"] = N_("Skriv dit navn.")
    errors.update(validate_new_password(password, confirm))
    if errors:
        raise ValidationFailed(fields=errors)
    user = links.consume_link(db, token, LinkPurpose.INVITATION)
    user.display_name = display_name.strip()[:200]
    set_password(db, user, password, confirm)
    user.active = True
    return user


def companies_of(db: Session, user: User) -> list[Company]:
    return list(
        db.scalars(
            select(Company)
            .join(CompanyMember, CompanyMember.company_id == Company.id)
            .where(CompanyMember.user_id == user.id)
            .order_by(Company.name)
        )
    )
