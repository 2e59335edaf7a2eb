"""JSON routes for articles: the same service functions and rules as the pages."""

from __future__ import annotations

from app.articles import service
from app.articles.render import to_html
from app.articles.schemas import ArticleList, ArticleOut
from app.models import Article
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import api_router

router = api_router("articles")


def _out(article: Article) -> ArticleOut:
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
    )


@router.get("/articles", response_model=ArticleList)
def list_articles(db: SessionDep, user: CurrentUser) -> ArticleList:
    """The articles the caller may read (staff: their jobcentre's, drafts too), newest first."""
    return ArticleList(items=[_out(a) for a in service.visible(db, user)])


@router.get("/articles/{article_id}", response_model=ArticleOut)
def get_article(db: SessionDep, user: CurrentUser, article_id: int) -> ArticleOut:
    return _out(service.get(db, user, article_id))
