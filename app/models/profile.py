from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.kit.tokens import random_public_id
from app.models.base import Base


class Visibility(enum.StrEnum):
    HIDDEN = "hidden"  # only the person and their jobcentre's consultants
    ANONYMOUS = "anonymous"  # companies see a pseudonym, no name, contact, employers or CV
    NAMED = "named"


class JobseekerStatus(enum.StrEnum):
    LEDIGHEDSYDELSE = "ledighedsydelse"
    IN_FLEXJOB_WANTS_OTHER = "in_flexjob"
    CHANGE_OF_FIELD = "change_of_field"


def _enum(cls: type[enum.StrEnum], name: str) -> Enum:
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e])


def status_enum() -> Enum:
    """The one database type for a JobseekerStatus (also used by the status history)."""
    return _enum(JobseekerStatus, "jobseeker_status")


class FlexjobberProfile(Base):
    """What a flexjobber tells about themselves. Health data lives apart, in AccommodationNeeds."""

    __tablename__ = "flexjobber_profiles"
    # The dashboard's scope (a jobcentre, a caseload) with the dates it counts, read from the
    # index alone instead of the wide rows (migration 0019).
    __table_args__ = (
        Index(
            "ix_flexjobber_profiles_stats_scope",
            # The dashboard reads a scope's profiles from the index alone (0019; id from 0020).
            "jobcentre_id", "consultant_id", "id", "user_id", "created_at", "match_ready_at",
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    jobcentre_id: Mapped[int] = mapped_column(
        ForeignKey("jobcentres.id", ondelete="RESTRICT"), index=True
    )
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    pseudonym: Mapped[str] = mapped_column(String(40), unique=True)
    # The profile's address wherever it is named outside the person's own pages (company and
    # consultant URLs, JSON, forms); the database id never leaves the server. Random (see
    # app.kit.tokens.random_public_id) and renewed with the pseudonym when a named person turns
    # anonymous, so the anonymous profile cannot be tied to the one a company saw by name.
    # Resolved only by app.profiles.policy.by_public_id. The service draws it with a check for
    # collisions (app.profiles.service.new_public_id); the default serves rows made directly.
    public_id: Mapped[int] = mapped_column(unique=True, default=random_public_id)
    headline: Mapped[str] = mapped_column(String(200), default="")
    about: Mapped[str] = mapped_column(Text, default="")
    # [{"label": "Kontorassistent", "uri": "http://data.europa.eu/esco/occupation/..." | None}]
    wished_jobs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"title", "employer", "start", "end", "description"}]; start/end as "YYYY-MM" or ""
    experience: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # [{"title", "institution", "year"}]
    education: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    driving_licence: Mapped[bool | None]
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    schedule: Mapped[list[str]] = mapped_column(JSON, default=list)  # e.g. ["mon_morning"]
    postcode: Mapped[str | None] = mapped_column(String(4))
    max_distance_km: Mapped[int | None]
    remote_only: Mapped[bool] = mapped_column(default=False)
    # "Jeg kan også arbejde hjemmefra": a job done from home is in reach whatever the distance.
    remote_ok: Mapped[bool] = mapped_column(default=False, server_default=false())
    status: Mapped[JobseekerStatus | None] = mapped_column(status_enum())
    available_from: Mapped[date | None]
    # "Jeg vil gerne se andre job": a person who is hired (or in a fleksjob) gets no job
    # suggestions on "Mine match" unless this is set.
    keeps_looking: Mapped[bool] = mapped_column(default=False, server_default=false())
    visibility: Mapped[Visibility] = mapped_column(
        _enum(Visibility, "profile_visibility"), default=Visibility.HIDDEN, index=True
    )
    # Whether companies that may see the profile may also see the accommodation needs.
    share_accommodations: Mapped[bool] = mapped_column(default=False)
    cv_filename: Mapped[str | None] = mapped_column(String(200))
    cv_content_type: Mapped[str | None] = mapped_column(String(100))
    cv_storage_key: Mapped[str | None] = mapped_column(String(100))
    cv_size: Mapped[int | None]
    # Folded (lower-case) text of the searchable fields, kept by the service on every save.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # When the person last opened "Mine match" (new matches since then are marked).
    matches_seen_at: Mapped[datetime | None]
    # A deleted profile is a tombstone: every text, the needs and the CV are gone; the row
    # stays so that companies' matches can say "Personen har slettet sin profil".
    deleted_at: Mapped[datetime | None]
    # Since when the profile has been complete enough to match (app.profiles.completeness),
    # None while it is not: kept on every save, so the dashboard counts it without reading
    # every profile's texts. Recorded from migration 0019 on, not guessed for the past.
    match_ready_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)


class AccommodationNeeds(Base):
    """Health data (GDPR art. 9), kept in its own table so that no company-facing query can
    pick it up by accident: it is read only through app.profiles.disclosure."""

    __tablename__ = "accommodation_needs"

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("flexjobber_profiles.id", ondelete="CASCADE"), primary_key=True
    )
    # {"no_heavy_lifting": true (must have), "quiet_environment": false (nice to have)}
    needs: Mapped[dict[str, bool]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)
