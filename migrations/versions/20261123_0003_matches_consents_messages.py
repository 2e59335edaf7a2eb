"""matches, consents, messages, notifications

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:59:31.817691
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("share_identity", sa.Boolean(), nullable=False),
        sa.Column("share_cv", sa.Boolean(), nullable=False),
        sa.Column("share_accommodations", sa.Boolean(), nullable=False),
        sa.Column("granted_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_consents_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["flexjobber_profiles.id"],
            name=op.f("fk_consents_profile_id_flexjobber_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consents_profile_id"), ["profile_id"], unique=False)

    op.create_table(
        "matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "suggested",
                "recommended",
                "interest",
                "mutual",
                "meeting",
                "trial",
                "hired",
                "ended",
                "dismissed",
                "expired",
                name="match_state",
            ),
            nullable=False,
        ),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column(
            "flexjobber_interest_at", app.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("company_interest_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("expires_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("recommended_by_id", sa.Integer(), nullable=True),
        sa.Column("recommendation_note", sa.Text(), nullable=False),
        sa.Column("saved_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("hidden_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("hidden_reason", sa.String(length=60), nullable=False),
        sa.Column("meeting_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("meeting_place", sa.String(length=300), nullable=False),
        sa.Column("meeting_online", sa.Boolean(), nullable=False),
        sa.Column("meeting_participants", sa.Text(), nullable=False),
        sa.Column("trial_start", sa.Date(), nullable=True),
        sa.Column("trial_end", sa.Date(), nullable=True),
        sa.Column("trial_hours", sa.Integer(), nullable=True),
        sa.Column("hired_hours", sa.Integer(), nullable=True),
        sa.Column("hired_start", sa.Date(), nullable=True),
        sa.Column("ended_reason", sa.String(length=60), nullable=False),
        sa.Column("ended_note", sa.Text(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["job_postings.id"],
            name=op.f("fk_matches_job_id_job_postings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["flexjobber_profiles.id"],
            name=op.f("fk_matches_profile_id_flexjobber_profiles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recommended_by_id"],
            ["users.id"],
            name=op.f("fk_matches_recommended_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matches")),
        sa.UniqueConstraint("profile_id", "job_id", name="profile_job"),
    )
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_matches_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_profile_id"), ["profile_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_state"), ["state"], unique=False)

    op.create_table(
        "conversation_reads",
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("last_read_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_conversation_reads_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_conversation_reads_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("match_id", "user_id", name=op.f("pk_conversation_reads")),
    )
    op.create_table(
        "match_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_match_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_match_events_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_events")),
    )
    with op.batch_alter_table("match_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_events_match_id"), ["match_id"], unique=False)

    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_messages_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["users.id"],
            name=op.f("fk_messages_sender_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_messages_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_messages_match_id"), ["match_id"], unique=False)

    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=True),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("read_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("emailed_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_notifications_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notifications_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notifications_emailed_at"), ["emailed_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_notifications_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("flexjobber_profiles", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("matches_seen_at", app.models.base.UTCDateTime(timezone=True), nullable=True)
        )

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "notify_mode", sa.String(length=10), nullable=False, server_default="immediate"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("notify_mode")

    with op.batch_alter_table("flexjobber_profiles", schema=None) as batch_op:
        batch_op.drop_column("matches_seen_at")

    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notifications_user_id"))
        batch_op.drop_index(batch_op.f("ix_notifications_emailed_at"))

    op.drop_table("notifications")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_messages_match_id"))
        batch_op.drop_index(batch_op.f("ix_messages_created_at"))

    op.drop_table("messages")
    with op.batch_alter_table("match_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_events_match_id"))

    op.drop_table("match_events")
    op.drop_table("conversation_reads")
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matches_state"))
        batch_op.drop_index(batch_op.f("ix_matches_profile_id"))
        batch_op.drop_index(batch_op.f("ix_matches_job_id"))
        batch_op.drop_index(batch_op.f("ix_matches_expires_at"))

    op.drop_table("matches")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_profile_id"))
        batch_op.drop_index(batch_op.f("ix_consents_company_id"))

    op.drop_table("consents")
    # PostgreSQL keeps enum types after their tables are gone.
    sa.Enum(name="match_state").drop(op.get_bind(), checkfirst=True)
