"""Loads the demo data set. Idempotent: rows that already exist are left as they are."""

from __future__ import annotations

import random
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.demo import accounts_data as data
from app.demo import articles, events, history, people
from app.demo import postings as demo_postings
from app.kit.clock import utcnow
from app.kit.passwords import hash_password
from app.models import (
    Company,
    CompanyMember,
    FlexjobberProfile,
    Jobcentre,
    ProfileStatusChange,
    Role,
    Team,
    User,
)

SEED = 20261123


def _valid_cvr(rng: random.Random) -> str:
    """Eight digits that pass the CVR modulus-11 check."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(6)]
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        check = (11 - remainder) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


_DANISH_TO_ASCII: dict[int, str] = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "&": "og"})


def _slug(name: str) -> str:
    ascii_name = name.lower().translate(_DANISH_TO_ASCII)
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def _user(
    db: Session, email: str, name: str, role: Role, jobcentre_id: int | None, password_hash: str
) -> User:
    user = db.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(
            email=email,
            display_name=name,
            role=role,
            jobcentre_id=jobcentre_id,
            password_hash=password_hash,
            active=True,
        )
        db.add(user)
        db.flush()
    return user


def load_demo_data(db: Session, data_dir: Path | None = None) -> str:
    """The demo world; with `data_dir`, also the files it holds (the captioned demo video)."""
    rng = random.Random(SEED)
    password_hash = hash_password(data.DEMO_PASSWORD)
    jobcentres: dict[str, Jobcentre] = {}
    for name, code in data.JOBCENTRES:
        centre = db.scalar(select(Jobcentre).where(Jobcentre.kommune_code == code))
        if centre is None:
            centre = Jobcentre(name=name, kommune_code=code)
            db.add(centre)
            db.flush()
        centre.phone = centre.phone or data.JOBCENTRE_PHONES.get(code)
        jobcentres[code] = centre

    consultants: dict[str, list[int]] = {}
    for email, name, role, staff_code in data.STAFF:
        centre_id = jobcentres[staff_code].id if staff_code else None
        staff = _user(db, email, name, Role(role), centre_id, password_hash)
        staff.phone = staff.phone or data.STAFF_PHONES.get(email)
        if staff_code and roles.is_consultant(staff):
            consultants.setdefault(staff_code, []).append(staff.id)
    for email, name, code in data.FLEXJOBBERS:
        _user(db, email, name, Role.FLEXJOBBER, jobcentres[code].id, password_hash)
    _load_teams(db, jobcentres)

    companies: list[Company] = []
    contacts: dict[int, int] = {}
    for name, address, postcode, code in data.COMPANIES:
        cvr = _valid_cvr(rng)  # drawn for every company so the sequence stays the same
        company = db.scalar(select(Company).where(Company.name == name))
        if company is None:
            company = Company(
                name=name,
                cvr=cvr,
                address=address,
                postcode=postcode,
                jobcentre_id=jobcentres[code].id,
            )
            db.add(company)
            db.flush()
        if company.consultant_id is None and consultants.get(code):
            # Followed by the jobcentre's consultants in turn, so every consultant has a caseload.
            company.consultant_id = consultants[code][len(companies) % len(consultants[code])]
        companies.append(company)
        contact = _user(
            db,
            f"kontakt@{_slug(name)}.fleksbro.example",
            f"Kontaktperson, {name}",
            Role.COMPANY,
            None,
            password_hash,
        )
        _ensure_member(db, company, contact)
        contacts[company.id] = contact.id
    for email, name, company_index in data.EXTRA_COMPANY_USERS:
        user = _user(db, email, name, Role.COMPANY, None, password_hash)
        _ensure_member(db, companies[company_index], user)
    centre_ids = {code: centre.id for code, centre in jobcentres.items()}
    profiles = people.load_people(db, password_hash, centre_ids, consultants, data.FLEXJOBBERS)
    postings = demo_postings.load_postings(db, companies, contacts)
    _date_statuses(db)
    creators = {jobcentres[code].id: ids[0] for code, ids in consultants.items() if ids}
    events.load_events(db, list(jobcentres.values()), creators)
    articles.load_articles(db, list(jobcentres.values()), creators)
    if data_dir is not None:
        articles.load_videos(db, list(jobcentres.values()), data_dir)
    history.load_history(db, utcnow())
    return (
        f"Demo data ready: {len(jobcentres)} jobcentres, {len(companies)} companies, "
        f"{profiles} flexjobber profiles, {postings} job postings."
    )


def _ensure_member(db: Session, company: Company, user: User) -> None:
    exists = db.scalar(
        select(CompanyMember.user_id).where(
            CompanyMember.company_id == company.id, CompanyMember.user_id == user.id
        )
    )
    if exists is None:
        db.add(CompanyMember(company_id=company.id, user_id=user.id))


def _load_teams(db: Session, jobcentres: dict[str, Jobcentre]) -> None:
    for code, name, emails in data.TEAMS:
        centre_id = jobcentres[code].id
        team = db.scalar(select(Team).where(Team.jobcentre_id == centre_id, Team.name == name))
        if team is None:
            team = Team(jobcentre_id=centre_id, name=name)
            db.add(team)
            db.flush()
        for email in emails:
            member = db.scalar(select(User).where(User.email == email))
            if member is not None and member.team_id is None:
                member.team_id = team.id


def _date_statuses(db: Session) -> None:
    """A demo profile's status holds from the profile's creation: without a dated row the
    dashboard's fleksjob unemployment would have nothing to count on first run."""
    dated = select(ProfileStatusChange.profile_id)
    rows = db.execute(
        select(FlexjobberProfile.id, FlexjobberProfile.status, FlexjobberProfile.created_at).where(
            FlexjobberProfile.status.is_not(None), FlexjobberProfile.id.not_in(dated)
        )
    )
    for profile_id, status, created_at in rows.all():
        db.add(ProfileStatusChange(profile_id=profile_id, status=status, changed_at=created_at))
    db.flush()
