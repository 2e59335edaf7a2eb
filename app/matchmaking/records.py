"""ORM rows → the matching library's plain records (the library never sees the database)."""

from __future__ import annotations

from app.models import AccommodationNeeds, FlexjobberProfile, JobPosting
from matching.records import JobRecord, ProfileRecord


def profile_record(profile: FlexjobberProfile, needs: AccommodationNeeds | None) -> ProfileRecord:
    experience = " ".join(
        f"{entry.get('title', '')}. {entry.get('description', '')}".strip()
        for entry in profile.experience
    )
    wished = tuple(str(job.get("label", "")) for job in profile.wished_jobs if job.get("label"))
    codes = needs.needs if needs else {}
    return ProfileRecord(
        id=str(profile.id),
        headline=profile.headline,
        about=profile.about,
        experience=experience,
        wished_jobs=wished,
        skills=tuple(profile.skills),
        hours_min=profile.hours_min,
        hours_max=profile.hours_max,
        postcode=profile.postcode,
        max_distance_km=profile.max_distance_km,
        # Unticked is "not stated", never "no": a missing answer must not exclude anyone.
        remote_ok=True if profile.remote_only or profile.remote_ok else None,
        remote_only=profile.remote_only,
        accommodation_needs=frozenset(codes),
        accommodation_essential=frozenset(code for code, must in codes.items() if must),
        schedule=frozenset(profile.schedule),
    )


def job_record(posting: JobPosting) -> JobRecord:
    return JobRecord(
        id=str(posting.id),
        title=posting.title,
        description=posting.description,
        tasks=posting.tasks,
        skills=tuple(posting.required_skills),
        nice_skills=tuple(posting.nice_skills),
        hours_min=posting.hours_min,
        hours_max=posting.hours_max,
        postcode=None if posting.remote else posting.postcode,
        remote=posting.remote,
        accommodations_offered=frozenset(posting.accommodations_offered) or None,
        schedule=frozenset(posting.schedule),
    )
