"""What a job's and a match's page need to show the income guide in short."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from app.income import format as fmt
from app.income import service
from app.models import FlexjobberProfile, JobPosting
from app.web.i18n import language_of


def teaser_context(
    request: Request, posting: JobPosting, profile: FlexjobberProfile | None
) -> dict[str, Any]:
    lang = language_of(request)
    income = service.preview(
        posting.hours_min,
        posting.hours_max,
        posting.hourly_wage,
        profile.hours_max if profile else None,
    )
    return {"income": income, "kr": lambda value: fmt.kroner(value, lang)}
