from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class CompanyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    cvr: str
    address: str
    postcode: str
    jobcentre_id: int
    consultant_id: int | None = None
    industry: str = ""
    size: str = ""
    description: str = ""
    fleksjob_statement: str = ""
    accommodations_offered: list[str] = []
