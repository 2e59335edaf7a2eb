from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from app.mail.deferred import DeferredMailer
from app.mail.service import mailer_from
from app.settings import Settings
from tests.support.smtp import Mailbox


def test_mail_leaves_only_after_commit_and_never_after_rollback(
    engine: Engine, settings: Settings, mailbox: Mailbox
) -> None:
    with Session(engine) as db:
        mailer = DeferredMailer(mailer_from(settings), db)
        db.execute(text("SELECT 1"))  # a request has always been to the database
        mailer.send("a@test.example", "Emne", "rulles tilbage")
        db.rollback()
        mailer.send("b@test.example", "Emne", "gemt")
        assert mailbox.messages == []  # nothing before the commit
        db.commit()
    assert [m["To"] for m in mailbox.messages] == ["b@test.example"]
