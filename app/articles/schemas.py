"""JSON shapes of articles for /api/v1."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


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


class ArticleList(BaseModel):
    items: list[ArticleOut]
