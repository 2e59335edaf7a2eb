"""One match (/match/{match_id}): the person as this party may see them, the actions, the
timeline, the conversation, the flexjobber's consent panel, follow-ups and the CV download.
Thin: the rules live in app.matches.service, party_view, read_model, lifecycle, consent and
messaging."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.errors import Forbidden, NotFound
from app.followups import service as followups
from app.income.teaser import teaser_context
from app.kit.i18n import N_
from app.matches import consent as consents
from app.matches import lifecycle, messaging, party_view, read_model, service
from app.matches.forms import action_from_form
from app.matches.lifecycle import MatchContext
from app.matches.page_common import FormDep, OutboxDep, done_messages, guarded, page_labels
from app.matches.policy import Party
from app.models import User, Visibility
from app.notifications import service as notifications
from app.profiles import cv_storage
from app.web.deps import CurrentUser, SessionDep, SettingsDep
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


def render_detail(
    request: Request,
    db: Session,
    user: User,
    ctx: MatchContext,
    *,
    errors: dict[str, str] | None = None,
    problem: str = "",
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    """The match page (also re-rendered with errors by the follow-up form's page)."""
    view = read_model.match_view(db, ctx)
    given = party_view.company_consent(db, ctx) if ctx.party == Party.FLEXJOBBER else None
    page = (
        page_labels(request)
        | {
            "match": view.match,
            "job": view.job,
            "company": view.company,
            "party": view.party.value,
            "person": view.person,
            "actions": view.actions,
            "timeline": view.timeline,
            "ending": view.ending,
            "conversation": party_view.conversation_for(db, user, ctx),
            "may_message": view.may_message,
            # The consent panel: for the flexjobber, once the company has asked.
            "consent_panel": ctx.party == Party.FLEXJOBBER and ctx.match.company_interest_at,
            "consent": given,
            "person_named": ctx.profile.visibility == Visibility.NAMED,
            **_follow_up_context(db, ctx),
            "errors": errors or {},
            "problem": problem,
            "values": values or {},
            "messages": done_messages(request),
        }
        | teaser_context(request, ctx.job, ctx.profile)
    )
    return render(request, "matches/detail.html", page, status_code=status)


def _follow_up_context(db: Session, ctx: MatchContext) -> dict[str, Any]:
    done = followups.for_match(db, ctx.match)
    return {
        "follow_ups": done,
        "follow_up_due": followups.next_due(ctx.match, done),
        "hours_points": followups.hours_over_time(ctx.match, done),
        # The notes are the jobcentre's work notes; the person and the company see the dates.
        "follow_up_notes": ctx.party == Party.CONSULTANT,
        "may_follow_up": ctx.party == Party.CONSULTANT and followups.is_placed(ctx.match),
    }


@router.get("/match/{match_id}")
def match_page(request: Request, db: SessionDep, user: CurrentUser, match_id: int) -> Response:
    ctx = lifecycle.load(db, user, match_id)
    party_view.record_view(db, user, ctx)
    if ctx.party != Party.ADMIN:
        notifications.mark_read_for_match(db, user, match_id)
    return render_detail(request, db, user, ctx)


def _on_match(
    request: Request,
    db: Session,
    user: User,
    match_id: int,
    form: dict[str, str],
    action: Callable[[MatchContext], object],
    done: str,
) -> Response:
    ctx = lifecycle.load(db, user, match_id)

    def failed(errors: dict[str, str], message: str, status: int) -> Response:
        fresh = lifecycle.load(db, user, match_id)
        return render_detail(
            request, db, user, fresh, errors=errors, problem=message, values=form, status=status
        )

    error = guarded(db, lambda: action(ctx), failed)
    if error is not None:
        return error
    return RedirectResponse(f"/match/{match_id}?udfoert={done}", status_code=303)


@router.post("/match/{match_id}")
def match_action(
    request: Request,
    db: SessionDep,
    out: OutboxDep,
    user: CurrentUser,
    match_id: int,
    form: FormDep,
) -> Response:
    data = action_from_form(form)
    return _on_match(
        request,
        db,
        user,
        match_id,
        form,
        lambda ctx: service.perform(db, out, user, ctx, data),
        "interest" if data.action == "interest" else "opdateret",
    )


@router.post("/match/{match_id}/beskeder")
def send_message(
    request: Request,
    db: SessionDep,
    out: OutboxDep,
    user: CurrentUser,
    match_id: int,
    form: FormDep,
) -> Response:
    body = form.get("body", "")
    return _on_match(
        request,
        db,
        user,
        match_id,
        form,
        lambda ctx: messaging.send(db, out, user, ctx, body),
        "besked",
    )


def _grant(db: Session, user: User, ctx: MatchContext, form: dict[str, str]) -> None:
    if ctx.party != Party.FLEXJOBBER:
        raise Forbidden()
    consents.grant(
        db,
        user,
        ctx.job.company_id,
        identity=form.get("identity") == "1",
        cv=form.get("cv") == "1",
        accommodations=form.get("accommodations") == "1",
    )


@router.post("/match/{match_id}/samtykke")
def grant_consent(
    request: Request, db: SessionDep, user: CurrentUser, match_id: int, form: FormDep
) -> Response:
    return _on_match(
        request, db, user, match_id, form, lambda ctx: _grant(db, user, ctx, form), "samtykke"
    )


def _withdraw(db: Session, user: User, ctx: MatchContext) -> None:
    if ctx.party != Party.FLEXJOBBER:
        raise Forbidden()
    consents.withdraw(db, user, ctx.job.company_id)


@router.post("/match/{match_id}/samtykke/traek-tilbage")
def withdraw_consent(
    request: Request, db: SessionDep, user: CurrentUser, match_id: int, form: FormDep
) -> Response:
    return _on_match(
        request, db, user, match_id, form, lambda ctx: _withdraw(db, user, ctx), "trukket"
    )


@router.get("/match/{match_id}/cv")
def match_cv(db: SessionDep, settings: SettingsDep, user: CurrentUser, match_id: int) -> Response:
    ctx = lifecycle.load(db, user, match_id)
    profile = party_view.cv_for(db, user, ctx)
    data = cv_storage.load(settings.data_dir, profile.cv_storage_key or "")
    if data is None or not profile.cv_content_type:
        raise NotFound(N_("Der er intet CV."))
    extension = cv_storage.EXTENSIONS.get(profile.cv_content_type, "")
    return Response(
        data,
        media_type=profile.cv_content_type,
        headers={"Content-Disposition": f'attachment; filename="cv{extension}"'},
    )
