"""The dashboard's tables: each one a chart, an accessible table and a CSV file with the same
numbers (the presented buckets of app.stats.report, small cells already held back)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.kit.i18n import N_
from app.models import MatchState
from app.stats.basis import FUNNEL, OTHER_STATES

COUNT, SHARE, HOURS, DAYS = "count", "share", "hours", "days"


@dataclass(frozen=True)
class Column:
    key: str  # a field of the presented bucket; "<field>.<state>" for a state's value
    title: str  # msgid
    kind: str
    charted: bool = False


@dataclass(frozen=True)
class TableSpec:
    slug: str
    title: str  # msgid
    intro: str  # msgid: the definition shown with the table
    columns: tuple[Column, ...]


_STATE_TITLES = {
    MatchState.SUGGESTED: N_("Foreslået"),
    MatchState.RECOMMENDED: N_("Anbefalet"),
    MatchState.INTEREST: N_("Interesse"),
    MatchState.MUTUAL: N_("Gensidig interesse"),
    MatchState.MEETING: N_("Møde"),
    MatchState.TRIAL: N_("Praktik"),
    MatchState.HIRED: N_("Ansat"),
    MatchState.ENDED: N_("Afsluttet"),
    MatchState.DISMISSED: N_("Afvist"),
    MatchState.EXPIRED: N_("Udløbet uden svar"),
}

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "engagement",
        N_("Hvor ofte borgerne logger ind"),
        N_(
            "Andel af profilerne (aktive konti, oprettet før periodens start), der har logget"
            " ind på mindst 5 af hver 7 dage (dagligt), mindst 1 af hver 7 dage (ugentligt)"
            " eller mindst 1 af hver 14 dage. Andelene er kumulative: dagligt ≤ ugentligt ≤"
            " hver 14. dag. Kun ugentligt og kun hver 14. dag er båndene imellem."
        ),
        (
            Column("profiles", N_("Profiler"), COUNT),
            Column("signed_in_daily_share", N_("Dagligt"), SHARE, charted=True),
            Column("signed_in_weekly_share", N_("Ugentligt"), SHARE, charted=True),
            Column("signed_in_14d_share", N_("Hver 14. dag"), SHARE, charted=True),
            Column("band_weekly_share", N_("Kun ugentligt"), SHARE),
            Column("band_14d_share", N_("Kun hver 14. dag"), SHARE),
        ),
    ),
    TableSpec(
        "invitations",
        N_("Inviterede borgere"),
        N_(
            "Borgere, der fik deres første invitation i perioden, og hvor mange af dem der"
            " har taget imod og har en profil (opgjort i dag)."
        ),
        (
            Column("invited", N_("Inviteret"), COUNT, charted=True),
            Column("invited_with_profile", N_("Med profil"), COUNT, charted=True),
            Column("invited_with_profile_share", N_("Andel med profil"), SHARE),
        ),
    ),
    TableSpec(
        "readiness",
        N_("Profiler klar til match"),
        N_(
            "Profiler (aktive konti) ved periodens slutning, og hvor mange af dem der da var"
            " udfyldt nok til at blive matchet: alle dele af profilen udfyldt (CV er"
            " frivilligt)."
        ),
        (
            Column("profiles_at_end", N_("Profiler"), COUNT),
            Column("profiles_match_ready", N_("Klar til match"), COUNT),
            Column("profiles_match_ready_share", N_("Andel klar til match"), SHARE, charted=True),
        ),
    ),
    TableSpec(
        "matches",
        N_("Match, der nåede hvert trin"),
        N_("Antal match, der kom til hvert trin i perioden (foreslået: oprettet)."),
        tuple(
            Column(
                f"matches_by_state.{state.value}",
                _STATE_TITLES[state],
                COUNT,
                charted=state in (MatchState.MUTUAL, MatchState.TRIAL, MatchState.HIRED),
            )
            for state in (*FUNNEL, *OTHER_STATES)
        ),
    ),
    TableSpec(
        "steps",
        N_("Dage mellem trinene"),
        N_(
            "Medianen af dagene, som de match, der kom til et trin i perioden, brugte fra det"
            " seneste tidligere trin, de havde nået (fra forslaget, hvis intet)."
        ),
        tuple(
            Column(f"step_days_median.{state.value}", _STATE_TITLES[state], DAYS, charted=True)
            for state in FUNNEL[1:]
        ),
    ),
    TableSpec(
        "postings",
        N_("Opslag uden interesse efter 14 dage"),
        N_(
            "Opslag, der stadig er offentliggjort og blev det mindst 14 dage før periodens"
            " slutning, og hvor mange af dem ingen borger havde vist interesse for da."
        ),
        (
            Column("postings_open_14d", N_("Opslag mindst 14 dage gamle"), COUNT),
            Column("postings_no_interest_14d", N_("Uden interesse"), COUNT, charted=True),
            Column("postings_no_interest_14d_share", N_("Andel uden interesse"), SHARE),
        ),
    ),
    TableSpec(
        "outcomes",
        N_("Ansættelser og fleksjobledighed"),
        N_(
            "Fleksjobledighed: borgere på ledighedsydelse som andel af borgerne på Fleksbro"
            " med en oplyst status (ledighedsydelse, i fleksjob, vil skifte fag) ved"
            " periodens slutning — Jobindsats' fleksjobledighed, begrænset til platformen."
        ),
        (
            Column("hires", N_("Ansættelser"), COUNT),
            Column("hired_hours_median", N_("Timer om ugen ved ansættelse (median)"), HOURS),
            Column(
                "profile_to_hire_days_median", N_("Dage fra profil til ansættelse (median)"), DAYS
            ),
            Column("on_ledighedsydelse", N_("På ledighedsydelse"), COUNT),
            Column("flexjobbers", N_("Med oplyst status"), COUNT),
            Column("fleksjob_unemployment_rate", N_("Fleksjobledighed"), SHARE, charted=True),
        ),
    ),
    TableSpec(
        "progression",
        N_("Progression i timer"),
        N_(
            "Af borgerne i praktik eller ansat ved periodens slutning: andelen, hvis timer om"
            " ugen nu er flere end ved forløbets start, og medianen af ændringen."
        ),
        (
            Column("in_placement", N_("I praktik eller ansat"), COUNT),
            Column("hours_up", N_("Flere timer"), COUNT),
            Column("hours_up_share", N_("Andel med flere timer"), SHARE, charted=True),
            Column("hours_change_median", N_("Ændring i timer (median)"), HOURS),
        ),
    ),
)
BY_SLUG = {table.slug: table for table in TABLES}


@dataclass(frozen=True)
class Cell:
    value: int | float | None
    under_5: bool
    held_back: bool = False


def cell(bucket: dict[str, Any], key: str) -> Cell:
    if "." in key:
        name, state = key.split(".", 1)
        value = bucket[name].get(state)
    else:
        value = bucket[key]
    return Cell(value, key in bucket["under_5"], key in bucket.get("held_back", ()))


def rows(spec: TableSpec, buckets: list[dict[str, Any]]) -> list[tuple[str, list[Cell]]]:
    return [(b["label"], [cell(b, c.key) for c in spec.columns]) for b in buckets]
