"""article_videos: a captioned video with a poster in an article

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_videos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("storage_key", sa.String(length=32), nullable=False),
        sa.Column("content_type", sa.String(length=20), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("captions_key", sa.String(length=32), nullable=False),
        sa.Column("captions_language", sa.String(length=5), nullable=False),
        sa.Column("poster_key", sa.String(length=32), nullable=False),
        sa.Column("poster_type", sa.String(length=20), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_videos_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_videos")),
    )
    op.create_index(
        op.f("ix_article_videos_article_id"), "article_videos", ["article_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_article_videos_article_id"), table_name="article_videos")
    op.drop_table("article_videos")
