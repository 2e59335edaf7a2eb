"""profiles, job postings, company details and audit trail

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:54:04.397803
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("subject_type", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("on_behalf_of_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_audit_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["on_behalf_of_id"],
            ["users.id"],
            name=op.f("fk_audit_events_on_behalf_of_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_events_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_audit_events_subject_id"), ["subject_id"], unique=False
        )

    op.create_table(
        "flexjobber_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("jobcentre_id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("pseudonym", sa.String(length=40), nullable=False),
        sa.Column("headline", sa.String(length=200), nullable=False),
        sa.Column("about", sa.Text(), nullable=False),
        sa.Column("wished_jobs", sa.JSON(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("experience", sa.JSON(), nullable=False),
        sa.Column("education", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("driving_licence", sa.Boolean(), nullable=True),
        sa.Column("hours_min", sa.Integer(), nullable=True),
        sa.Column("hours_max", sa.Integer(), nullable=True),
        sa.Column("schedule", sa.JSON(), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=True),
        sa.Column("max_distance_km", sa.Integer(), nullable=True),
        sa.Column("remote_only", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("ledighedsydelse", "in_flexjob", "change_of_field", name="jobseeker_status"),
            nullable=True,
        ),
        sa.Column("available_from", sa.Date(), nullable=True),
        sa.Column(
            "visibility",
            sa.Enum("hidden", "anonymous", "named", name="profile_visibility"),
            nullable=False,
        ),
        sa.Column("share_accommodations", sa.Boolean(), nullable=False),
        sa.Column("cv_filename", sa.String(length=200), nullable=True),
        sa.Column("cv_content_type", sa.String(length=100), nullable=True),
        sa.Column("cv_storage_key", sa.String(length=100), nullable=True),
        sa.Column("cv_size", sa.Integer(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["users.id"],
            name=op.f("fk_flexjobber_profiles_consultant_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["jobcentre_id"],
            ["jobcentres.id"],
            name=op.f("fk_flexjobber_profiles_jobcentre_id_jobcentres"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_flexjobber_profiles_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flexjobber_profiles")),
        sa.UniqueConstraint("pseudonym", name=op.f("uq_flexjobber_profiles_pseudonym")),
        sa.UniqueConstraint("user_id", name=op.f("uq_flexjobber_profiles_user_id")),
    )
    with op.batch_alter_table("flexjobber_profiles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_flexjobber_profiles_consultant_id"), ["consultant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_flexjobber_profiles_jobcentre_id"), ["jobcentre_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_flexjobber_profiles_visibility"), ["visibility"], unique=False
        )

    op.create_table(
        "accommodation_needs",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["flexjobber_profiles.id"],
            name=op.f("fk_accommodation_needs_profile_id_flexjobber_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", name=op.f("pk_accommodation_needs")),
    )
    op.create_table(
        "job_postings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("esco_uri", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("tasks", sa.Text(), nullable=False),
        sa.Column("required_skills", sa.JSON(), nullable=False),
        sa.Column("nice_skills", sa.JSON(), nullable=False),
        sa.Column("hours_min", sa.Integer(), nullable=True),
        sa.Column("hours_max", sa.Integer(), nullable=True),
        sa.Column("schedule", sa.JSON(), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=True),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("accommodations_offered", sa.JSON(), nullable=False),
        sa.Column(
            "job_type",
            sa.Enum("fleksjob", "praktik", "few_hours", "ordinary", name="job_type"),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column(
            "status", sa.Enum("draft", "published", "closed", name="posting_status"), nullable=False
        ),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("published_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_job_postings_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_job_postings_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_postings")),
    )
    with op.batch_alter_table("job_postings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_job_postings_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_job_postings_status"), ["status"], unique=False)

    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consultant_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("industry", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("size", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("fleksjob_statement", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("accommodations_offered", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.create_index(
            batch_op.f("ix_companies_consultant_id"), ["consultant_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_companies_consultant_id_users"),
            "users",
            ["consultant_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_companies_consultant_id_users"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_companies_consultant_id"))
        batch_op.drop_column("accommodations_offered")
        batch_op.drop_column("fleksjob_statement")
        batch_op.drop_column("description")
        batch_op.drop_column("size")
        batch_op.drop_column("industry")
        batch_op.drop_column("consultant_id")

    with op.batch_alter_table("job_postings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_postings_status"))
        batch_op.drop_index(batch_op.f("ix_job_postings_company_id"))

    op.drop_table("job_postings")
    op.drop_table("accommodation_needs")
    with op.batch_alter_table("flexjobber_profiles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flexjobber_profiles_visibility"))
        batch_op.drop_index(batch_op.f("ix_flexjobber_profiles_jobcentre_id"))
        batch_op.drop_index(batch_op.f("ix_flexjobber_profiles_consultant_id"))

    op.drop_table("flexjobber_profiles")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_subject_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_created_at"))
        batch_op.drop_index(batch_op.f("ix_audit_events_actor_id"))

    op.drop_table("audit_events")
    # PostgreSQL keeps enum types after their tables are gone.
    for name in ("posting_status", "job_type", "profile_visibility", "jobseeker_status"):
        sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
