"""Keeps one-time tokens out of the access log: ``GET /nulstil-adgangskode/<token>`` is
logged as ``/nulstil-adgangskode/…``. A log line must never be a way to sign in."""

from __future__ import annotations

import logging
import re

_TOKEN_IN_PATH = re.compile(r"(/(?:nulstil-adgangskode|login-link|invitation)/)[^/?#\s\"]+")


def redact(text: str) -> str:
    return _TOKEN_IN_PATH.sub(r"\1…", text)


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Idempotent: the app factory may run more than once in a process (tests)."""
    for name in ("uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())
