"""The folded text a profile is found by. Health data is never part of it: a company's search
must not be able to find people by their accommodation needs."""

from __future__ import annotations

from app.kit.text import fold
from app.models import FlexjobberProfile


def profile_search_text(profile: FlexjobberProfile) -> str:
    parts: list[str] = [profile.headline, profile.about]
    parts += [str(job.get("label", "")) for job in profile.wished_jobs]
    parts += profile.skills
    parts += [str(e.get("title", "")) for e in profile.experience]
    parts += [str(e.get("title", "")) for e in profile.education]
    parts += profile.languages
    return fold(" ".join(p for p in parts if p))
