"""JSON route for the income guide: the same calculation as the pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from app.income import service
from app.income.schemas import IncomeGuideOut, guide_out
from app.web.routers import api_router

router = api_router("income")

# Text, not numbers, so that "abc" or "-3" gets the same Danish message per field as the form.
_Text = Annotated[str, Query(max_length=20)]


@router.get("/income-guide", response_model=IncomeGuideOut)
def income_guide(
    hours: _Text = "",
    hourly_wage: _Text = "",
    year: _Text = "",
    benefit: _Text = "",
) -> IncomeGuideOut:
    """What a fleksjob of `hours` a week at `hourly_wage` kr (incl. pension) means a month:
    pay, fleksløntilskud, total, the pay cap, and what one more hour adds. Public: it uses no
    personal data. `benefit`: the person's own ledighedsydelse a month, for the comparison."""
    raw = {"hours": hours, "hourly_wage": hourly_wage, "year": year, "benefit": benefit}
    return guide_out(service.guide_from(raw))
