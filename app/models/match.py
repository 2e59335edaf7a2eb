from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class MatchState(enum.StrEnum):
    SUGGESTED = "suggested"
    RECOMMENDED = "recommended"  # by a consultant, to both sides
    INTEREST = "interest"  # one side has shown interest, waiting for the other
    MUTUAL = "mutual"
    MEETING = "meeting"  # a three-party talk is booked
    TRIAL = "trial"  # praktik / trial period
    HIRED = "hired"
    ENDED = "ended"
    DISMISSED = "dismissed"  # a consultant dismissed the suggestion
    EXPIRED = "expired"  # a request got no answer in time


class Match(Base):
    """A candidate–job pair somebody has acted on. Pure suggestions are computed on the fly
    by the matcher; a row exists from the first action (recommend, interest, save, hide...)."""

    __tablename__ = "matches"
    __table_args__ = (UniqueConstraint("profile_id", "job_id", name="profile_job"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("flexjobber_profiles.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[int] = mapped_column(
        ForeignKey("job_postings.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[MatchState] = mapped_column(
        Enum(MatchState, name="match_state", values_callable=lambda e: [m.value for m in e]),
        default=MatchState.SUGGESTED,
        index=True,
    )
    score: Mapped[float | None]
    flexjobber_interest_at: Mapped[datetime | None]
    company_interest_at: Mapped[datetime | None]
    # When an unanswered request lapses (set when one side asks).
    expires_at: Mapped[datetime | None] = mapped_column(index=True)
    recommended_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    recommendation_note: Mapped[str] = mapped_column(Text, default="")
    # The flexjobber's own marks on the job: saved, or "ikke interesseret" with a reason.
    saved_at: Mapped[datetime | None]
    hidden_at: Mapped[datetime | None]
    hidden_reason: Mapped[str] = mapped_column(String(60), default="")
    # Meeting (three-party talk)
    meeting_at: Mapped[datetime | None]
    meeting_place: Mapped[str] = mapped_column(String(300), default="")
    meeting_online: Mapped[bool] = mapped_column(default=False)
    meeting_participants: Mapped[str] = mapped_column(Text, default="")
    # Trial period (praktik)
    trial_start: Mapped[date | None]
    trial_end: Mapped[date | None]
    trial_hours: Mapped[int | None]
    # Outcome
    hired_hours: Mapped[int | None]
    hired_start: Mapped[date | None]
    ended_reason: Mapped[str] = mapped_column(String(60), default="")
    ended_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MatchEvent(Base):
    """One step on a match's timeline: who moved it from which state to which, and when."""

    __tablename__ = "match_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str] = mapped_column(String(20), default="")
    to_state: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # Hours per week agreed at this step (trial start, hiring): the dated history of hours
    # that progression ("did the hours go up since the placement started?") is counted from.
    hours: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
