"""The rules and yearly figures behind the income guide: one versioned table.

Copied from Fleksbro's facts file (which cites the public sources named below); the app never
reads that file. A figure is either confirmed by a named source or marked unconfirmed (derived
or missing). The guide calculates only with years whose every figure is confirmed, and shows
unconfirmed figures as estimates, never as facts. Update once a year when STAR publishes the
new rates: add a year, bump TABLE_VERSION, and add a test that reproduces STAR's example.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

TABLE_VERSION = "2026-12-02"

# STAR's own calculator ("Beregn løn i fleksjob"); it takes the wage and hours in the URL.
STATE_CALCULATOR_URL = (
    "https://star.dk/til-borgere/revalidering-fleksjob-og-ressourceforloebsydelse/"
    "beregn-loen-i-fleksjob/"
)

STAR = "STAR, Beregn løn i fleksjob (star.dk)"
BM_2025 = "Beskæftigelsesministeriet, satser 2025 (bm.dk)"
IDA = "ida.dk; elov.dk, lov om aktiv socialpolitik kap. 7"

# Rules that do not change by year (same sources as the yearly figures).
WEEKS_PER_YEAR = Decimal(52)
MONTHS_PER_YEAR = Decimal(12)
FULL_TIME_HOURS = 37  # the pay cap compares with full-time pay (37 h) in the same job


@dataclass(frozen=True)
class Figure:
    """One figure of the table: its value (None if not known) and where it comes from."""

    value: Decimal | None
    source: str
    confirmed: bool


@dataclass(frozen=True)
class YearTable:
    year: int
    max_supplement: Figure  # kr/month: 98 % of the highest dagpenge rate
    threshold: Figure  # kr/month of pay: reduction 30 % up to it, 55 % above it
    rate_low: Figure
    rate_high: Figure
    ledighedsydelse: Figure  # kr/month: 89 % of the highest dagpenge rate (most people)
    highest_dagpenge: Figure  # kr/month
    atp_share: Figure  # extra ATP pension: share of the supplement ...
    atp_max: Figure  # ... at most this many kr/month

    @property
    def calculable(self) -> bool:
        """Only years whose calculation figures are all confirmed are used for a result."""
        needed = (self.max_supplement, self.threshold, self.rate_low, self.rate_high)
        return all(f.confirmed and f.value is not None for f in needed)

    def figures(self) -> dict[str, Figure]:
        return {
            "max_supplement": self.max_supplement,
            "threshold": self.threshold,
            "rate_low": self.rate_low,
            "rate_high": self.rate_high,
            "ledighedsydelse": self.ledighedsydelse,
            "highest_dagpenge": self.highest_dagpenge,
            "atp_share": self.atp_share,
            "atp_max": self.atp_max,
        }


def _ok(value: str, source: str) -> Figure:
    return Figure(Decimal(value), source, confirmed=True)


def _unconfirmed(value: str | None, how: str) -> Figure:
    return Figure(Decimal(value) if value is not None else None, how, confirmed=False)


TABLE: dict[int, YearTable] = {
    2024: YearTable(
        year=2024,
        max_supplement=_ok("19952", STAR),
        threshold=_ok("16323", STAR),
        rate_low=_ok("0.30", STAR),
        rate_high=_ok("0.55", STAR),
        # 89 % of 19,952 / 0.98: derived, no source states the 2024 amount itself.
        ledighedsydelse=_unconfirmed("18120", "beregnet: 89 % af 19.952 kr / 0,98"),
        highest_dagpenge=_unconfirmed("20359", "beregnet: 19.952 kr / 0,98"),
        atp_share=_ok("0.05", STAR),
        atp_max=_ok("500", STAR),
    ),
    2025: YearTable(
        year=2025,
        max_supplement=_unconfirmed("20670", "beregnet: 98 % af 21.092 kr"),
        threshold=_unconfirmed(None, "ikke fundet i en kilde"),
        rate_low=_ok("0.30", STAR),
        rate_high=_ok("0.55", STAR),
        ledighedsydelse=_unconfirmed("18772", "beregnet: 89 % af 21.092 kr"),
        highest_dagpenge=_ok("21092", BM_2025),
        atp_share=_ok("0.05", STAR),
        atp_max=_ok("500", STAR),
    ),
}

LEDIGHEDSYDELSE_SOURCE = IDA


def calculable_years() -> list[int]:
    return sorted(year for year, table in TABLE.items() if table.calculable)


def default_year() -> int:
    """The newest year with every calculation figure confirmed."""
    return calculable_years()[-1]
