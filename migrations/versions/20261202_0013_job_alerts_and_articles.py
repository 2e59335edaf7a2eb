"""job_alerts (saved searches and "new jobs that match me well"), articles and their images

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0013"
down_revision: str | None = "0012"
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
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobcentre_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.Column("published_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["jobcentre_id"],
            ["jobcentres.id"],
            name=op.f("fk_articles_jobcentre_id_jobcentres"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_articles_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
    )
    for column in ("jobcentre_id", "status"):
        op.create_index(op.f(f"ix_articles_{column}"), "articles", [column], unique=False)
    op.create_table(
        "article_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("storage_key", sa.String(length=32), nullable=False),
        sa.Column("content_type", sa.String(length=20), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_images_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_images")),
    )
    op.create_index(
        op.f("ix_article_images_article_id"), "article_images", ["article_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_article_images_article_id"), table_name="article_images")
    op.drop_table("article_images")
    for column in ("status", "jobcentre_id"):
        op.drop_index(op.f(f"ix_articles_{column}"), table_name="articles")
    op.drop_table("articles")
    for column in ("stopped_at", "user_id"):
        op.drop_index(op.f(f"ix_job_alerts_{column}"), table_name="job_alerts")
    op.drop_table("job_alerts")
