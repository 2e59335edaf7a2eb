"""Match pages: the flexjobber's "Mine match" and "Mine data", a posting's ranked candidates,
the consultant's match board, and one match (person as this party may see them, actions,
timeline, conversation and the flexjobber's consent panel). Thin: the rules live in
app.matches.service, lifecycle, consent, messaging and policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.followups import service as followups
from app.income.teaser import teaser_context
from app.kit import parse
from app.kit.i18n import N_
from app.matches import consent as consents
from app.matches import lifecycle, messaging, ranking, read_model, service, suggestions
from app.matches.forms import (
    action_from_form,
    back_to,
    linkify,
    local_date,
    local_time,
    with_done,
)
from app.matches.lifecycle import MatchContext, Outbox
from app.matches.policy import Party, company_knows, ensure_has_profile
from app.matchmaking.engine import MatchEngine
from app.models import Company, PostingStatus, User, Visibility
from app.notifications import service as notifications
from app.profiles import cv_storage
from app.taxonomy import labels
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.guards import ConsultantUser, Flexjobber, FlexjobberUser
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

STATE_LABELS = {
    "suggested": N_("Forslag"),
    "recommended": N_("Anbefalet af jobcentret"),
    "interest": N_("Afventer svar"),
    "mutual": N_("Begge er interesserede"),
    "meeting": N_("Møde aftalt"),
    "trial": N_("Praktik"),
    "hired": N_("Ansat"),
    "ended": N_("Afsluttet"),
    "dismissed": N_("Afvist af jobcentret"),
    "expired": N_("Udløbet"),
}
EVENT_LABELS = {
    "recommended": N_("Anbefalede matchet"),
    "dismissed": N_("Afviste forslaget"),
    "interest_flexjobber": N_("Viste interesse"),
    "interest_company": N_("Vil gerne tale sammen"),
    "meeting_booked": N_("Aftalte et møde"),
    "trial_started": N_("Aftalte en praktik"),
    "hired": N_("Registrerede ansættelse"),
    "ended": N_("Afsluttede matchet"),
    "expired": N_("Forespørgslen udløb"),
    "follow_up": N_("Fulgte op på forløbet"),
}
DONE = {
    "interest": N_("Vi har givet besked til den anden part."),
    "gemt": N_("Jobbet er gemt."),
    "fjernet": N_("Jobbet er fjernet fra dine gemte job."),
    "skjult": N_("Jobbet vises ikke længere i dine match."),
    "anbefalet": N_("Matchet er anbefalet. Begge parter har fået besked."),
    "afvist": N_("Forslaget er afvist."),
    "opdateret": N_("Matchet er opdateret."),
    "besked": N_("Beskeden er sendt."),
    "opfoelgning": N_("Opfølgningen er gemt."),
    "samtykke": N_("Dit samtykke er gemt."),
    "trukket": N_("Dit samtykke er trukket tilbage. Det gælder med det samme."),
}
# While the index has not ranked a new profile or posting yet (the engine syncs every 3 s and
# encodes only new texts, so this lasts seconds): said plainly, and the page refreshes itself.
CALCULATING = N_(
    "Vi er ved at finde job til dig. Det tager normalt under et minut, og siden opdaterer sig selv."
)
CANDIDATES_CALCULATING = N_(
    "Vi er ved at finde kandidater til opslaget. Det tager normalt under et minut, og siden opdaterer sig selv."
)
BOARD_CALCULATING = N_("Vi beregner dine match – kom tilbage om et øjeblik.")


def get_engine(request: Request) -> MatchEngine:
    engine: MatchEngine = request.app.state.match_engine
    return engine


EngineDep = Annotated[MatchEngine, Depends(get_engine)]


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: str(value) for key, value in form.items() if isinstance(value, str)}


FormDep = Annotated[dict[str, str], Depends(_form)]


def _done(request: Request) -> list[tuple[str, str]]:
    key = request.query_params.get("udfoert", "")
    return [("success", DONE[key])] if key in DONE else []


done_messages = _done  # for the other pages that offer the match actions (a job, the search)


def _labels(request: Request) -> dict[str, Any]:
    lang = language_of(request)
    return {
        "state_labels": STATE_LABELS,
        "event_labels": EVENT_LABELS,
        "end_reasons": lifecycle.END_REASONS,
        "end_labels": lifecycle.END_LABELS,
        "dismiss_reasons": lifecycle.DISMISS_REASONS,
        "hide_reasons": lifecycle.HIDE_REASONS,
        "accommodation_labels": labels.accommodation_labels(lang),
        "local_time": local_time,
        "local_date": local_date,
        "linkify": linkify,
    }


def _outbox(settings: SettingsDep, mailer: MailerDep) -> Outbox:
    return Outbox(settings, mailer)


OutboxDep = Annotated[Outbox, Depends(_outbox)]


def _guarded(
    db: Session,
    action: Callable[[], object],
    on_error: Callable[[dict[str, str], str, int], Response],
) -> Response | None:
    """Runs one action in a savepoint: a refused action leaves nothing half-done behind."""
    try:
        with db.begin_nested():
            action()
    except ValidationFailed as exc:
        # Field errors go to the error summary; a message without fields stands alone.
        return on_error(exc.fields, "" if exc.fields else exc.message, exc.status_code)
    except (Conflict, Forbidden) as exc:
        return on_error({}, exc.message, exc.status_code)
    return None


# ---------------------------------------------------------------- Mine match (flexjobber)


MATCHES_PER_PAGE = 20
MAX_MATCHES_SHOWN = 100


def _shown_count(raw: str | None) -> int:
    """How many ranked jobs to show: 20 at first, 20 more per "Vis flere job" (at most 100)."""
    value = (raw or "").strip()
    wanted = parse.digits(value) or MATCHES_PER_PAGE
    return min(max(wanted, MATCHES_PER_PAGE), MAX_MATCHES_SHOWN)


def _mine_context(
    request: Request, db: Session, engine: MatchEngine, me: Flexjobber, seen_update: bool
) -> dict[str, Any]:
    user, profile = me.user, ensure_has_profile(me.profile)
    shown = _shown_count(request.query_params.get("antal"))
    found = suggestions.for_flexjobber(db, engine, user, profile, language_of(request), shown + 1)
    items = found.items
    more = items is not None and len(items) > shown
    items = items[:shown] if items is not None else None
    # Only a visit that showed something new moves the marker: no write on every page view.
    if seen_update and items is not None and any(item.is_new for item in items):
        service.mark_matches_seen(db, profile)
    mine = service.my_matches(db, user, profile)
    return _labels(request) | {
        "items": items,
        "more_url": f"/mine-match?antal={shown + MATCHES_PER_PAGE}" if more else None,
        "calculating": CALCULATING,
        "paused": found.paused,
        "saved": service.saved_jobs(db, profile),
        "mine": mine,
        "unread_notifications": notifications.unread_count(db, user),
        "new_count": sum(1 for item in items or [] if item.is_new),
    }


@router.get("/mine-match")
def my_matches(request: Request, db: SessionDep, engine: EngineDep, me: FlexjobberUser) -> Response:
    ctx = _mine_context(request, db, engine, me, seen_update=True)
    ctx["messages"] = _done(request)
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

    def failed(errors: dict[str, str], message: str, status: int) -> Response:
        ctx = _mine_context(request, db, engine, me, seen_update=False)
        ctx |= {"errors": errors, "problem": message, "failed_job": job_id}
        return render(request, "matches/mine.html", ctx, status_code=status)

    error = _guarded(db, act, failed)
    if error is not None:
        return error
    done = {"interest": "interest", "hide": "skjult"}.get(data.action)
    if data.action == "save":
        done = "gemt" if data.saved else "fjernet"
    if data.action == "interest":
        return RedirectResponse(f"/match/{result['match']}?udfoert=interest", status_code=303)
    back = back_to(form.get("tilbage", ""), job_id)
    return RedirectResponse(with_done(back, done or ""), status_code=303)


# ---------------------------------------------------------------- a posting's candidates


def _candidates_context(
    request: Request, db: Session, engine: MatchEngine, user: User, job_id: int
) -> dict[str, Any]:
    job, who = service.posting_for_candidates(db, user, job_id)
    company = db.get(Company, job.company_id)
    shown = _shown_count(request.query_params.get("antal"))
    items = ranking.candidates_for_job(db, engine, user, job, language_of(request), k=shown + 1)
    more = items is not None and len(items) > shown
    items = items[:shown] if items is not None else None
    unread = messaging.unread_by_match(
        db, user, [i.match.id for i in items or [] if i.match is not None]
    )
    rows = service.company_matches(db, user, job.id) if who == Party.COMPANY else []
    return _labels(request) | {
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
        "more_url": f"/opslag/{job.id}/kandidater?antal={shown + MATCHES_PER_PAGE}"
        if more
        else None,
    }


@router.get("/opslag/{job_id}/kandidater")
def candidates(
    request: Request, db: SessionDep, engine: EngineDep, user: CurrentUser, job_id: int
) -> Response:
    ctx = _candidates_context(request, db, engine, user, job_id)
    ctx["messages"] = _done(request)
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

    def failed(errors: dict[str, str], message: str, status: int) -> Response:
        ctx = _candidates_context(request, db, engine, user, job_id)
        ctx |= {"errors": errors, "problem": message}
        return render(request, "matches/candidates.html", ctx, status_code=status)

    error = _guarded(db, act, failed)
    if error is not None:
        return error
    return RedirectResponse(f"/match/{result['match']}?udfoert=interest", status_code=303)


# ---------------------------------------------------------------- the consultant's board


def _board_context(
    request: Request, db: Session, engine: MatchEngine, user: User
) -> dict[str, Any]:
    return _labels(request) | {
        "board": suggestions.consultant_board(db, engine, user, language_of(request)),
        "ready": engine.ready,
        "calculating": BOARD_CALCULATING,
        "rows": service.consultant_matches(db, user),
        "follow_ups_due": followups.due_for(db, user, limit=10),
    }


@router.get("/konsulent/match")
def board(request: Request, db: SessionDep, engine: EngineDep, user: ConsultantUser) -> Response:
    ctx = _board_context(request, db, engine, user)
    ctx["messages"] = _done(request)
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

    def failed(errors: dict[str, str], message: str, status: int) -> Response:
        ctx = _board_context(request, db, engine, user)
        ctx |= {"errors": errors, "problem": message, "failed": (int(profile_id), int(job_id))}
        ctx["values"] = form
        return render(request, "matches/board.html", ctx, status_code=status)

    error = _guarded(db, act, failed)
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


# ---------------------------------------------------------------- one match


def _detail(
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
    view = read_model.match_view(db, ctx)
    given = service.company_consent(db, ctx) if ctx.party == Party.FLEXJOBBER else None
    page = (
        _labels(request)
        | {
            "match": view.match,
            "job": view.job,
            "company": view.company,
            "party": view.party.value,
            "person": view.person,
            "actions": view.actions,
            "timeline": view.timeline,
            "ending": view.ending,
            "conversation": service.conversation_for(db, user, ctx),
            "may_message": view.may_message,
            # The consent panel: for the flexjobber, once the company has asked.
            "consent_panel": ctx.party == Party.FLEXJOBBER and ctx.match.company_interest_at,
            "consent": given,
            "person_named": ctx.profile.visibility == Visibility.NAMED,
            **_follow_up_context(db, ctx),
            "errors": errors or {},
            "problem": problem,
            "values": values or {},
            "messages": _done(request),
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
    service.record_view(db, user, ctx)
    if ctx.party != Party.ADMIN:
        notifications.mark_read_for_match(db, user, match_id)
    return _detail(request, db, user, ctx)


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
        return _detail(
            request, db, user, fresh, errors=errors, problem=message, values=form, status=status
        )

    error = _guarded(db, lambda: action(ctx), failed)
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
    profile = service.cv_for(db, user, ctx)
    data = cv_storage.load(settings.data_dir, profile.cv_storage_key or "")
    if data is None or not profile.cv_content_type:
        raise NotFound(N_("Der er intet CV."))
    extension = cv_storage.EXTENSIONS.get(profile.cv_content_type, "")
    return Response(
        data,
        media_type=profile.cv_content_type,
        headers={"Content-Disposition": f'attachment; filename="cv{extension}"'},
    )
