from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.kit.clock import utcnow
from app.models.base import Base

ARTICLE_DRAFT, ARTICLE_PUBLISHED = "draft", "published"


class Article(Base):
    """A jobcentre's article for flexjobbers, companies or both (the audiences of events).
    The body is Markdown as the consultant typed it; pages and the API show it rendered and
    sanitised (app.articles.render). Drafts until published; a published article can be
    updated (updated_at says when)."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobcentre_id: Mapped[int] = mapped_column(
        ForeignKey("jobcentres.id", ondelete="RESTRICT"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(12), default="both")
    status: Mapped[str] = mapped_column(String(12), default=ARTICLE_DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]


class ArticleImage(Base):
    """An image uploaded for an article, kept under <data_dir>/images/<storage key> (outside
    the web root) and served only by a route that asks the article's policy first."""

    __tablename__ = "article_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    storage_key: Mapped[str] = mapped_column(String(32))
    content_type: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ArticleVideo(Base):
    """A video shown in an article: the file, its captions (required, WCAG 1.2.2) and a poster.
    The files live under <data_dir>/videos; only their random keys are stored."""

    __tablename__ = "article_videos"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))  # what the video shows, for everyone
    storage_key: Mapped[str] = mapped_column(String(32))
    content_type: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer)
    captions_key: Mapped[str] = mapped_column(String(32))
    captions_language: Mapped[str] = mapped_column(String(5), default="da")
    poster_key: Mapped[str] = mapped_column(String(32))
    poster_type: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
