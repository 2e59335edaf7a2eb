"""The follow-up form, one typed model for the page (and any later API)."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, Field, field_validator, model_validator

from app.kit.clock import utcnow

MAX_GAP_DAYS = 31  # "at least monthly"
DEFAULT_GAP_DAYS = 30


class FollowUpIn(BaseModel):
    held_on: date
    hours: int = Field(ge=1, le=37)
    note: str = Field(default="", max_length=2000)
    next_step: str = Field(default="", max_length=300)
    next_due: date | None = None

    @field_validator("held_on")
    @classmethod
    def _not_in_the_future(cls, value: date) -> date:
        today = utcnow().date()
        if value > today or value < today - timedelta(days=366):
            raise ValueError("held_on")
        return value

    @model_validator(mode="after")
    def _next_within_a_month(self) -> FollowUpIn:
        if self.next_due is None:
            self.next_due = self.held_on + timedelta(days=DEFAULT_GAP_DAYS)
        if not self.held_on < self.next_due <= self.held_on + timedelta(days=MAX_GAP_DAYS):
            raise ValueError("next_due")
        return self
