"""The one read model of a match for the party reading it: the match page and the match API
both map this, so what a party sees of a match is assembled once (and the disclosure is
decided once per view, not once per part)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.matches import party_view
from app.matches.lifecycle import MatchContext
from app.matches.party_view import Ending, PersonView, TimelineEntry
from app.matches.policy import Party, may_message
from app.models import Company, JobPosting, Match


@dataclass(frozen=True)
class MatchView:
    match: Match
    job: JobPosting
    company: Company
    party: Party
    person: PersonView
    actions: list[str]
    may_message: bool
    timeline: list[TimelineEntry]
    ending: Ending


def match_view(db: Session, ctx: MatchContext) -> MatchView:
    """The match as ``ctx.party`` may see it (``lifecycle.load`` checked who that is)."""
    company = db.get(Company, ctx.job.company_id)
    assert company is not None
    decided = party_view.disclosure(db, ctx)
    return MatchView(
        match=ctx.match,
        job=ctx.job,
        company=company,
        party=ctx.party,
        person=party_view.person_for(db, ctx, decided),
        actions=party_view.actions_for(ctx),
        may_message=may_message(ctx.party, ctx.match),
        timeline=party_view.timeline_for(db, ctx, decided),
        ending=party_view.ending_for(db, ctx, decided),
    )
