"""Declarative base, constraint naming and a timezone-safe datetime type."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC; always returns aware datetimes (SQLite would otherwise drop the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use app.kit.clock.utcnow()")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


# PostgreSQL-only search indexes (trigram GIN, partial listing indexes) made by migration 0004
# in raw SQL: the models cannot express them, so schema comparison must not flag them.
DATABASE_ONLY_INDEXES = frozenset(
    {
        "ix_flexjobber_profiles_search_text_trgm",
        "ix_job_postings_search_text_trgm",
        "ix_users_name_folded_trgm",
        "ix_users_email_trgm",
        "ix_companies_name_folded_trgm",
        "ix_flexjobber_profiles_listing",
        "ix_flexjobber_profiles_consultant_listing",
        "ix_job_postings_published",
        "ix_job_postings_company_status",
        "ix_users_role_jobcentre_name",
        "ix_flexjobber_profiles_findable_postcode",
    }
)


def include_in_schema_comparison(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    return not (type_ == "index" and reflected and name in DATABASE_ONLY_INDEXES)
