"""Demo job postings, generated from a fixed seed like the people (app.demo.people): every draw
is made before the database is consulted, so a second run adds only what is missing."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from app.demo import people_data as pd
from app.demo.accounts_data import COMPANIES
from app.demo.people import (
    COMMON_ACCOMMODATIONS,
    POSTING_COUNT,
    REGION_PREFIXES,
    esco_uri,
    schedule,
)
from app.jobs.search_text import posting_search_text
from app.kit.clock import utcnow
from app.models import Company, JobPosting, JobType, PostingStatus


@dataclass
class PostingSpec:
    company_index: int
    fields: dict[str, Any] = field(default_factory=dict)


def _families_for(company_name: str) -> tuple[str, ...]:
    for word, keys in pd.COMPANY_FAMILIES:
        if word.lower() in company_name.lower():
            return keys
    return ("office",)


def posting_specs(company_names: list[str]) -> list[PostingSpec]:
    rng = random.Random(20261125)
    specs: list[PostingSpec] = []
    seen: set[tuple[int, str]] = set()
    today = utcnow().date()
    # Spread the postings evenly over the jobcentres (each has a third of the demo citizens),
    # not over the companies: a jobcentre with few companies would otherwise have few jobs.
    # Only companies in the jobcentres' own areas post (the demo citizens live there), so that
    # every published posting has people within reach.
    where = {name: (postcode, code) for name, _address, postcode, code in COMPANIES}
    by_centre: dict[str, list[int]] = {}
    for i, name in enumerate(company_names):
        postcode, code = where.get(name, ("", ""))
        if postcode[:1] in REGION_PREFIXES.get(code, ()):
            by_centre.setdefault(code, []).append(i)
    centres = sorted(by_centre)
    posting = [i for code in centres for i in by_centre[code]]
    while len(specs) < POSTING_COUNT:
        index = posting[len(specs)] if len(specs) < len(posting) else None
        if index is None:
            index = rng.choice(by_centre[rng.choice(centres)])
        keys = _families_for(company_names[index])
        key = rng.choice(keys) if rng.random() < 0.8 else rng.choice(("office", "cleaning"))
        family = pd.FAMILY_BY_KEY[key]
        base = rng.choice(family.titles)
        title = base + rng.choice(pd.TITLE_SUFFIXES)
        if (index, title) in seen:
            continue
        seen.add((index, title))
        hours_min = rng.randint(4, 16)
        hours_max = min(30, hours_min + rng.choice((2, 4, 6, 8, 10)))
        status = rng.choices(
            (PostingStatus.PUBLISHED, PostingStatus.DRAFT, PostingStatus.CLOSED), (85, 10, 5)
        )[0]
        job_type = rng.choices(
            (JobType.FLEXJOB, JobType.FEW_HOURS, JobType.INTERNSHIP, JobType.ORDINARY),
            (75, 10, 10, 5),
        )[0]
        skills = rng.sample(family.skills, 4)
        fields: dict[str, Any] = {
            "title": title,
            # The occupation the title names, if ESCO has it (a random one of the family's
            # made "Kontorassistent" a posting for another occupation); the draw is kept so
            # the rest of the demo data stays the same.
            "esco_uri": esco_uri(base) or (rng.choice(family.wished) and None),
            "description": " ".join(
                (
                    rng.choice(family.posting_intro),
                    f"Stillingen er på {hours_min}–{hours_max} timer om ugen."
                    if hours_max > hours_min
                    else f"Stillingen er på {hours_min} timer om ugen.",
                    rng.choice(pd.POSTING_OUTROS),
                )
            ),
            "tasks": "Du skal blandt andet " + ", ".join(rng.sample(family.tasks, 3)) + ".",
            "required_skills": skills[:2],
            "nice_skills": skills[2:],
            "hours_min": hours_min,
            "hours_max": hours_max,
            "schedule": schedule(rng, family),
            "remote": family.remote and rng.random() < 0.8,
            # Workplaces that hire through fleksjob can usually offer several of the common
            # accommodations besides those typical of the field.
            "accommodations_offered": sorted(
                set(rng.sample(family.offered, rng.randint(2, len(family.offered))))
                | set(rng.sample(COMMON_ACCOMMODATIONS, 8))
            ),
            "job_type": job_type,
            "start_date": today + timedelta(days=rng.randint(7, 90)),
            "deadline": today + timedelta(days=rng.randint(-10, 60)),
            "status": status,
        }
        specs.append(PostingSpec(index, fields))
    return specs


_DEMO_WAGES = (185, None, 150, 210, None, 172)


def load_postings(db: Session, companies: list[Company], contacts: dict[int, int]) -> int:
    specs = posting_specs([c.name for c in companies])
    existing = {
        (row[0], row[1])
        for row in db.execute(
            select(JobPosting.company_id, JobPosting.title).where(
                tuple_(JobPosting.company_id, JobPosting.title).in_(
                    [(companies[s.company_index].id, s.fields["title"]) for s in specs]
                )
            )
        )
    }
    now = utcnow()
    for number, spec in enumerate(specs):
        company = companies[spec.company_index]
        if (company.id, spec.fields["title"]) in existing:
            continue
        posting = JobPosting(
            company_id=company.id,
            # Some postings state a wage (the income guide starts from it), some do not.
            hourly_wage=_DEMO_WAGES[number % len(_DEMO_WAGES)],
            postcode=company.postcode,
            created_by_id=contacts.get(company.id),
            published_at=now if spec.fields["status"] != PostingStatus.DRAFT else None,
            **spec.fields,
        )
        posting.search_text = posting_search_text(posting, company.name)
        db.add(posting)
    db.flush()
    return len(specs)
