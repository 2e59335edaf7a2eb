"""JSON bodies read once, with the rules every API route shares: integers within what any
column holds, and text that is valid Unicode (a lone surrogate such as "\\ud800" is legal JSON
but no database can store it). A body that breaks them is a 422 like any malformed JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from app.kit.limits import MAX_JSON_INT


def _int(text: str) -> int:
    if len(text.lstrip("-")) > len(str(MAX_JSON_INT)) or abs(int(text)) > MAX_JSON_INT:
        raise json.JSONDecodeError("number out of range", text, 0)
    return int(text)


def _check_text(value: Any) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise json.JSONDecodeError("text is not valid Unicode", value, exc.start) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list):
        for item in value:
            _check_text(item)


class CheckedJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            # parse_constant refuses NaN and Infinity, which are not JSON either.
            self._json = json.loads(await self.body(), parse_int=_int, parse_constant=_no_constant)
            _check_text(self._json)
        return self._json


def _no_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not a JSON number", name, 0)


class CheckedJsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            return await handler(CheckedJsonRequest(request.scope, request.receive))

        return checked
