from __future__ import annotations

from app.companies import service
from app.companies.schemas import CompanyOut
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import api_router

router = api_router("companies")


@router.get("/companies/{company_id}", response_model=CompanyOut)
def get_company(db: SessionDep, user: CurrentUser, company_id: int) -> CompanyOut:
    return CompanyOut.model_validate(service.get_company(db, user, company_id))
