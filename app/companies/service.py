"""Companies: creation, membership and the lists each role may see."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.service import create_user
from app.audit.service import record
from app.auth import links
from app.auth.service import user_by_email
from app.companies import policy
from app.errors import Conflict, NotFound, ValidationFailed
from app.jobs.search_text import posting_search_text
from app.kit.emails import normalise_email
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.mail import service as mail
from app.models import Company, CompanyMember, JobPosting, LinkPurpose, Role, User
from app.settings import Settings
from matching.reference import ACCOMMODATION_CODES, is_valid_postcode, normalize_postcode

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
    return list(db.scalars(select(Company).where(policy.manageable(user)).order_by(Company.name)))


# ---------------------------------------------------------------- the company page

SIZES = ("1-9", "10-49", "50-249", "250+")
# The editable fields of the company page, in form order (what an audit "fields" list names).
PAGE_FIELDS = (
    "name",
    "cvr",
    "address",
    "postcode",
    "industry",
    "size",
    "description",
    "fleksjob_statement",
    "accommodations_offered",
)
MAX_TEXT = 10_000


def validate_company(
    db: Session, data: Mapping[str, Any], *, existing: Company | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean values and errors (field -> Danish message); shared by the pages and the API."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}

    def text(name: str) -> str:
        value = data.get(name)
        return "" if value is None else str(value).strip()

    clean["name"] = text("name")
    if not clean["name"]:
        errors["name"] = N_("Skriv virksomhedens navn.")
    elif len(clean["name"]) > 200:
        errors["name"] = N_("Navnet må højst være 200 tegn.")
    cvr = text("cvr").replace(" ", "")
    clean["cvr"] = cvr
    # A CVR number kept from before is not re-checked; a new or changed one must be valid.
    if existing is None or cvr != existing.cvr:
        if not cvr_is_valid(cvr):
            errors["cvr"] = N_("CVR-nummeret skal være 8 cifre og gyldigt.")
        else:
            taken = select(Company.id).where(Company.cvr == cvr)
            if existing is not None:
                taken = taken.where(Company.id != existing.id)
            if db.scalar(taken) is not None:
                errors["cvr"] = N_("Der findes allerede en virksomhed med det CVR-nummer.")
    clean["address"] = text("address")
    if len(clean["address"]) > 300:
        errors["address"] = N_("Adressen må højst være 300 tegn.")
    postcode = normalize_postcode(text("postcode")) if text("postcode") else None
    if not text("postcode"):
        errors["postcode"] = N_("Skriv virksomhedens postnummer.")
    elif postcode is None or not is_valid_postcode(postcode):
        errors["postcode"] = N_("Postnummeret findes ikke. Skriv et dansk postnummer med 4 cifre.")
    clean["postcode"] = postcode or text("postcode")
    clean["industry"] = text("industry")
    if len(clean["industry"]) > 120:
        errors["industry"] = N_("Branchen må højst være 120 tegn.")
    clean["size"] = text("size")
    if clean["size"] and clean["size"] not in SIZES:
        errors["size"] = N_("Vælg en størrelse fra listen.")
    for name in ("description", "fleksjob_statement"):
        clean[name] = text(name)
        if len(clean[name]) > MAX_TEXT:
            errors[name] = N_("Teksten må højst være 10.000 tegn.")
    raw_codes = data.get("accommodations_offered") or []
    codes = [str(c).strip() for c in raw_codes] if isinstance(raw_codes, list | tuple) else []
    if not isinstance(raw_codes, list | tuple) or any(c not in ACCOMMODATION_CODES for c in codes):
        errors["accommodations_offered"] = N_("Vælg kun skånehensyn fra listen.")
    clean["accommodations_offered"] = [c for c in ACCOMMODATION_CODES if c in codes]
    return clean, errors


def _audit_on_behalf(
    db: Session, actor: User, action: str, company: Company, fields: list[str]
) -> None:
    if policy.acts_on_behalf(actor):
        record(db, actor, action, "company", company.id, details={"fields": fields})


def new_company(db: Session, consultant: User, data: Mapping[str, Any]) -> Company:
    """A consultant creates a company in their own jobcentre, and follows it."""
    policy.ensure_can_create(consultant)
    assert consultant.jobcentre_id is not None
    clean, errors = validate_company(db, data)
    if errors:
        raise ValidationFailed(fields=errors)
    company = Company(jobcentre_id=consultant.jobcentre_id, consultant_id=consultant.id, **clean)
    db.add(company)
    db.flush()
    _audit_on_behalf(db, consultant, "company.create", company, list(PAGE_FIELDS))
    return company


def get_company_for_edit(db: Session, user: User, company_id: int) -> Company:
    company = db.get(Company, company_id)
    if company is None:
        raise NotFound(N_("Virksomheden findes ikke."))
    policy.ensure_can_edit(db, user, company)
    return company


def update_company(db: Session, user: User, company_id: int, data: Mapping[str, Any]) -> Company:
    company = get_company_for_edit(db, user, company_id)
    clean, errors = validate_company(db, data, existing=company)
    if errors:
        raise ValidationFailed(fields=errors)
    changed = [name for name in PAGE_FIELDS if getattr(company, name) != clean[name]]
    for name in changed:
        setattr(company, name, clean[name])
    if "name" in changed:
        # The company name is part of every posting's search text.
        for posting in db.scalars(select(JobPosting).where(JobPosting.company_id == company.id)):
            posting.search_text = posting_search_text(posting, company.name)
    if changed:
        _audit_on_behalf(db, user, "company.update", company, changed)
    return company


def form_values(company: Company) -> dict[str, Any]:
    return {name: getattr(company, name) for name in PAGE_FIELDS}


def members(db: Session, company: Company) -> list[User]:
    """The company's contact persons (its users)."""
    return list(
        db.scalars(
            select(User)
            .join(CompanyMember, CompanyMember.user_id == User.id)
            .where(CompanyMember.company_id == company.id)
            .order_by(User.display_name)
        )
    )


def invite_colleague(
    db: Session,
    settings: Settings,
    mailer: Mailer,
    inviter: User,
    company_id: int,
    *,
    email: str,
    display_name: str,
) -> User:
    """A company's member (or its consultant, or an admin) invites a colleague by e-mail.

    The new company user becomes a member of this company and sets a password from the link."""
    company = get_company_for_edit(db, inviter, company_id)
    existing = user_by_email(db, normalise_email(email))
    if existing is not None:
        # The same answer as for a new address: the colleague form must not tell a company
        # whether an address has an account (and so who is a flexjobber). Nothing changes;
        # the address's owner gets a neutral e-mail instead.
        if not display_name.strip():
            raise ValidationFailed(fields={"display_name": N_("Skriv et navn.")})
        mail.send_invitation_to_existing_account(
            mailer, existing.email, f"{settings.base_url}/login"
        )
        return existing
    user = create_user(
        db,
        email=email,
        display_name=display_name,
        role=Role.COMPANY,
        jobcentre_id=None,
        active=False,
    )
    add_member(db, company, user)
    ttl = timedelta(days=settings.invitation_ttl_days)
    token = links.issue_link(db, user, LinkPurpose.INVITATION, ttl, created_by=inviter)
    mail.send_invitation(
        mailer, user.email, f"{settings.base_url}/invitation/{token}", settings.invitation_ttl_days
    )
    _audit_on_behalf(db, inviter, "company.invite", company, ["members"])
    return user
