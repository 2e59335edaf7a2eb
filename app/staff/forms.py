"""Reading the staff-administration forms into their typed models (``app.staff.schemas``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ValidationError

from app.errors import AppError
from app.staff.schemas import form_errors

FIELDS = (
    "name", "kommune_code", "team_name", "email", "display_name", "role", "team_id",
    "move_members", "successor_id", "role_successor_id", "hand_over_later",
)  # fmt: skip
Model = TypeVar("Model", bound=BaseModel)
Result = TypeVar("Result")
# Renders the form's page again with these field messages and this status.
Again = Callable[[dict[str, str], int], Response]


class FormInvalid(Exception):
    """The form's Danish field messages, keyed by the input's name on the page."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("form invalid")


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {name: str(form.get(name) or "").strip()[:300] for name in FIELDS}


StaffForm = Annotated[dict[str, str], Depends(_form)]


def parse(model: type[Model], form: dict[str, str], fields: dict[str, str] | None = None) -> Model:
    """The model from the form; ``fields`` maps the model's field names to the inputs' names
    where they differ (two forms on one page each have a "name"). A blank input is left out,
    so an optional field takes its default."""
    fields = fields or {}
    names = {field: fields.get(field, field) for field in model.model_fields}
    data = {field: form[name] for field, name in names.items() if form.get(name, "") != ""}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FormInvalid({names.get(k, k): v for k, v in form_errors(exc).items()}) from None


def field_errors(exc: AppError, fields: dict[str, str] | None = None) -> dict[str, str]:
    """A service's refusal as field messages (its own message if it names no field)."""
    fields = fields or {}
    if not exc.fields:
        return {"_form": exc.message}
    return {fields.get(k, k): exc.message if exc.status_code == 409 else v
            for k, v in exc.fields.items()}  # fmt: skip


def submit(
    change: Callable[[], Result],
    again: Again,
    done: str | Callable[[Result], str],
    fields: dict[str, str] | None = None,
) -> Response:
    """Every staff form's handler: apply the change (which parses the form), then redirect to
    ``done`` (a URL, or one made from the change's result); a form that does not validate, or
    a refusal by the service, shows the page again with the messages (422, or the refusal's
    status). ``fields`` maps the service's field names to the inputs' names as in ``parse``."""
    try:
        result = change()
    except FormInvalid as exc:
        return again(exc.errors, 422)
    except AppError as exc:
        return again(field_errors(exc, fields), exc.status_code)
    return RedirectResponse(done(result) if callable(done) else done, status_code=303)
