from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class OccupationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uri: str
    isco: str
    label_da: str
    label_en: str


class AccommodationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    label_da: str
    label_en: str
    explanation_da: str


class SkillsOut(BaseModel):
    occupation: OccupationOut | None
    skills: list[str]


class PostcodeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    postcode: str
    name: str
    kommune: str
    lat: float
    lon: float
    non_geographic: bool
