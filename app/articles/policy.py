"""Who may see and write an article — decided here and nowhere else.

The same audience rules as events (app.events.policy): a jobcentre's consultants write and
see all its articles, drafts included; a published article is read by its audience in that
jobcentre (flexjobbers of the jobcentre, users of companies it follows). Everyone else gets
404, so a draft's existence is not revealed; readers who try to write get 403."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import Forbidden, NotFound
from app.events.policy import audiences_of, jobcentres_of
from app.kit.i18n import N_
from app.models import ARTICLE_PUBLISHED, Article, Role, User

NOT_FOUND = N_("Artiklen findes ikke.")


def may_write(user: User) -> bool:
    return user.role == Role.CONSULTANT and user.jobcentre_id is not None


def ensure_may_write(user: User) -> None:
    if not may_write(user):
        raise Forbidden(N_("Kun jobcentrets konsulenter kan skrive artikler."))


def can_manage(user: User, article: Article) -> bool:
    return user.role == Role.CONSULTANT and user.jobcentre_id == article.jobcentre_id


def is_audience(db: Session, user: User, article: Article) -> bool:
    return (
        article.status == ARTICLE_PUBLISHED
        and article.audience in audiences_of(user)
        and article.jobcentre_id in jobcentres_of(db, user)
    )


def ensure_can_view(db: Session, user: User, article: Article | None) -> Article:
    if article is None or not (can_manage(user, article) or is_audience(db, user, article)):
        raise NotFound(NOT_FOUND)
    return article


def ensure_can_manage(db: Session, user: User, article: Article | None) -> Article:
    article = ensure_can_view(db, user, article)
    if not can_manage(user, article):
        raise Forbidden()
    return article
