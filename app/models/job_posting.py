from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class JobType(enum.StrEnum):
    FLEXJOB = "fleksjob"
    INTERNSHIP = "praktik"
    FEW_HOURS = "few_hours"
    ORDINARY = "ordinary"


class PostingStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class JobPosting(Base):
    __tablename__ = "job_postings"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    esco_uri: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    tasks: Mapped[str] = mapped_column(Text, default="")
    required_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    nice_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    # Whole kroner an hour including pension, if the posting states it (the income guide).
    hourly_wage: Mapped[int | None]
    schedule: Mapped[list[str]] = mapped_column(JSON, default=list)
    postcode: Mapped[str | None] = mapped_column(String(4))
    remote: Mapped[bool] = mapped_column(default=False)
    accommodations_offered: Mapped[list[str]] = mapped_column(JSON, default=list)
    job_type: Mapped[JobType] = mapped_column(
        Enum(JobType, name="job_type", values_callable=lambda e: [m.value for m in e]),
        default=JobType.FLEXJOB,
    )
    start_date: Mapped[date | None]
    deadline: Mapped[date | None]
    status: Mapped[PostingStatus] = mapped_column(
        Enum(PostingStatus, name="posting_status", values_callable=lambda e: [m.value for m in e]),
        default=PostingStatus.DRAFT,
        index=True,
    )
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)
    published_at: Mapped[datetime | None]
