"""Pure ASGI middleware that keeps one client from exhausting the server: a body-size limit
(413 before anything parses the body, Content-Length or chunked), a cap on the requests
inside the app at once (the rest wait in the event loop, costing no thread or connection),
and 404 for a path whose id no table can hold (``/api/v1/profiles/99999999999999999999``
would otherwise overflow the database driver in every ``/{id}`` route)."""

from __future__ import annotations

import anyio
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.kit import limits

# Routes that take an uploaded file: path suffix -> the largest body they accept.
_UPLOADS = {
    "/cv": limits.MAX_CV_BYTES + limits.UPLOAD_OVERHEAD_BYTES,
    "/billeder": limits.MAX_IMAGE_BYTES + limits.UPLOAD_OVERHEAD_BYTES,
    # The video, its captions and its poster in one form.
    "/videoer": limits.MAX_VIDEO_BYTES
    + limits.MAX_CAPTIONS_BYTES
    + limits.MAX_IMAGE_BYTES
    + limits.UPLOAD_OVERHEAD_BYTES,
    "/konsulent/import": limits.MAX_CSV_BYTES + limits.UPLOAD_OVERHEAD_BYTES,
    # The previewed upload comes back signed, compressed and base64-encoded (4/3 of its size).
    "/konsulent/import/bekraeft": limits.MAX_CSV_BYTES * 4 // 3 + limits.UPLOAD_OVERHEAD_BYTES,
    "/api/v1/jobs/import": limits.MAX_CSV_BYTES + limits.UPLOAD_OVERHEAD_BYTES,
}
_UNLIMITED = ("/healthz", "/static/")


def body_limit_for(path: str) -> int:
    for suffix, limit in _UPLOADS.items():
        if path.endswith(suffix):
            return limit
    return limits.MAX_BODY_BYTES


class LoadLimits:
    def __init__(self, app: ASGIApp, max_concurrent: int = limits.MAX_CONCURRENT_REQUESTS):
        self.app = app
        self.slots = anyio.CapacityLimiter(max_concurrent)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(_UNLIMITED):
            await self.app(scope, receive, send)
            return
        limit = body_limit_for(scope["path"])
        declared = _content_length(scope)
        refusal = 404 if _has_oversized_id(scope["path"]) else None
        if declared is not None and declared > limit:
            refusal = 413
        if refusal is not None:
            from app.web.error_handlers import http_error

            response = await http_error(Request(scope), HTTPException(refusal))
            await response(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # A chunked body, or one longer than it said: stop reading it. An
                    # HTTPException, because FastAPI turns any other error while it parses
                    # a body into a 400; the one error handler renders it.
                    raise HTTPException(413)
            return message

        async with self.slots:
            await self.app(scope, counted_receive, send)


def _has_oversized_id(path: str) -> bool:
    for part in path.split("/"):
        number = part.removeprefix("-").removeprefix("+")
        if (
            number.isascii()
            and number.isdigit()
            and (len(number) > 10 or int(number) > limits.MAX_ID)
        ):
            return True
    return False


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
