"""Videos in articles: the upload's checks (type by content, size, required captions and
poster) and who may fetch which file (the article's own rules)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.articles import images, videos
from app.articles.service import get, get_for_edit
from app.errors import NotFound, ValidationFailed
from app.kit import limits
from app.kit.i18n import N_
from app.models import Article, ArticleVideo, User

MAX_VIDEOS = 5
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class VideoUpload:
    title: str
    video: bytes
    captions: bytes
    poster: bytes
    language: str = "da"


def videos_of(db: Session, article: Article) -> list[ArticleVideo]:
    return list(
        db.scalars(
            select(ArticleVideo)
            .where(ArticleVideo.article_id == article.id)
            .order_by(ArticleVideo.id)
        )
    )


def _check(upload: VideoUpload) -> tuple[str, str]:
    errors: dict[str, str] = {}
    title = upload.title.strip()
    if not title:
        errors["video_title"] = N_("Skriv, hvad videoen viser.")
    elif len(title) > limits.MAX_SHORT_TEXT:
        errors["video_title"] = N_("Titlen må højst være 200 tegn.")
    kind = videos.sniff_video(upload.video)
    if not upload.video:
        errors["video"] = N_("Vælg en videofil.")
    elif len(upload.video) > limits.MAX_VIDEO_BYTES:
        errors["video"] = N_("Videoen må højst fylde 50 MB.")
    elif kind is None:
        errors["video"] = N_("Videoen skal være en MP4- eller WebM-fil.")
    if not upload.captions:
        errors["captions"] = N_("Tekstningen er påkrævet, så alle kan følge med (WebVTT-fil).")
    elif len(upload.captions) > limits.MAX_CAPTIONS_BYTES or not videos.valid_captions(
        upload.captions
    ):
        errors["captions"] = N_("Tekstningen skal være en WebVTT-fil (.vtt) på højst 512 kB.")
    poster = images.sniff(upload.poster)
    if not upload.poster:
        errors["poster"] = N_("Vælg et billede, der vises, før videoen starter.")
    elif len(upload.poster) > limits.MAX_IMAGE_BYTES or poster is None:
        errors["poster"] = N_("Billedet skal være en PNG-, JPEG- eller WebP-fil på højst 2 MB.")
    if upload.language not in LANGUAGES:
        errors["captions_language"] = N_("Vælg tekstningens sprog.")
    if errors:
        raise ValidationFailed(fields=errors)
    assert kind is not None and poster is not None
    return kind, poster


def add_video(
    db: Session, data_dir: Path, user: User, article_id: int, upload: VideoUpload
) -> ArticleVideo:
    article = get_for_edit(db, user, article_id)
    kind, poster_type = _check(upload)
    if len(videos_of(db, article)) >= MAX_VIDEOS:
        raise ValidationFailed(fields={"video": N_("En artikel kan højst have 5 videoer.")})
    video = ArticleVideo(
        article_id=article.id,
        title=upload.title.strip(),
        storage_key=videos.store(data_dir, upload.video),
        content_type=kind,
        size=len(upload.video),
        captions_key=videos.store(data_dir, upload.captions),
        captions_language=upload.language,
        poster_key=videos.store(data_dir, upload.poster),
        poster_type=poster_type,
    )
    db.add(video)
    db.flush()
    return video


def remove_video(db: Session, data_dir: Path, user: User, article_id: int, video_id: int) -> None:
    article = get_for_edit(db, user, article_id)
    video = db.get(ArticleVideo, video_id)
    if video is None or video.article_id != article.id:
        raise NotFound(N_("Videoen findes ikke."))
    db.delete(video)
    db.flush()
    for key in (video.storage_key, video.captions_key, video.poster_key):
        videos.remove(data_dir, key)


PARTS = {"fil": "storage_key", "tekstning": "captions_key", "plakat": "poster_key"}


def file_for(
    db: Session, data_dir: Path, user: User, article_id: int, video_id: int, part: str
) -> tuple[Path, str]:
    """The file of one part of a video this reader may see (the article's rule), and its type."""
    article = get(db, user, article_id)
    video = db.get(ArticleVideo, video_id)
    if video is None or video.article_id != article.id or part not in PARTS:
        raise NotFound(N_("Videoen findes ikke."))
    path = videos.path_of(data_dir, getattr(video, PARTS[part]))
    if path is None:
        raise NotFound(N_("Videoen findes ikke."))
    kind = {"fil": video.content_type, "tekstning": videos.VTT, "plakat": video.poster_type}
    return path, kind[part]
