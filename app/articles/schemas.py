"""JSON shapes of articles for /api/v1."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class VideoOut(BaseModel):
    id: int
    title: str
    content_type: str = Field(description="video/mp4 or video/webm")
    video_url: str = Field(description="The file; supports HTTP range requests")
    captions_url: str = Field(description="WebVTT captions (always present)")
    captions_language: str
    poster_url: str


class ArticleOut(BaseModel):
    id: int
    title: str
    summary: str
    audience: str = Field(description="flexjobbers, companies or both")
    status: str = Field(description="draft (staff only) or published")
    body_markdown: str = Field(description="The text as written (Markdown)")
    body_html: str = Field(description="The text rendered and sanitised, as the page shows it")
    published_at: datetime | None
    updated_at: datetime
    videos: list[VideoOut] = Field(default_factory=list)


class ArticleList(BaseModel):
    items: list[ArticleOut]
