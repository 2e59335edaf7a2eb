from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base
from app.models.profile import JobseekerStatus, status_enum


class ProfileStatusChange(Base):
    """A flexjobber's status (ledighedsydelse, in fleksjob, wants a change) from a date on.
    The profile keeps only the current status; fleksjob unemployment on a past day needs the
    status as it was then, i.e. the newest row on or before that day."""

    __tablename__ = "profile_status_changes"
    __table_args__ = (
        Index("ix_profile_status_changes_profile_id_changed_at", "profile_id", "changed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("flexjobber_profiles.id", ondelete="CASCADE")
    )
    # None: the person cleared the status (unknown from then on).
    status: Mapped[JobseekerStatus | None] = mapped_column(status_enum())
    changed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
