"""Per-company consent: what a flexjobber lets one company see (name and contact details, CV,
accommodation needs). Granted with time and scope, withdrawn in one click, effective at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.errors import NotFound
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.matches.policy import own_profile
from app.models import Company, Consent, User


def active(db: Session, profile_id: int, company_ids: set[int]) -> list[Consent]:
    if not company_ids:
        return []
    return list(
        db.scalars(
            select(Consent).where(
                Consent.profile_id == profile_id,
                Consent.company_id.in_(company_ids),
                Consent.withdrawn_at.is_(None),
            )
        )
    )


def grant(
    db: Session,
    user: User,
    company_id: int,
    *,
    identity: bool,
    cv: bool,
    accommodations: bool,
) -> Consent | None:
    """Sets the scope for one company; the old scope is closed, so history is kept."""
    profile = own_profile(db, user)
    if db.get(Company, company_id) is None:
        raise NotFound(N_("Virksomheden findes ikke."))
    _close(db, profile.id, company_id)
    if not (identity or cv or accommodations):
        audit.record(
            db, user, "consent.withdrawn", "profile", profile.id, details={"company_id": company_id}
        )
        return None
    consent = Consent(
        profile_id=profile.id,
        company_id=company_id,
        share_identity=identity,
        share_cv=cv,
        share_accommodations=accommodations,
    )
    db.add(consent)
    audit.record(
        db,
        user,
        "consent.granted",
        "profile",
        profile.id,
        details={
            "company_id": company_id,
            "identity": identity,
            "cv": cv,
            "accommodations": accommodations,
        },
    )
    return consent


def withdraw(db: Session, user: User, company_id: int) -> None:
    profile = own_profile(db, user)
    if _close(db, profile.id, company_id) == 0:
        raise NotFound(N_("Der er intet samtykke at trække tilbage."))
    audit.record(
        db, user, "consent.withdrawn", "profile", profile.id, details={"company_id": company_id}
    )


def _close(db: Session, profile_id: int, company_id: int) -> int:
    current = active(db, profile_id, {company_id})
    for consent in current:
        consent.withdrawn_at = utcnow()
    db.flush()
    return len(current)


def history(db: Session, user: User) -> list[tuple[Consent, Company]]:
    profile = own_profile(db, user)
    return [
        (consent, company)
        for consent, company in db.execute(
            select(Consent, Company)
            .join(Company, Company.id == Consent.company_id)
            .where(Consent.profile_id == profile.id)
            .order_by(Consent.granted_at.desc(), Consent.id.desc())
        )
    ]
