"""The income guide's arithmetic: STAR's worked example, the pay cap, the bands, the input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import ValidationFailed
from app.income import parameters
from app.income.service import GuideInput, calculate, guide_from, validate


def _guide(hours: int, wage: str, year: int = 2024) -> object:
    return calculate(GuideInput(hours=hours, hourly_wage=Decimal(wage), year=year))


def test_star_worked_example_18_hours_at_200_kr() -> None:
    guide = calculate(GuideInput(hours=18, hourly_wage=Decimal(200), year=2024))
    assert guide.monthly_pay == 15_600
    assert guide.supplement == 15_272
    assert guide.total == 30_872
    assert guide.full_time_pay == 32_067  # STAR: 37 x 200 x 52 / 12
    assert guide.capped is False
    assert guide.year == 2024
    assert guide.keep_per_krone == Decimal("0.70")
    # 19 h: pay 16,467 (144 kr above the threshold), supplement 19,952 - 4,896.9 - 79.0.
    assert guide.per_extra_hour == 31_443 - 30_872
    assert "salary=200" in guide.calculator_url and "workHours=18" in guide.calculator_url


def test_one_more_hour_at_200_kr_is_what_the_next_total_adds() -> None:
    at_18 = calculate(GuideInput(hours=18, hourly_wage=Decimal(200), year=2024))
    at_19 = calculate(GuideInput(hours=19, hourly_wage=Decimal(200), year=2024))
    assert at_18.per_extra_hour == at_19.total - at_18.total
    assert (at_19.monthly_pay, at_19.supplement, at_19.total) == (16_467, 14_976, 31_443)
    assert at_19.capped is False  # still under 32,067 full-time pay


def test_pay_cap_at_150_kr_total_is_flat_from_about_9_hours() -> None:
    full_time = 24_050  # 37 x 150 x 52 / 12
    totals = {h: calculate(GuideInput(h, Decimal(150), 2024)) for h in range(1, 38)}
    assert totals[9].capped is False
    assert totals[9].total == 5_850 + 18_197  # 24,047: just under the cap
    for hours in range(10, 38):
        assert totals[hours].capped is True
        assert totals[hours].total == full_time
        assert totals[hours].per_extra_hour == 0
    assert totals[9].per_extra_hour == full_time - totals[9].total
    assert totals[9].cap_from_hours == Decimal("9.0")
    assert totals[37].supplement == 0


def test_above_the_threshold_each_krone_keeps_45_ore() -> None:
    guide = calculate(GuideInput(hours=10, hourly_wage=Decimal(400), year=2024))
    assert guide.monthly_pay == 17_333
    assert guide.keep_per_krone == Decimal("0.45")
    expected = (
        Decimal(19952)
        - Decimal("0.30") * 16323
        - Decimal("0.55") * (Decimal(10 * 400 * 52) / 12 - 16323)
    )
    assert guide.supplement == int(expected.quantize(Decimal(1)))
    assert guide.capped is False


def test_ledighedsydelse_is_an_estimate_unless_typed() -> None:
    estimated = calculate(GuideInput(18, Decimal(200), 2024))
    assert estimated.ledighedsydelse == 18_120
    assert estimated.ledighedsydelse_confirmed is False
    own = calculate(GuideInput(18, Decimal(200), 2024, benefit=Decimal(14_000)))
    assert own.ledighedsydelse == 14_000 and own.ledighedsydelse_own
    assert own.difference == 30_872 - 14_000


def test_only_years_with_every_figure_confirmed_are_calculated() -> None:
    assert parameters.calculable_years() == [2024]
    assert parameters.default_year() == 2024
    assert parameters.TABLE[2025].threshold.value is None
    assert parameters.TABLE[2025].max_supplement.confirmed is False
    with pytest.raises(ValidationFailed):
        calculate(GuideInput(18, Decimal(200), 2025))


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"hours": "-3", "hourly_wage": "200"}, "hours"),
        ({"hours": "0", "hourly_wage": "200"}, "hours"),
        ({"hours": "38", "hourly_wage": "200"}, "hours"),
        ({"hours": "99999999999", "hourly_wage": "200"}, "hours"),
        ({"hours": "tolv", "hourly_wage": "200"}, "hours"),
        ({"hours": "", "hourly_wage": "200"}, "hours"),
        ({"hours": "18", "hourly_wage": "-200"}, "hourly_wage"),
        ({"hours": "18", "hourly_wage": "1e9"}, "hourly_wage"),
        ({"hours": "18", "hourly_wage": "2000.01"}, "hourly_wage"),
        ({"hours": "18", "hourly_wage": "NaN"}, "hourly_wage"),
        ({"hours": "18", "hourly_wage": "200", "year": "1999"}, "year"),
        ({"hours": "18", "hourly_wage": "200", "year": "2025"}, "year"),
        ({"hours": "18", "hourly_wage": "200", "year": "år"}, "year"),
        ({"hours": "18", "hourly_wage": "200", "benefit": "-1"}, "benefit"),
    ],
)
def test_bad_input_gets_a_message_for_its_field(raw: dict[str, str], field: str) -> None:
    data, errors = validate(raw)
    assert data is None
    assert field in errors


def test_danish_decimal_comma_and_the_jobs_range() -> None:
    data, errors = validate({"hours": "12", "hourly_wage": "187,50"})
    assert errors == {} and data is not None and data.hourly_wage == Decimal("187.50")
    _data, errors = validate({"hours": "16", "hourly_wage": "200"}, hours_range=(10, 15))
    assert "hours" in errors
    with pytest.raises(ValidationFailed):
        guide_from({"hours": "x", "hourly_wage": "y"})


def test_every_figure_names_its_source() -> None:
    for table in parameters.TABLE.values():
        for name, figure in table.figures().items():
            assert figure.source, f"{table.year} {name} has no source"
            if figure.value is None:
                assert not figure.confirmed, f"{table.year} {name}: a missing value is unconfirmed"
    assert parameters.STATE_CALCULATOR_URL.startswith("https://star.dk/")
