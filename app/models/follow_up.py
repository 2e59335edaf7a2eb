from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class FollowUp(Base):
    """A consultant's follow-up of a trial period or a hire: when it was held, the hours per
    week now, how it goes and the next step, and when the next one is due (at most a month
    later: the best jobcentres follow every placement at least monthly)."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    held_on: Mapped[date]
    hours: Mapped[int]
    # Progress note and next step: work notes, seen by the jobcentre only.
    note: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(String(300), default="")
    next_due: Mapped[date] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When the neutral "a follow-up is due" e-mail went to the consultant (once per due date).
    reminded_at: Mapped[datetime | None]
