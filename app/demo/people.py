"""Demo flexjobber profiles and job postings, generated from a fixed seed.

Everything is drawn from the random generator before the database is consulted, so a second run
draws exactly the same data and only adds what is missing (idempotent).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import people_data as pd
from app.demo.accounts_data import COMPANIES
from app.kit.clock import utcnow
from app.kit.text import fold
from app.kit.tokens import random_public_id
from app.models import (
    AccommodationNeeds,
    FlexjobberProfile,
    JobseekerStatus,
    Role,
    User,
    Visibility,
)
from app.profiles.completeness import mark_readiness
from app.profiles.search_text import profile_search_text
from app.taxonomy.geography import km_between
from matching import reference
from matching.schedule import PARTS_OF_DAY, WEEKDAYS

COMMON_ACCOMMODATIONS = (
    "flexible_hours",
    "extra_breaks",
    "gradual_start",
    "fixed_contact_person",
    "clear_structure",
    "varied_tasks",
    "ergonomic_aids",
    "sit_stand_alternation",
    "low_time_pressure",
    "quiet_environment",
    "no_heavy_lifting",
    "limited_standing",
    "limited_walking",
    "no_evening_night_work",
)
PROFILE_COUNT = 200
POSTING_COUNT = 400
# Where the demo jobcentres' citizens mostly live (first digit of the postcode).
REGION_PREFIXES = {"157": ("2", "3"), "751": ("8",), "461": ("5",)}


@cache
def esco_uri(label: str) -> str | None:
    """The ESCO URI when the label is an ESCO Danish label (preferred or alternative)."""
    hits = reference.search_occupations(label, limit=1)
    if not hits:
        return None
    occupation = hits[0]
    labels = {fold(occupation.label_da), *(fold(a) for a in occupation.alt_da)}
    return occupation.uri if fold(label) in labels else None


@cache
def _geographic_postcodes() -> tuple[str, ...]:
    return tuple(
        f"{n:04d}"
        for n in range(10_000)
        if (info := reference.postcode_info(f"{n:04d}")) is not None and not info.non_geographic
    )


@dataclass
class ProfileSpec:
    email: str
    name: str
    kommune_code: str
    fields: dict[str, Any]
    needs: dict[str, bool]
    note: str


def schedule(rng: random.Random, family: pd.Family) -> list[str]:
    days = rng.sample(WEEKDAYS[:5], rng.randint(2, 5))
    parts = ["morning"] if rng.random() < 0.6 else rng.sample(PARTS_OF_DAY[:2], rng.randint(1, 2))
    if family.key in ("kitchen", "retail", "transport") and rng.random() < 0.2:
        days.append("sat")
    return sorted(f"{d}_{p}" for d in days for p in parts)


@cache
def _near_companies(kommune_code: str) -> tuple[str, ...]:
    """Geographic postcodes within 12 km of a demo company the jobcentre follows: the demo's
    citizens live where its jobs are, as they would in a real jobcentre's area."""
    centres = [
        info
        for _name, _address, postcode, code in COMPANIES
        if code == kommune_code
        and postcode[0] in REGION_PREFIXES[kommune_code]  # the jobcentre's own area
        and (info := reference.postcode_info(postcode)) is not None
    ]
    near = []
    for candidate in _geographic_postcodes():
        info = reference.postcode_info(candidate)
        assert info is not None
        if any(km_between(info.lat, info.lon, c.lat, c.lon) <= 12 for c in centres):
            near.append(candidate)
    return tuple(near)


def _postcode(rng: random.Random, kommune_code: str) -> str:
    local = _near_companies(kommune_code)
    return rng.choice(local or _geographic_postcodes())


def _wished(labels: list[str]) -> list[dict[str, Any]]:
    return [{"label": label, "uri": esco_uri(label)} for label in labels]


def profile_specs(existing_people: list[tuple[str, str, str]]) -> list[ProfileSpec]:
    """The demo profiles: first the existing demo flexjobbers, then generated people."""
    rng = random.Random(20261124)
    people = list(existing_people)
    used = {name for _, name, _ in people}
    codes = list(REGION_PREFIXES)
    n = 0
    while len(people) < PROFILE_COUNT:
        n += 1
        name = f"{rng.choice(pd.FIRST_NAMES)} {rng.choice(pd.LAST_NAMES)}"
        if name in used:
            name = f"{name.split()[0]} {rng.choice(pd.FIRST_NAMES)}sen {name.split()[1]}"
        if name in used:
            continue
        used.add(name)
        people.append((f"fleksjobber{n:03d}@fleksbro.example", name, rng.choice(codes)))

    specs = []
    today = utcnow().date()
    for index, (email, name, code) in enumerate(people):
        family = pd.FAMILIES[index % len(pd.FAMILIES)] if index < 3 else rng.choice(pd.FAMILIES)
        if index == 0:
            family = pd.FAMILY_BY_KEY["office"]
        hours_min = rng.randint(4, 18)
        hours_max = min(30, hours_min + rng.choice((2, 4, 5, 8, 10)))
        visibility = (
            Visibility.NAMED
            if index == 0
            else rng.choices(
                (Visibility.HIDDEN, Visibility.ANONYMOUS, Visibility.NAMED), (15, 40, 45)
            )[0]
        )
        years = rng.randint(2, 25)
        experience = []
        end_year = today.year - rng.randint(0, 6)
        for _ in range(rng.randint(1, 3)):
            start_year = end_year - rng.randint(1, 8)
            experience.append(
                {
                    "title": rng.choice(family.jobs),
                    "employer": rng.choice(family.employers),
                    "start": f"{start_year}-{rng.randint(1, 12):02d}",
                    "end": f"{end_year}-{rng.randint(1, 12):02d}",
                    "description": ", ".join(rng.sample(family.tasks, 2)).capitalize() + ".",
                }
            )
            end_year = start_year
        education = [
            {
                "title": rng.choice(family.educations),
                "institution": rng.choice(
                    ("Erhvervsskolen", "AMU-centret", "VUC", "Teknisk Skole")
                ),
                "year": str(today.year - rng.randint(5, 35)),
            }
        ]
        if rng.random() < 0.4:
            education.append(
                {
                    "title": rng.choice(pd.GENERAL_EDUCATION),
                    "institution": "",
                    "year": str(today.year - rng.randint(20, 40)),
                }
            )
        wished = rng.sample(family.wished, rng.randint(1, min(3, len(family.wished))))
        skills = rng.sample(family.skills, rng.randint(3, min(6, len(family.skills))))
        about = " ".join(
            (
                rng.choice(family.intros),
                f"Jeg har {years} års erfaring som {experience[0]['title'].lower()}.",
                rng.choice(pd.STRENGTHS),
                rng.choice(pd.FLEX_LINES),
            )
        )
        need_codes = rng.sample(family.needs, rng.randint(1, 3))
        if rng.random() < 0.4:
            extra = rng.choice(reference.ACCOMMODATION_CODES)
            if extra not in need_codes:
                need_codes.append(extra)
        # One must-have, preferably one that workplaces commonly offer; the rest nice to have
        # (a person with several rare must-haves is real, but would see no demo jobs at all).
        common = [c for c in need_codes if c in COMMON_ACCOMMODATIONS]
        if not common:
            common = [rng.choice(COMMON_ACCOMMODATIONS)]
            need_codes.append(common[0])
        must = common[0]
        needs = {c: c == must for c in need_codes}
        fields: dict[str, Any] = {
            "pseudonym": f"Kandidat {chr(65 + index % 26)}-{1000 + index}",
            "headline": rng.choice(family.headlines),
            "about": about,
            "wished_jobs": _wished(wished),
            "skills": skills,
            "experience": experience,
            "education": education,
            "languages": ["Dansk", *rng.sample(pd.LANGUAGES[1:], rng.randint(0, 2))],
            "driving_licence": rng.random() < 0.6,
            "hours_min": hours_min,
            "hours_max": hours_max,
            "schedule": schedule(rng, family),
            "max_distance_km": rng.choice((20, 30, 40, 50, 60)),
            "remote_only": family.remote and rng.random() < 0.1,
            "status": rng.choice(tuple(JobseekerStatus)),
            "available_from": today + timedelta(days=rng.randint(0, 90)),
            "visibility": visibility,
            "share_accommodations": visibility != Visibility.HIDDEN and rng.random() < 0.35,
        }
        fields["postcode"] = _postcode(rng, code)
        specs.append(ProfileSpec(email, name, code, fields, needs, rng.choice(pd.NOTES)))
    return specs


def load_people(
    db: Session,
    password_hash: str,
    jobcentres: dict[str, int],
    consultants: dict[str, list[int]],
    existing_people: list[tuple[str, str, str]],
) -> int:
    """Creates the missing demo flexjobbers (user, profile, needs). Returns the number of
    demo profiles."""
    specs = profile_specs(existing_people)
    users = {
        u.email: u for u in db.scalars(select(User).where(User.email.in_([s.email for s in specs])))
    }
    with_profile = set(
        db.scalars(
            select(FlexjobberProfile.user_id).where(
                FlexjobberProfile.user_id.in_([u.id for u in users.values()] or [-1])
            )
        )
    )
    new_users = []
    for spec in specs:
        if spec.email not in users:
            user = User(
                email=spec.email,
                display_name=spec.name,
                role=Role.FLEXJOBBER,
                jobcentre_id=jobcentres[spec.kommune_code],
                password_hash=password_hash,
                active=True,
            )
            users[spec.email] = user
            new_users.append(user)
    db.add_all(new_users)
    db.flush()
    # Public ids are random (app.kit.tokens); drawn here against those in use, so that a
    # (vanishingly rare) repeat cannot stop the demo load.
    taken = set(db.scalars(select(FlexjobberProfile.public_id)))
    for position, spec in enumerate(specs):
        user = users[spec.email]
        if user.id in with_profile:
            continue
        staff: list[int | None] = list(consultants.get(spec.kommune_code, [])) or [None]
        public_id = random_public_id()
        while public_id in taken:
            public_id = random_public_id()
        taken.add(public_id)
        profile = FlexjobberProfile(
            user_id=user.id,
            jobcentre_id=jobcentres[spec.kommune_code],
            consultant_id=staff[position % len(staff)],
            public_id=public_id,
            **spec.fields,
        )
        profile.search_text = profile_search_text(profile)
        db.add(profile)
        db.flush()
        needs = AccommodationNeeds(profile_id=profile.id, needs=spec.needs, note=spec.note)
        db.add(needs)
        mark_readiness(profile, needs, profile.created_at or utcnow())
    db.flush()
    return len(specs)
