"""The dashboard ``/tal``: the jobcentre's, a team's or a caseload's figures by week or month,
each table as a chart and an accessible table, and ``/tal/<table>.csv`` with the same rows."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.models import User
from app.staff import policy as staff_policy
from app.stats import options, policy, query, report, tables, targets
from app.stats.charts import bar_chart, format_value
from app.stats.periods import local_today
from app.web.deps import CurrentUser, SessionDep, SettingsDep
from app.web.i18n import language_of, translations
from app.web.routers import page_router
from app.web.templating import render

router = page_router()
UNDER_5 = N_("under 5")  # a held-back cell: about 1–4 people
# Not small itself, but a small cell could be computed from it (app.stats.report).
HELD_BACK = N_("skjult")
_PARAMS = ("jobcentre_id", "team_id", "consultant_id", "from", "to", "by")


def _raw(request: Request) -> dict[str, str]:
    # Bounded: a filter value is a date, an id or a word; anything longer is not one.
    return {name: request.query_params.get(name, "")[:20] for name in _PARAMS}


def _figures(
    db: Session, user: User, raw: dict[str, str], cache_seconds: float
) -> tuple[Any, Any, list[Any]]:
    asked = query.read(
        local_today(utcnow()),
        jobcentre_id=raw["jobcentre_id"],
        team_id=raw["team_id"],
        consultant_id=raw["consultant_id"],
        first=raw["from"],
        last=raw["to"],
        by=raw["by"],
    )
    decision = policy.decide(
        db,
        user,
        jobcentre_id=asked.jobcentre_id,
        team_id=asked.team_id,
        consultant_id=asked.consultant_id,
    )
    shown = report.shown(
        db,
        decision.scope,
        asked.buckets,
        hide_small=decision.hide_small,
        cache_seconds=cache_seconds,
    )
    return asked, decision, shown


def _text(cell: tables.Cell, kind: str, tr: Any) -> str:
    value = cell.value
    if cell.under_5:
        return str(tr(UNDER_5))
    if cell.held_back:
        return str(tr(HELD_BACK))
    return "–" if value is None else format_value(value, kind)


@router.get("/tal")
def dashboard(
    request: Request, db: SessionDep, user: CurrentUser, settings: SettingsDep
) -> Response:
    policy.decide(db, user)  # outsiders: 404 before anything is read
    tr = translations(language_of(request)).gettext
    raw = _raw(request)
    ctx: dict[str, Any] = {"values": raw}
    status = 200
    try:
        asked, decision, buckets = _figures(db, user, raw, settings.stats_cache_seconds)
    except ValidationFailed as exc:
        ctx["errors"], status, buckets, asked, decision = exc.fields, 422, [], None, None
    centre = decision.scope.jobcentre_id if decision else user.jobcentre_id
    shown = decision.scope.consultant_id if decision else None
    ctx["options"] = options.for_viewer(db, user, centre, shown)
    if asked is not None:
        ctx["values"] = raw | {"from": asked.first.isoformat(), "to": asked.last.isoformat()}
        ctx["values"]["by"] = asked.by
        ctx["small_cells_hidden"] = decision.hide_small
        ctx["goals"] = targets.progress(
            db, decision.scope, local_today(utcnow()), cache_seconds=settings.stats_cache_seconds
        )
        ctx["goal_labels"] = targets.METRICS
        ctx["query_string"] = urlencode({k: v for k, v in ctx["values"].items() if v})
    ctx["may_set_targets"] = policy.may_set_targets(user)
    ctx["may_manage_teams"] = staff_policy.may_open_staff_admin(user)
    ctx["sections"] = [
        {
            "spec": spec,
            "chart": bar_chart(spec, buckets, tr),
            "rows": [
                (
                    label,
                    [_text(c, col.kind, tr) for c, col in zip(cells, spec.columns, strict=True)],
                )
                for label, cells in tables.rows(spec, buckets)
            ],
        }
        for spec in tables.TABLES
    ]
    return render(request, "stats/dashboard.html", ctx, status_code=status)


@router.get("/tal/{slug}.csv")
def table_csv(
    request: Request, db: SessionDep, user: CurrentUser, settings: SettingsDep, slug: str
) -> Response:
    policy.decide(db, user)
    spec = tables.BY_SLUG.get(slug)
    if spec is None:
        raise NotFound()
    tr = translations(language_of(request)).gettext
    asked, _decision, buckets = _figures(db, user, _raw(request), settings.stats_cache_seconds)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Danish spreadsheets read ";" as the separator
    writer.writerow([tr("Periode"), *(tr(c.title) for c in spec.columns)])
    for label, cells in tables.rows(spec, buckets):
        writer.writerow(
            [
                label,
                *(_text(c, col.kind, tr) for c, col in zip(cells, spec.columns, strict=True)),
            ]
        )
    name = f"fleksbro-{slug}-{asked.first.isoformat()}-{asked.last.isoformat()}.csv"
    return Response(
        out.getvalue().encode("utf-8-sig"),  # the BOM makes Excel read UTF-8 (æ, ø, å)
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
