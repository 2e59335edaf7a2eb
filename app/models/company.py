from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = (CheckConstraint("length(cvr) = 8", name="cvr_length"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    cvr: Mapped[str] = mapped_column(String(8), unique=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(4))
    jobcentre_id: Mapped[int] = mapped_column(
        ForeignKey("jobcentres.id", ondelete="RESTRICT"), index=True
    )
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    industry: Mapped[str] = mapped_column(String(120), default="")
    size: Mapped[str] = mapped_column(String(20), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    fleksjob_statement: Mapped[str] = mapped_column(Text, default="")
    accommodations_offered: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CompanyMember(Base):
    """A company user's membership of a company (a user may represent one or more)."""

    __tablename__ = "company_members"

    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
