"""follow_ups: monthly follow-up of trial periods and hires (hours now, note, next step)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHEN = app.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("next_step", sa.String(length=300), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("reminded_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_follow_ups_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["users.id"],
            name=op.f("fk_follow_ups_consultant_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    op.create_index(op.f("ix_follow_ups_match_id"), "follow_ups", ["match_id"], unique=False)
    op.create_index(op.f("ix_follow_ups_next_due"), "follow_ups", ["next_due"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_follow_ups_next_due"), table_name="follow_ups")
    op.drop_index(op.f("ix_follow_ups_match_id"), table_name="follow_ups")
    op.drop_table("follow_ups")
