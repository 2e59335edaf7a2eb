"""Retention: long-inactive profiles get a neutral e-mail, then are deleted unless the person
signs in; `fleksbro daily` runs it."""

from __future__ import annotations

from datetime import timedelta
from email.header import decode_header, make_header
from pathlib import Path

from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.mail.service import mailer_from
from app.models import FlexjobberProfile
from app.privacy import retention
from app.settings import Settings
from tests.support.personas import Personas
from tests.support.smtp import Mailbox


def test_warn_then_delete_unless_the_person_signs_in(
    db: Session, personas: Personas, settings: Settings, mailbox: Mailbox, data_dir: Path
) -> None:
    mailer = mailer_from(settings)
    now = utcnow()
    idle, back = personas.flexjobber, personas.flexjobber2
    for user in (idle, back):
        user.last_login_at = now - timedelta(days=settings.retention_inactive_days + 1)
    # Everyone else signed in recently (the personas' other flexjobbers are the two above).
    db.flush()

    first = retention.run(db, settings, mailer, data_dir)
    assert (first.warned, first.deleted) == (2, 0)
    message = mailbox.last_to(idle.email)
    assert str(make_header(decode_header(message["Subject"]))) == "Din konto på Fleksbro"
    body = Mailbox.body(message)
    assert idle.display_name not in body and "skånehensyn" not in body.lower()
    assert f"{settings.retention_grace_days} dage" in body
    assert retention.run(db, settings, mailer, data_dir) == retention.RetentionRun(0, 0)

    # The grace period passes; one of them signs in before it ends.
    for user in (idle, back):
        assert user.retention_warned_at is not None
        user.retention_warned_at = now - timedelta(days=settings.retention_grace_days + 1)
    back.last_login_at = now - timedelta(days=1)
    db.flush()
    later = retention.run(db, settings, mailer, data_dir)
    assert (later.warned, later.deleted) == (0, 1)
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).deleted_at is not None  # type: ignore[union-attr]
    assert db.get(FlexjobberProfile, personas.profile2.id).deleted_at is None  # type: ignore[union-attr]
    assert back.retention_warned_at is None  # signing in took the warning back
