"""Monthly targets: the leader's form (/tal/maal) and the dashboard's progress table."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.parse import record_id
from app.models import Team, User
from app.stats import policy, targets
from app.stats.periods import local_today
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import page_router
from app.web.templating import render

router = page_router()
SAVED = N_("Målet er gemt.")


def _months() -> list[str]:
    """This month, the next three and the previous two, as "YYYY-MM"."""
    today = local_today(utcnow())
    out = []
    for step in range(-2, 4):
        total = today.year * 12 + today.month - 1 + step
        out.append(f"{total // 12}-{total % 12 + 1:02d}")
    return out


def _page(
    request: Request, db: Session, user: User, errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    centre = policy.ensure_may_set_targets(db, user, None)
    found = db.scalars(select(Team).where(Team.jobcentre_id == centre).order_by(Team.name))
    teams = [(t.id, t.name) for t in found]
    names = dict(teams)
    rows: list[Any] = []
    for team_id in (None, *names):
        rows += [(names.get(team_id or 0, ""), t) for t in targets.targets_for(db, centre, team_id)]
    ctx = {
        "teams": teams,
        "months": _months(),
        "metrics": targets.METRICS,
        "targets": rows,
        "errors": errors or {},
        "values": values or {"month": _months()[2]},
        "messages": [("success", SAVED)] if request.query_params.get("gemt") else [],
    }
    return render(request, "stats/targets.html", ctx, status_code=status)


@router.get("/tal/maal")
def targets_page(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    return _page(request, db, user)


@router.post("/tal/maal")
def save_target(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    month: Annotated[str, Form(max_length=20)] = "",
    team_id: Annotated[str, Form(max_length=20)] = "",
    metric: Annotated[str, Form(max_length=20)] = "",
    target: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    team = record_id(team_id) if team_id else None
    if team_id and team is None:
        policy.ensure_may_set_targets(db, user, None)
        team = -1  # not a team of this jobcentre: NotFound below
    try:
        targets.set_target(db, user, team_id=team, month=month, metric=metric, target=target)
    except ValidationFailed as exc:
        values = {"month": month, "team_id": team_id, "metric": metric, "target": target}
        return _page(request, db, user, exc.fields, values, status=422)
    return RedirectResponse("/tal/maal?gemt=1", status_code=303)
