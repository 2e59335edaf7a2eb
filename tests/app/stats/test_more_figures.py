"""The figures added last — days between funnel steps, postings without interest after 14
days, profiles complete enough to match, days from profile to hire — by hand on the small
world of tests/app/stats/world.py, against the service, the API, the dashboard and the CSV."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.models import AccommodationNeeds, FlexjobberProfile, Visibility
from app.profiles.completeness import enough_to_match, mark_readiness
from app.stats import service
from app.stats.periods import buckets
from tests.app.stats.world import World

STEPS = {"recommended": 1.0, "interest": 1.0, "mutual": 2.0, "meeting": 1.0, "trial": 3.0,
         "hired": 16.0}  # fmt: skip
CASELOAD_STEPS = STEPS | {"hired": 14.0}


def _month(world: World) -> str:
    return f"from={world.first.isoformat()}&to={world.last.isoformat()}&by=month"


def _one(db: Session, scope: service.Scope, world: World) -> service.Figures:
    (figures,) = service.figures(db, scope, buckets(world.first, world.last, "month"))
    return figures


def test_the_jobcentre_by_hand(db: Session, world: World) -> None:
    f = _one(db, service.Scope(world.jobcentre.id), world)
    # m2 took 12 days from its suggestion to interest, m3 and m7 one day each; mutual came
    # 2 days after recommended (m1, interest skipped) and after interest (m2); ...
    assert {state: sorted(days) for state, days in f.step_days.items()} == {
        "recommended": [1], "interest": [1, 1, 12], "mutual": [2, 2], "meeting": [1],
        "trial": [1, 5], "hired": [14, 18],
    }  # fmt: skip
    assert f.step_days_median == STEPS
    assert f.matches_by_state["expired"] == 1  # m3: the request got no answer in time
    assert (f.postings_open_14d, f.postings_no_interest_14d) == (4, 2)
    assert (f.profiles_at_end, f.profiles_match_ready) == (6, 3)
    assert sorted(f.profile_to_hire_days) == [22, 30] and f.profile_to_hire_days_median == 26.0
    shares = service.shares(f)
    assert shares["postings_no_interest_14d_share"] == 0.5
    assert shares["profiles_match_ready_share"] == 0.5


def test_a_caseload_and_its_team(db: Session, world: World) -> None:
    for scope in (
        service.Scope(world.jobcentre.id, consultant_id=world.c1.id),
        service.Scope(world.jobcentre.id, team_id=world.team.id),
    ):
        f = _one(db, scope, world)
        assert f.step_days_median == CASELOAD_STEPS
        assert (f.postings_open_14d, f.postings_no_interest_14d) == (4, 2)
        assert (f.profiles_at_end, f.profiles_match_ready) == (4, 3)
        assert f.profile_to_hire_days == [30]
    other = _one(db, service.Scope(world.jobcentre.id, consultant_id=world.c2.id), world)
    assert (other.postings_open_14d, other.profiles_at_end, other.profiles_match_ready) == (0, 2, 0)
    assert other.step_days_median["hired"] == 18.0 and other.profile_to_hire_days == [22]


def test_weeks_sort_each_step_into_its_week(db: Session, world: World) -> None:
    scope = service.Scope(world.jobcentre.id)
    weeks = service.figures(db, scope, buckets(world.first, world.last, "week"))
    for state in STEPS:
        assert sum(len(w.step_days.get(state, [])) for w in weeks) == len(
            _one(db, scope, world).step_days[state]
        )
    # Stock figures at the month's end are the last week's.
    last = weeks[-1]
    assert (last.postings_open_14d, last.postings_no_interest_14d) == (4, 2)
    assert (last.profiles_at_end, last.profiles_match_ready) == (6, 3)
    # A week ending before day 5 had only P2 (and not P1) complete enough.
    first = weeks[0]
    if first.bucket.end <= world.first.replace(day=4):
        assert first.profiles_match_ready == 1


def test_the_api_dashboard_and_csv_show_the_same(world: World, as_user) -> None:
    client = as_user(world.c1.email)
    (bucket,) = client.get(f"/api/v1/stats?{_month(world)}").json()["buckets"]
    assert bucket["step_days_median"] == CASELOAD_STEPS
    assert (bucket["postings_open_14d"], bucket["postings_no_interest_14d"]) == (4, 2)
    assert bucket["postings_no_interest_14d_share"] == 0.5
    assert (bucket["profiles_at_end"], bucket["profiles_match_ready"]) == (4, 3)
    assert bucket["profiles_match_ready_share"] == 0.75
    assert bucket["profile_to_hire_days_median"] == 30.0
    page = client.get(f"/tal?{_month(world)}").text
    assert "<td>1</td><td>1</td><td>2</td><td>1</td><td>3</td><td>14</td>" in page
    assert "<td>4</td><td>2</td><td>50 %</td>" in page
    assert "<td>4</td><td>3</td><td>75 %</td>" in page
    assert "<td>1</td><td>8</td><td>30</td>" in page  # hires, hours, days to the hire
    steps = client.get(f"/tal/steps.csv?{_month(world)}").content.decode("utf-8-sig")
    assert "1;1;2;1;3;14" in steps
    postings = client.get(f"/tal/postings.csv?{_month(world)}").content.decode("utf-8-sig")
    assert "4;2;50 %" in postings
    ready = client.get(f"/tal/readiness.csv?{_month(world)}").content.decode("utf-8-sig")
    assert "4;3;75 %" in ready


def test_a_leader_sees_small_medians_held_back(world: World, as_user) -> None:
    client = as_user(world.leader.email)
    (bucket,) = client.get(f"/api/v1/stats?{_month(world)}").json()["buckets"]
    # Every step was entered by fewer than five matches: each median is held back.
    assert set(bucket["step_days_median"].values()) == {None}
    assert {f"step_days_median.{s}" for s in STEPS} <= set(bucket["under_5"])
    assert bucket["profile_to_hire_days_median"] is None
    assert "profile_to_hire_days_median" in bucket["under_5"]
    # Postings are not people: their counts show, however small.
    assert (bucket["postings_open_14d"], bucket["postings_no_interest_14d"]) == (4, 2)
    assert bucket["profiles_at_end"] == 6 and bucket["profiles_match_ready"] is None


def test_readiness_follows_the_profile_pages_rule() -> None:
    now = datetime(2026, 11, 3, 9, tzinfo=UTC)
    profile = FlexjobberProfile(
        headline="Kontor", about="Om mig", wished_jobs=[{"label": "Kontor"}], skills=["Excel"],
        experience=[{"title": "Elev"}], education=[{"title": "HG"}], hours_min=8, hours_max=12,
        postcode="2900", remote_only=False, visibility=Visibility.NAMED,
    )  # fmt: skip
    needs = AccommodationNeeds(needs={}, note="")
    assert not enough_to_match(profile, None)  # the accommodation question is unanswered
    mark_readiness(profile, None, now)
    assert profile.match_ready_at is None
    mark_readiness(profile, needs, now)
    assert profile.match_ready_at == now
    mark_readiness(profile, needs, datetime(2026, 11, 9, tzinfo=UTC))
    assert profile.match_ready_at == now  # still ready: since the first day
    profile.visibility = Visibility.HIDDEN
    mark_readiness(profile, needs, now)
    assert profile.match_ready_at is None


def test_saving_a_profile_keeps_its_readiness(db: Session, personas) -> None:
    """The profile service records the day a profile became complete enough, and clears it
    when a save leaves it incomplete (the figure counts from that column)."""
    from app.profiles import service as profiles

    profile, owner = personas.profile2, personas.flexjobber2
    complete = {
        "headline": "Kontor", "about": "Om mig", "wished_jobs": [{"label": "Kontor"}],
        "skills": ["Excel"], "experience": [{"title": "Elev"}], "education": [{"title": "HG"}],
        "hours_min": 8, "hours_max": 12, "postcode": "2900", "visibility": Visibility.NAMED,
        "accommodation_needs": {},
    }  # fmt: skip
    profiles.apply_changes(db, owner, profile, complete)
    assert profile.match_ready_at is not None
    since = profile.match_ready_at
    profiles.apply_changes(db, owner, profile, {"headline": "Kontorhjælp"})
    assert profile.match_ready_at == since
    profiles.apply_changes(db, owner, profile, {"skills": []})
    assert profile.match_ready_at is None
