from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Team(Base):
    """A group of consultants in one jobcentre; a leader follows each team's figures."""

    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("jobcentre_id", "name", name="jobcentre_team_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    jobcentre_id: Mapped[int] = mapped_column(
        ForeignKey("jobcentres.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
