from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class RateEvent(Base):
    """One counted action (e.g. "a reset e-mail was asked for this address"), for rate limits
    that hold across workers. Old rows are pruned when new ones are written."""

    __tablename__ = "rate_events"
    __table_args__ = (Index("ix_rate_events_kind_key_created_at", "kind", "key", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
