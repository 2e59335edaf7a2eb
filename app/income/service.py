"""The income guide: what a fleksjob means for a person's money, month by month.

Pure calculation over the versioned table in app.income.parameters (no database, no web).
The rules (STAR, "Beregn løn i fleksjob"):
- pay = hours a week x hourly wage (incl. pension) x 52 / 12;
- fleksløntilskud = the year's maximum, reduced by 30 % of pay up to the threshold and by
  55 % of pay above it, never below 0;
- pay cap: pay + supplement never exceed full-time (37 h) pay in the same job.
Every result is guidance only ("vejledende"); the municipality makes the real calculation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from app.errors import ValidationFailed
from app.income import parameters as p
from app.kit.i18n import N_

HOURS_MIN, HOURS_MAX = 1, p.FULL_TIME_HOURS
WAGE_MIN, WAGE_MAX = Decimal(1), Decimal(2000)
BENEFIT_MAX = Decimal(100_000)
# Signs and many digits are read (then refused by the range check, with the range as message).
_NUMBER = re.compile(r"^-?\d{1,20}([.,]\d{1,2})?$")
_WHOLE = re.compile(r"^-?\d{1,20}$")
_MONTH = p.WEEKS_PER_YEAR / p.MONTHS_PER_YEAR


@dataclass(frozen=True)
class GuideInput:
    hours: int
    hourly_wage: Decimal
    year: int
    benefit: Decimal | None = None  # the person's own ledighedsydelse, if they typed it


@dataclass(frozen=True)
class Guide:
    year: int
    hours: int
    hourly_wage: Decimal
    monthly_pay: int
    supplement: int
    total: int
    full_time_pay: int
    capped: bool
    per_extra_hour: int
    cap_from_hours: Decimal | None  # weekly hours (1 decimal) from which the cap binds
    keep_per_krone: Decimal  # of each extra krone of pay, what is left after the reduction
    ledighedsydelse: int | None
    ledighedsydelse_confirmed: bool  # False: an estimate from the table, not a stated fact
    ledighedsydelse_own: bool  # the person typed their own amount
    difference: int | None  # total - ledighedsydelse
    atp: int  # the part of the supplement paid into ATP pension (5 %, at most 500 kr)
    table_version: str
    calculator_url: str


@dataclass(frozen=True)
class _Month:
    pay: Decimal
    supplement: Decimal
    capped: bool


def _kr(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _table(year: int) -> p.YearTable:
    table = p.TABLE.get(year)
    if table is None or not table.calculable:
        raise ValidationFailed(fields={"year": _year_message()})
    return table


def _year_message() -> str:
    return N_("Vejledningen kan kun regne med år, hvor alle satser er bekræftet.")


def _value(figure: p.Figure) -> Decimal:
    assert figure.value is not None  # calculable() checked it
    return figure.value


def full_time_pay(hourly_wage: Decimal) -> Decimal:
    return p.FULL_TIME_HOURS * hourly_wage * _MONTH


def _uncapped_supplement(table: p.YearTable, pay: Decimal) -> Decimal:
    threshold = _value(table.threshold)
    reduction = _value(table.rate_low) * min(pay, threshold)
    reduction += _value(table.rate_high) * max(Decimal(0), pay - threshold)
    return max(Decimal(0), _value(table.max_supplement) - reduction)


def _month(table: p.YearTable, hours: Decimal, hourly_wage: Decimal) -> _Month:
    pay = hours * hourly_wage * _MONTH
    supplement = _uncapped_supplement(table, pay)
    ceiling = full_time_pay(hourly_wage)
    if pay + supplement > ceiling:
        return _Month(pay, max(Decimal(0), ceiling - pay), capped=True)
    return _Month(pay, supplement, capped=False)


def _total(month: _Month) -> int:
    return _kr(month.pay) + _kr(month.supplement)


def cap_from_hours(table: p.YearTable, hourly_wage: Decimal) -> Decimal | None:
    """The weekly hours at which pay + supplement reach full-time pay (bisection: the uncapped
    total rises with every hour). 0 if the cap binds at once; None if never below 37 h."""
    ceiling = full_time_pay(hourly_wage)

    def over(hours: Decimal) -> bool:
        pay = hours * hourly_wage * _MONTH
        return pay + _uncapped_supplement(table, pay) >= ceiling

    low, high = Decimal(0), Decimal(p.FULL_TIME_HOURS)
    if over(low):
        return Decimal(0)
    if not over(high):
        return None
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (low, middle) if over(middle) else (middle, high)
    return high.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _keep_per_krone(table: p.YearTable, month: _Month) -> Decimal:
    if month.capped:
        return Decimal(0)
    if _uncapped_supplement(table, month.pay) == 0:
        return Decimal(1)
    rate = table.rate_low if month.pay < _value(table.threshold) else table.rate_high
    return 1 - _value(rate)


def calculator_url(hours: int, hourly_wage: Decimal) -> str:
    """STAR's calculator with the same figures filled in (it reads them from the URL)."""
    wage = f"{hourly_wage.normalize():f}"
    return f"{p.STATE_CALCULATOR_URL}?{urlencode({'salary': wage, 'workHours': hours})}"


def calculate(data: GuideInput) -> Guide:
    table = _table(data.year)
    hours = Decimal(data.hours)
    month = _month(table, hours, data.hourly_wage)
    total = _total(month)
    # One more hour a week, up to full time (37 h is a full-time job, not a fleksjob).
    next_hours = min(hours + 1, Decimal(p.FULL_TIME_HOURS))
    per_extra_hour = _total(_month(table, next_hours, data.hourly_wage)) - total
    if data.benefit is not None:
        benefit: int | None = _kr(data.benefit)
        confirmed, own = True, True
    else:
        figure = table.ledighedsydelse
        benefit = _kr(figure.value) if figure.value is not None else None
        confirmed, own = figure.confirmed, False
    atp = min(_value(table.atp_share) * month.supplement, _value(table.atp_max))
    return Guide(
        year=table.year,
        hours=data.hours,
        hourly_wage=data.hourly_wage,
        monthly_pay=_kr(month.pay),
        supplement=_kr(month.supplement),
        total=total,
        full_time_pay=_kr(full_time_pay(data.hourly_wage)),
        capped=month.capped,
        per_extra_hour=per_extra_hour,
        cap_from_hours=cap_from_hours(table, data.hourly_wage),
        keep_per_krone=_keep_per_krone(table, month),
        ledighedsydelse=benefit,
        ledighedsydelse_confirmed=confirmed,
        ledighedsydelse_own=own,
        difference=total - benefit if benefit is not None else None,
        atp=_kr(atp),
        table_version=p.TABLE_VERSION,
        calculator_url=calculator_url(data.hours, data.hourly_wage),
    )


# ---------------------------------------------------------------- input as typed


def _decimal(text: str) -> Decimal | None:
    """A Danish or English decimal ("187,50" or "187.50"); None if it is not one."""
    text = text.strip().replace(" ", "")
    if not _NUMBER.match(text):
        return None
    return Decimal(text.replace(",", "."))


def validate(
    raw: Mapping[str, str],
    *,
    hours_range: tuple[int, int] | None = None,
) -> tuple[GuideInput | None, dict[str, str]]:
    """Typed values (all text, as a form or query string sends them) -> input or messages.
    hours_range: a job's hours, when the guide is for one job."""
    errors: dict[str, str] = {}
    low, high = hours_range or (HOURS_MIN, HOURS_MAX)
    hours_text = (raw.get("hours") or "").strip()
    hours = int(hours_text) if _WHOLE.match(hours_text) else None
    if not hours_text:
        errors["hours"] = N_("Skriv hvor mange timer om ugen.")
    elif hours is None:
        errors["hours"] = N_("Skriv timerne som et helt tal, fx 12.")
    elif not low <= hours <= high:
        errors["hours"] = (
            N_("Vælg et timetal inden for jobbets timer.")
            if hours_range
            else N_("Timetallet skal være mellem 1 og 37 timer om ugen.")
        )

    wage_text = (raw.get("hourly_wage") or "").strip()
    wage = _decimal(wage_text)
    if not wage_text:
        errors["hourly_wage"] = N_("Skriv timelønnen i kroner (inklusive pension).")
    elif wage is None:
        errors["hourly_wage"] = N_("Skriv timelønnen som et tal, fx 187,50.")
    elif not WAGE_MIN <= wage <= WAGE_MAX:
        errors["hourly_wage"] = N_("Timelønnen skal være mellem 1 og 2.000 kr.")

    year_text = (raw.get("year") or "").strip()
    year = p.default_year() if not year_text else int(year_text) if _WHOLE.match(year_text) else 0
    if year not in p.calculable_years():
        errors["year"] = _year_message()

    benefit_text = (raw.get("benefit") or "").strip()
    benefit = _decimal(benefit_text) if benefit_text else None
    if benefit_text and (benefit is None or not 0 <= benefit <= BENEFIT_MAX):
        errors["benefit"] = N_("Skriv din ydelse pr. måned som et tal, fx 18120.")

    if errors or hours is None or wage is None:
        return None, errors
    return GuideInput(hours=hours, hourly_wage=wage, year=year, benefit=benefit), {}


def guide_from(raw: Mapping[str, str], *, hours_range: tuple[int, int] | None = None) -> Guide:
    """Validate and calculate; ValidationFailed (422) with a message per field."""
    data, errors = validate(raw, hours_range=hours_range)
    if data is None:
        raise ValidationFailed(fields=errors)
    return calculate(data)


def hours_for(low: int | None, high: int | None, preferred: int | None = None) -> int | None:
    """The hours to start from: the person's own wish within the job's range, else the most
    the job offers."""
    if low is None and high is None:
        return None
    low, high = low or high, high or low
    assert low is not None and high is not None
    chosen = preferred if preferred is not None else high
    return max(low, min(high, chosen))


def preview(
    hours_min: int | None,
    hours_max: int | None,
    hourly_wage: int | None,
    preferred_hours: int | None = None,
) -> Guide | None:
    """A job's guide from what its posting states (None without a wage or hours)."""
    hours = hours_for(hours_min, hours_max, preferred_hours)
    if hours is None or hourly_wage is None or not HOURS_MIN <= hours <= HOURS_MAX:
        return None
    return calculate(GuideInput(hours, Decimal(hourly_wage), p.default_year()))


def neighbours(data: GuideInput, hours_range: tuple[int, int] | None) -> list[Guide]:
    """The same wage at other hours: the job's whole range, or a few hours either side, so
    a person sees where extra hours stop adding to the total."""
    low, high = hours_range or (max(HOURS_MIN, data.hours - 3), min(HOURS_MAX, data.hours + 3))
    return [
        calculate(GuideInput(h, data.hourly_wage, data.year, data.benefit))
        for h in range(low, high + 1)
    ]
