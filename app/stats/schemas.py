"""The stats API's JSON (GET /api/v1/stats).

Small cells: for everyone except the consultant who owns the caseload, a count of 1–4 people
is ``null`` and its field name is listed in the bucket's ``under_5`` (for a match state:
``"matches_by_state.<state>"``, for a step's median ``"step_days_median.<state>"``); a share or median computed from such a count is ``null``
and listed too. ``null`` that is *not* listed means there is nothing to divide by (e.g. no
profiles in the engagement base). Shares are fractions between 0 and 1 with four decimals.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field


class StatsScope(BaseModel):
    jobcentre_id: int | None = Field(description="None: every jobcentre (admins only)")
    team_id: int | None
    consultant_id: int | None


class StatsBucket(BaseModel):
    label: str = Field(description='"2026-05" (month) or "2026-U19" (ISO week)')
    start: date = Field(description="first day of the bucket (clipped to the period)")
    end: date = Field(description="the day after the bucket's last day")
    days: int
    engagement_days: int = Field(description="the bucket's days up to today (n)")
    profiles: int | None = Field(
        description="engagement base: profiles of active accounts that existed at the start"
    )
    signed_in_daily: int | None = Field(description="signed in on d ≥ 5/7·n days")
    signed_in_weekly: int | None = Field(description="d ≥ n/7 (includes daily)")
    signed_in_14d: int | None = Field(description="d ≥ n/14 (includes weekly)")
    signed_in_daily_share: float | None
    signed_in_weekly_share: float | None
    signed_in_14d_share: float | None
    band_daily_share: float | None = Field(description="exclusive band: daily")
    band_weekly_share: float | None = Field(description="exclusive band: weekly, not daily")
    band_14d_share: float | None = Field(description="exclusive band: 14 days, not weekly")
    invited: int | None = Field(description="citizens first invited in the bucket")
    invited_with_profile: int | None = Field(
        description="of them: accepted the invitation and have a profile (as of now)"
    )
    invited_with_profile_share: float | None
    profiles_at_end: int | None = Field(
        description="profiles of active accounts that existed at the bucket's end"
    )
    profiles_match_ready: int | None = Field(
        description="of them: complete enough to match by then (every counted part filled in)"
    )
    profiles_match_ready_share: float | None
    matches_by_state: dict[str, int | None] = Field(
        description="state -> matches that entered it in the bucket (suggested: created)"
    )
    step_days_median: dict[str, float | None] = Field(
        description="funnel state -> median Danish calendar days the matches that entered it"
        " in the bucket took from the latest earlier step they had reached (the suggestion"
        " if none); 'expired' in matches_by_state are requests that got no answer in time"
    )
    postings_open_14d: int = Field(
        description="postings still published, published at least 14 days before the end"
    )
    postings_no_interest_14d: int = Field(
        description="of them: no person had shown interest by the bucket's end"
    )
    postings_no_interest_14d_share: float | None
    hires: int | None
    hired_hours_median: float | None = Field(description="hours per week agreed at hiring")
    profile_to_hire_days_median: float | None = Field(
        description="median days from the person's profile creation to the hire"
    )
    on_ledighedsydelse: int | None = Field(description="status at the bucket's end")
    flexjobbers: int | None = Field(description="people with a known status at the end")
    fleksjob_unemployment_rate: float | None = Field(description="on_ledighedsydelse / flexjobbers")
    in_placement: int | None = Field(description="people in a trial or hired at the end")
    hours_up: int | None = Field(description="of them: hours per week above the start")
    hours_up_share: float | None
    hours_change_median: float | None = Field(description="median change in hours per week")
    under_5: list[str] = Field(description="fields held back: about 1–4 people")
    held_back: list[str] = Field(
        default_factory=list,
        description="fields held back although not small, because a small cell could be "
        "computed from them (a sign-in band from the cumulative counts, or another team's "
        "count from the jobcentre's total)",
    )


class StatsOut(BaseModel):
    scope: StatsScope
    from_: date = Field(alias="from")
    to: date
    by: Literal["week", "month"]
    small_cells_hidden: bool
    buckets: list[StatsBucket]

    model_config = {"populate_by_name": True}
