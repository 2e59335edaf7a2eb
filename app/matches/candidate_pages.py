"""A posting's ranked candidates (/opslag/{job_id}/kandidater) and the company's "Vi vil gerne
tale med dig" from that list. Thin: the rules live in app.matches.service, match_rows and
ranking."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.kit.i18n import N_
from app.matches import match_rows, messaging, ranking, service
from app.matches.page_common import (
    EngineDep,
    OutboxDep,
    done_messages,
    first_shown,
    guarded,
    page_labels,
    shown_again,
    shown_count,
)
from app.matches.policy import Party, company_knows
from app.matchmaking.engine import MatchEngine
from app.models import Company, PostingStatus, User
from app.web.deps import CurrentUser, SessionDep
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

CANDIDATES_CALCULATING = N_(
    "Vi er ved at finde kandidater til opslaget. Det tager normalt under et minut, og siden opdaterer sig selv."
)


def _candidates_context(
    request: Request, db: Session, engine: MatchEngine, user: User, job_id: int
) -> dict[str, Any]:
    job, who = service.posting_for_candidates(db, user, job_id)
    company = db.get(Company, job.company_id)
    shown = shown_count(request.query_params.get("antal"))
    items, more_url = first_shown(
        ranking.candidates_for_job(db, engine, user, job, language_of(request), k=shown + 1),
        shown,
        f"/opslag/{job.id}/kandidater",
    )
    unread = messaging.unread_by_match(
        db, user, [i.match.id for i in items or [] if i.match is not None]
    )
    rows = match_rows.company_matches(db, user, job.id) if who == Party.COMPANY else []
    return page_labels(request) | {
        "job": job,
        "company": company,
        "party": who.value,
        "published": job.status == PostingStatus.PUBLISHED,
        "items": items,
        "calculating": CANDIDATES_CALCULATING,
        "unread": unread,
        "may_open": {
            i.profile.id: i.match is not None and (who != Party.COMPANY or company_knows(i.match))
            for i in items or []
        },
        "rows": rows,
        "more_url": more_url,
    }


@router.get("/opslag/{job_id}/kandidater")
def candidates(
    request: Request, db: SessionDep, engine: EngineDep, user: CurrentUser, job_id: int
) -> Response:
    ctx = _candidates_context(request, db, engine, user, job_id)
    ctx["messages"] = done_messages(request)
    return render(request, "matches/candidates.html", ctx)


@router.post("/opslag/{job_id}/kandidater/{profile_id}/interesse")
def company_interest(
    request: Request,
    db: SessionDep,
    engine: EngineDep,
    out: OutboxDep,
    user: CurrentUser,
    job_id: int,
    profile_id: int,
) -> Response:
    result: dict[str, int] = {}

    def act() -> None:
        result["match"] = service.company_interest(db, out, user, job_id, profile_id).id

    def context() -> dict[str, Any]:
        return _candidates_context(request, db, engine, user, job_id)

    error = guarded(db, act, shown_again(request, "matches/candidates.html", context))
    if error is not None:
        return error
    return RedirectResponse(f"/match/{result['match']}?udfoert=interest", status_code=303)
