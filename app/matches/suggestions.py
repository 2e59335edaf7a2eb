"""The flexjobber's job suggestions as "Mine match" and /api/v1/me/matches show them: paused for a
person who is hired (unless they keep looking), None while the index has not ranked them yet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.matches import ranking, service
from app.matches.ranking import JobItem
from app.matchmaking.engine import MatchEngine
from app.models import FlexjobberProfile, User


@dataclass(frozen=True)
class Suggestions:
    items: list[JobItem] | None  # None: still being computed
    paused: bool = False  # hired, and did not ask to see other jobs

    @property
    def ready(self) -> bool:
        return self.items is not None


def for_flexjobber(
    db: Session, engine: MatchEngine, user: User, profile: FlexjobberProfile, lang: str, k: int
) -> Suggestions:
    if service.suggestions_paused(db, profile):
        return Suggestions(items=[], paused=True)
    items = ranking.jobs_for_flexjobber(db, engine, user, lang, k=k, seen=profile.matches_seen_at)
    return Suggestions(items=items)
