"""One flexjobber (an active account and a profile) for tests that need many people: the
account's fields are the same every time, the profile's are the test's."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.models import FlexjobberProfile, Role, User


def add_flexjobber(
    db: Session,
    *,
    jobcentre_id: int,
    email: str,
    name: str,
    pseudonym: str,
    **profile: Any,
) -> FlexjobberProfile:
    user = User(
        email=email, display_name=name, role=Role.FLEXJOBBER, jobcentre_id=jobcentre_id, active=True
    )
    db.add(user)
    db.flush()
    row = FlexjobberProfile(
        user_id=user.id, jobcentre_id=jobcentre_id, pseudonym=pseudonym, **profile
    )
    db.add(row)
    db.flush()
    return row
