"""Flexjobber profiles: creating, validating and saving each step, viewing and searching.

Every step has a ``clean_*`` function (validates every field, raises ValidationFailed with
Danish messages keyed by form field, changes nothing) and is saved by ``apply_changes`` (one
place that keeps search_text fresh and writes the on-behalf audit trail). Pages and the JSON API
call the same functions.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
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
from app.kit import parse
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.kit.text import fold, like_pattern, search_terms
from app.mail import service as mail
from app.models import (
    AccommodationNeeds,
    FlexjobberProfile,
    JobseekerStatus,
    LinkPurpose,
    ProfileStatusChange,
    Role,
    User,
    Visibility,
)
from app.privacy import access_log
from app.profiles import cv_storage, policy
from app.profiles.completeness import mark_readiness
from app.profiles.disclosure import ProfileView, view_profile, views_for
from app.profiles.policy import Audience
from app.profiles.search_text import profile_search_text
from app.settings import Settings
from matching.accommodations import ACCOMMODATION_CODES
from matching.reference import normalize_postcode, postcode_info, search_occupations
from matching.schedule import SCHEDULE_SLOTS
from matching.text import fold as esco_fold

MAX_NAME = 200
MAX_HEADLINE = 200
MAX_ABOUT = 4000
MAX_TITLE = 200
MAX_DESCRIPTION = 2000
MAX_NOTE = 1000
MAX_JOBS = 10
MAX_SKILLS = 50
MAX_SKILL = 100
MAX_LANGUAGES = 20
MAX_LANGUAGE = 60
MAX_ENTRIES = 30
HOURS_MIN, HOURS_MAX = 1, 37
MAX_DISTANCE_KM = 500
MAX_PER_PAGE = 100

Cleaned = dict[str, Any]
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
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


def create_profile(db: Session, user: User, consultant_id: int | None = None) -> FlexjobberProfile:
    if not roles.is_flexjobber(user) or user.jobcentre_id is None:
        raise Forbidden(N_("Kun fleksjobbere har en profil."))
    profile = FlexjobberProfile(
        user_id=user.id,
        jobcentre_id=user.jobcentre_id,
        consultant_id=consultant_id,
        pseudonym=new_pseudonym(db),
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


def _get(db: Session, profile_id: int) -> FlexjobberProfile:
    profile = db.get(FlexjobberProfile, profile_id)
    if profile is None:
        raise NotFound(policy.NOT_FOUND)
    return profile


def profile_for_viewer(db: Session, viewer: User, profile_id: int) -> FlexjobberProfile:
    profile = _get(db, profile_id)
    policy.audience(db, viewer, profile)  # NotFound for those who may not know it exists
    return profile


def profile_for_editor(db: Session, editor: User, profile_id: int) -> FlexjobberProfile:
    profile = _get(db, profile_id)
    policy.ensure_can_edit(db, editor, profile)
    return profile


def owner_of(db: Session, profile: FlexjobberProfile) -> User:
    owner = db.get(User, profile.user_id)
    assert owner is not None
    return owner


def needs_of(db: Session, profile: FlexjobberProfile) -> AccommodationNeeds | None:
    """Health data: only for the owner's and consultants' pages (callers check the policy)."""
    return db.get(AccommodationNeeds, profile.id)


def view_for(db: Session, viewer: User, profile_id: int) -> ProfileView:
    """The profile as this viewer may see it. Every look by someone else than the person is
    recorded (who, why, whether the needs were shown): the person reads it on "Mine data"."""
    profile = _get(db, profile_id)
    view = view_profile(db, viewer, profile)
    if view.audience != Audience.OWNER.value:
        saw_needs = view.accommodation_needs is not None
        details = access_log.details_for(viewer, saw_needs)
        audit.record(db, viewer, "profile.viewed", "profile", profile.id, details=details)
    return view


# ---------------------------------------------------------------- parsing helpers


# The one set of parsing rules (app.kit.parse), under the names this module has always used.
_text = parse.text
_int = parse.integer
_bool = parse.boolean
_date = parse.day


def _items(value: object) -> list[str]:
    """A list from a list, or from text with one item per line or separated by commas."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"[\n,;]", value) if part.strip()]
    if isinstance(value, Iterable):
        return [str(part).strip() for part in value if str(part).strip()]
    return [str(value).strip()]


def _unique(items: Iterable[str]) -> list[str]:
    # Stops one past the largest cap used with it (MAX_SKILLS): enough for every "too many".
    return parse.unique(items, key=fold, limit=MAX_SKILLS)


def _month(value: str) -> bool:
    match = _MONTH.match(value)
    if match is None:
        return False
    return 1900 <= int(match.group(1)) <= 2100 and 1 <= int(match.group(2)) <= 12


def _fail(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationFailed(fields=errors)


# ---------------------------------------------------------------- the steps


def clean_about(
    *,
    display_name: object,
    headline: object,
    about: object,
    status: object,
    available_from: object,
    keeps_looking: object = False,
) -> Cleaned:
    errors: dict[str, str] = {}
    name, head, text, state = (_text(v) for v in (display_name, headline, about, status))
    if not name:
        errors["display_name"] = N_("Skriv dit navn.")
    elif len(name) > MAX_NAME:
        errors["display_name"] = N_("Navnet må højst være 200 tegn.")
    if len(head) > MAX_HEADLINE:
        errors["headline"] = N_("Overskriften må højst være 200 tegn.")
    if len(text) > MAX_ABOUT:
        errors["about"] = N_("Teksten må højst være 4000 tegn.")
    statuses = {s.value for s in JobseekerStatus}
    if state and state not in statuses:
        errors["status"] = N_("Vælg en af mulighederne.")
    start: date | None = None
    try:
        start = _date(available_from)
        if start is not None and not date(2000, 1, 1) <= start <= date(2100, 12, 31):
            raise ValueError
    except ValueError:
        errors["available_from"] = N_("Skriv en gyldig dato, fx 01-02-2027.")
    _fail(errors)
    return {
        "display_name": name,
        "headline": head,
        "about": text,
        "status": JobseekerStatus(state) if state else None,
        "available_from": start,
        "keeps_looking": _bool(keeps_looking),
    }


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
    """Wished jobs in the order typed; errors keyed ``wished_job-<n>`` (1-based input number)."""
    errors: dict[str, str] = {}
    labels: list[str] = []
    for number, raw in enumerate(wished_jobs, start=1):
        label = _text(raw)
        if len(label) > MAX_TITLE:
            errors[f"wished_job-{number}"] = N_("Et jobmål må højst være 200 tegn.")
        elif label:
            labels.append(label)
    labels = _unique(labels)
    if len(labels) > MAX_JOBS:
        errors["wished_job-1"] = N_("Du kan højst have 10 jobmål.")
    _fail(errors)
    return {"wished_jobs": [{"label": x, "uri": resolve_occupation(x)} for x in labels]}


def clean_skills(
    *, skills: object, suggested: object = None, languages: object, driving_licence: object
) -> Cleaned:
    errors: dict[str, str] = {}
    chosen = _unique(_items(skills) + _items(suggested))
    if any(len(skill) > MAX_SKILL for skill in chosen):
        errors["skills"] = N_("Hver kompetence må højst være 100 tegn.")
    elif len(chosen) > MAX_SKILLS:
        errors["skills"] = N_("Du kan højst have 50 kompetencer.")
    spoken = _unique(_items(languages))
    if any(len(language) > MAX_LANGUAGE for language in spoken):
        errors["languages"] = N_("Hvert sprog må højst være 60 tegn.")
    elif len(spoken) > MAX_LANGUAGES:
        errors["languages"] = N_("Du kan højst skrive 20 sprog.")
    licence: bool | None = None
    if isinstance(driving_licence, bool):
        licence = driving_licence
    elif _text(driving_licence) in ("ja", "nej"):
        licence = _text(driving_licence) == "ja"
    elif _text(driving_licence):
        errors["driving_licence"] = N_("Vælg ja eller nej.")
    _fail(errors)
    return {"skills": chosen, "languages": spoken, "driving_licence": licence}


EXPERIENCE_FIELDS = ("title", "employer", "start", "end", "description")
EDUCATION_FIELDS = ("title", "institution", "year")


def clean_experience(*, entries: Sequence[Mapping[str, object]]) -> Cleaned:
    """Entries with every field blank are dropped (that is how one is removed)."""
    errors: dict[str, str] = {}
    kept: list[dict[str, str]] = []
    for index, raw in enumerate(entries):
        entry = {key: _text(raw.get(key)) for key in EXPERIENCE_FIELDS}
        if not any(entry.values()):
            continue
        key = f"experience-{index}-"
        if not entry["title"]:
            errors[key + "title"] = N_("Skriv en stillingsbetegnelse.")
        elif len(entry["title"]) > MAX_TITLE:
            errors[key + "title"] = N_("Stillingsbetegnelsen må højst være 200 tegn.")
        if len(entry["employer"]) > MAX_TITLE:
            errors[key + "employer"] = N_("Arbejdsgiverens navn må højst være 200 tegn.")
        for part in ("start", "end"):
            if entry[part] and not _month(entry[part]):
                errors[key + part] = N_("Skriv år og måned sådan: 2019-08.")
        if not entry["start"] and key + "start" not in errors:
            errors[key + "start"] = N_("Skriv hvornår du startede, fx 2019-08.")
        if (
            entry["start"]
            and entry["end"]
            and _month(entry["start"])
            and _month(entry["end"])
            and entry["end"] < entry["start"]
        ):
            errors[key + "end"] = N_("Slut kan ikke være før start.")
        if len(entry["description"]) > MAX_DESCRIPTION:
            errors[key + "description"] = N_("Beskrivelsen må højst være 2000 tegn.")
        kept.append(entry)
    if len(kept) > MAX_ENTRIES:
        errors["experience-0-title"] = N_("Du kan højst have 30 job på listen.")
    _fail(errors)
    return {"experience": kept}


def clean_education(*, entries: Sequence[Mapping[str, object]]) -> Cleaned:
    errors: dict[str, str] = {}
    kept: list[dict[str, str]] = []
    latest = date.today().year + 10
    for index, raw in enumerate(entries):
        entry = {key: _text(raw.get(key)) for key in EDUCATION_FIELDS}
        if not any(entry.values()):
            continue
        key = f"education-{index}-"
        if not entry["title"]:
            errors[key + "title"] = N_("Skriv uddannelsens navn.")
        elif len(entry["title"]) > MAX_TITLE:
            errors[key + "title"] = N_("Uddannelsens navn må højst være 200 tegn.")
        if len(entry["institution"]) > MAX_TITLE:
            errors[key + "institution"] = N_("Skolens navn må højst være 200 tegn.")
        year = entry["year"]
        if year and not (re.fullmatch(r"\d{4}", year) and 1940 <= int(year) <= latest):
            errors[key + "year"] = N_("Skriv et årstal med 4 cifre, fx 2012.")
        kept.append(entry)
    if len(kept) > MAX_ENTRIES:
        errors["education-0-title"] = N_("Du kan højst have 30 uddannelser på listen.")
    _fail(errors)
    return {"education": kept}


def clean_hours(*, hours_min: object, hours_max: object, schedule: object) -> Cleaned:
    errors: dict[str, str] = {}
    numbers: dict[str, int | None] = {}
    for name, value in (("hours_min", hours_min), ("hours_max", hours_max)):
        try:
            number = _int(value)
        except ValueError:
            errors[name] = N_("Skriv et helt antal timer mellem 1 og 37.")
            continue
        if number is None:
            errors[name] = N_("Skriv et antal timer mellem 1 og 37.")
        elif not HOURS_MIN <= number <= HOURS_MAX:
            errors[name] = N_("Antal timer skal være mellem 1 og 37.")
        numbers[name] = number
    low, high = numbers.get("hours_min"), numbers.get("hours_max")
    if not errors and low is not None and high is not None and low > high:
        errors["hours_max"] = N_("Det højeste antal timer kan ikke være lavere end det laveste.")
    slots = _items(schedule)
    if any(slot not in SCHEDULE_SLOTS for slot in slots):
        errors["schedule"] = N_("Vælg kun blandt dagene og tidspunkterne på listen.")
    _fail(errors)
    ordered = [slot for slot in SCHEDULE_SLOTS if slot in set(slots)]
    return {"hours_min": low, "hours_max": high, "schedule": ordered}


def clean_place(
    *, postcode: object, max_distance_km: object, remote_only: object, remote_ok: object = False
) -> Cleaned:
    errors: dict[str, str] = {}
    remote = _bool(remote_only)
    code_text = _text(postcode)
    code: str | None = None
    if code_text:
        info = postcode_info(code_text) if re.fullmatch(r"\d{4}", code_text) else None
        if info is None:
            errors["postcode"] = N_("Skriv et gyldigt dansk postnummer med 4 cifre, fx 2900.")
        else:
            code = normalize_postcode(code_text)
    elif not remote:
        errors["postcode"] = N_("Skriv dit postnummer, eller vælg at du kun vil arbejde hjemmefra.")
    distance: int | None = None
    try:
        distance = _int(max_distance_km)
        if distance is not None and not 0 <= distance <= MAX_DISTANCE_KM:
            raise ValueError
    except ValueError:
        errors["max_distance_km"] = N_("Skriv et helt antal kilometer mellem 0 og 500.")
    _fail(errors)
    # Only from home implies home is fine too.
    home_ok = remote or _bool(remote_ok)
    return {
        "postcode": code,
        "max_distance_km": distance,
        "remote_only": remote,
        "remote_ok": home_ok,
    }


def clean_needs(*, needs: Mapping[str, object], note: object) -> Cleaned:
    """needs: code -> "must"/"nice"/"" (form) or True/False (API; True means must have)."""
    errors: dict[str, str] = {}
    chosen: dict[str, bool] = {}
    for code, value in needs.items():
        if code not in ACCOMMODATION_CODES:
            errors["needs"] = N_("Vælg kun skånehensyn fra listen.")
            continue
        if isinstance(value, bool):
            chosen[code] = value
        elif _text(value) in ("must", "nice"):
            chosen[code] = _text(value) == "must"
        elif _text(value):
            errors[f"need-{code}"] = N_("Vælg om det er et krav, rart at have eller ikke relevant.")
    text = _text(note)
    if len(text) > MAX_NOTE:
        errors["note"] = N_("Noten må højst være 1000 tegn.")
    _fail(errors)
    ordered = {code: chosen[code] for code in ACCOMMODATION_CODES if code in chosen}
    return {"accommodation_needs": ordered, "accommodation_note": text}


def clean_visibility(*, visibility: object, share_accommodations: object) -> Cleaned:
    value = _text(visibility)
    if value not in {v.value for v in Visibility}:
        raise ValidationFailed(fields={"visibility": N_("Vælg hvem der kan se din profil.")})
    return {"visibility": Visibility(value), "share_accommodations": _bool(share_accommodations)}


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
                # Turning anonymous: a new pseudonym, so the anonymous profile cannot be tied
                # to the name a company saw before.
                profile.pseudonym = new_pseudonym(db)
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


def cv_for(db: Session, data_dir: Path, viewer: User, profile_id: int) -> CvFile:
    """The CV if this viewer may have it (the same rule as ProfileView.has_cv), else 404."""
    profile = _get(db, profile_id)
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
