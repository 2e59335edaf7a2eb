"""JSON shape of the income guide (/api/v1/income-guide)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.income import parameters as p
from app.income.service import Guide


class FigureOut(BaseModel):
    value: float | None
    confirmed: bool = Field(description="False: derived or missing, not stated by a source")
    source: str


class IncomeGuideOut(BaseModel):
    """Kroner a month, rounded to whole kroner. Guidance only (vejledende)."""

    vejledende: bool = True
    year: int
    hours: int
    hourly_wage: float
    monthly_pay: int = Field(description="Pay from the employer")
    supplement: int = Field(description="Fleksløntilskud from the municipality")
    total: int
    full_time_pay: int = Field(description="37 hours at the same wage: the pay cap")
    capped: bool = Field(description="True when the pay cap binds")
    per_extra_hour: int = Field(description="What one more hour a week adds to the total")
    cap_from_hours: float | None = Field(description="Weekly hours from which the cap binds")
    keep_per_krone: float = Field(description="What each extra krone of pay adds to the total")
    ledighedsydelse: int | None
    ledighedsydelse_confirmed: bool
    ledighedsydelse_own: bool
    difference: int | None = Field(description="total minus ledighedsydelse")
    atp_pension: int = Field(description="Part of the supplement paid into ATP pension")
    table_version: str
    calculator_url: str
    parameters: dict[str, FigureOut]


def guide_out(guide: Guide) -> IncomeGuideOut:
    table = p.TABLE[guide.year]
    return IncomeGuideOut(
        year=guide.year,
        hours=guide.hours,
        hourly_wage=float(guide.hourly_wage),
        monthly_pay=guide.monthly_pay,
        supplement=guide.supplement,
        total=guide.total,
        full_time_pay=guide.full_time_pay,
        capped=guide.capped,
        per_extra_hour=guide.per_extra_hour,
        cap_from_hours=float(guide.cap_from_hours) if guide.cap_from_hours is not None else None,
        keep_per_krone=float(guide.keep_per_krone),
        ledighedsydelse=guide.ledighedsydelse,
        ledighedsydelse_confirmed=guide.ledighedsydelse_confirmed,
        ledighedsydelse_own=guide.ledighedsydelse_own,
        difference=guide.difference,
        atp_pension=guide.atp,
        table_version=guide.table_version,
        calculator_url=guide.calculator_url,
        parameters={
            name: FigureOut(
                value=float(f.value) if f.value is not None else None,
                confirmed=f.confirmed,
                source=f.source,
            )
            for name, f in table.figures().items()
        },
    )
