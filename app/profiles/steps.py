"""The profile wizard's input models, one per step (the API's JSON shapes: schemas.py). The
step pages and the API's profile update (one topic per step) build them through the clean_*
functions in app.profiles.cleaning; ``cleaned()`` is what service.apply_changes stores."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationInfo,
    field_validator,
    model_validator,
)

from app.kit import limits, parse
from app.kit.i18n import N_
from app.kit.text import fold
from app.kit.typed import INVALID, FieldErrors, Invalid
from app.models import JobseekerStatus, Visibility
from matching.accommodations import ACCOMMODATION_CODES
from matching.reference import normalize_postcode, postcode_info
from matching.schedule import SCHEDULE_SLOTS

# A profile's own lengths and counts, within app.kit.limits (more skills than a posting's).
MAX_NAME = MAX_HEADLINE = MAX_TITLE = limits.MAX_SHORT_TEXT
MAX_ABOUT, MAX_DESCRIPTION, MAX_NOTE = 4000, 2000, 1000
MAX_JOBS, MAX_SKILLS, MAX_SKILL = 10, 50, limits.MAX_ITEM_TEXT
MAX_LANGUAGES, MAX_LANGUAGE, MAX_ENTRIES = 20, 60, 30
HOURS_MIN, HOURS_MAX = limits.MIN_WEEKLY_HOURS, limits.MAX_WEEKLY_HOURS
MAX_DISTANCE_KM = limits.MAX_DISTANCE_KM
EXPERIENCE_FIELDS = ("title", "employer", "start", "end", "description")
EDUCATION_FIELDS = ("title", "institution", "year")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def _text(value: Any) -> str:
    if isinstance(value, list | tuple | dict):
        raise Invalid(INVALID)
    return parse.text(value)


def _items(value: object) -> list[str]:
    """A list from a list, or from text with one item per line or separated by commas."""
    if isinstance(value, dict):
        raise Invalid(INVALID)
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"[\n,;]", value) if part.strip()]
    parts = value if isinstance(value, Iterable) else [] if value is None else [value]
    return [str(part).strip() for part in parts if str(part).strip()]


def _unique(items: Iterable[str]) -> list[str]:  # stops one past MAX_SKILLS, the largest cap
    return parse.unique(items, key=fold, limit=MAX_SKILLS)


def _month(value: str) -> bool:
    found = _MONTH.fullmatch(value)
    return found is not None and 1900 <= int(found[1]) <= 2100 and 1 <= int(found[2]) <= 12


def _rows(value: Any) -> list[Mapping[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(r, Mapping) for r in value):
        raise Invalid(INVALID)
    return list(value)


def _flag(value: Any) -> bool:
    return parse.boolean(value if isinstance(value, bool) else _text(value))


Flag = Annotated[bool, BeforeValidator(_flag)]


class _Step(BaseModel):
    model_config = ConfigDict(validate_default=True)

    def cleaned(self) -> dict[str, Any]:
        return self.model_dump()


class AboutStep(_Step):
    display_name: str = ""
    headline: str = ""
    about: str = ""
    status: JobseekerStatus | None = None
    available_from: date | None = None
    keeps_looking: Flag = False

    @field_validator("display_name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        name = _text(value)
        if not name:
            raise Invalid(N_("Skriv dit navn."))
        if len(name) > MAX_NAME:
            raise Invalid(N_("Navnet må højst være 200 tegn."))
        return name

    @field_validator("headline", "about", mode="before")
    @classmethod
    def _length(cls, value: Any, info: ValidationInfo) -> str:
        text = _text(value)
        if info.field_name == "headline" and len(text) > MAX_HEADLINE:
            raise Invalid(N_("Overskriften må højst være 200 tegn."))
        if info.field_name == "about" and len(text) > MAX_ABOUT:
            raise Invalid(N_("Teksten må højst være 4000 tegn."))
        return text

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> JobseekerStatus | None:
        state = _text(value)  # a StrEnum member reads as its value
        if state and state not in {s.value for s in JobseekerStatus}:
            raise Invalid(N_("Vælg en af mulighederne."))
        return JobseekerStatus(state) if state else None

    @field_validator("available_from", mode="before")
    @classmethod
    def _available(cls, value: Any) -> date | None:
        try:
            start = parse.day(value if isinstance(value, date) else _text(value))
            if start is not None and not date(2000, 1, 1) <= start <= date(2100, 12, 31):
                raise ValueError
        except ValueError:
            raise Invalid(N_("Skriv en gyldig dato, fx 01-02-2027.")) from None
        return start


class JobsStep(_Step):
    """Wished jobs in the order typed; errors keyed ``wished_job-<n>`` (1-based input number).
    The service looks each one up in ESCO (app.profiles.cleaning.clean_jobs)."""

    wished_jobs: list[str] = []

    @field_validator("wished_jobs", mode="before")
    @classmethod
    def _jobs(cls, value: Any) -> list[str]:
        errors: dict[str, str] = {}
        labels: list[str] = []
        for number, raw in enumerate(value or [], start=1):
            label = _text(raw)
            if len(label) > MAX_TITLE:
                errors[f"wished_job-{number}"] = N_("Et jobmål må højst være 200 tegn.")
            elif label:
                labels.append(label)
        labels = _unique(labels)
        if len(labels) > MAX_JOBS:
            errors["wished_job-1"] = N_("Du kan højst have 10 jobmål.")
        if errors:
            raise FieldErrors(errors)
        return labels


class SkillsStep(_Step):
    suggested: list[str] = []  # ticked suggestions, added to the typed skills
    skills: list[str] = []
    languages: list[str] = []
    driving_licence: bool | None = None

    @field_validator("skills", "suggested", mode="before")
    @classmethod
    def _skills(cls, value: Any) -> list[str]:
        return _items(value)

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, value: Any) -> list[str]:
        spoken = _unique(_items(value))
        if any(len(language) > MAX_LANGUAGE for language in spoken):
            raise Invalid(N_("Hvert sprog må højst være 60 tegn."))
        if len(spoken) > MAX_LANGUAGES:
            raise Invalid(N_("Du kan højst skrive 20 sprog."))
        return spoken

    @field_validator("driving_licence", mode="before")
    @classmethod
    def _licence(cls, value: Any) -> bool | None:
        if isinstance(value, bool) or value is None:
            return value
        answer = _text(value)
        if answer and answer not in ("ja", "nej"):
            raise Invalid(N_("Vælg ja eller nej."))
        return answer == "ja" if answer else None

    @field_validator("skills")
    @classmethod
    def _chosen(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """The typed skills and then the ticked suggestions (declared first, so read)."""
        chosen = _unique(value + info.data.get("suggested", []))
        if any(len(skill) > MAX_SKILL for skill in chosen):
            raise Invalid(N_("Hver kompetence må højst være 100 tegn."))
        if len(chosen) > MAX_SKILLS:
            raise Invalid(N_("Du kan højst have 50 kompetencer."))
        return chosen

    def cleaned(self) -> dict[str, Any]:
        return self.model_dump(exclude={"suggested"})


class ExperienceStep(_Step):
    """Entries with every field blank are dropped (that is how one is removed)."""

    entries: list[dict[str, str]] = []

    @field_validator("entries", mode="before")
    @classmethod
    def _entries(cls, value: Any) -> list[dict[str, str]]:
        errors: dict[str, str] = {}
        kept: list[dict[str, str]] = []
        for index, raw in enumerate(_rows(value)):
            entry = {key: _text(raw.get(key)) for key in EXPERIENCE_FIELDS}
            if not any(entry.values()):
                continue
            key = f"experience-{index}-"
            if not entry["title"]:
                errors[key + "title"] = N_("Skriv en stillingsbetegnelse.")
            elif len(entry["title"]) > MAX_TITLE:
                errors[key + "title"] = N_("Stillingsbetegnelsen må højst være 200 tegn.")
            if len(entry["employer"]) > MAX_TITLE:
                errors[key + "employer"] = N_("Arbejdsgiverens navn må højst være 200 tegn.")
            for part in ("start", "end"):
                if entry[part] and not _month(entry[part]):
                    errors[key + part] = N_("Skriv år og måned sådan: 2019-08.")
            if not entry["start"] and key + "start" not in errors:
                errors[key + "start"] = N_("Skriv hvornår du startede, fx 2019-08.")
            start, end = entry["start"], entry["end"]
            if start and end and _month(start) and _month(end) and end < start:
                errors[key + "end"] = N_("Slut kan ikke være før start.")
            if len(entry["description"]) > MAX_DESCRIPTION:
                errors[key + "description"] = N_("Beskrivelsen må højst være 2000 tegn.")
            kept.append(entry)
        if len(kept) > MAX_ENTRIES:
            errors["experience-0-title"] = N_("Du kan højst have 30 job på listen.")
        if errors:
            raise FieldErrors(errors)
        return kept

    def cleaned(self) -> dict[str, Any]:
        return {"experience": self.entries}


class EducationStep(_Step):
    entries: list[dict[str, str]] = []

    @field_validator("entries", mode="before")
    @classmethod
    def _entries(cls, value: Any) -> list[dict[str, str]]:
        errors: dict[str, str] = {}
        kept: list[dict[str, str]] = []
        latest = date.today().year + 10
        for index, raw in enumerate(_rows(value)):
            entry = {key: _text(raw.get(key)) for key in EDUCATION_FIELDS}
            if not any(entry.values()):
                continue
            key = f"education-{index}-"
            if not entry["title"]:
                errors[key + "title"] = N_("Skriv uddannelsens navn.")
            elif len(entry["title"]) > MAX_TITLE:
                errors[key + "title"] = N_("Uddannelsens navn må højst være 200 tegn.")
            if len(entry["institution"]) > MAX_TITLE:
                errors[key + "institution"] = N_("Skolens navn må højst være 200 tegn.")
            year = entry["year"]
            if year and not (re.fullmatch(r"[0-9]{4}", year) and 1940 <= int(year) <= latest):
                errors[key + "year"] = N_("Skriv et årstal med 4 cifre, fx 2012.")
            kept.append(entry)
        if len(kept) > MAX_ENTRIES:
            errors["education-0-title"] = N_("Du kan højst have 30 uddannelser på listen.")
        if errors:
            raise FieldErrors(errors)
        return kept

    def cleaned(self) -> dict[str, Any]:
        return {"education": self.entries}


class HoursStep(_Step):
    hours_min: int | None = None
    hours_max: int | None = None
    schedule: list[str] = []

    @field_validator("hours_min", "hours_max", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> int:
        try:
            number = parse.integer(value)
        except ValueError:
            raise Invalid(N_("Skriv et helt antal timer mellem 1 og 37.")) from None
        if number is None:
            raise Invalid(N_("Skriv et antal timer mellem 1 og 37."))
        if not HOURS_MIN <= number <= HOURS_MAX:
            raise Invalid(N_("Antal timer skal være mellem 1 og 37."))
        return number

    @field_validator("schedule", mode="before")
    @classmethod
    def _schedule(cls, value: Any) -> list[str]:
        slots = _items(value)
        if any(slot not in SCHEDULE_SLOTS for slot in slots):
            raise Invalid(N_("Vælg kun blandt dagene og tidspunkterne på listen."))
        return [slot for slot in SCHEDULE_SLOTS if slot in set(slots)]

    @model_validator(mode="after")
    def _together(self) -> HoursStep:
        low, high = self.hours_min, self.hours_max
        if low is not None and high is not None and low > high:
            message = N_("Det højeste antal timer kan ikke være lavere end det laveste.")
            raise FieldErrors({"hours_max": message})
        return self


class PlaceStep(_Step):
    remote_only: Flag = False
    postcode: str | None = None
    max_distance_km: int | None = None
    remote_ok: Flag = False

    @field_validator("postcode", mode="before")
    @classmethod
    def _postcode(cls, value: Any, info: ValidationInfo) -> str | None:
        code = _text(value)
        if code:
            if not re.fullmatch(r"[0-9]{4}", code) or postcode_info(code) is None:
                raise Invalid(N_("Skriv et gyldigt dansk postnummer med 4 cifre, fx 2900."))
            return normalize_postcode(code)
        if not info.data.get("remote_only"):  # declared first, so already read
            raise Invalid(N_("Skriv dit postnummer, eller vælg at du kun vil arbejde hjemmefra."))
        return None

    @field_validator("max_distance_km", mode="before")
    @classmethod
    def _distance(cls, value: Any) -> int | None:
        try:
            distance = parse.integer(value)
            if distance is not None and not 0 <= distance <= MAX_DISTANCE_KM:
                raise ValueError
        except ValueError:
            raise Invalid(N_("Skriv et helt antal kilometer mellem 0 og 500.")) from None
        return distance

    def cleaned(self) -> dict[str, Any]:
        # Only from home implies home is fine too.
        return self.model_dump() | {"remote_ok": self.remote_only or self.remote_ok}


class NeedsStep(_Step):
    """needs: code -> "must"/"nice"/"" (form) or True/False (API; True means must have)."""

    needs: dict[str, bool] = {}
    note: str = ""

    @field_validator("needs", mode="before")
    @classmethod
    def _needs(cls, value: Any) -> dict[str, bool]:
        if not isinstance(value, Mapping):
            raise Invalid(INVALID)
        errors: dict[str, str] = {}
        chosen: dict[str, bool] = {}
        for code, answer in value.items():
            if code not in ACCOMMODATION_CODES:
                errors["needs"] = N_("Vælg kun skånehensyn fra listen.")
            elif isinstance(answer, bool):
                chosen[code] = answer
            elif _text(answer) in ("must", "nice"):
                chosen[code] = _text(answer) == "must"
            elif _text(answer):
                message = N_("Vælg om det er et krav, rart at have eller ikke relevant.")
                errors[f"need-{code}"] = message
        if errors:
            raise FieldErrors(errors)
        return {code: chosen[code] for code in ACCOMMODATION_CODES if code in chosen}

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: Any) -> str:
        if len(text := _text(value)) > MAX_NOTE:
            raise Invalid(N_("Noten må højst være 1000 tegn."))
        return text

    def cleaned(self) -> dict[str, Any]:
        return {"accommodation_needs": self.needs, "accommodation_note": self.note}


class VisibilityStep(_Step):
    visibility: Visibility = Visibility.HIDDEN
    share_accommodations: Flag = False

    @field_validator("visibility", mode="before")
    @classmethod
    def _visibility(cls, value: Any) -> Visibility:
        if (chosen := _text(value)) not in {v.value for v in Visibility}:  # StrEnum: its value
            raise Invalid(N_("Vælg hvem der kan se din profil."))
        return Visibility(chosen)
