"""The one way a profile leaves the service layer: as a ProfileView cut to its audience.

Pages, the JSON API, CSV exports and search results all build on ProfileView, so what a
company may not see is simply not there to leak. Health data (accommodation needs) is read from
its own table only when the policy allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.models import AccommodationNeeds, FlexjobberProfile, User
from app.profiles.policy import Audience, audience, may_see_health_data


@dataclass(frozen=True)
class ProfileView:
    id: int
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
) -> ProfileView:
    anonymous_to_viewer = who == Audience.COMPANY and profile.visibility.value == "anonymous"
    experience = [dict(entry) for entry in profile.experience]
    if anonymous_to_viewer:
        # Employer names would identify the person.
        experience = [{k: v for k, v in e.items() if k != "employer"} for e in experience]
    health = may_see_health_data(who, profile)
    return ProfileView(
        id=profile.id,
        audience=who.value,
        name=profile.pseudonym if anonymous_to_viewer else owner.display_name,
        is_pseudonym=anonymous_to_viewer,
        headline=profile.headline,
        about=profile.about,
        wished_jobs=list(profile.wished_jobs),
        skills=list(profile.skills),
        experience=experience,
        education=list(profile.education),
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
        has_cv=bool(profile.cv_storage_key) and not anonymous_to_viewer,
        email=owner.email if who in (Audience.OWNER, Audience.CONSULTANT) else None,
        accommodation_needs=dict(needs.needs) if health and needs else ({} if health else None),
        accommodation_note=(needs.note if needs else "") if health else None,
        share_accommodations=profile.share_accommodations
        if who in (Audience.OWNER, Audience.CONSULTANT)
        else None,
    )


def view_profile(db: Session, viewer: User, profile: FlexjobberProfile) -> ProfileView:
    who = audience(db, viewer, profile)  # raises NotFound for those who may not see it
    owner = db.get(User, profile.user_id)
    assert owner is not None
    needs = db.get(AccommodationNeeds, profile.id) if may_see_health_data(who, profile) else None
    return build_view(profile, owner, who, needs)


def preview_as_company(db: Session, profile: FlexjobberProfile) -> ProfileView:
    """What a company would see — for the person's own "see my profile as a company" page."""
    owner = db.get(User, profile.user_id)
    assert owner is not None
    needs = db.get(AccommodationNeeds, profile.id) if profile.share_accommodations else None
    return build_view(profile, owner, Audience.COMPANY, needs)
