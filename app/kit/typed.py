"""Typed input, once: one Pydantic model per form reads the HTML form, the API body and a CSV
row alike, and its ValidationError becomes one Danish message per field — for the form shown
again, and for the error tree's JSON (app.web.error_handlers uses ``field_messages`` too).

A model's validators raise ``Invalid(N_("…"))`` for a message about their own field, and
``FieldErrors({...})`` for checks across fields (the later of two hours, a deadline after the
start) or for rows of a list (``experience-0-title``), keyed as the form names its inputs. Any other error (a plain ValueError, whose text is not a
Danish message, a list where text was expected, a missing field) gets the model's
``messages`` for that field, else ``INVALID``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from app.errors import ValidationFailed
from app.kit.i18n import N_

INVALID = N_("Ugyldig værdi.")
M = TypeVar("M", bound=BaseModel)


class Invalid(ValueError):
    """A field's value is wrong; the argument is the Danish message (a msgid)."""


class FieldErrors(Invalid):
    """Messages for several fields at once. ``drop``: the fields ``validated_partly`` leaves
    out when the message is about another one (a distance without the posting it is from)."""

    def __init__(self, fields: Mapping[str, str], drop: tuple[str, ...] = ()):
        self.fields = dict(fields)
        self.drop = drop
        super().__init__(next(iter(self.fields.values()), INVALID))


def field_messages(
    errors: Iterable[Mapping[str, Any]],
    defaults: Mapping[str, str] | None = None,
    skip: tuple[str, ...] = (),
    dropped: set[str] | None = None,
) -> dict[str, str]:
    """field name -> message, the first per field. ``skip``: leading location parts that are
    not field names (FastAPI's "body", "query"); ``dropped`` collects FieldErrors.drop."""
    defaults = defaults or {}
    fields: dict[str, str] = {}
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in skip]
        name = ".".join(location) or "_form"
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, FieldErrors):
            if dropped is not None:
                dropped.update(cause.drop)
            # Named as the form names them, wherever in the model it was raised.
            for key, message in cause.fields.items():
                fields.setdefault(key, message)
            continue
        if isinstance(cause, Invalid) and str(cause):
            message = str(cause)
        else:
            message = defaults.get(location[0] if location else name, INVALID)
        fields.setdefault(name, message)
    return fields


def messages_of(exc: ValidationError, model: type[BaseModel]) -> dict[str, str]:
    return field_messages(exc.errors(), getattr(model, "messages", None))


def validated(model: type[M], data: Any, **context: Any) -> M:
    """The model from a form, a CSV row or a dict, or ValidationFailed with Danish messages."""
    try:
        return model.model_validate(data, context=context or None)
    except ValidationError as exc:
        raise ValidationFailed(fields=messages_of(exc, model)) from None


def validated_partly(model: type[M], data: Mapping[str, Any]) -> tuple[M, dict[str, str]]:
    """The model without the fields that are wrong, and their messages: a search with one
    wrong filter still lists, without that filter, and says what is wrong."""
    values, errors = dict(data), dict[str, str]()
    for _ in range(len(values) + 1):
        try:
            return model.model_validate(values), errors
        except ValidationError as exc:
            dropped: set[str] = set()
            found = field_messages(exc.errors(), getattr(model, "messages", None), (), dropped)
            for name, message in found.items():
                errors.setdefault(name, message)
            names = (found.keys() | dropped) & values.keys()
            if not names:
                raise
            for name in names:
                del values[name]
    raise AssertionError("unreachable: every round leaves out at least one field")
