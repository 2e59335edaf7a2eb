"""The folded text a job posting is found by."""

from __future__ import annotations

from app.kit.text import fold
from app.models import JobPosting


def posting_search_text(posting: JobPosting, company_name: str = "") -> str:
    parts = [posting.title, posting.description, posting.tasks, company_name]
    # Unsaved postings may still hold None where the column default would give [].
    parts += (posting.required_skills or []) + (posting.nice_skills or [])
    return fold(" ".join(p for p in parts if p))
