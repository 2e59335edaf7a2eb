from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base

# Strings rather than database enums: one migration on both databases, and new states later
# need no ALTER TYPE. The services keep the values to these.
EVENT_DRAFT, EVENT_PUBLISHED, EVENT_CANCELLED = "draft", "published", "cancelled"
AUDIENCES = ("flexjobbers", "companies", "both")
SIGNUP_CONFIRMED, SIGNUP_WAITING, SIGNUP_CANCELLED = "confirmed", "waiting", "cancelled"


class Event(Base):
    """A jobcentre's event (a meeting, a course, a company visit), for flexjobbers,
    companies or both. Drafts until published; cancelled events stay visible as cancelled."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobcentre_id: Mapped[int] = mapped_column(
        ForeignKey("jobcentres.id", ondelete="RESTRICT"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(200), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    capacity: Mapped[int]
    audience: Mapped[str] = mapped_column(String(12), default="both")
    signup_deadline: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(12), default=EVENT_DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]


class EventSignup(Base):
    """One person's place at an event: confirmed, on the waiting list (in order of created_at),
    or cancelled. One row per person and event; signing up again reuses it."""

    __tablename__ = "event_signups"
    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    reminded_at: Mapped[datetime | None]  # the day-before reminder went out
