"""Facts for the jobcentre dashboard: sign-ins, status history, hours on match events;
the leader role and teams of consultants

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

- sign_ins: every successful sign-in (who, when, the Danish day, how).
- profile_status_changes: a flexjobber's status from a date on. Existing statuses get one row
  dated at the upgrade: that is what is known of them, nothing before it is guessed.
- match_events.hours: hours per week agreed at a trial start or a hiring.
- user_role gains "leader"; teams; users.team_id.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ROLES_BEFORE = ("flexjobber", "company", "consultant", "admin")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # A new enum value cannot be used in the transaction that adds it; nothing here does.
        op.execute("ALTER TYPE user_role ADD VALUE IF NOT EXISTS 'leader'")
    # SQLite stores the enum as VARCHAR(10) with no CHECK constraint (SQLAlchemy's default),
    # so "leader" fits without rebuilding the table.

    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobcentre_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["jobcentre_id"],
            ["jobcentres.id"],
            name=op.f("fk_teams_jobcentre_id_jobcentres"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("jobcentre_id", "name", name="jobcentre_team_name"),
    )
    op.create_index(op.f("ix_teams_jobcentre_id"), "teams", ["jobcentre_id"])
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_users_team_id_teams"), "teams", ["team_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index(op.f("ix_users_team_id"), ["team_id"])

    op.create_table(
        "sign_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sign_ins_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_ins")),
    )
    op.create_index(op.f("ix_sign_ins_user_id"), "sign_ins", ["user_id"])
    op.create_index("ix_sign_ins_day_user_id", "sign_ins", ["day", "user_id"])

    status = sa.Enum(
        "ledighedsydelse", "in_flexjob", "change_of_field", name="jobseeker_status"
    ).with_variant(
        sa.dialects.postgresql.ENUM(name="jobseeker_status", create_type=False), "postgresql"
    )
    op.create_table(
        "profile_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("status", status, nullable=True),
        sa.Column("changed_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["flexjobber_profiles.id"],
            name=op.f("fk_profile_status_changes_profile_id_flexjobber_profiles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_profile_status_changes_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_status_changes")),
    )
    op.create_index(
        "ix_profile_status_changes_profile_id_changed_at",
        "profile_status_changes",
        ["profile_id", "changed_at"],
    )
    op.create_index(
        op.f("ix_profile_status_changes_changed_at"), "profile_status_changes", ["changed_at"]
    )
    profiles = sa.table("flexjobber_profiles", sa.column("id"), sa.column("status"))
    changes = sa.table(
        "profile_status_changes",
        sa.column("profile_id"),
        sa.column("status"),
        sa.column("changed_at", app.models.base.UTCDateTime()),
    )
    now = sa.literal(datetime.now(UTC), app.models.base.UTCDateTime())
    op.execute(
        changes.insert().from_select(
            ["profile_id", "status", "changed_at"],
            sa.select(profiles.c.id, profiles.c.status, now).where(profiles.c.status.is_not(None)),
        )
    )

    with op.batch_alter_table("match_events") as batch:
        batch.add_column(sa.Column("hours", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("match_events") as batch:
        batch.drop_column("hours")
    op.drop_index(op.f("ix_profile_status_changes_changed_at"), "profile_status_changes")
    op.drop_index("ix_profile_status_changes_profile_id_changed_at", "profile_status_changes")
    op.drop_table("profile_status_changes")
    op.drop_index("ix_sign_ins_day_user_id", table_name="sign_ins")
    op.drop_index(op.f("ix_sign_ins_user_id"), table_name="sign_ins")
    op.drop_table("sign_ins")
    with op.batch_alter_table("users") as batch:
        batch.drop_index(op.f("ix_users_team_id"))
        batch.drop_constraint(op.f("fk_users_team_id_teams"), type_="foreignkey")
        batch.drop_column("team_id")
    op.drop_index(op.f("ix_teams_jobcentre_id"), table_name="teams")
    op.drop_table("teams")
    # Leaders become consultants: the role existed before only as that.
    op.execute("UPDATE users SET role = 'consultant' WHERE role = 'leader'")
    if op.get_bind().dialect.name == "postgresql":
        # PostgreSQL cannot drop an enum value: rebuild the type without it.
        op.execute("ALTER TYPE user_role RENAME TO user_role_old")
        sa.Enum(*_ROLES_BEFORE, name="user_role").create(op.get_bind())
        op.execute("ALTER TABLE users ALTER COLUMN role TYPE user_role USING role::text::user_role")
        op.execute("DROP TYPE user_role_old")
