"""A profile's CV: uploading (PDF or Word by signature, at most 5 MB), deleting, and handing
it to a viewer who may have it (each download by someone else recorded for "Mine data"). The
bytes are kept by app.profiles.cv_storage. No FastAPI, never commits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.errors import NotFound, ValidationFailed
from app.kit.i18n import N_
from app.models import FlexjobberProfile, User
from app.privacy import access_log
from app.profiles import cv_storage, policy
from app.profiles.disclosure import view_profile
from app.profiles.policy import Audience
from app.profiles.service import apply_changes


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
