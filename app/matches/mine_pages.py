"""The flexjobber's "Mine match": their ranked jobs, saved jobs and matches, and the save /
hide / "Jeg er interesseret" on a job. Thin: the rules live in app.matches.service,
match_rows and suggestions."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.kit.i18n import N_
from app.matches import match_rows, service, suggestions
from app.matches.forms import action_from_form, back_to, with_done
from app.matches.page_common import (
    EngineDep,
    FormDep,
    OutboxDep,
    done_messages,
    first_shown,
    guarded,
    page_labels,
    shown_again,
    shown_count,
)
from app.matches.policy import ensure_has_profile
from app.matchmaking.engine import MatchEngine
from app.notifications import service as notifications
from app.web.deps import SessionDep
from app.web.guards import Flexjobber, FlexjobberUser
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

# While the index has not ranked a new profile or posting yet (the engine syncs every 3 s and
# encodes only new texts, so this lasts seconds): said plainly, and the page refreshes itself.
CALCULATING = N_(
    "Vi er ved at finde job til dig. Det tager normalt under et minut, og siden opdaterer sig selv."
)


def _mine_context(
    request: Request, db: Session, engine: MatchEngine, me: Flexjobber, seen_update: bool
) -> dict[str, Any]:
    user, profile = me.user, ensure_has_profile(me.profile)
    shown = shown_count(request.query_params.get("antal"))
    found = suggestions.for_flexjobber(db, engine, user, profile, language_of(request), shown + 1)
    items, more_url = first_shown(found.items, shown, "/mine-match")
    # Only a visit that showed something new moves the marker: no write on every page view.
    if seen_update and items is not None and any(item.is_new for item in items):
        service.mark_matches_seen(db, profile)
    mine = match_rows.my_matches(db, user, profile)
    return page_labels(request) | {
        "items": items,
        "more_url": more_url,
        "calculating": CALCULATING,
        "paused": found.paused,
        "saved": match_rows.saved_jobs(db, profile),
        "mine": mine,
        "unread_notifications": notifications.unread_count(db, user),
        "new_count": sum(1 for item in items or [] if item.is_new),
    }


@router.get("/mine-match")
def my_matches(request: Request, db: SessionDep, engine: EngineDep, me: FlexjobberUser) -> Response:
    ctx = _mine_context(request, db, engine, me, seen_update=True)
    ctx["messages"] = done_messages(request)
    return render(request, "matches/mine.html", ctx)


@router.post("/mine-match/{job_id}")
def act_on_job(
    request: Request,
    db: SessionDep,
    engine: EngineDep,
    out: OutboxDep,
    me: FlexjobberUser,
    job_id: int,
    form: FormDep,
) -> Response:
    data = action_from_form(form)
    result: dict[str, int] = {}

    def act() -> None:
        result["match"] = service.act_on_job(db, out, me.user, job_id, data).id

    def context() -> dict[str, Any]:
        return _mine_context(request, db, engine, me, seen_update=False)

    error = guarded(db, act, shown_again(request, "matches/mine.html", context, failed_job=job_id))
    if error is not None:
        return error
    done = {"interest": "interest", "hide": "skjult"}.get(data.action)
    if data.action == "save":
        done = "gemt" if data.saved else "fjernet"
    if data.action == "interest":
        return RedirectResponse(f"/match/{result['match']}?udfoert=interest", status_code=303)
    back = back_to(form.get("tilbage", ""), job_id)
    return RedirectResponse(with_done(back, done or ""), status_code=303)
