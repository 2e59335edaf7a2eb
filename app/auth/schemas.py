from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class MeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    display_name: str
    role: str
    jobcentre_id: int | None
    last_login_at: datetime | None


class ApiTokenOut(BaseModel):
    """One of your live API tokens. The token itself is shown only once, when it is made."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
