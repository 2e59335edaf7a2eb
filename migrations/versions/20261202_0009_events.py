"""events and event_signups (jobcentre events with capacity and a waiting list)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHEN = app.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobcentre_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("starts_at", _WHEN, nullable=False),
        sa.Column("ends_at", _WHEN, nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("online_url", sa.String(length=500), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("audience", sa.String(length=12), nullable=False),
        sa.Column("signup_deadline", _WHEN, nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("published_at", _WHEN, nullable=True),
        sa.Column("cancelled_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["jobcentre_id"],
            ["jobcentres.id"],
            name=op.f("fk_events_jobcentre_id_jobcentres"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_events_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    for column in ("jobcentre_id", "starts_at", "status"):
        op.create_index(op.f(f"ix_events_{column}"), "events", [column], unique=False)
    op.create_table(
        "event_signups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.Column("reminded_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_signups_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_event_signups_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_signups")),
        sa.UniqueConstraint("event_id", "user_id", name=op.f("uq_event_signups_event_id")),
    )
    for column in ("event_id", "user_id"):
        op.create_index(op.f(f"ix_event_signups_{column}"), "event_signups", [column], unique=False)


def downgrade() -> None:
    for column in ("user_id", "event_id"):
        op.drop_index(op.f(f"ix_event_signups_{column}"), table_name="event_signups")
    op.drop_table("event_signups")
    for column in ("status", "starts_at", "jobcentre_id"):
        op.drop_index(op.f(f"ix_events_{column}"), table_name="events")
    op.drop_table("events")
