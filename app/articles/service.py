"""Articles: validation, drafts, publishing and updating, the reader's list, and images."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.articles import images, policy
from app.errors import NotFound, ValidationFailed
from app.events.policy import audiences_of, jobcentres_of
from app.kit import limits
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.models import (
    ARTICLE_DRAFT,
    ARTICLE_PUBLISHED,
    AUDIENCES,
    Article,
    ArticleImage,
    User,
)

FIELDS = ("title", "summary", "body", "audience")
MAX_BODY = 50_000  # a long guide, not a book
MAX_IMAGES = 20


def validate(data: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    clean = {name: str(data.get(name) or "").strip() for name in FIELDS}
    errors: dict[str, str] = {}
    if not clean["title"]:
        errors["title"] = N_("Skriv artiklens titel.")
    elif len(clean["title"]) > limits.MAX_SHORT_TEXT:
        errors["title"] = N_("Titlen må højst være 200 tegn.")
    if len(clean["summary"]) > 300:
        errors["summary"] = N_("Resuméet må højst være 300 tegn.")
    if not clean["body"]:
        errors["body"] = N_("Skriv artiklens tekst.")
    elif len(clean["body"]) > MAX_BODY:
        errors["body"] = N_("Teksten må højst være 50.000 tegn.")
    if clean["audience"] not in AUDIENCES:
        errors["audience"] = N_("Vælg hvem artiklen er for.")
    return clean, errors


def _publish(article: Article) -> None:
    if article.status != ARTICLE_PUBLISHED:
        article.status = ARTICLE_PUBLISHED
        article.published_at = utcnow()


def create(db: Session, user: User, data: Mapping[str, str], *, publish: bool = False) -> Article:
    policy.ensure_may_write(user)
    clean, errors = validate(data)
    if errors:
        raise ValidationFailed(fields=errors)
    assert user.jobcentre_id is not None
    article = Article(
        jobcentre_id=user.jobcentre_id, created_by_id=user.id, status=ARTICLE_DRAFT, **clean
    )
    if publish:
        _publish(article)
    db.add(article)
    db.flush()
    return article


def get(db: Session, user: User, article_id: int) -> Article:
    return policy.ensure_can_view(db, user, db.get(Article, article_id))


def get_for_edit(db: Session, user: User, article_id: int) -> Article:
    return policy.ensure_can_manage(db, user, db.get(Article, article_id))


def update(
    db: Session, user: User, article_id: int, data: Mapping[str, str], *, publish: bool = False
) -> Article:
    article = get_for_edit(db, user, article_id)
    clean, errors = validate(data)
    if errors:
        raise ValidationFailed(fields=errors)
    for name, value in clean.items():
        setattr(article, name, value)
    article.updated_at = utcnow()
    if publish:
        _publish(article)
    return article


def publish(db: Session, user: User, article_id: int) -> Article:
    article = get_for_edit(db, user, article_id)
    _publish(article)
    return article


def visible(db: Session, user: User, limit: int = 200) -> list[Article]:
    """Staff: their jobcentre's articles, drafts too. The audience: published articles for
    them from their jobcentres. Newest first."""
    query = select(Article)
    if roles.is_consultant(user):
        query = query.where(Article.jobcentre_id == user.jobcentre_id)
    else:
        centres, audiences = jobcentres_of(db, user), audiences_of(user)
        if not centres or not audiences:
            return []
        query = query.where(
            Article.jobcentre_id.in_(centres),
            Article.audience.in_(audiences),
            Article.status == ARTICLE_PUBLISHED,
        )
    newest = Article.published_at.desc().nulls_first()
    return list(db.scalars(query.order_by(newest, Article.id.desc()).limit(limit)))


def newest(db: Session, user: User, limit: int = 3) -> list[Article]:
    """ "Nyt fra jobcentret" on the audience's home page."""
    return [a for a in visible(db, user, limit=limit * 2) if a.status == ARTICLE_PUBLISHED][:limit]


# ---------------------------------------------------------------- images


def images_of(db: Session, article: Article) -> list[ArticleImage]:
    return list(
        db.scalars(
            select(ArticleImage)
            .where(ArticleImage.article_id == article.id)
            .order_by(ArticleImage.id)
        )
    )


def add_image(
    db: Session, data_dir: Path, user: User, article_id: int, data: bytes
) -> ArticleImage:
    article = get_for_edit(db, user, article_id)
    if not data:
        raise ValidationFailed(fields={"image": N_("Vælg et billede.")})
    if len(data) > limits.MAX_IMAGE_BYTES:
        raise ValidationFailed(fields={"image": N_("Billedet må højst fylde 2 MB.")})
    kind = images.sniff(data)
    if kind is None:
        raise ValidationFailed(
            fields={"image": N_("Billedet skal være en PNG-, JPEG- eller WebP-fil.")}
        )
    if len(images_of(db, article)) >= MAX_IMAGES:
        raise ValidationFailed(fields={"image": N_("En artikel kan højst have 20 billeder.")})
    image = ArticleImage(
        article_id=article.id,
        storage_key=images.store(data_dir, data),
        content_type=kind,
        size=len(data),
    )
    db.add(image)
    db.flush()
    return image


def image_for(
    db: Session, data_dir: Path, user: User, article_id: int, image_id: int
) -> tuple[ArticleImage, bytes]:
    article = get(db, user, article_id)
    image = db.get(ArticleImage, image_id)
    data = images.load(data_dir, image.storage_key) if image else None
    if image is None or image.article_id != article.id or data is None:
        raise NotFound(N_("Billedet findes ikke."))
    return image, data
