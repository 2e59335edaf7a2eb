"""Flexjobber profiles: creating, validating and saving each step, viewing and searching.

Every step has a ``clean_*`` function (validates every field, raises ValidationFailed with
Danish messages keyed by form field, changes nothing) and is saved by ``apply_changes`` (one
place that keeps search_text fresh and writes the on-behalf audit trail). Pages and the JSON API
call the same functions.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.accounts.service import create_user
from app.audit import service as audit
from app.auth import links
from app.errors import Forbidden, NotFound, ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.kit.text import like_pattern, search_terms
from app.kit.tokens import random_public_id
from app.kit.typed import validated
from app.mail import service as mail
from app.models import (
    AccommodationNeeds,
    FlexjobberProfile,
    LinkPurpose,
    ProfileStatusChange,
    Role,
    User,
    Visibility,
)
from app.privacy import access_log
from app.profiles import cv_storage, policy, steps
from app.profiles.completeness import mark_readiness
from app.profiles.disclosure import ProfileView, view_profile, views_for
from app.profiles.policy import Audience
from app.profiles.search_text import profile_search_text
from app.profiles.steps import EDUCATION_FIELDS, EXPERIENCE_FIELDS  # noqa: F401 (the pages')
from app.settings import Settings
from matching.reference import search_occupations
from matching.text import fold as esco_fold

MAX_PER_PAGE = 100

Cleaned = dict[str, Any]
_PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I look-alikes


# ---------------------------------------------------------------- creating and finding


def new_pseudonym(db: Session) -> str:
    while True:
        candidate = "Kandidat " + "".join(secrets.choice(_PSEUDONYM_ALPHABET) for _ in range(4))
        taken = db.scalar(
            select(FlexjobberProfile.id).where(FlexjobberProfile.pseudonym == candidate)
        )
        if taken is None:
            return candidate


def new_public_id(db: Session) -> int:
    """A fresh random public id (app.kit.tokens), checked against the ones in use."""
    while True:
        candidate = random_public_id()
        taken = db.scalar(
            select(FlexjobberProfile.id).where(FlexjobberProfile.public_id == candidate)
        )
        if taken is None:
            return candidate


def create_profile(db: Session, user: User, consultant_id: int | None = None) -> FlexjobberProfile:
    if not roles.is_flexjobber(user) or user.jobcentre_id is None:
        raise Forbidden(N_("Kun fleksjobbere har en profil."))
    profile = FlexjobberProfile(
        user_id=user.id,
        jobcentre_id=user.jobcentre_id,
        consultant_id=consultant_id,
        pseudonym=new_pseudonym(db),
        public_id=new_public_id(db),
        visibility=Visibility.HIDDEN,
        share_accommodations=False,
    )
    profile.search_text = ""
    db.add(profile)
    db.flush()
    return profile


def own_profile(
    db: Session, user: User, found: FlexjobberProfile | None = None
) -> FlexjobberProfile:
    """The flexjobber's own profile, created (hidden) on first visit. ``found`` is what the
    ``FlexjobberUser`` guard already looked up (so the profile is not read twice)."""
    roles.ensure_flexjobber(user)
    existing = found or policy.own_profile(db, user)
    if existing is not None:
        return existing
    try:
        with db.begin_nested():
            return create_profile(db, user)
    except IntegrityError:  # created by a parallel request a moment ago
        again = policy.own_profile(db, user)
        if again is None:
            raise
        return again


def profile_for_viewer(db: Session, viewer: User, public_id: int) -> FlexjobberProfile:
    profile = policy.by_public_id(db, public_id)
    policy.audience(db, viewer, profile)  # NotFound for those who may not know it exists
    return profile


def profile_for_editor(db: Session, editor: User, public_id: int) -> FlexjobberProfile:
    profile = policy.by_public_id(db, public_id)
    policy.ensure_can_edit(db, editor, profile)
    return profile


def owner_of(db: Session, profile: FlexjobberProfile) -> User:
    owner = db.get(User, profile.user_id)
    assert owner is not None
    return owner


def needs_of(db: Session, profile: FlexjobberProfile) -> AccommodationNeeds | None:
    """Health data: only for the owner's and consultants' pages (callers check the policy)."""
    return db.get(AccommodationNeeds, profile.id)


def view_for(db: Session, viewer: User, public_id: int) -> ProfileView:
    """The profile at this public id as this viewer may see it. Every look by someone else
    than the person is recorded (who, why, whether the needs were shown): the person reads it
    on "Mine data"."""
    profile = policy.by_public_id(db, public_id)
    view = view_profile(db, viewer, profile)
    if view.audience != Audience.OWNER.value:
        saw_needs = view.accommodation_needs is not None
        details = access_log.details_for(viewer, saw_needs)
        audit.record(db, viewer, "profile.viewed", "profile", profile.id, details=details)
    return view


# ---------------------------------------------------------------- parsing helpers


def _fail(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationFailed(fields=errors)


# ---------------------------------------------------------------- the steps


# Each step's rules are its model's (app.profiles.steps); these take the step's values by name.


def clean_about(**values: object) -> Cleaned:
    return validated(steps.AboutStep, values).cleaned()


def resolve_occupation(text: str) -> str | None:
    """The ESCO URI when the text is an occupation's Danish label (or alternative label)."""
    wanted = esco_fold(text)
    if not wanted:
        return None
    for occupation in search_occupations(text, limit=5):
        labels = (occupation.label_da, *occupation.alt_da)
        if any(esco_fold(label) == wanted for label in labels):
            return occupation.uri
    return None


def clean_jobs(*, wished_jobs: Sequence[object]) -> Cleaned:
    """Wished jobs in the order typed, each looked up in ESCO."""
    labels = validated(steps.JobsStep, {"wished_jobs": wished_jobs}).wished_jobs
    return {"wished_jobs": [{"label": x, "uri": resolve_occupation(x)} for x in labels]}


def clean_skills(**values: object) -> Cleaned:
    return validated(steps.SkillsStep, values).cleaned()


def clean_experience(*, entries: Sequence[Mapping[str, object]]) -> Cleaned:
    return validated(steps.ExperienceStep, {"entries": entries}).cleaned()


def clean_education(*, entries: Sequence[Mapping[str, object]]) -> Cleaned:
    return validated(steps.EducationStep, {"entries": entries}).cleaned()


def clean_hours(**values: object) -> Cleaned:
    return validated(steps.HoursStep, values).cleaned()


def clean_place(**values: object) -> Cleaned:
    return validated(steps.PlaceStep, values).cleaned()


def clean_needs(*, needs: Mapping[str, object], note: object) -> Cleaned:
    return validated(steps.NeedsStep, {"needs": needs, "note": note}).cleaned()


def clean_visibility(**values: object) -> Cleaned:
    return validated(steps.VisibilityStep, values).cleaned()


# ---------------------------------------------------------------- saving


_NEEDS_FIELDS = {"accommodation_needs": "needs", "accommodation_note": "note"}


def apply_changes(
    db: Session, actor: User, profile: FlexjobberProfile, cleaned: Cleaned
) -> list[str]:
    """Stores validated changes; returns the names of the fields that changed. A save on
    someone's behalf is recorded in the audit trail (field names only, never values)."""
    policy.ensure_can_edit(db, actor, profile)
    owner = owner_of(db, profile)
    changed: list[str] = []
    needs_row: AccommodationNeeds | None = None
    for name, value in cleaned.items():
        if name == "display_name":
            if owner.display_name != value:
                owner.display_name = value
                changed.append(name)
        elif name in _NEEDS_FIELDS:
            if needs_row is None:
                needs_row = db.get(AccommodationNeeds, profile.id)
                if needs_row is None:
                    needs_row = AccommodationNeeds(profile_id=profile.id, needs={}, note="")
                    db.add(needs_row)
                    changed.append("accommodation_needs")
            column = _NEEDS_FIELDS[name]
            if getattr(needs_row, column) != value:
                setattr(needs_row, column, value)
                changed.append(name)
        elif getattr(profile, name) != value:
            if name == "visibility" and profile.visibility == Visibility.NAMED:
                # Turning anonymous: a new pseudonym and a new public id, so the anonymous
                # profile cannot be tied to the name a company saw before (the old address
                # is 404 from now on, app.profiles.policy.by_public_id).
                profile.pseudonym = new_pseudonym(db)
                profile.public_id = new_public_id(db)
            setattr(profile, name, value)
            changed.append(name)
    changed = sorted(set(changed))
    if "status" in changed:
        # Dated history: fleksjob unemployment on a past day needs the status as it was then.
        db.add(ProfileStatusChange(profile_id=profile.id, status=profile.status, actor_id=actor.id))
    if changed:
        profile.search_text = profile_search_text(profile)
        profile.updated_at = utcnow()
        if needs_row is None:
            needs_row = db.get(AccommodationNeeds, profile.id)
        mark_readiness(profile, needs_row, profile.updated_at)
    if actor.id != profile.user_id:
        audit.record(
            db,
            actor,
            "profile.updated",
            "profile",
            profile.id,
            on_behalf_of=profile.user_id,
            details={"fields": changed},
        )
    db.flush()
    return changed


# ---------------------------------------------------------------- CV


def save_cv(
    db: Session,
    data_dir: Path,
    actor: User,
    profile: FlexjobberProfile,
    filename: str,
    data: bytes,
) -> list[str]:
    policy.ensure_can_edit(db, actor, profile)
    if not data:
        raise ValidationFailed(fields={"cv": N_("Vælg en fil med dit CV.")})
    if len(data) > cv_storage.MAX_CV_BYTES:
        raise ValidationFailed(fields={"cv": N_("Filen er for stor. Den må højst fylde 5 MB.")})
    content_type = cv_storage.sniff(data)
    extension = Path(filename or "").suffix.lower()
    if content_type is None or cv_storage.EXTENSIONS[content_type] != extension:
        raise ValidationFailed(
            fields={"cv": N_("Filen skal være en PDF-fil eller en Word-fil (.docx).")}
        )
    old_key = profile.cv_storage_key
    key = cv_storage.store(data_dir, data)
    changed = apply_changes(
        db,
        actor,
        profile,
        {
            "cv_filename": cv_storage.safe_filename(filename, content_type),
            "cv_content_type": content_type,
            "cv_storage_key": key,
            "cv_size": len(data),
        },
    )
    if old_key:
        cv_storage.remove(data_dir, old_key)
    return changed


def delete_cv(db: Session, data_dir: Path, actor: User, profile: FlexjobberProfile) -> list[str]:
    old_key = profile.cv_storage_key
    changed = apply_changes(
        db,
        actor,
        profile,
        {"cv_filename": None, "cv_content_type": None, "cv_storage_key": None, "cv_size": None},
    )
    if old_key:
        cv_storage.remove(data_dir, old_key)
    return changed


@dataclass(frozen=True)
class CvFile:
    filename: str
    content_type: str
    data: bytes


def cv_for(db: Session, data_dir: Path, viewer: User, public_id: int) -> CvFile:
    """The CV if this viewer may have it (the same rule as ProfileView.has_cv), else 404."""
    profile = policy.by_public_id(db, public_id)
    view = view_profile(db, viewer, profile)
    key = profile.cv_storage_key
    data = cv_storage.load(data_dir, key) if view.has_cv and key else None
    if data is None or not profile.cv_content_type:
        raise NotFound(N_("Der er intet CV."))
    if view.audience != Audience.OWNER.value:
        details = access_log.details_for(viewer, saw_needs=False)
        audit.record(db, viewer, "profile.cv_downloaded", "profile", profile.id, details=details)
    return CvFile(profile.cv_filename or "cv", profile.cv_content_type, data)


# ---------------------------------------------------------------- consultants and citizens


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


# ---------------------------------------------------------------- search


@dataclass(frozen=True)
class SearchResult:
    items: list[ProfileView]
    page: int
    per_page: int
    has_more: bool


def search(
    db: Session,
    viewer: User,
    *,
    q: str = "",
    page: int = 1,
    per_page: int = 20,
    hours_min: int | None = None,
    hours_max: int | None = None,
    skill: str = "",
    wished_job: str = "",
) -> SearchResult:
    """Profiles the viewer may see, newest change first. hours_min/hours_max find people whose
    wished hours overlap the range; q, skill and wished_job match the folded search text."""
    who, query = policy.readable_profiles(db, viewer)
    terms = search_terms(q) + search_terms(skill)[:4] + search_terms(wished_job)[:4]
    for term in terms:
        query = query.where(FlexjobberProfile.search_text.like(like_pattern(term), escape="\\"))
    if hours_min is not None:
        query = query.where(FlexjobberProfile.hours_max >= hours_min)
    if hours_max is not None:
        query = query.where(FlexjobberProfile.hours_min <= hours_max)
    page = max(page, 1)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    rows = list(
        db.scalars(
            query.order_by(FlexjobberProfile.updated_at.desc(), FlexjobberProfile.id.desc())
            .offset((page - 1) * per_page)
            .limit(per_page + 1)
        )
    )
    has_more = len(rows) > per_page
    rows = rows[:per_page]
    companies = policy.company_ids_of(db, viewer) if who == Audience.COMPANY else set()
    items = views_for(db, dict.fromkeys([p.id for p in rows], who), rows, companies)
    return SearchResult(items=items, page=page, per_page=per_page, has_more=has_more)


# ---------------------------------------------------------------- whole-profile update (API)


def current_values(
    profile: FlexjobberProfile, owner: User, needs: AccommodationNeeds | None
) -> dict[str, Any]:
    """The stored values in the shape the clean_* functions accept."""
    return {
        "display_name": owner.display_name,
        "headline": profile.headline,
        "about": profile.about,
        "status": profile.status.value if profile.status else "",
        "available_from": profile.available_from,
        "keeps_looking": profile.keeps_looking,
        "wished_jobs": [str(job.get("label", "")) for job in profile.wished_jobs],
        "skills": list(profile.skills),
        "languages": list(profile.languages),
        "driving_licence": profile.driving_licence,
        "experience": [dict(entry) for entry in profile.experience],
        "education": [dict(entry) for entry in profile.education],
        "hours_min": profile.hours_min,
        "hours_max": profile.hours_max,
        "schedule": list(profile.schedule),
        "postcode": profile.postcode or "",
        "max_distance_km": profile.max_distance_km,
        "remote_only": profile.remote_only,
        "remote_ok": profile.remote_ok,
        "accommodation_needs": dict(needs.needs) if needs else {},
        "accommodation_note": needs.note if needs else "",
        "visibility": profile.visibility.value,
        "share_accommodations": profile.share_accommodations,
    }


_GROUPS: tuple[tuple[tuple[str, ...], Any], ...] = (
    (
        ("display_name", "headline", "about", "status", "available_from", "keeps_looking"),
        lambda v: clean_about(**v),
    ),
    (("wished_jobs",), lambda v: clean_jobs(wished_jobs=v["wished_jobs"] or [])),
    (("skills", "languages", "driving_licence"), lambda v: clean_skills(**v)),
    (("experience",), lambda v: clean_experience(entries=v["experience"] or [])),
    (("education",), lambda v: clean_education(entries=v["education"] or [])),
    (("hours_min", "hours_max", "schedule"), lambda v: clean_hours(**v)),
    (("postcode", "max_distance_km", "remote_only", "remote_ok"), lambda v: clean_place(**v)),
    (
        ("accommodation_needs", "accommodation_note"),
        lambda v: clean_needs(needs=v["accommodation_needs"] or {}, note=v["accommodation_note"]),
    ),
    (("visibility", "share_accommodations"), lambda v: clean_visibility(**v)),
)


def update_profile(
    db: Session, actor: User, profile: FlexjobberProfile, provided: Mapping[str, Any]
) -> list[str]:
    """Applies the given fields; each topic is validated whole (given fields merged with the
    stored ones). Errors of all topics are reported together and nothing is saved then."""
    policy.ensure_can_edit(db, actor, profile)
    current = current_values(profile, owner_of(db, profile), needs_of(db, profile))
    errors: dict[str, str] = {}
    cleaned: Cleaned = {}
    for fields, cleaner in _GROUPS:
        if not set(fields) & provided.keys():
            continue
        try:
            cleaned.update(cleaner({f: provided.get(f, current[f]) for f in fields}))
        except ValidationFailed as exc:
            errors.update(exc.fields)
    _fail(errors)
    return apply_changes(db, actor, profile, cleaned)
