"""The person's rights: deleted profiles kept as tombstones, retention warnings, and the
e-mailed link that confirms a deletion for people without a password

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PURPOSES = ("password_reset", "magic_login", "invitation")
_WHEN = app.models.base.UTCDateTime(timezone=True)


# Plain ALTER TABLE on both databases (see 0007: a batch copy of users would cascade).


def upgrade() -> None:
    op.add_column("users", sa.Column("deleted_at", _WHEN, nullable=True))
    op.add_column("users", sa.Column("retention_warned_at", _WHEN, nullable=True))
    op.add_column("flexjobber_profiles", sa.Column("deleted_at", _WHEN, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        # PostgreSQL >= 12 allows this inside the migration's transaction (the value is only
        # used after commit). SQLite stores the enum as VARCHAR; "delete_profile" fits its 14.
        op.execute("ALTER TYPE link_purpose ADD VALUE IF NOT EXISTS 'delete_profile'")


def downgrade() -> None:
    op.execute("DELETE FROM one_time_links WHERE purpose = 'delete_profile'")
    if op.get_bind().dialect.name == "postgresql":
        # PostgreSQL cannot drop one value of an enum: the type is rebuilt without it.
        op.execute("ALTER TYPE link_purpose RENAME TO link_purpose_old")
        values = ", ".join(f"'{v}'" for v in _PURPOSES)
        op.execute(f"CREATE TYPE link_purpose AS ENUM ({values})")
        op.execute(
            "ALTER TABLE one_time_links ALTER COLUMN purpose TYPE link_purpose "
            "USING purpose::text::link_purpose"
        )
        op.execute("DROP TYPE link_purpose_old")
    op.drop_column("flexjobber_profiles", "deleted_at")
    op.drop_column("users", "retention_warned_at")
    op.drop_column("users", "deleted_at")
