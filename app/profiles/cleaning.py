"""Validating a profile's changes: one ``clean_*`` per step (the rules are the step models in
app.profiles.steps; each raises ValidationFailed with Danish messages keyed by form field and
changes nothing), and the API's whole-profile update, which validates every topic before
anything is saved through app.profiles.service.apply_changes. Pages and the JSON API call the
same functions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationFailed
from app.kit.typed import validated
from app.models import AccommodationNeeds, FlexjobberProfile, User
from app.profiles import policy, steps
from app.profiles.service import Cleaned, apply_changes, needs_of, owner_of
from matching.reference import search_occupations
from matching.text import fold as esco_fold


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
