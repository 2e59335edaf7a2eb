"""JSON routes for articles: the same service functions and rules as the pages."""

from __future__ import annotations

from app.articles import service, video_service
from app.articles.render import to_html
from app.articles.schemas import ArticleList, ArticleOut, VideoOut
from app.models import Article, ArticleVideo
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import api_router

router = api_router("articles")


def _video(article: Article, video: ArticleVideo) -> VideoOut:
    base = f"/artikler/{article.id}/videoer/{video.id}"
    return VideoOut(
        id=video.id,
        title=video.title,
        content_type=video.content_type,
        video_url=f"{base}/fil",
        captions_url=f"{base}/tekstning",
        captions_language=video.captions_language,
        poster_url=f"{base}/plakat",
    )


def _out(article: Article, videos: list[ArticleVideo] | None = None) -> ArticleOut:
    return ArticleOut(
        id=article.id,
        title=article.title,
        summary=article.summary,
        audience=article.audience,
        status=article.status,
        body_markdown=article.body,
        body_html=to_html(article.body),
        published_at=article.published_at,
        updated_at=article.updated_at,
        videos=[_video(article, v) for v in videos or []],
    )


@router.get("/articles", response_model=ArticleList)
def list_articles(db: SessionDep, user: CurrentUser) -> ArticleList:
    """The articles the caller may read (staff: their jobcentre's, drafts too), newest first;
    `GET /api/v1/articles/{id}` adds the article's videos."""
    return ArticleList(items=[_out(a) for a in service.visible(db, user)])


@router.get("/articles/{article_id}", response_model=ArticleOut)
def get_article(db: SessionDep, user: CurrentUser, article_id: int) -> ArticleOut:
    article = service.get(db, user, article_id)
    return _out(article, video_service.videos_of(db, article))
