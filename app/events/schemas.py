"""JSON shapes of events and sign-ups (/api/v1/events)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class EventOut(BaseModel):
    id: int
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online_url: str
    capacity: int
    seats_taken: int
    audience: str = Field(description="flexjobbers, companies or both")
    signup_deadline: datetime | None
    status: str = Field(description="draft (staff only), published or cancelled")
    open_for_signup: bool
    my_signup: str | None = Field(description="confirmed, waiting or null")
    waiting_position: int | None = Field(description="1 = next in line")


class EventList(BaseModel):
    items: list[EventOut]


class SignupOut(BaseModel):
    event_id: int
    status: str = Field(description="confirmed, waiting or cancelled")
    waiting_position: int | None = None
