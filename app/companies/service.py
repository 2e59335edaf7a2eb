"""Companies: creation, membership and the lists each role may see."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.companies import policy
from app.errors import Conflict, NotFound, ValidationFailed
from app.kit.i18n import N_
from app.models import Company, CompanyMember, Role, User

_CVR = re.compile(r"^\d{8}$")


def cvr_is_valid(cvr: str) -> bool:
    """CVR numbers are 8 digits with a modulus-11 check digit."""
    if not _CVR.match(cvr):
        return False
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    return sum(int(d) * w for d, w in zip(cvr, weights, strict=True)) % 11 == 0


def create_company(
    db: Session, *, name: str, cvr: str, postcode: str, jobcentre_id: int, address: str = ""
) -> Company:
    cvr = cvr.replace(" ", "")
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = N_("Skriv virksomhedens navn.")
    if not cvr_is_valid(cvr):
        errors["cvr"] = N_("CVR-nummeret skal være 8 cifre og gyldigt.")
    if not re.fullmatch(r"\d{4}", postcode):
        errors["postcode"] = N_("Skriv et dansk postnummer med 4 cifre.")
    if errors:
        raise ValidationFailed(fields=errors)
    if db.scalar(select(Company.id).where(Company.cvr == cvr)) is not None:
        raise Conflict(
            N_("Der findes allerede en virksomhed med det CVR-nummer."), fields={"cvr": "Findes"}
        )
    company = Company(
        name=name.strip(), cvr=cvr, postcode=postcode, address=address, jobcentre_id=jobcentre_id
    )
    db.add(company)
    db.flush()
    return company


def add_member(db: Session, company: Company, user: User) -> None:
    db.add(CompanyMember(company_id=company.id, user_id=user.id))


def get_company(db: Session, user: User, company_id: int) -> Company:
    company = db.get(Company, company_id)
    if company is None:
        raise NotFound(N_("Virksomheden findes ikke."))
    policy.ensure_can_view(db, user, company)
    return company


def companies_in_scope(db: Session, user: User) -> list[Company]:
    """The companies a consultant follows (their jobcentre), or all of them for an admin."""
    query = select(Company).order_by(Company.name)
    if user.role == Role.CONSULTANT:
        query = query.where(Company.jobcentre_id == user.jobcentre_id)
    elif user.role != Role.ADMIN:
        query = query.join(CompanyMember).where(CompanyMember.user_id == user.id)
    return list(db.scalars(query))
