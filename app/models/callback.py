from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base

CALLBACK_OPEN = "open"
CALLBACK_DONE = "done"


class CallbackRequest(Base):
    """ "Ring mig op": a flexjobber or a company user asks their jobcentre contact to call.
    Seen only by staff of the requester's jobcentre; the named consultant (if any) first."""

    __tablename__ = "callback_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    jobcentre_id: Mapped[int] = mapped_column(
        ForeignKey("jobcentres.id", ondelete="RESTRICT"), index=True
    )
    # The person's own consultant when the request was made; None: anyone at the jobcentre.
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    phone: Mapped[str] = mapped_column(String(40))
    when_suits: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(10), default=CALLBACK_OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
