"""Job suggestions as "Mine match", /api/v1/me/matches and the consultant's board show them:
paused for a person who is hired (unless they keep looking), None while the index has not
ranked a new profile yet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.matches import ranking, service
from app.matches.ranking import BoardItem, JobItem
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


def consultant_board(
    db: Session, engine: MatchEngine, consultant: User, lang: str
) -> list[BoardItem]:
    """The board's suggested pairs, without people who are hired and did not ask for more."""
    board = ranking.consultant_board(db, engine, consultant, lang)
    paused = service.paused_profile_ids(db, sorted({item.profile.id for item in board}))
    return [item for item in board if item.profile.id not in paused]
