"""E-mail that leaves only when the request's transaction commits.

A refused or failed action rolls back and sends nothing; a link in an e-mail always points at
data that was saved."""

from __future__ import annotations

import logging

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.kit.mailer import Mailer

log = logging.getLogger("fleksbro.mail")


class DeferredMailer(Mailer):
    def __init__(self, mailer: Mailer, db: Session) -> None:
        super().__init__(mailer.config)
        self._mailer = mailer
        self._db = db
        self._queue: list[tuple[str, str, str]] = []
        event.listen(db, "after_commit", self._flush)
        # "soft" fires on every rollback() call, even when no SQL had been sent yet.
        event.listen(db, "after_soft_rollback", self._discard)

    def send(self, to: str, subject: str, body: str) -> None:
        self._queue.append((to, subject, body))

    def _flush(self, _session: Session) -> None:
        queued, self._queue = self._queue, []
        for to, subject, body in queued:
            try:
                self._mailer.send(to, subject, body)
            except OSError:  # the data is saved; a mail server hiccup must not undo it
                log.exception("could not send e-mail")

    def _discard(self, _session: Session, _previous: object) -> None:
        self._queue.clear()
