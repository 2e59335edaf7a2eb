"""Demo articles: for each jobcentre one for flexjobbers, one for companies and one for both,
published. Written for the demo (no outside text, no licence needed). Idempotent by jobcentre
and title."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.articles import videos
from app.kit.clock import utcnow
from app.models import ARTICLE_PUBLISHED, Article, ArticleVideo, Jobcentre

# (days ago, title, summary, Markdown body, audience)
ARTICLES = [
    (
        3,
        "Fem gode råd til din profil",
        "Sådan får du en profil, som virksomhederne forstår.",
        "## Skriv, hvad du er god til\n\nBrug dine egne ord. Skriv hellere lidt og sandt end "
        "meget.\n\n- Vælg de job, du ønsker dig, fra listen\n- Skriv dine timer og dage\n"
        "- Du bestemmer selv, om virksomhederne må se dine skånehensyn\n\n"
        "Har du brug for hjælp, så tryk på **Ring mig op** – så ringer din konsulent.",
        "flexjobbers",
    ),
    (
        10,
        "Sådan ansætter I en fleksjobber",
        "Fra det første møde til fleksløntilskuddet.",
        "## Det praktiske\n\nI betaler løn for de timer, der arbejdes, og kommunen betaler "
        "fleksløntilskuddet direkte til medarbejderen. Læs mere på "
        "[STAR's side om fleksjob](https://star.dk).\n\n## Hvad vi hjælper med\n\n"
        "Jobcentrets virksomhedskonsulent hjælper med aftalen og opfølgningen.",
        "companies",
    ),
    (
        20,
        "Nyt på Fleksbro: jobagenter",
        "Få besked, når der kommer nye job.",
        "Fleksjobbere kan nu gemme en søgning som **jobagent** og få besked om nye job, "
        "én gang om dagen eller om ugen. E-mailen siger kun, at der er nyt.",
        "both",
    ),
]


def load_articles(db: Session, jobcentres: list[Jobcentre], creators: dict[int, int]) -> int:
    made = 0
    now = utcnow()
    for centre in jobcentres:
        existing = set(db.scalars(select(Article.title).where(Article.jobcentre_id == centre.id)))
        for days, title, summary, body, audience in ARTICLES:
            if title in existing:
                continue
            when = now - timedelta(days=days)
            db.add(
                Article(
                    jobcentre_id=centre.id,
                    created_by_id=creators.get(centre.id),
                    title=title,
                    summary=summary,
                    body=body,
                    audience=audience,
                    status=ARTICLE_PUBLISHED,
                    created_at=when,
                    updated_at=when,
                    published_at=when,
                )
            )
            made += 1
    db.flush()
    return made


MEDIA = Path(__file__).parent / "media"  # made for the demo, CC0 (media/LICENCE.md)
VIDEO_ARTICLE = "Fem gode råd til din profil"


def load_videos(db: Session, jobcentres: list[Jobcentre], data_dir: Path) -> int:
    """The small captioned demo video in each jobcentre's "Fem gode råd" article."""
    made = 0
    for centre in jobcentres:
        article = db.scalar(
            select(Article).where(Article.jobcentre_id == centre.id, Article.title == VIDEO_ARTICLE)
        )
        if article is None or db.scalar(
            select(ArticleVideo.id).where(ArticleVideo.article_id == article.id)
        ):
            continue
        video = (MEDIA / "fleksbro-demo.webm").read_bytes()
        db.add(
            ArticleVideo(
                article_id=article.id,
                title="Velkommen til Fleksbro (6 sekunder, uden lyd)",
                storage_key=videos.store(data_dir, video),
                content_type=videos.WEBM,
                size=len(video),
                captions_key=videos.store(data_dir, (MEDIA / "fleksbro-demo.da.vtt").read_bytes()),
                captions_language="da",
                poster_key=videos.store(
                    data_dir, (MEDIA / "fleksbro-demo-poster.png").read_bytes()
                ),
                poster_type="image/png",
            )
        )
        made += 1
    db.flush()
    return made
