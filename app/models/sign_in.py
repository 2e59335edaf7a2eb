from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class SignInMethod(enum.StrEnum):
    PASSWORD = "password"  # noqa: S105 - a method name, not a secret
    EMAIL_LINK = "email_link"  # a magic login link or a password-reset link
    INVITATION = "invitation"


class SignIn(Base):
    """One successful sign-in. users.last_login_at keeps only the latest; engagement figures
    (signed in daily / weekly / every 14 days) need every one, counted from now on."""

    __tablename__ = "sign_ins"
    __table_args__ = (
        Index("ix_sign_ins_day_user_id", "day", "user_id"),
        # The dashboard reads a jobcentre's people's days from the index alone (0019).
        Index("ix_sign_ins_user_id_day", "user_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # The Danish calendar day of `at`, stored so that "days with a sign-in" is a plain
    # COUNT(DISTINCT day) on both databases, with no time-zone arithmetic in SQL.
    day: Mapped[date]
    method: Mapped[str] = mapped_column(String(20))


class SignInMonth(Base):
    """The days a person signed in on in one month's window (the Monday on or before its
    first day to the Sunday on or after its last) as a bit mask, laid out by
    app.kit.day_masks: the dashboard's engagement bands read one row per person and bucket
    instead of every sign-in. Derived from sign_ins and written with them
    (app.auth.sign_ins), never alone."""

    __tablename__ = "sign_in_months"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    month: Mapped[date] = mapped_column(primary_key=True)  # the month's first day
    days: Mapped[int] = mapped_column(BigInteger)
