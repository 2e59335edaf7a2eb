"""A small hand-made jobcentre whose figures for last month are known by hand.

Month M is the last whole calendar month; n is its number of days (28–31). Consultant C1 is
in team T, consultant C2 in no team. Profiles made before M, of active accounts, sign in on
exactly the boundary numbers of days (ceil rounds up), so an off-by-one fails a test:
  P1 (C1) on ceil(5n/7) days                          -> daily (and weekly, 14 days)
  P2 (C1) on ceil(n/7) days, a week apart             -> weekly, not daily
  P3 (C1) on ceil(n/14) days, two weeks apart         -> every 14 days only
  P4 (C2) on ceil(n/14) - 1 days, one of them twice   -> none (a day counts once)
  P5 (C2) on ceil(5n/7) - 1 days                      -> weekly, not daily
Not in the engagement base: P6 (C1, profile made during M, signs in daily), P7 (C1, inactive).
Invitations sent in M: I1 (by C1, accepted, has a profile), I2 (by C1, accepted, no profile),
I3 (by C2, not accepted); I4 was first invited before M and again in M (not counted in M).
Matches (job A and B of one company):
  m1 P1: made in M; recommended, (interest, no new state), mutual, meeting, trial 5 h, hired 8 h
  m2 P2: made before M; in M interest, mutual, trial 10 h
  m3 P3: made in M; interest, (a step that stays interest), expired
  m4 P4: made before M; mutual and trial 6 h before M; hired 12 h in M
  m5 P5: made before M; hired 4 h before M
  m7 P2: made in M; interest, ended
Statuses: P1 ledighedsydelse before M, in fleksjob from day 20; P2 ledighedsydelse before M;
P3 ledighedsydelse from day 3; P4 in fleksjob before M; P5 wants a change before M, cleared
on day 10; P6 ledighedsydelse only from this month.
Complete enough to match: P2 since before M, P1 since day 5, P6 since day 3; P3 only since
this month; P4, P5 never. Postings (company consultant C1): A published on day -30 (m2's
person interested on day 2), B day -20 (m3's on day 2), C day -20 (no match), E day -20 (only
the company interested), D day n-5 (too young), F day -20 but closed since: so of the four
postings 14 days old at M's end (A, B, C, E), C and E had no interest.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from app.auth import sign_ins as sign_in_record
from app.kit.clock import utcnow
from app.models import (
    AccommodationNeeds,
    Company,
    FlexjobberProfile,
    Jobcentre,
    JobPosting,
    JobseekerStatus,
    JobType,
    LinkPurpose,
    Match,
    MatchEvent,
    MatchState,
    OneTimeLink,
    PostingStatus,
    ProfileStatusChange,
    Role,
    Team,
    User,
    Visibility,
)
from app.stats.periods import LOCAL, local_today


@dataclass
class World:
    jobcentre: Jobcentre
    team: Team
    leader: User
    c1: User
    c2: User
    first: date  # first day of M
    last: date  # last day of M
    n: int


def last_month() -> tuple[date, date]:
    today = local_today(utcnow())
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def _profile_id(db: Session, person: User) -> int:
    return int(db.query(FlexjobberProfile.id).filter_by(user_id=person.id).scalar())


def build(db: Session, password_hash: str) -> World:
    first, last = last_month()
    n = calendar.monthrange(first.year, first.month)[1]

    def at(day: int, hour: int = 12) -> datetime:
        """Noon (Danish time) on day ``day`` of M; day 0 and below are before M."""
        return datetime.combine(first + timedelta(days=day - 1), time(hour), LOCAL).astimezone(UTC)

    centre = Jobcentre(name="Jobcenter Småby", kommune_code="903")
    db.add(centre)
    db.flush()
    team = Team(jobcentre_id=centre.id, name="Team Nord")
    db.add(team)
    db.flush()
    counter = iter(range(1000))

    def user(role: Role, *, active: bool = True, team_id: int | None = None) -> User:
        person = User(
            email=f"world{next(counter)}@test.example",
            display_name=f"Person {role.value}",
            role=role,
            jobcentre_id=centre.id,
            team_id=team_id,
            password_hash=password_hash,
            active=active,
        )
        db.add(person)
        db.flush()
        return person

    leader = user(Role.LEADER)
    c1 = user(Role.CONSULTANT, team_id=team.id)
    c2 = user(Role.CONSULTANT)

    def profile(consultant: User, created: datetime, *, active: bool = True) -> User:
        person = user(Role.FLEXJOBBER, active=active)
        db.add(
            FlexjobberProfile(
                user_id=person.id,
                jobcentre_id=centre.id,
                consultant_id=consultant.id,
                pseudonym=f"Kandidat W-{person.id}",
                created_at=created,
            )
        )
        db.flush()
        return person

    before = at(-10)
    p1, p2, p3 = (profile(c1, before) for _ in range(3))
    p4, p5 = profile(c2, before), profile(c2, before)
    p6 = profile(c1, at(2))
    p7 = profile(c1, before, active=False)

    def complete(person: User, ready_since: datetime) -> None:
        """Every counted part filled in (app.profiles.completeness), ready since a known day."""
        row = db.query(FlexjobberProfile).filter_by(user_id=person.id).one()
        row.headline, row.about = "Kontorhjælp", "Jeg er stabil og glad for faste opgaver."
        row.wished_jobs = [{"label": "Kontorassistent", "uri": None}]
        row.skills, row.hours_min, row.hours_max, row.postcode = ["Excel"], 10, 15, "2900"
        row.experience = [{"title": "Kontorelev", "employer": "X", "start": "", "end": ""}]
        row.education = [{"title": "HG", "institution": "", "year": "2010"}]
        row.visibility = Visibility.ANONYMOUS
        row.match_ready_at = ready_since
        db.add(AccommodationNeeds(profile_id=row.id, needs={}, note=""))

    complete(p1, at(5))
    complete(p2, at(-3))
    complete(p6, at(3))
    complete(p3, at(n + 1, hour=0))

    def sign_ins(person: User, days: list[int]) -> None:
        for k, day in enumerate(days):
            sign_in_record.record(db, person.id, at(day, hour=8 + k % 12), "password")

    daily, weekly, fortnightly = -(-5 * n // 7), -(-n // 7), -(-n // 14)
    sign_ins(p1, list(range(1, daily + 1)))
    sign_ins(p2, [1 + 7 * i for i in range(weekly)])
    sign_ins(p3, [1 + 14 * i for i in range(fortnightly)])
    sign_ins(p4, [1 + 14 * i for i in range(fortnightly - 1)] + [1, -3, -2])
    sign_ins(p5, list(range(1, daily)))
    sign_ins(p6, list(range(2, n + 1)))
    sign_ins(p7, list(range(1, n + 1)))

    def invite(by: User, sent: datetime, *, used: bool = False) -> User:
        person = user(Role.FLEXJOBBER, active=used)
        db.add(
            OneTimeLink(
                token_hash=f"{person.id:064d}",
                purpose=LinkPurpose.INVITATION,
                user_id=person.id,
                created_by_id=by.id,
                created_at=sent,
                expires_at=sent + timedelta(days=14),
                used_at=sent + timedelta(hours=2) if used else None,
            )
        )
        return person

    i1 = invite(c1, at(4), used=True)
    db.add(FlexjobberProfile(user_id=i1.id, jobcentre_id=centre.id, pseudonym="Kandidat W-I1"))
    invite(c1, at(5), used=True)
    invite(c2, at(6))
    i4 = invite(c2, at(-5))
    db.add(
        OneTimeLink(
            token_hash="f" * 64,
            purpose=LinkPurpose.INVITATION,
            user_id=i4.id,
            created_by_id=c2.id,
            created_at=at(7),
            expires_at=at(21),
        )
    )

    company = Company(
        name="Verdensfirma ApS",
        cvr="11223344",
        postcode="2900",
        jobcentre_id=centre.id,
        consultant_id=c1.id,
    )
    db.add(company)
    db.flush()
    jobs = []
    for title, published, status in (
        ("Kontorhjælp", -30, PostingStatus.PUBLISHED),
        ("Pedelmedhjælper", -20, PostingStatus.PUBLISHED),
        ("Lagerhjælp", -20, PostingStatus.PUBLISHED),
        ("Kantinehjælp", -20, PostingStatus.PUBLISHED),
        ("Receptionist", n - 5, PostingStatus.PUBLISHED),
        ("Chauffør", -20, PostingStatus.CLOSED),
    ):
        posting = JobPosting(
            company_id=company.id,
            title=title,
            description=title,
            job_type=JobType.FLEXJOB,
            status=status,
            search_text=title.lower(),
            published_at=at(published),
        )
        db.add(posting)
        jobs.append(posting)
    db.flush()

    def match(
        person: User,
        job: JobPosting,
        created: datetime,
        steps: list[tuple],
        interested: datetime | None = None,
    ) -> None:
        profile_id = db.query(FlexjobberProfile.id).filter_by(user_id=person.id).scalar()
        row = Match(
            profile_id=profile_id, job_id=job.id, created_at=created,
            flexjobber_interest_at=interested,
        )  # fmt: skip
        db.add(row)
        db.flush()
        state = MatchState.SUGGESTED.value
        for day, to, hours in steps:
            db.add(
                MatchEvent(
                    match_id=row.id,
                    kind=to,
                    from_state=state,
                    to_state=to,
                    hours=hours,
                    created_at=at(day),
                )
            )
            state = to
        row.state = MatchState(state)

    a, b, _c, e, _d, f = jobs
    match(p1, a, at(1), [
        (2, "recommended", None), (3, "recommended", None), (4, "mutual", None),
        (5, "meeting", None), (6, "trial", 5), (20, "hired", 8),
    ])  # fmt: skip
    match(p2, a, before, [(2, "interest", None), (4, "mutual", None), (9, "trial", 10)], at(2))
    # A step that keeps the state (day 12, another week than day 2) enters nothing.
    match(p3, b, at(1), [(2, "interest", None), (12, "interest", None), (16, "expired", None)],
          at(2))  # fmt: skip
    match(p4, b, before, [(-8, "mutual", None), (-6, "trial", 6), (12, "hired", 12)])
    match(p5, a, before, [(-9, "mutual", None), (-7, "hired", 4)])
    match(p2, b, at(3), [(4, "interest", None), (8, "ended", None)])
    # No state change: only the company asked (E); F is closed, so whoever asked, it is out.
    db.add(Match(profile_id=_profile_id(db, p5), job_id=e.id, created_at=at(-15),
                 company_interest_at=at(-15)))  # fmt: skip
    db.add(Match(profile_id=_profile_id(db, p4), job_id=f.id, created_at=at(-15)))

    def status(person: User, day: int, value: JobseekerStatus | None) -> None:
        profile_id = db.query(FlexjobberProfile.id).filter_by(user_id=person.id).scalar()
        db.add(ProfileStatusChange(profile_id=profile_id, status=value, changed_at=at(day)))

    status(p1, -5, JobseekerStatus.LEDIGHEDSYDELSE)
    status(p1, 20, JobseekerStatus.IN_FLEXJOB_WANTS_OTHER)
    status(p2, -5, JobseekerStatus.LEDIGHEDSYDELSE)
    status(p3, 3, JobseekerStatus.LEDIGHEDSYDELSE)
    status(p4, -5, JobseekerStatus.IN_FLEXJOB_WANTS_OTHER)
    status(p5, -5, JobseekerStatus.CHANGE_OF_FIELD)
    status(p5, 10, None)
    this_month = datetime.combine(last + timedelta(days=1), time(0, 30), LOCAL).astimezone(UTC)
    db.add(
        ProfileStatusChange(
            profile_id=db.query(FlexjobberProfile.id).filter_by(user_id=p6.id).scalar(),
            status=JobseekerStatus.LEDIGHEDSYDELSE,
            changed_at=min(this_month, utcnow()),
        )
    )
    db.flush()
    return World(centre, team, leader, c1, c2, first, last, n)
