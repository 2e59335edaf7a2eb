"""Every figure computed by hand on the small world of tests/app/stats/world.py, compared with
the service, the API and the dashboard page; who sees which scope, and small cells."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from app.auth import sign_ins
from app.models import FlexjobberProfile, Jobcentre, Role, User
from app.stats import service
from app.stats.periods import Bucket, buckets, local_midnight
from tests.app.stats.world import World
from tests.support.personas import Personas


def _month(world: World) -> str:
    return f"from={world.first.isoformat()}&to={world.last.isoformat()}&by=month"


def _one(db: Session, scope: service.Scope, world: World) -> service.Figures:
    (figures,) = service.figures(db, scope, buckets(world.first, world.last, "month"))
    return figures


JOBCENTRE_STATES = {
    "suggested": 3, "recommended": 1, "interest": 3, "mutual": 2, "meeting": 1,
    "trial": 2, "hired": 2, "ended": 1, "dismissed": 0, "expired": 1,
}  # fmt: skip
CASELOAD_STATES = JOBCENTRE_STATES | {"hired": 1}


def test_the_jobcentre_figures_by_hand(db: Session, world: World) -> None:
    f = _one(db, service.Scope(world.jobcentre.id), world)
    assert f.engagement_days == world.n
    assert (f.profiles, f.signed_in_daily, f.signed_in_weekly, f.signed_in_14d) == (5, 1, 3, 4)
    assert (f.invited, f.invited_with_profile) == (3, 1)
    assert f.matches_by_state == JOBCENTRE_STATES
    assert f.hires == 2 and sorted(f.hired_hours) == [8, 12] and f.hired_hours_median == 10.0
    assert (f.on_ledighedsydelse, f.flexjobbers) == (2, 4)
    assert (f.in_placement, f.hours_up, f.hours_change_median) == (4, 2, 1.5)
    shares = service.shares(f)
    assert shares["signed_in_daily_share"] == 0.2
    assert shares["signed_in_weekly_share"] == 0.6
    assert shares["signed_in_14d_share"] == 0.8
    assert shares["band_daily_share"] == 0.2
    assert shares["band_weekly_share"] == 0.4 and shares["band_14d_share"] == 0.2
    assert shares["fleksjob_unemployment_rate"] == 0.5
    assert shares["hours_up_share"] == 0.5
    assert shares["invited_with_profile_share"] == 0.3333


def test_a_caseload_and_its_team_count_only_their_people(db: Session, world: World) -> None:
    for scope in (
        service.Scope(world.jobcentre.id, consultant_id=world.c1.id),
        service.Scope(world.jobcentre.id, team_id=world.team.id),
    ):
        f = _one(db, scope, world)
        assert (f.profiles, f.signed_in_daily, f.signed_in_weekly, f.signed_in_14d) == (3, 1, 2, 3)
        assert (f.invited, f.invited_with_profile) == (2, 1)
        assert f.matches_by_state == CASELOAD_STATES
        assert f.hired_hours == [8]
        assert (f.on_ledighedsydelse, f.flexjobbers) == (2, 3)
        assert (f.in_placement, f.hours_up, f.hours_change_median) == (2, 1, 1.5)
    other = _one(db, service.Scope(world.jobcentre.id, consultant_id=world.c2.id), world)
    assert (other.profiles, other.signed_in_weekly, other.signed_in_14d) == (2, 1, 1)
    assert (other.signed_in_daily, other.invited) == (0, 1)


def test_weeks_add_up_to_the_month(db: Session, world: World) -> None:
    scope = service.Scope(world.jobcentre.id)
    weeks = service.figures(db, scope, buckets(world.first, world.last, "week"))
    assert weeks[0].bucket.start == world.first and weeks[-1].bucket.end.day == 1
    assert sum(w.bucket.days for w in weeks) == world.n
    for state, count in JOBCENTRE_STATES.items():
        assert sum(w.matches_by_state[state] for w in weeks) == count, state
    # The end-of-period figures of the last week are the month's.
    assert (weeks[-1].on_ledighedsydelse, weeks[-1].flexjobbers) == (2, 4)


def test_the_consultant_gets_their_caseload_unhidden(world: World, as_user) -> None:
    client = as_user(world.c1.email)
    body = client.get(f"/api/v1/stats?{_month(world)}").json()
    assert body["small_cells_hidden"] is False
    assert body["scope"] == {
        "jobcentre_id": world.jobcentre.id, "team_id": None, "consultant_id": world.c1.id
    }  # fmt: skip
    (bucket,) = body["buckets"]
    assert bucket["label"] == f"{world.first.year}-{world.first.month:02d}"
    assert bucket["profiles"] == 3 and bucket["signed_in_daily"] == 1
    assert bucket["signed_in_daily_share"] == 0.3333
    assert bucket["signed_in_weekly_share"] == 0.6667
    assert bucket["signed_in_14d_share"] == 1.0
    assert (bucket["invited"], bucket["invited_with_profile"]) == (2, 1)
    assert bucket["matches_by_state"] == CASELOAD_STATES
    assert (bucket["hires"], bucket["hired_hours_median"]) == (1, 8.0)
    assert (bucket["on_ledighedsydelse"], bucket["flexjobbers"]) == (2, 3)
    assert bucket["fleksjob_unemployment_rate"] == 0.6667
    assert bucket["hours_up_share"] == 0.5 and bucket["under_5"] == []
    # The page shows the same numbers and no "under 5"; the CSV too.
    page = client.get(f"/tal?{_month(world)}")
    assert page.status_code == 200 and "under 5" not in page.text
    assert "<td>33 %</td><td>67 %</td><td>100 %</td>" in page.text
    csv = client.get(f"/tal/engagement.csv?{_month(world)}")
    assert csv.headers["content-type"].startswith("text/csv")
    assert "33 %;67 %;100 %" in csv.content.decode("utf-8-sig")


def test_a_leader_sees_the_jobcentre_with_small_cells_held_back(world: World, as_user) -> None:
    client = as_user(world.leader.email)
    body = client.get(f"/api/v1/stats?{_month(world)}").json()
    assert body["small_cells_hidden"] is True
    assert body["scope"]["jobcentre_id"] == world.jobcentre.id
    (bucket,) = body["buckets"]
    assert bucket["profiles"] == 5  # five people: shown
    assert bucket["signed_in_daily"] is None and bucket["signed_in_daily_share"] is None
    assert {"signed_in_daily", "signed_in_daily_share", "invited", "hires"} <= set(
        bucket["under_5"]
    )
    assert "hired_hours_median" in bucket["under_5"] and bucket["hired_hours_median"] is None
    assert bucket["matches_by_state"]["suggested"] is None
    assert bucket["matches_by_state"]["dismissed"] == 0  # zero names nobody
    assert "matches_by_state.suggested" in bucket["under_5"]
    page = client.get(f"/tal?{_month(world)}&team_id={world.team.id}")
    assert page.status_code == 200 and "under 5" in page.text
    team = client.get(f"/api/v1/stats?{_month(world)}&consultant_id={world.c2.id}")
    assert team.status_code == 200 and team.json()["scope"]["consultant_id"] == world.c2.id


def test_an_admin_may_choose_any_jobcentre(world: World, personas: Personas, as_user) -> None:
    client = as_user(personas.admin.email)
    body = client.get(f"/api/v1/stats?{_month(world)}&team_id={world.team.id}").json()
    assert body["scope"] == {
        "jobcentre_id": world.jobcentre.id, "team_id": world.team.id, "consultant_id": None
    }  # fmt: skip
    assert body["buckets"][0]["profiles"] is None  # three people: held back
    assert "profiles" in body["buckets"][0]["under_5"]


def test_outside_the_scope_is_404(world: World, personas: Personas, as_user) -> None:
    c1 = as_user(world.c1.email)
    for query in (f"consultant_id={world.c2.id}", f"team_id={world.team.id}",
                  f"jobcentre_id={personas.jobcentre.id}"):  # fmt: skip
        assert c1.get(f"/api/v1/stats?{query}").status_code == 404, query
        assert c1.get(f"/tal?{query}").status_code == 404, query
    leader = as_user(world.leader.email)
    for query in (f"jobcentre_id={personas.jobcentre.id}",
                  f"consultant_id={personas.consultant.id}", "team_id=999999",
                  f"team_id={world.team.id}&consultant_id={world.c2.id}"):  # fmt: skip
        assert leader.get(f"/api/v1/stats?{query}").status_code == 404, query
    for person in (personas.company_user, personas.flexjobber):
        assert as_user(person.email).get("/api/v1/stats").status_code == 404


def test_bad_queries_are_clear_422s(world: World, as_user) -> None:
    client = as_user(world.c1.email)
    for query, field in (
        ("from=abc", "from"),
        ("by=year", "by"),
        ("from=2026-05-01&to=2026-04-01", "to"),
        ("from=2000-01-01&by=week", "from"),
        ("team_id=x1", "team_id"),
    ):
        response = client.get(f"/api/v1/stats?{query}")
        assert response.status_code == 422, query
        assert field in response.json()["error"]["fields"], query
        assert client.get(f"/tal?{query}").status_code == 422, query
        assert client.get(f"/tal/engagement.csv?{query}").status_code == 422, query
    assert client.get("/tal/nothing.csv").status_code == 404


def test_the_thresholds_hold_at_their_exact_boundaries(db: Session, world: World) -> None:
    """A 7- and a 14-day period: 5 of 7 days is daily, 1 of 7 weekly, 1 of 14 every 14 days
    (each exactly on its boundary), and 4 of 7 is not daily."""
    centre = Jobcentre(name="Jobcenter Grænse", kommune_code="904")
    db.add(centre)
    db.flush()
    start = world.first
    people = []
    for days in ([0, 1, 2, 3, 4], [0, 1, 2, 3], [0], []):
        person = User(
            email=f"graense{len(people)}@test.example",
            display_name="Grænse",
            role=Role.FLEXJOBBER,
            jobcentre_id=centre.id,
            active=True,
        )
        db.add(person)
        db.flush()
        db.add(
            FlexjobberProfile(
                user_id=person.id,
                jobcentre_id=centre.id,
                pseudonym=f"Kandidat G-{person.id}",
                created_at=local_midnight(start) - timedelta(days=1),
            )
        )
        for offset in days:
            day = start + timedelta(days=offset)
            sign_ins.record(db, person.id, local_midnight(day), "password")
        people.append(person)
    db.flush()
    scope = service.Scope(centre.id)
    week = Bucket(start, start + timedelta(days=7), "week")
    fortnight = Bucket(start, start + timedelta(days=14), "fortnight")
    a_week, two_weeks = service.figures(db, scope, [week, fortnight])
    assert (a_week.profiles, a_week.signed_in_daily, a_week.signed_in_weekly) == (4, 1, 3)
    assert a_week.signed_in_14d == 3
    # 14 days: 5 and 4 days are weekly (≥ 2), 1 day is every 14 days only.
    assert (two_weeks.signed_in_daily, two_weeks.signed_in_weekly) == (0, 2)
    assert two_weeks.signed_in_14d == 3
