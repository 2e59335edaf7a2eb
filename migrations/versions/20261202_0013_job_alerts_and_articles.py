"""job_alerts (saved searches and "new jobs that match me well")

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0013"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHEN = app.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "job_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("by_email", sa.Boolean(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("last_run_at", _WHEN, nullable=True),
        sa.Column("last_found", sa.JSON(), nullable=False),
        sa.Column("stopped_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_job_alerts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_alerts")),
    )
    for column in ("user_id", "stopped_at"):
        op.create_index(op.f(f"ix_job_alerts_{column}"), "job_alerts", [column], unique=False)


def downgrade() -> None:
    for column in ("stopped_at", "user_id"):
        op.drop_index(op.f(f"ix_job_alerts_{column}"), table_name="job_alerts")
    op.drop_table("job_alerts")
