"""callback_requests ("Ring mig op"), and staff and jobcentre phone numbers

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD/DROP COLUMN on both databases: a SQLite batch copy would drop and recreate
    # users, which every other table references.
    op.add_column("users", sa.Column("phone", sa.String(length=40), nullable=True))
    op.add_column("jobcentres", sa.Column("phone", sa.String(length=40), nullable=True))
    op.create_table(
        "callback_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("jobcentre_id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("when_suits", sa.String(length=200), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("done_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["requester_id"],
            ["users.id"],
            name=op.f("fk_callback_requests_requester_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["jobcentre_id"],
            ["jobcentres.id"],
            name=op.f("fk_callback_requests_jobcentre_id_jobcentres"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["users.id"],
            name=op.f("fk_callback_requests_consultant_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_callback_requests_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["done_by_id"],
            ["users.id"],
            name=op.f("fk_callback_requests_done_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback_requests")),
    )
    for column in ("requester_id", "jobcentre_id", "consultant_id", "status"):
        op.create_index(
            op.f(f"ix_callback_requests_{column}"), "callback_requests", [column], unique=False
        )


def downgrade() -> None:
    for column in ("status", "consultant_id", "jobcentre_id", "requester_id"):
        op.drop_index(op.f(f"ix_callback_requests_{column}"), table_name="callback_requests")
    op.drop_table("callback_requests")
    op.drop_column("jobcentres", "phone")
    op.drop_column("users", "phone")
