"""What every match page shares: the state, event and "done" labels, the engine, outbox and
form dependencies, how many ranked rows to show, and the savepoint guard around an action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.errors import Conflict, Forbidden, ValidationFailed
from app.kit import parse
from app.kit.i18n import N_
from app.matches import lifecycle
from app.matches.forms import linkify, local_date, local_time
from app.matches.lifecycle import Outbox
from app.matchmaking.engine import MatchEngine
from app.taxonomy import labels
from app.web.deps import MailerDep, SettingsDep
from app.web.i18n import language_of
from app.web.templating import render

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


def get_engine(request: Request) -> MatchEngine:
    engine: MatchEngine = request.app.state.match_engine
    return engine


EngineDep = Annotated[MatchEngine, Depends(get_engine)]


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: str(value) for key, value in form.items() if isinstance(value, str)}


FormDep = Annotated[dict[str, str], Depends(_form)]


def done_messages(request: Request) -> list[tuple[str, str]]:
    """The success message for ``?udfoert=<key>`` (also on the other pages that offer the match
    actions: a job, the search)."""
    key = request.query_params.get("udfoert", "")
    return [("success", DONE[key])] if key in DONE else []


def page_labels(request: Request) -> dict[str, Any]:
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


def guarded(
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


def shown_again(
    request: Request, template: str, context: Callable[[], dict[str, Any]], **extra: Any
) -> Callable[[dict[str, str], str, int], Response]:
    """The ``on_error`` of :func:`guarded` for a page that shows itself again: its context
    built afresh by ``context`` (after the savepoint rolled back), with the errors, the
    problem and ``extra``, in the refusal's status."""

    def failed(errors: dict[str, str], message: str, status: int) -> Response:
        ctx = context() | {"errors": errors, "problem": message} | extra
        return render(request, template, ctx, status_code=status)

    return failed


MATCHES_PER_PAGE = 20
MAX_MATCHES_SHOWN = 100


def shown_count(raw: str | None) -> int:
    """How many ranked rows to show: 20 at first, 20 more per "Vis flere" (at most 100)."""
    value = (raw or "").strip()
    wanted = parse.digits(value) or MATCHES_PER_PAGE
    return min(max(wanted, MATCHES_PER_PAGE), MAX_MATCHES_SHOWN)


T = TypeVar("T")


def first_shown(items: list[T] | None, shown: int, path: str) -> tuple[list[T] | None, str | None]:
    """The first ``shown`` of ``items`` (fetched one over, to know whether there are more) and
    the "Vis flere" link to ``path`` with 20 more; None for the link when there are no more."""
    if items is None:
        return None, None
    more_url = f"{path}?antal={shown + MATCHES_PER_PAGE}" if len(items) > shown else None
    return items[:shown], more_url
