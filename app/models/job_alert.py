from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base

# Strings rather than database enums (as events): the service keeps the values to these.
ALERT_SEARCH, ALERT_MATCHES = "search", "matches"
FREQUENCIES = ("immediate", "daily", "weekly")


class JobAlert(Base):
    """A flexjobber's saved search ("search": the job search's filters) or "new jobs that
    match me well" ("matches"), checked by `fleksbro daily` / `fleksbro job-alerts`. Each run
    looks only at jobs published since the previous one; a stopped alert is kept (stopped_at)
    so a second click on its stop link still says it is stopped."""

    __tablename__ = "job_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    # The job search's filters as app.jobs.service.clean_filters takes them (checked again on
    # every run, so a postcode or code that stops existing cannot break the run).
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    frequency: Mapped[str] = mapped_column(String(10))
    by_email: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_run_at: Mapped[datetime | None]
    # The jobs the last run found (what the e-mail's link shows); ids only, never titles.
    last_found: Mapped[list[int]] = mapped_column(JSON, default=list)
    stopped_at: Mapped[datetime | None] = mapped_column(index=True)
