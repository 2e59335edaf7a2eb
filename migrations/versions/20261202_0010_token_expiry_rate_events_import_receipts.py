"""API token expiry, rate-limit events, CSV import receipts

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

- api_tokens.expires_at: tokens expire (a year by default); existing tokens get a year from now.
- rate_events: counted actions (reset and login-link e-mails per address and per client).
- import_receipts: a confirmed CSV preview, so reloading the confirm step imports nothing twice.
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(
            sa.Column("expires_at", app.models.base.UTCDateTime(timezone=True), nullable=True)
        )
    tokens = sa.table("api_tokens", sa.column("expires_at", app.models.base.UTCDateTime()))
    op.execute(tokens.update().values(expires_at=datetime.now(UTC) + timedelta(days=365)))

    op.create_table(
        "rate_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=320), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_events")),
    )
    op.create_index(
        "ix_rate_events_kind_key_created_at", "rate_events", ["kind", "key", "created_at"]
    )
    op.create_index(op.f("ix_rate_events_created_at"), "rate_events", ["created_at"])

    op.create_table(
        "import_receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_import_receipts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_receipts")),
        sa.UniqueConstraint("digest", name=op.f("uq_import_receipts_digest")),
    )
    op.create_index(op.f("ix_import_receipts_user_id"), "import_receipts", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_import_receipts_user_id"), table_name="import_receipts")
    op.drop_table("import_receipts")
    op.drop_index(op.f("ix_rate_events_created_at"), table_name="rate_events")
    op.drop_index("ix_rate_events_kind_key_created_at", table_name="rate_events")
    op.drop_table("rate_events")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("expires_at")
