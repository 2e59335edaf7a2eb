"""The posting's one input model (the create/edit pages, the API's POST and PUT and each CSV
row build it), and the JSON shapes of postings and the CSV import for /api/v1."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from app.kit import limits, parse
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.typed import INVALID, FieldErrors, Invalid
from app.models import JobType
from matching.reference import (
    ACCOMMODATION_CODES,
    SCHEDULE_SLOTS,
    normalize_postcode,
    postcode_info,
)

HOURS_MIN, HOURS_MAX = limits.MIN_WEEKLY_HOURS, limits.MAX_WEEKLY_HOURS
WAGE_MIN, WAGE_MAX = limits.MIN_HOURLY_WAGE, limits.MAX_HOURLY_WAGE
JOB_TYPES = tuple(t.value for t in JobType)
_HOURS = N_("Skriv et helt antal timer mellem 1 og 37.")
_DATE = N_("Skriv en gyldig dato, fx 2026-03-01.")
PAST_DEADLINE = N_("Ansøgningsfristen må ikke ligge før i dag.")


def _scalar(value: Any) -> str:
    """Text from a form, a CSV cell or JSON; a JSON list or object is not one value."""
    if isinstance(value, list | tuple | dict):
        raise Invalid(INVALID)
    return parse.text(value)


def _list(value: Any) -> list[str]:
    """A list, or text separated by new lines, commas, semicolons or |, without repeats; at
    most one past MAX_LIST_ITEMS (enough to say it is too long, in linear time)."""
    if isinstance(value, dict):
        raise Invalid(INVALID)
    return parse.unique(parse.items(value), limit=limits.MAX_LIST_ITEMS)


def parse_date(value: Any) -> date | None:
    """ISO dates (2026-03-01) and Danish ones (1-3-2026, 01.03.2026); None if empty."""
    try:
        parsed = parse.day(_scalar(value) if not isinstance(value, date) else value)
    except ValueError:
        raise Invalid(_DATE) from None
    if parsed is not None and parsed.year < 2000:
        raise Invalid(_DATE)
    return parsed


class PostingIn(BaseModel):
    """A posting as typed: the fields (in form and CSV order) and every rule on them, with a
    Danish message per field. Text from a form or a CSV cell and typed JSON values both read
    (hours "12" or 12, skills "a, b" or ["a", "b"]). A new posting's deadline may not have
    passed; PostingEdit leaves that to the service, which knows the stored deadline."""

    model_config = ConfigDict(validate_default=True)
    # Form fields sent once per ticked box (app.web.forms.form_values).
    form_lists: ClassVar[tuple[str, ...]] = ("schedule", "accommodations_offered")
    checks_past_deadline: ClassVar[bool] = True

    title: str = Field("", description=f"At most {limits.MAX_SHORT_TEXT} characters")
    description: str = Field("", description=f"At most {limits.MAX_LONG_TEXT} characters")
    tasks: str = Field("", description=f"At most {limits.MAX_LONG_TEXT} characters")
    required_skills: list[str] = Field([], description="At most 40, of 100 characters each")
    nice_skills: list[str] = Field([], description="At most 40, of 100 characters each")
    hours_min: int | None = Field(None, description="Hours a week, 1-37 (required)")
    hours_max: int | None = Field(None, description="Hours a week, 1-37 (required)")
    hourly_wage: int | None = Field(
        None, description="Whole kroner an hour including pension (optional; the income guide)"
    )
    schedule: list[str] = Field([], description='Slots such as "mon_morning" (weekday_part).')
    postcode: str | None = None
    remote: bool = False
    accommodations_offered: list[str] = []
    job_type: JobType = Field(
        JobType.FLEXJOB, description="fleksjob, praktik, few_hours or ordinary"
    )
    start_date: date | None = None
    deadline: date | None = None

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> str:
        title = _scalar(value)
        if not title:
            raise Invalid(N_("Skriv jobbets titel."))
        if len(title) > limits.MAX_SHORT_TEXT:
            raise Invalid(N_("Titlen må højst være 200 tegn."))
        return title

    @field_validator("description", "tasks", mode="before")
    @classmethod
    def _long_text(cls, value: Any) -> str:
        text = _scalar(value)
        if len(text) > limits.MAX_LONG_TEXT:
            raise Invalid(N_("Teksten må højst være 10.000 tegn."))
        return text

    @field_validator("required_skills", "nice_skills", mode="before")
    @classmethod
    def _skills(cls, value: Any) -> list[str]:
        skills = _list(value)
        too_long = any(len(skill) > limits.MAX_ITEM_TEXT for skill in skills)
        if len(skills) > limits.MAX_LIST_ITEMS or too_long:
            raise Invalid(N_("Højst 40 kompetencer på højst 100 tegn hver."))
        return skills

    @field_validator("hours_min", "hours_max", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> int:
        try:
            hours = parse.integer(value)
        except ValueError:
            raise Invalid(_HOURS) from None
        if hours is None:
            raise Invalid(N_("Skriv et antal timer om ugen mellem 1 og 37."))
        if not HOURS_MIN <= hours <= HOURS_MAX:
            raise Invalid(N_("Timetallet skal være mellem 1 og 37 timer om ugen."))
        return hours

    @field_validator("hourly_wage", mode="before")
    @classmethod
    def _wage(cls, value: Any) -> int | None:
        try:
            wage = parse.integer(value)
        except ValueError:
            raise Invalid(N_("Skriv timelønnen i hele kroner, fx 185.")) from None
        if wage is not None and not WAGE_MIN <= wage <= WAGE_MAX:
            raise Invalid(N_("Timelønnen skal være mellem 1 og 2.000 kr."))
        return wage

    @field_validator("schedule", mode="before")
    @classmethod
    def _schedule(cls, value: Any) -> list[str]:
        chosen = _list(value)
        if any(slot not in SCHEDULE_SLOTS for slot in chosen):
            raise Invalid(N_("Vælg kun ugedage og tidspunkter fra listen."))
        return [slot for slot in SCHEDULE_SLOTS if slot in chosen]

    @field_validator("remote", mode="before")
    @classmethod
    def _remote(cls, value: Any) -> bool:
        return parse.boolean(_scalar(value) if not isinstance(value, bool) else value)

    @field_validator("postcode", mode="before")
    @classmethod
    def _postcode(cls, value: Any) -> str | None:
        raw = _scalar(value)
        if not raw:
            return None
        postcode = normalize_postcode(raw)
        if postcode is None or postcode_info(postcode) is None:
            raise Invalid(N_("Postnummeret findes ikke. Skriv et dansk postnummer med 4 cifre."))
        return postcode

    @field_validator("accommodations_offered", mode="before")
    @classmethod
    def _accommodations(cls, value: Any) -> list[str]:
        codes = _list(value)
        if any(code not in ACCOMMODATION_CODES for code in codes):
            raise Invalid(N_("Vælg kun skånehensyn fra listen."))
        return [code for code in ACCOMMODATION_CODES if code in codes]

    @field_validator("job_type", mode="before")
    @classmethod
    def _job_type(cls, value: Any) -> JobType:
        kind = value.value if isinstance(value, JobType) else _scalar(value)
        if (kind or JobType.FLEXJOB.value) not in JOB_TYPES:
            raise Invalid(N_("Vælg en jobtype fra listen."))
        return JobType(kind or JobType.FLEXJOB.value)

    @field_validator("start_date", "deadline", mode="before")
    @classmethod
    def _date(cls, value: Any) -> date | None:
        return parse_date(value)

    @field_validator("deadline")
    @classmethod
    def _deadline_ahead(cls, value: date | None, info: ValidationInfo) -> date | None:
        today = (info.context or {}).get("today") or utcnow().date()
        if cls.checks_past_deadline and value is not None and value < today:
            raise Invalid(PAST_DEADLINE)
        return value

    @model_validator(mode="after")
    def _together(self) -> PostingIn:
        errors: dict[str, str] = {}
        if self.hours_min and self.hours_max and self.hours_min > self.hours_max:
            errors["hours_max"] = N_("Det højeste timetal må ikke være mindre end det laveste.")
        if self.postcode is None and not self.remote:
            errors["postcode"] = N_("Skriv arbejdsstedets postnummer, eller vælg hjemmearbejde.")
        if self.start_date and self.deadline and self.deadline > self.start_date:
            errors["deadline"] = N_("Ansøgningsfristen må ikke ligge efter startdatoen.")
        if errors:
            raise FieldErrors(errors)
        return self


class PostingEdit(PostingIn):
    """A stored posting changed: an old deadline may stay (app.jobs.service checks a new one)."""

    checks_past_deadline: ClassVar[bool] = False


# The fields a posting is made of, in form and CSV order (what an audit "fields" list names).
FIELDS = tuple(PostingIn.model_fields)
_STATUS = Literal["draft", "published", "closed"]


class JobCreate(PostingIn):
    """A new posting as the API receives it (422 with a Danish message per field)."""

    company_id: int
    status: _STATUS | None = None


class JobIn(PostingEdit):
    """A posting changed through the API."""

    status: _STATUS | None = None


class JobQuery(BaseModel):
    """The job search's filters (the page, the API and a job alert's saved search)."""

    model_config = ConfigDict(validate_default=True)

    q: str = ""
    fit_hours: bool = False
    max_km: int | None = None
    origin: str | None = None  # postcode to measure from; the flexjobber's own by default
    accommodations: list[str] = []
    job_type: str | None = None

    @field_validator("q", mode="before")
    @classmethod
    def _q(cls, value: Any) -> str:
        return _scalar(value)[: limits.MAX_SHORT_TEXT]

    @field_validator("fit_hours", mode="before")
    @classmethod
    def _fit(cls, value: Any) -> bool:
        return parse.boolean(value if isinstance(value, bool) else _scalar(value))

    @field_validator("max_km", mode="before")
    @classmethod
    def _km(cls, value: Any) -> int | None:
        message = N_("Skriv en afstand i hele kilometer mellem 1 og 500.")
        try:
            km = parse.integer(value)
        except ValueError:
            raise Invalid(message) from None
        if km is not None and not 1 <= km <= limits.MAX_DISTANCE_KM:
            raise Invalid(message)
        return km

    @field_validator("origin", mode="before")
    @classmethod
    def _origin(cls, value: Any) -> str | None:
        raw = _scalar(value)
        code = normalize_postcode(raw) if raw else None
        if raw and (code is None or postcode_info(code) is None):
            raise Invalid(N_("Postnummeret findes ikke."))
        return code

    @field_validator("accommodations", mode="before")
    @classmethod
    def _accommodations(cls, value: Any) -> list[str]:
        chosen = set(value or [])
        if not chosen <= set(ACCOMMODATION_CODES):
            raise Invalid(N_("Vælg kun skånehensyn fra listen."))
        return [code for code in ACCOMMODATION_CODES if code in chosen]

    @field_validator("job_type", mode="before")
    @classmethod
    def _job_type(cls, value: Any) -> str | None:
        kind = _scalar(value) or None
        if kind is not None and kind not in JOB_TYPES:
            raise Invalid(N_("Vælg en jobtype fra listen."))
        return kind


class JobOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    company_id: int
    company_name: str = ""
    title: str
    esco_uri: str | None
    description: str
    tasks: str
    required_skills: list[str]
    nice_skills: list[str]
    hours_min: int | None
    hours_max: int | None
    hourly_wage: int | None = None
    schedule: list[str]
    postcode: str | None
    remote: bool
    accommodations_offered: list[str]
    job_type: str
    start_date: date | None
    deadline: date | None
    status: str
    published_at: datetime | None
    distance_km: float | None = None


class JobList(BaseModel):
    items: list[JobOut]
    total: int
    page: int
    pages: int


class ImportRowOut(BaseModel):
    line: int
    company_cvr: str
    title: str
    status: str
    errors: dict[str, str]


class ImportOut(BaseModel):
    dry_run: bool
    valid_rows: int
    rejected_rows: list[ImportRowOut]
    rows: list[ImportRowOut]
    imported_ids: list[int]
    duplicate_lines: list[int] = Field(
        default_factory=list, description="Valid rows whose posting exists already"
    )
