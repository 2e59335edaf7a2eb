"""The consultant's match board (/konsulent/match): suggested pairs of their people and
jobs, to recommend or dismiss, and every match of their people and companies. Thin: the rules
live in app.matches.service, match_rows and suggestions."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.errors import ValidationFailed
from app.followups import service as followups
from app.kit import parse
from app.kit.i18n import N_
from app.matches import match_rows, service, suggestions
from app.matches.forms import action_from_form
from app.matches.lifecycle import Outbox
from app.matches.page_common import (
    EngineDep,
    FormDep,
    OutboxDep,
    done_messages,
    guarded,
    page_labels,
    shown_again,
)
from app.matchmaking.engine import MatchEngine
from app.models import User
from app.web.deps import SessionDep
from app.web.guards import ConsultantUser
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

BOARD_CALCULATING = N_("Vi beregner dine match – kom tilbage om et øjeblik.")


def _board_context(
    request: Request, db: Session, engine: MatchEngine, user: User
) -> dict[str, Any]:
    return page_labels(request) | {
        "board": suggestions.consultant_board(db, engine, user, language_of(request)),
        "ready": engine.ready,
        "calculating": BOARD_CALCULATING,
        "rows": match_rows.consultant_matches(db, user),
        "follow_ups_due": followups.due_for(db, user, limit=10),
    }


@router.get("/konsulent/match")
def board(request: Request, db: SessionDep, engine: EngineDep, user: ConsultantUser) -> Response:
    ctx = _board_context(request, db, engine, user)
    ctx["messages"] = done_messages(request)
    return render(request, "matches/board.html", ctx)


def _board_action(
    request: Request,
    db: Session,
    engine: MatchEngine,
    out: Outbox,
    user: User,
    form: dict[str, str],
    action: str,
) -> Response:
    profile_id, job_id = form.get("profile_id", ""), form.get("job_id", "")
    if parse.record_id(profile_id) is None or parse.record_id(job_id) is None:
        raise ValidationFailed()
    data = action_from_form(form | {"action": action})

    def act() -> None:
        ctx = service.board_context(db, user, int(profile_id), int(job_id))
        service.perform(db, out, user, ctx, data)

    def context() -> dict[str, Any]:
        return _board_context(request, db, engine, user)

    failed = shown_again(
        request, "matches/board.html", context, failed=(int(profile_id), int(job_id)), values=form
    )
    error = guarded(db, act, failed)
    if error is not None:
        return error
    done = "anbefalet" if action == "recommend" else "afvist"
    return RedirectResponse(f"/konsulent/match?udfoert={done}", status_code=303)


@router.post("/konsulent/match/anbefal")
def board_recommend(
    request: Request,
    db: SessionDep,
    engine: EngineDep,
    out: OutboxDep,
    user: ConsultantUser,
    form: FormDep,
) -> Response:
    return _board_action(request, db, engine, out, user, form, "recommend")


@router.post("/konsulent/match/afvis")
def board_dismiss(
    request: Request,
    db: SessionDep,
    engine: EngineDep,
    out: OutboxDep,
    user: ConsultantUser,
    form: FormDep,
) -> Response:
    return _board_action(request, db, engine, out, user, form, "dismiss")
