"""Who has looked at a person's profile, CV and accommodation needs: companies by name, jobcentre
staff by role and jobcentre (Datatilsynet's practice since C-579/21: the person may know who
consulted their data, when and why — the staff member's name is not required)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.kit.i18n import N_
from app.models import AuditEvent, Company, CompanyMember, Jobcentre, User

# What each recorded look was, as the person reads it.
ACCESS_ACTIONS = {
    "profile.viewed": N_("Så din profil"),
    "profile.cv_downloaded": N_("Hentede dit CV"),
}
# Why, by who looked and how (recorded in the event's details as "purpose").
PURPOSES = {
    "recruitment": N_("Rekruttering: virksomheden så profilen blandt kandidater"),
    "match": N_("Rekruttering: et match med virksomheden"),
    "casework": N_("Sagsbehandling i dit jobcenter"),
    "administration": N_("Drift af Fleksbro"),
}
STAFF_LABEL = N_("Medarbejder i jobcentret")
ADMIN_LABEL = N_("Administrator af Fleksbro")


@dataclass(frozen=True)
class Access:
    when: datetime
    who: str  # a company's name, or a staff role (a msgid) …
    where: str  # … and that staff member's jobcentre
    kind: str  # "company" or "staff"
    action: str  # a key of ACCESS_ACTIONS
    purpose: str  # a key of PURPOSES
    saw_needs: bool  # the accommodation needs were part of what was shown


def purpose_for(viewer: User, via_match: bool = False) -> str:
    if roles.is_company_user(viewer):
        return "match" if via_match else "recruitment"
    return "administration" if roles.is_admin(viewer) else "casework"


def details_for(viewer: User, saw_needs: bool, via_match: bool = False) -> dict[str, Any]:
    """What an access event records besides who and when (no values, only the facts)."""
    return {"purpose": purpose_for(viewer, via_match), "needs": saw_needs}


def accesses(db: Session, profile_id: int, owner_id: int, limit: int = 500) -> list[Access]:
    """Every recorded look at the profile by someone other than its owner, newest first."""
    rows = list(
        db.execute(
            select(AuditEvent, User)
            .join(User, User.id == AuditEvent.actor_id)
            .where(
                AuditEvent.subject_type == "profile",
                AuditEvent.subject_id == profile_id,
                AuditEvent.action.in_(list(ACCESS_ACTIONS)),
                AuditEvent.actor_id != owner_id,
            )
            .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
    )
    actors = {user.id for _, user in rows}
    companies: dict[int, list[str]] = {}
    for member, name in db.execute(
        select(CompanyMember.user_id, Company.name)
        .join(Company, Company.id == CompanyMember.company_id)
        .where(CompanyMember.user_id.in_(actors or {-1}))
    ):
        companies.setdefault(member, []).append(name)
    centres: dict[int, str] = {i: n for i, n in db.execute(select(Jobcentre.id, Jobcentre.name))}
    found = []
    for event, user in rows:
        staff = roles.is_staff(user)
        details = event.details or {}
        if staff:
            who = ADMIN_LABEL if roles.is_admin(user) else STAFF_LABEL
            where = centres.get(user.jobcentre_id or 0, "")
        else:
            names = companies.get(user.id)
            who, where = (", ".join(sorted(names)) if names else N_("En virksomhed")), ""
        purpose = str(details.get("purpose") or "")
        if purpose not in PURPOSES:  # looks recorded before purposes were
            purpose = purpose_for(user, details.get("via") == "match")
        found.append(
            Access(
                when=event.created_at,
                who=who,
                where=where,
                kind="staff" if staff else "company",
                action=event.action,
                purpose=purpose,
                saw_needs=bool(details.get("needs")),
            )
        )
    return found
