from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Jobcentre(Base):
    """A municipality's jobcentre: the tenant that owns citizens, companies and consultants."""

    __tablename__ = "jobcentres"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kommune_code: Mapped[str] = mapped_column(String(3), unique=True)
    # The jobcentre's general number: who to call when no named consultant is assigned.
    phone: Mapped[str | None] = mapped_column(String(40))
