"""Small helpers for HTML form handling in page routes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from starlette.datastructures import FormData


def safe_next(target: str | None, default: str = "/hjem") -> str:
    """Only same-site relative paths, so a crafted link cannot send people elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def form_values(form: FormData, model: type[BaseModel], *extra: str) -> dict[str, Any]:
    """A form's fields for ``model`` (and ``extra`` names) as typed, so a rejected form shows
    them again and ``app.kit.typed.validated(model, values)`` reads them. A field the form
    sends several times (checkboxes; the model's ``form_lists``) is a list; an upload is
    not text and reads as blank."""
    lists = getattr(model, "form_lists", ())
    values: dict[str, Any] = {}
    for name in (*model.model_fields, *extra):
        if name in lists:
            values[name] = [v for v in form.getlist(name) if isinstance(v, str)]
        else:
            value = form.get(name)
            values[name] = value if isinstance(value, str) else ""
    return values
