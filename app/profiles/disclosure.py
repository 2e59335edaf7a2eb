"""The one disclosure decision, and the one way a profile leaves the service layer.

``decide`` says, for one viewer kind, one person and that viewer's company consent, exactly
what is disclosed: identity, contact details, CV, accommodation needs and notes, employers and
schools, health-related end reasons. ``decide_many`` does it for a list in one query. Pages, the
JSON API, ranked lists, search results, exports and e-mails build on it (ProfileView here,
PersonView and candidate lists in app.matches), so what a company may not see is simply not
there to leak. Health data is read from its own table only when the decision allows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AccommodationNeeds, Consent, FlexjobberProfile, User, Visibility
from app.profiles.policy import Audience, audience, company_ids_of


@dataclass(frozen=True)
class Disclosure:
    """What one viewer may know of one person. False means "not disclosed" — not even
    whether there is anything (no counts, no "has a CV")."""

    identity: bool  # the real name
    contact: bool  # e-mail address (and any later contact field)
    cv: bool  # the CV file, if there is one
    needs: bool  # accommodation needs and the note about them (GDPR art. 9)
    employers: bool  # employer names, exact months, schools and years
    health_reasons: bool  # a health-related reason for ending a match


FULL = Disclosure(True, True, True, True, True, True)
# Admins run the platform; they are not part of anyone's case.
ADMIN = Disclosure(
    identity=True, contact=False, cv=False, needs=False, employers=True, health_reasons=False
)

NOTHING = Disclosure(False, False, False, False, False, False)


def decide(who: Audience, profile: FlexjobberProfile, consent: Consent | None) -> Disclosure:
    """The rule. `consent` is the viewer's company's active consent from this person, if any."""
    if profile.deleted_at is not None:  # "Slet min profil": nothing is left to disclose
        return NOTHING
    if who in (Audience.OWNER, Audience.CONSULTANT):
        return FULL
    if who == Audience.ADMIN:
        return ADMIN
    identity = profile.visibility == Visibility.NAMED or bool(consent and consent.share_identity)
    needs = profile.share_accommodations or bool(consent and consent.share_accommodations)
    return Disclosure(
        identity=identity,
        # Contact details follow the identity consent, never the visibility: a named profile
        # says who the person is, not how to reach them.
        contact=bool(consent and consent.share_identity),
        cv=bool(consent and consent.share_cv),
        needs=needs,
        # Anonymous means anonymous to a former employer too.
        employers=identity,
        health_reasons=needs,
    )


def active_consents(
    db: Session, company_ids: Iterable[int], profile_ids: Iterable[int]
) -> dict[int, Consent]:
    """Active consents given to any of these companies, by profile (one query)."""
    companies, profiles = set(company_ids), set(profile_ids)
    if not companies or not profiles:
        return {}
    found: dict[int, Consent] = {}
    for c in db.scalars(
        select(Consent).where(
            Consent.company_id.in_(companies),
            Consent.profile_id.in_(profiles),
            Consent.withdrawn_at.is_(None),
        )
    ):
        prev = found.get(c.profile_id)
        found[c.profile_id] = c if prev is None else _union(prev, c)
    return found


def _union(a: Consent, b: Consent) -> Consent:
    """A user in two companies: each scope counts if either company was given it."""
    return Consent(
        profile_id=a.profile_id,
        company_id=a.company_id,
        share_identity=a.share_identity or b.share_identity,
        share_cv=a.share_cv or b.share_cv,
        share_accommodations=a.share_accommodations or b.share_accommodations,
    )


def decide_many(
    db: Session,
    who: dict[int, Audience],
    profiles: Iterable[FlexjobberProfile],
    company_ids: Iterable[int],
) -> dict[int, Disclosure]:
    """`decide` for a list (ranked candidates, search results) with one consent query."""
    rows = list(profiles)
    company_rows = [p.id for p in rows if who[p.id] == Audience.COMPANY]
    consents = active_consents(db, company_ids, company_rows)
    return {p.id: decide(who[p.id], p, consents.get(p.id)) for p in rows}


def disclosure_for(db: Session, viewer: User, profile: FlexjobberProfile) -> Disclosure:
    """The decision for one viewer (NotFound for those who may not see the profile)."""
    who = audience(db, viewer, profile)
    companies = company_ids_of(db, viewer) if who == Audience.COMPANY else set()
    return decide_many(db, {profile.id: who}, [profile], companies)[profile.id]


def _years(start: str, end: str | None) -> int | None:
    """Whole years between two "YYYY-MM" months (end None = now), at least 1."""
    try:
        y0, m0 = (int(x) for x in start.split("-")[:2])
        if end:
            y1, m1 = (int(x) for x in end.split("-")[:2])
        else:
            today = date.today()
            y1, m1 = today.year, today.month
    except (ValueError, AttributeError):
        return None
    months = (y1 - y0) * 12 + (m1 - m0)
    return max(1, round(months / 12)) if months >= 0 else None


def _experience(entries: list[dict[str, Any]], d: Disclosure) -> list[dict[str, Any]]:
    if d.employers:
        return [dict(e) for e in entries]
    # Only the kind of work and roughly how long: no employer, no months.
    return [
        {
            "title": e.get("title", ""),
            "description": e.get("description", ""),
            "years": _years(str(e.get("start") or ""), e.get("end") or None),
        }
        for e in entries
    ]


def _education(entries: list[dict[str, Any]], d: Disclosure) -> list[dict[str, Any]]:
    if d.employers:
        return [dict(e) for e in entries]
    return [{"title": e.get("title", "")} for e in entries]


@dataclass(frozen=True)
class ProfileView:
    id: int  # the profile's public id, the one address of it outside the person's own pages
    audience: str
    name: str  # the person's name, or their pseudonym for anonymous profiles seen by companies
    is_pseudonym: bool
    headline: str
    about: str
    wished_jobs: list[dict[str, Any]]
    skills: list[str]
    experience: list[dict[str, Any]]
    education: list[dict[str, Any]]
    languages: list[str]
    driving_licence: bool | None
    hours_min: int | None
    hours_max: int | None
    schedule: list[str]
    postcode: str | None
    max_distance_km: int | None
    remote_only: bool
    status: str | None
    available_from: date | None
    visibility: str
    has_cv: bool
    email: str | None = None  # contact details: owner and consultants only (for now)
    # None means "not disclosed to this viewer" — distinct from "no needs".
    accommodation_needs: dict[str, bool] | None = None
    accommodation_note: str | None = None
    share_accommodations: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def build_view(
    profile: FlexjobberProfile,
    owner: User,
    who: Audience,
    needs: AccommodationNeeds | None,
    disclosure: Disclosure,
) -> ProfileView:
    d = disclosure
    return ProfileView(
        # The public id (app.kit.tokens): the database id never leaves the server.
        id=profile.public_id,
        audience=who.value,
        name=owner.display_name if d.identity else profile.pseudonym,
        is_pseudonym=not d.identity,
        headline=profile.headline,
        about=profile.about,
        wished_jobs=list(profile.wished_jobs),
        skills=list(profile.skills),
        experience=_experience(list(profile.experience), d),
        education=_education(list(profile.education), d),
        languages=list(profile.languages),
        driving_licence=profile.driving_licence,
        hours_min=profile.hours_min,
        hours_max=profile.hours_max,
        schedule=list(profile.schedule),
        postcode=profile.postcode,
        max_distance_km=profile.max_distance_km,
        remote_only=profile.remote_only,
        status=profile.status.value if profile.status else None,
        available_from=profile.available_from,
        visibility=profile.visibility.value,
        has_cv=bool(profile.cv_storage_key) and d.cv,
        email=owner.email if d.contact else None,
        accommodation_needs=(dict(needs.needs) if needs else {}) if d.needs else None,
        accommodation_note=(needs.note if needs else "") if d.needs else None,
        share_accommodations=profile.share_accommodations
        if who in (Audience.OWNER, Audience.CONSULTANT)
        else None,
    )


def views_for(
    db: Session, who: dict[int, Audience], profiles: list[FlexjobberProfile], company_ids: set[int]
) -> list[ProfileView]:
    """ProfileViews for a list, with one query each for owners, consents and needs."""
    if not profiles:
        return []
    owners = {
        u.id: u for u in db.scalars(select(User).where(User.id.in_([p.user_id for p in profiles])))
    }
    decided = decide_many(db, who, profiles, company_ids)
    health_ids = [p.id for p in profiles if decided[p.id].needs]
    needs = (
        {
            n.profile_id: n
            for n in db.scalars(
                select(AccommodationNeeds).where(AccommodationNeeds.profile_id.in_(health_ids))
            )
        }
        if health_ids
        else {}
    )
    return [
        build_view(p, owners[p.user_id], who[p.id], needs.get(p.id), decided[p.id])
        for p in profiles
    ]


def view_profile(db: Session, viewer: User, profile: FlexjobberProfile) -> ProfileView:
    who = audience(db, viewer, profile)  # raises NotFound for those who may not see it
    companies = company_ids_of(db, viewer) if who == Audience.COMPANY else set()
    return views_for(db, {profile.id: who}, [profile], companies)[0]


def preview_as_company(db: Session, profile: FlexjobberProfile) -> ProfileView:
    """What a company with no consent would see — the person's "see my profile as a
    company" page."""
    owner = db.get(User, profile.user_id)
    assert owner is not None
    d = decide(Audience.COMPANY, profile, None)
    needs = db.get(AccommodationNeeds, profile.id) if d.needs else None
    return build_view(profile, owner, Audience.COMPANY, needs, d)
