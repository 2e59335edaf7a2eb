"""The simulated users of scripts/bench_load.py: demo personas picked from the database, each
with an API token and the jobs, people and conversations their script may act on."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Engine

CONVERSATION = ("recommended", "mutual", "meeting", "trial", "hired")


@dataclass
class Persona:
    email: str
    role: str  # flexjobber | company | consultant
    token: str = ""
    profile_id: int | None = None
    jobs: list[int] = field(default_factory=list)  # jobs the persona may act on or open
    people: list[int] = field(default_factory=list)  # profiles a company / consultant acts on
    conversations: list[int] = field(default_factory=list)  # matches open for messages


def _shares(users: int) -> tuple[int, int, int]:
    """About 60 % flexjobbers, 30 % company users, 10 % consultants (at least one of each)."""
    consultants = max(1, round(users * 0.1))
    companies = max(1, round(users * 0.3))
    return max(1, users - consultants - companies), companies, consultants


def pick(engine: Engine, users: int, seed: int) -> list[Persona]:
    """users demo personas (seeded), their API tokens and what they act on. The flexjobbers'
    jobs are the simulated companies' postings and the companies' candidates the simulated
    flexjobbers, so the two sides meet: mutual matches and messages arise during the run."""
    from app.auth.service import create_api_token
    from app.db import session_scope
    from app.models import Company, CompanyMember, FlexjobberProfile, JobPosting, Match, User
    from app.models.job_posting import PostingStatus
    from app.models.profile import Visibility
    from app.models.user import Role

    rng = random.Random(seed)
    n_flex, n_company, n_consultant = _shares(users)
    with session_scope(engine) as db:
        visible = list(
            db.execute(
                select(User.email, FlexjobberProfile.id, FlexjobberProfile.jobcentre_id)
                .join(FlexjobberProfile, FlexjobberProfile.user_id == User.id)
                .where(
                    User.role == Role.FLEXJOBBER,
                    User.active.is_(True),
                    FlexjobberProfile.deleted_at.is_(None),
                    FlexjobberProfile.visibility != Visibility.HIDDEN,
                )
                .order_by(User.email)
            )
        )
        flex = rng.sample(visible, min(n_flex, len(visible)))
        centres = {centre for _, _, centre in flex}
        published = list(
            db.execute(
                select(JobPosting.id, JobPosting.company_id, Company.jobcentre_id)
                .join(Company, Company.id == JobPosting.company_id)
                .where(JobPosting.status == PostingStatus.PUBLISHED)
                .order_by(JobPosting.id)
            )
        )
        hiring = {company for _, company, centre in published if centre in centres}
        members = list(
            db.execute(
                select(User.email, CompanyMember.company_id)
                .join(CompanyMember, CompanyMember.user_id == User.id)
                .where(User.role == Role.COMPANY, User.active.is_(True))
                .where(CompanyMember.company_id.in_(hiring))
                .order_by(User.email)
            )
        )
        companies = rng.sample(members, min(n_company, len(members)))
        staff = list(
            db.execute(
                select(User.email, User.jobcentre_id)
                .where(User.role == Role.CONSULTANT, User.jobcentre_id.in_(centres))
                .order_by(User.email)
            )
        )
        # Fewer consultants than asked: the same person in more than one browser.
        consultants = [staff[i % len(staff)] for i in range(n_consultant)] if staff else []

        company_centre = {c: centre for _, c, centre in published}
        chosen_companies = {c for _, c in companies}
        personas: list[Persona] = []
        for email, profile_id, centre in flex:
            own = [j for j, c, ce in published if ce == centre and c in chosen_companies]
            other = [j for j, _, ce in published if ce == centre and j not in own]
            jobs = own + rng.sample(other, min(4, len(other)))
            personas.append(Persona(email, "flexjobber", profile_id=profile_id, jobs=jobs))
        for email, company_id in companies:
            centre = company_centre[company_id]
            jobs = [j for j, c, _ in published if c == company_id]
            people = [p for _, p, ce in flex if ce == centre]
            personas.append(Persona(email, "company", jobs=jobs, people=people))
        for email, centre in consultants:
            jobs = [j for j, _, ce in published if ce == centre]
            people = [p for _, p, ce in flex if ce == centre]
            personas.append(Persona(email, "consultant", jobs=jobs, people=people))

        by_email = {u.email: u for u in db.scalars(select(User))}
        company_jobs = {p.email: set(p.jobs) for p in personas if p.role == "company"}
        for i, persona in enumerate(personas):
            user = by_email[persona.email]
            persona.token = create_api_token(db, user, f"bench-load {i}")
            query = select(Match.id).where(Match.state.in_(CONVERSATION)).order_by(Match.id)
            if persona.role == "flexjobber":
                query = query.where(Match.profile_id == persona.profile_id)
            elif persona.role == "company":
                query = query.where(Match.job_id.in_(company_jobs[persona.email] or {-1}))
            else:
                continue  # consultants follow matches; the parties write the messages
            persona.conversations = list(db.scalars(query))
    rng.shuffle(personas)
    return personas
