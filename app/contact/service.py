"""Help from a named person: who a flexjobber's or company's contact at the jobcentre is, and
"Ring mig op" call-back requests (made, listed for the jobcentre's staff, marked done)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.contact import policy
from app.errors import ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.models import (
    CALLBACK_DONE,
    CALLBACK_OPEN,
    CallbackRequest,
    Company,
    CompanyMember,
    Jobcentre,
    Role,
    User,
)
from app.profiles.policy import own_profile

MAX_MESSAGE = 500
MAX_WHEN = 200
_PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")


@dataclass(frozen=True)
class Contact:
    """The person to call: a named consultant if one is assigned, else the jobcentre."""

    jobcentre_id: int
    jobcentre_name: str
    jobcentre_phone: str | None
    consultant_id: int | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    company_id: int | None = None  # for company users: which company the contact follows


@dataclass(frozen=True)
class CallbackView:
    request: CallbackRequest
    requester_name: str
    company_name: str | None
    mine: bool  # addressed to the consultant looking at it


def _contact(
    db: Session, jobcentre_id: int, consultant_id: int | None, company_id: int | None = None
) -> Contact:
    centre = db.get(Jobcentre, jobcentre_id)
    assert centre is not None  # a foreign key
    consultant = db.get(User, consultant_id) if consultant_id else None
    if consultant is not None and (not consultant.active or not roles.is_consultant(consultant)):
        consultant = None
    return Contact(
        jobcentre_id=centre.id,
        jobcentre_name=centre.name,
        jobcentre_phone=centre.phone,
        consultant_id=consultant.id if consultant else None,
        name=consultant.display_name if consultant else None,
        phone=(consultant.phone or centre.phone) if consultant else None,
        email=consultant.email if consultant else None,
        company_id=company_id,
    )


def contact_for(db: Session, user: User) -> Contact | None:
    """A flexjobber's own consultant; a company user's company's consultant (the first company
    they belong to). None for staff, or when no jobcentre is known."""
    if roles.is_flexjobber(user):
        profile = own_profile(db, user)
        if profile is not None:
            return _contact(db, profile.jobcentre_id, profile.consultant_id)
        return _contact(db, user.jobcentre_id, None) if user.jobcentre_id else None
    if roles.is_company_user(user):
        company = db.scalar(
            select(Company)
            .join(CompanyMember, CompanyMember.company_id == Company.id)
            .where(CompanyMember.user_id == user.id)
            .order_by(Company.name, Company.id)
            .limit(1)
        )
        if company is not None:
            return _contact(db, company.jobcentre_id, company.consultant_id, company.id)
    return None


def validate(data: Mapping[str, str]) -> dict[str, str]:
    values = {name: (data.get(name) or "").strip() for name in ("phone", "when_suits", "message")}
    errors: dict[str, str] = {}
    if not values["phone"]:
        errors["phone"] = N_("Skriv det telefonnummer, vi skal ringe til.")
    elif not _PHONE.match(values["phone"]):
        errors["phone"] = N_("Skriv et telefonnummer med mindst 8 cifre, fx 12 34 56 78.")
    if len(values["when_suits"]) > MAX_WHEN:
        errors["when_suits"] = N_("Skriv højst 200 tegn.")
    if len(values["message"]) > MAX_MESSAGE:
        errors["message"] = N_("Skriv højst 500 tegn.")
    return errors


def create_request(db: Session, user: User, data: Mapping[str, str]) -> CallbackRequest:
    policy.ensure_may_request(user)
    contact = contact_for(db, user)
    if contact is None:
        raise ValidationFailed(
            N_("Vi kan ikke finde dit jobcenter. Ring til jobcentret i din kommune.")
        )
    errors = validate(data)
    if errors:
        raise ValidationFailed(fields=errors)
    request = CallbackRequest(
        requester_id=user.id,
        jobcentre_id=contact.jobcentre_id,
        consultant_id=contact.consultant_id,
        company_id=contact.company_id,
        phone=(data.get("phone") or "").strip(),
        when_suits=(data.get("when_suits") or "").strip(),
        message=(data.get("message") or "").strip(),
        status=CALLBACK_OPEN,
    )
    db.add(request)
    db.flush()
    return request


def recipients(db: Session, request: CallbackRequest) -> list[User]:
    """Who is told: the named consultant, else every active consultant of the jobcentre."""
    if request.consultant_id:
        consultant = db.get(User, request.consultant_id)
        if consultant is not None and consultant.active:
            return [consultant]
    return list(
        db.scalars(
            select(User).where(
                roles.users_with(Role.CONSULTANT),
                User.jobcentre_id == request.jobcentre_id,
                User.active.is_(True),
            )
        )
    )


def own_open_requests(db: Session, user: User) -> list[CallbackRequest]:
    return list(
        db.scalars(
            select(CallbackRequest)
            .where(CallbackRequest.requester_id == user.id, CallbackRequest.status == CALLBACK_OPEN)
            .order_by(CallbackRequest.created_at.desc())
        )
    )


def open_requests_for(db: Session, user: User, limit: int = 100) -> list[CallbackView]:
    """The jobcentre's open call-backs for a consultant: their own first, then the oldest."""
    # The list of call-backs is for consultants: each sees their own jobcentre's.
    roles.ensure_consultant(user)
    mine = case((CallbackRequest.consultant_id == user.id, 0), else_=1)
    rows = db.execute(
        select(CallbackRequest, User.display_name, Company.name)
        .join(User, User.id == CallbackRequest.requester_id)
        .outerjoin(Company, Company.id == CallbackRequest.company_id)
        .where(
            CallbackRequest.jobcentre_id == user.jobcentre_id,
            CallbackRequest.status == CALLBACK_OPEN,
        )
        .order_by(mine, CallbackRequest.created_at, CallbackRequest.id)
        .limit(limit)
    )
    return [
        CallbackView(request, name, company, request.consultant_id == user.id)
        for request, name, company in rows
    ]


def mark_done(db: Session, user: User, request_id: int) -> CallbackRequest:
    request = policy.ensure_can_handle(user, db.get(CallbackRequest, request_id))
    if request.status != CALLBACK_DONE:
        request.status = CALLBACK_DONE
        request.done_at = utcnow()
        request.done_by_id = user.id
    return request
