"""The append-only audit trail. Nothing in the app updates or deletes an AuditEvent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, User


def record(
    db: Session,
    actor: User | None,
    action: str,
    subject_type: str,
    subject_id: int | None,
    *,
    on_behalf_of: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        on_behalf_of_id=on_behalf_of,
        details=details or {},
    )
    db.add(event)
    return event


def events_for(
    db: Session, subject_type: str, subject_id: int, limit: int = 100
) -> list[AuditEvent]:
    return list(
        db.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject_type == subject_type, AuditEvent.subject_id == subject_id)
            .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
    )
