"""Company pages (the full company page editor arrives with the profiles and jobs work)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from app.companies import policy, service
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


@router.get("/virksomheder")
def company_list(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    companies = service.companies_in_scope(db, user)
    return render(request, "companies/list.html", {"companies": companies})


@router.get("/virksomheder/{company_id}")
def company_detail(
    request: Request, db: SessionDep, user: CurrentUser, company_id: int
) -> Response:
    company = service.get_company(db, user, company_id)
    ctx = {"company": company, "can_edit": policy.can_edit(db, user, company)}
    return render(request, "companies/detail.html", ctx)
