from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class Consent(Base):
    """What a flexjobber lets one company see, from granted_at until withdrawn_at.

    A change of scope withdraws the old row and adds a new one, so the history of who could
    see what, when, is never overwritten."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("flexjobber_profiles.id", ondelete="CASCADE"), index=True
    )
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    share_identity: Mapped[bool] = mapped_column(default=False)  # name and contact details
    share_cv: Mapped[bool] = mapped_column(default=False)
    share_accommodations: Mapped[bool] = mapped_column(default=False)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
