from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class Role(enum.StrEnum):
    FLEXJOBBER = "flexjobber"
    COMPANY = "company"
    CONSULTANT = "consultant"
    LEADER = "leader"  # a jobcentre's leader: sees the whole jobcentre's figures and teams
    ADMIN = "admin"


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    # None until the person has chosen a password (invited, or magic-link only).
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", values_callable=lambda e: [m.value for m in e])
    )
    jobcentre_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobcentres.id", ondelete="RESTRICT"), index=True
    )
    # Consultants (and a leader, optionally) belong to at most one team of their jobcentre.
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    active: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str] = mapped_column(String(5), default="da")
    # E-mail notifications: "immediate", "daily" (digest) or "none".
    notify_mode: Mapped[str] = mapped_column(String(10), default="immediate")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Staff only: the number people see as "your contact at the jobcentre".
    phone: Mapped[str | None] = mapped_column(String(40))
    # Set when the person deleted their profile (or it was deleted for them): the row stays
    # only as a pseudonymous id for the audit trail and consent history, with no identity.
    deleted_at: Mapped[datetime | None]
    # When the "you have not signed in for a long time" e-mail went out (retention).
    retention_warned_at: Mapped[datetime | None]
    # Set when an admin deactivated the account (active is then False). It tells a deactivated
    # account from one that is only invited (also inactive) and keeps an invitation from
    # turning it back on.
    deactivated_at: Mapped[datetime | None]
