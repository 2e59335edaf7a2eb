"""The extra records the state-changing walk needs beyond the personas: a recommended match
(profile x job), a published event of the jobcentre for everybody, an open call-back request
by the flexjobber and an API token of the flexjobber. Placeholders {match}, {event},
{callback}, {token_id}, {article} (published, for both audiences) with its {video}, {alert}
(the flexjobber's job alert); {link} is a link token that does not exist. The staff
administration's {jobcentre}, {other_jobcentre}, {team} (empty, of {jobcentre}) and {member}
(the consultant) come from ``staff_ids``, which the GET walk uses too."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import service as auth_service
from app.kit.clock import utcnow
from app.matches import lifecycle
from app.matches.lifecycle import Outbox
from app.models import (
    ARTICLE_PUBLISHED,
    EVENT_PUBLISHED,
    ApiToken,
    Article,
    ArticleVideo,
    CallbackRequest,
    Event,
    JobAlert,
    Team,
)
from app.settings import Settings
from tests.support.personas import Personas


def staff_ids(db: Session, personas: Personas) -> dict[str, int]:
    team = Team(jobcentre_id=personas.jobcentre.id, name="Team Matrix")
    db.add(team)
    db.flush()
    return {
        "jobcentre": personas.jobcentre.id,
        "other_jobcentre": personas.other_jobcentre.id,
        "team": team.id,
        "member": personas.consultant.id,
    }


def world_ids(db: Session, settings: Settings, personas: Personas) -> dict[str, int | str]:
    match = lifecycle.get_or_create(db, personas.profile, personas.job)
    ctx = lifecycle.load(db, personas.consultant, match.id)
    lifecycle.recommend(db, Outbox(settings, None), personas.consultant, ctx, "Godt match")
    starts = utcnow() + timedelta(days=3)
    event = Event(
        jobcentre_id=personas.jobcentre.id,
        title="Netværksmøde",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="Jobcentret",
        capacity=10,
        audience="both",
        status=EVENT_PUBLISHED,
    )
    callback = CallbackRequest(
        requester_id=personas.flexjobber.id,
        jobcentre_id=personas.jobcentre.id,
        consultant_id=personas.consultant.id,
        phone="12345678",
    )
    article = Article(
        jobcentre_id=personas.jobcentre.id,
        created_by_id=personas.consultant.id,
        title="Gode råd",
        body="Tekst",
        audience="both",
        status=ARTICLE_PUBLISHED,
        published_at=utcnow(),
    )
    alert = JobAlert(user_id=personas.flexjobber.id, kind="search", filters={}, frequency="daily")
    db.add_all([event, callback, article, alert])
    auth_service.create_api_token(db, personas.flexjobber, "matrix")
    db.flush()
    key = "0" * 32  # no file behind it: removing the video removes nothing on disk
    video = ArticleVideo(
        article_id=article.id,
        title="Film",
        storage_key=key,
        content_type="video/webm",
        size=1,
        captions_key=key,
        poster_key=key,
        poster_type="image/png",
    )
    db.add(video)
    db.flush()
    token_id = db.scalar(select(ApiToken.id).where(ApiToken.user_id == personas.flexjobber.id))
    assert token_id is not None
    return {
        "company": personas.company.id,
        "company2": personas.company2.id,
        "profile": personas.profile.public_id,
        "profile2": personas.profile2.public_id,
        "job": personas.job.id,
        "draft_job": personas.draft_job.id,
        "job2": personas.job2.id,
        "match": match.id,
        "event": event.id,
        "callback": callback.id,
        "token_id": token_id,
        "article": article.id,
        "video": video.id,
        "alert": alert.id,
        "link": "finder-ikke-noget-link-0000000000",
        **staff_ids(db, personas),
    }
