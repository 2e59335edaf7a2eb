"""JSON shapes for the match API (/api/v1/me/matches, /jobs/{id}/candidates, /matches/...)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, Field, field_validator

from app.kit import parse
from app.kit.i18n import N_
from app.kit.typed import Invalid
from matching.bands import Band


class JobMatchOut(BaseModel):
    job_id: int
    title: str
    company_id: int
    company_name: str
    score: float = Field(description="0–100")
    band: Band = Field(description='"strong" (≥ 50), "good" (≥ 25) or "possible"')
    band_label: str = Field(description='The band in your language, e.g. "Stærkt match"')
    reasons: list[str]
    is_new: bool
    match_id: int | None = None
    state: str | None = None
    saved: bool = False


class JobMatchList(BaseModel):
    ready: bool = Field(description="False while the match index has no entry for you yet")
    paused: bool = Field(
        False,
        description='True when you are hired and have not chosen "Jeg vil gerne se andre job"',
    )
    items: list[JobMatchOut]


class CandidateOut(BaseModel):
    profile_id: int = Field(description="The profile's public id (changes when it turns anonymous)")
    name: str = Field(description="The name, or the pseudonym when the person is anonymous")
    is_pseudonym: bool
    headline: str
    score: float = Field(description="0–100")
    band: Band = Field(description='"strong" (≥ 50), "good" (≥ 25) or "possible"')
    band_label: str = Field(description='The band in your language, e.g. "Stærkt match"')
    reasons: list[str]
    match_id: int | None = Field(None, description="Set when the caller may open the match")
    state: str | None = None
    unread: int = 0


class CandidateList(BaseModel):
    ready: bool = Field(description="False while the match index has not ranked the posting yet")
    items: list[CandidateOut]


class PersonOut(BaseModel):
    profile_id: int = Field(description="The profile's public id (changes when it turns anonymous)")
    name: str
    is_pseudonym: bool
    email: str | None = None
    headline: str
    skills: list[str]
    wished_jobs: list[str]
    hours_min: int | None
    hours_max: int | None
    postcode: str | None
    has_cv: bool
    accommodation_needs: dict[str, bool] | None = Field(
        None, description="Absent (null) unless the person shares them with the caller"
    )
    accommodation_note: str | None = None


class TimelineOut(BaseModel):
    when: datetime
    who: str = Field(description="Empty for Fleksbro itself")
    kind: str
    from_state: str
    to_state: str


class MatchJobOut(BaseModel):
    id: int
    title: str
    company_id: int
    company_name: str
    status: str


class MatchOut(BaseModel):
    id: int
    state: str
    party: str
    job: MatchJobOut
    person: PersonOut
    allowed_actions: list[str]
    may_message: bool
    expires_at: datetime | None
    recommendation_note: str
    flexjobber_interest_at: datetime | None
    company_interest_at: datetime | None
    meeting_at: datetime | None
    meeting_place: str
    meeting_online: bool
    meeting_participants: str
    trial_start: date | None
    trial_end: date | None
    trial_hours: int | None
    hired_hours: int | None
    hired_start: date | None
    ended_reason: str
    ended_note: str
    timeline: list[TimelineOut]


# The fields each action reads; the match pages' forms pass only these to the model.
ACTION_FIELDS = {
    "interest": ("on_behalf_reason",),
    "recommend": ("note",),
    "dismiss": ("reason", "note"),
    "meeting": ("meeting_at", "meeting_place", "meeting_online", "meeting_participants"),
    "trial": ("start", "end", "hours"),
    "hire": ("start", "hours"),
    "end": ("reason", "note"),
    "save": ("saved",),
    "hide": ("reason",),
}
_TOO_LONG = N_("Teksten er for lang.")


class MatchActionIn(BaseModel):
    """One action on a match: the API's body, and what the match pages' action forms are read
    into (app.matches.forms.action_from_form). Which fields an action needs, and whether the
    match's state allows it, the service and the lifecycle decide."""

    messages: ClassVar[dict[str, str]] = {
        "action": N_("Ukendt handling."),
        "note": _TOO_LONG,
        "reason": _TOO_LONG,
        "on_behalf_reason": _TOO_LONG,
        "meeting_place": _TOO_LONG,
        "meeting_participants": _TOO_LONG,
    }

    action: Literal[
        "interest", "recommend", "dismiss", "meeting", "trial", "hire", "end", "save", "hide"
    ]
    note: str = Field("", max_length=2000)
    reason: str = Field("", max_length=60)
    on_behalf_reason: str = Field("", max_length=500)
    meeting_at: datetime | None = Field(None, description="With a time zone")
    meeting_place: str = Field("", max_length=300)
    meeting_online: bool = False
    meeting_participants: str = Field("", max_length=2000)
    start: date | None = Field(None, description="Trial or hiring start")
    end: date | None = Field(None, description="Trial end")
    hours: int | None = Field(None, description="Hours a week (trial or hiring), 1-37")
    saved: bool = True

    @field_validator("meeting_at")
    @classmethod
    def _moment(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise Invalid(N_("Angiv tidspunktet med tidszone."))
        try:
            return parse.moment(value) if value is not None else None
        except ValueError:
            raise Invalid(N_("Skriv en gyldig dato.")) from None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _day(cls, value: Any) -> date | None:
        try:
            return parse.day(value if isinstance(value, date) else parse.text(value))
        except ValueError:
            raise Invalid(N_("Skriv en gyldig dato.")) from None

    @field_validator("hours", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> int | None:
        # The range (1-37) is the lifecycle's, with the form's field name.
        try:
            return parse.integer(value)
        except ValueError:
            raise Invalid(N_("Timer om ugen skal være mellem 1 og 37.")) from None


class JobActionIn(BaseModel):
    """The flexjobber's actions on a job from "Mine match", a job's page or the job search."""

    action: Literal["interest", "save", "hide"]
    saved: bool = Field(True, description="For save: false takes the job off your saved jobs")
    reason: str = Field("", max_length=60, description="For hide: hours, distance, tasks, …")


class MessageOut(BaseModel):
    id: int
    when: datetime
    sender: str
    mine: bool
    body: str


class MessageList(BaseModel):
    items: list[MessageOut]


class MessageIn(BaseModel):
    body: str = Field(max_length=20_000)


class ConsentOut(BaseModel):
    company_id: int
    company_name: str
    identity: bool
    cv: bool
    accommodations: bool
    granted_at: datetime
    withdrawn_at: datetime | None


class ConsentList(BaseModel):
    items: list[ConsentOut]


class ConsentIn(BaseModel):
    company_id: int
    identity: bool = False
    cv: bool = False
    accommodations: bool = False
