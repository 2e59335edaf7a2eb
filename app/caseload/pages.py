"""The consultant's pages: ``/konsulent`` (caseload and the whole jobcentre) and
``/konsulent/soeg`` (search everything in the jobcentre)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.candidates.pages import page_url
from app.caseload import service
from app.followups import service as followups
from app.kit import parse
from app.kit.dates import local_date
from app.kit.i18n import N_
from app.web.deps import SessionDep
from app.web.guards import StaffUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

TABS = {"mine": "", "fleksjobbere": "flexjobbers", "virksomheder": "companies"}
SEARCH_TYPES = {"fleksjobbere": "flexjobbers", "virksomheder": "companies", "opslag": "postings"}


def _placements(db: Session, *sections: service.Section) -> dict[int, followups.Placement]:
    """Each shown person's current trial period or hire, for the row's hours chart."""
    shown = [
        row.user_id
        for section in sections
        if section.kind == "flexjobbers"
        for row in section.rows
        if row.profile_id is not None
    ]
    return followups.placements_of(db, shown)


def _page_number(raw: str | None) -> int:
    value = (raw or "").strip()
    return parse.digits(value, 1, service.MAX_PAGE) or 1


@router.get("/konsulent")
def caseload(
    request: Request,
    db: SessionDep,
    user: StaffUser,
    vis: str = "mine",
    page: str | None = None,
    cpage: str | None = None,
) -> Response:
    tab = vis if vis in TABS else "mine"
    ctx: dict[str, object] = {"tab": tab, "tabs": TABS, "local_date": local_date}
    if tab == "mine":
        mine = service.my_caseload(db, user, _page_number(page), _page_number(cpage))
        ctx["caseload"] = mine
        people, firms = mine.flexjobbers, mine.companies
        ctx["people_urls"] = (
            page_url(request, people.page - 1) if people.page > 1 else None,
            page_url(request, people.page + 1) if people.page < people.pages else None,
        )
        ctx["placements"] = _placements(db, people)
        ctx["company_urls"] = (
            page_url(request, firms.page - 1, "cpage") if firms.page > 1 else None,
            page_url(request, firms.page + 1, "cpage") if firms.page < firms.pages else None,
        )
    else:
        section = service.jobcentre_list(db, user, TABS[tab], _page_number(page))
        ctx["section"] = section
        ctx["placements"] = _placements(db, section)
        ctx["counts"] = service.jobcentre_counts(db, user)
        ctx["previous_url"] = page_url(request, section.page - 1) if section.page > 1 else None
        ctx["next_url"] = (
            page_url(request, section.page + 1) if section.page < section.pages else None
        )
    if vis == "mine" and request.query_params.get("udfoert") == "slettet":
        ctx["messages"] = [("success", N_("Profilen er slettet på borgerens vegne."))]
    return render(request, "caseload/overview.html", ctx)


@router.get("/konsulent/soeg")
def search(
    request: Request,
    db: SessionDep,
    user: StaffUser,
    q: Annotated[str, Query(max_length=200)] = "",
    type: str = "",
    page: str | None = None,
) -> Response:
    kind = SEARCH_TYPES.get(type, "")
    sections = service.search(db, user, q, kind, _page_number(page))
    ctx: dict[str, object] = {
        "q": q,
        "type": type if kind else "",
        "sections": sections,
        "placements": _placements(db, *sections),
        "local_date": local_date,
        "type_for": {v: k for k, v in SEARCH_TYPES.items()},
    }
    if kind and sections:
        section = sections[0]
        ctx["previous_url"] = page_url(request, section.page - 1) if section.page > 1 else None
        ctx["next_url"] = (
            page_url(request, section.page + 1) if section.page < section.pages else None
        )
    return render(request, "caseload/search.html", ctx)
