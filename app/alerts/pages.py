"""Job alert pages: the flexjobber's alerts, a new alert (pre-filled from the job search), what an
alert found last, stopping one in the app, and the stop link from an e-mail (no sign-in)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Request
from fastapi.responses import RedirectResponse, Response

from app.alerts import policy, service
from app.errors import ValidationFailed
from app.jobs.pages import JOB_TYPE_LABELS
from app.kit.i18n import N_
from app.models import ALERT_MATCHES, ALERT_SEARCH, JobAlert, User
from app.taxonomy import labels
from app.web.deps import CurrentUser, OptionalUser, SessionDep, SettingsDep
from app.web.i18n import language_of
from app.web.routers import page_router
from app.web.templating import render
from matching.reference import postcode_info

router = page_router()

FREQUENCY_LABELS = {
    "immediate": N_("Med det samme, når der kommer et nyt job"),
    "daily": N_("Én gang om dagen"),
    "weekly": N_("Én gang om ugen"),
}
KIND_LABELS = {
    ALERT_SEARCH: N_("Nye job, der passer til min søgning"),
    ALERT_MATCHES: N_("Nye job, der matcher mig godt (stærkt match)"),
}
DONE = {
    "gemt": N_("Jobagenten er gemt. Du hører fra den, når der kommer nye job."),
    "stoppet": N_("Jobagenten er stoppet. Du får ikke flere beskeder fra den."),
}
_TEXT = ("kind", "q", "fit_hours", "max_km", "origin", "job_type", "frequency", "by_email")
# The stop link's signature is 64 hex digits; anything longer is refused before any work.
Signature = Annotated[str, Path(max_length=64)]


def _labels(request: Request) -> dict[str, Any]:
    lang = language_of(request)
    return {
        "frequency_labels": FREQUENCY_LABELS,
        "kind_labels": KIND_LABELS,
        "job_type_labels": JOB_TYPE_LABELS,
        "accommodation_options": labels.accommodation_choices(lang),
    }


def describe(alert: JobAlert, accommodation_labels: dict[str, str]) -> list[tuple[str, str, bool]]:
    """The alert's search in words, for its owner: (label msgid, value, whether the value is a
    msgid too). The page shows it; the e-mail never does."""
    if alert.kind == ALERT_MATCHES:
        return []
    f = alert.filters
    parts: list[tuple[str, str, bool]] = []
    if f.get("q"):
        parts.append((N_("Søgeord"), str(f["q"]), False))
    if f.get("fit_hours"):
        parts.append((N_("Timetal"), N_("Passer til min profil"), True))
    if f.get("max_km"):
        parts.append((N_("Højst så mange km væk"), str(f["max_km"]), False))
    info = postcode_info(f["origin"]) if f.get("origin") else None
    if info is not None:
        parts.append((N_("Fra postnummer"), f"{info.postcode} {info.name}", False))
    codes = [accommodation_labels.get(c, c) for c in f.get("accommodations") or []]
    if codes:
        parts.append((N_("Skånehensyn"), ", ".join(codes), False))
    if f.get("job_type") in JOB_TYPE_LABELS:
        parts.append((N_("Type job"), JOB_TYPE_LABELS[f["job_type"]], True))
    return parts


def _list_context(request: Request, db: SessionDep, user: User, **extra: Any) -> dict[str, Any]:
    labels = _labels(request)
    names = dict(labels["accommodation_options"])
    alerts = service.active_alerts(db, user)
    return labels | {
        "alerts": alerts,
        "descriptions": {a.id: describe(a, names) for a in alerts},
        **extra,
    }


@router.get("/jobagenter")
def alert_list(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    policy.ensure_may_have_alerts(user)
    key = request.query_params.get("udfoert", "")
    messages = [("success", DONE[key])] if key in DONE else []
    return render(request, "alerts/list.html", _list_context(request, db, user, messages=messages))


async def _typed(request: Request) -> dict[str, Any]:
    """The form (or, for a new alert, the job search's query string) as typed."""
    source = await request.form() if request.method == "POST" else request.query_params
    data: dict[str, Any] = {name: str(source.get(name) or "")[:200] for name in _TEXT}
    data["accommodations"] = [str(v)[:100] for v in source.getlist("accommodations")][:50]
    return data


AlertForm = Annotated[dict[str, Any], Depends(_typed)]


def _form(request: Request, values: dict[str, Any], errors: dict[str, str] | None = None) -> Any:
    ctx = _labels(request) | {"values": values, "errors": errors or {}}
    return render(request, "alerts/form.html", ctx, status_code=422 if errors else 200)


@router.get("/jobagenter/ny")
def new_alert_form(request: Request, user: CurrentUser, data: AlertForm) -> Response:
    policy.ensure_may_have_alerts(user)
    # Coming from the job search: its filters are already there; e-mail daily by default.
    values = data | {"frequency": data["frequency"] or "daily", "by_email": "1"}
    values["kind"] = data["kind"] or ALERT_SEARCH
    return _form(request, values)


@router.post("/jobagenter/ny")
def create_alert(request: Request, db: SessionDep, user: CurrentUser, data: AlertForm) -> Response:
    try:
        service.create(db, user, data)
    except ValidationFailed as exc:
        errors = exc.fields or {"_form": exc.message}
        return _form(request, data, errors)
    return RedirectResponse("/jobagenter?udfoert=gemt", status_code=303)


@router.get("/jobagenter/{alert_id}")
def alert_detail(request: Request, db: SessionDep, user: CurrentUser, alert_id: int) -> Response:
    alert = service.get_own(db, user, alert_id)
    labels = _labels(request)
    ctx = labels | {
        "job_alert": alert,
        "description": describe(alert, dict(labels["accommodation_options"])),
        "jobs": service.found_jobs(db, user, alert),
    }
    return render(request, "alerts/detail.html", ctx)


@router.post("/jobagenter/{alert_id}/stop")
def stop_alert(db: SessionDep, user: CurrentUser, alert_id: int) -> Response:
    service.stop(db, user, alert_id)
    return RedirectResponse("/jobagenter?udfoert=stoppet", status_code=303)


# ---------------------------------------------------------------- the stop link in an e-mail


@router.get("/jobagent/stop/{alert_id}/{signature}")
def stop_link(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: OptionalUser,
    alert_id: int,
    signature: Signature,
) -> Response:
    """A link can be opened by a mail scanner, so the GET only asks; the button stops."""
    alert = service.by_stop_link(db, settings, alert_id, signature)
    ctx = {"job_alert": alert, "action": f"/jobagent/stop/{alert.id}/{signature}"}
    return render(request, "alerts/stop.html", ctx)


@router.post("/jobagent/stop/{alert_id}/{signature}")
def stop_by_link(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: OptionalUser,
    alert_id: int,
    signature: Signature,
) -> Response:
    alert = service.stop_by_link(db, settings, alert_id, signature)
    return render(request, "alerts/stop.html", {"job_alert": alert, "stopped": True})
