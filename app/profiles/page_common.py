"""What the profile pages share: the status and visibility labels, the form dependency, the
labels every profile template gets, and where a profile's pages live (``/profil`` for the
person, ``/profiler/<public id>`` for their consultant)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.datastructures import FormData

from app.kit.i18n import N_
from app.models import FlexjobberProfile, JobseekerStatus, Visibility
from app.taxonomy import labels
from matching.schedule import PART_LABELS_DA, PARTS_OF_DAY, WEEKDAY_LABELS_DA, WEEKDAYS

STATUS_LABELS = {
    JobseekerStatus.LEDIGHEDSYDELSE.value: N_("Jeg er på ledighedsydelse"),
    JobseekerStatus.IN_FLEXJOB_WANTS_OTHER.value: N_("Jeg er i fleksjob og vil gerne skifte"),
    JobseekerStatus.CHANGE_OF_FIELD.value: N_("Jeg vil gerne prøve et nyt fag"),
}
VISIBILITY_LABELS = {
    Visibility.HIDDEN.value: N_("Skjult – kun du og dit jobcenter kan se profilen"),
    Visibility.ANONYMOUS.value: N_(
        "Anonym – virksomheder kan se profilen uden dit navn, dine arbejdsgivere og dit CV"
    ),
    Visibility.NAMED.value: N_("Med navn – virksomheder kan se profilen med dit navn"),
}
SAVED = N_("Dine ændringer er gemt.")


async def read_form(request: Request) -> FormData:
    # Cached by Starlette: the CSRF guard has read the same form already.
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]


def _schedule_days() -> list[dict[str, Any]]:
    return [
        {
            "code": day,
            "label": WEEKDAY_LABELS_DA[day].capitalize(),
            "parts": [(f"{day}_{part}", PART_LABELS_DA[part]) for part in PARTS_OF_DAY],
        }
        for day in WEEKDAYS
    ]


def page_labels(lang: str) -> dict[str, Any]:
    return {
        "status_labels": STATUS_LABELS,
        "visibility_labels": VISIBILITY_LABELS,
        "accommodation_labels": labels.accommodation_labels(lang),
        "schedule_days": _schedule_days(),
    }


def profile_base(profile: FlexjobberProfile, on_behalf: bool) -> str:
    return f"/profiler/{profile.public_id}" if on_behalf else "/profil"


def edit_base(profile: FlexjobberProfile, on_behalf: bool) -> str:
    return f"/profiler/{profile.public_id}/rediger" if on_behalf else "/profil"
