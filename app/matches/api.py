"""JSON routes for matches, conversations and consents: the same services and rules as the pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.kit.limits import MAX_ID
from app.matches import consent as consents
from app.matches import lifecycle, messaging, party_view, ranking, read_model, service, suggestions
from app.matches.display import shown_band, shown_label
from app.matches.forms import action_input
from app.matches.lifecycle import MatchContext, Outbox
from app.matches.policy import (
    Party,
    company_knows,
    ensure_can_act,
    ensure_has_profile,
)
from app.matches.schemas import (
    CandidateList,
    CandidateOut,
    ConsentIn,
    ConsentList,
    ConsentOut,
    JobActionIn,
    JobMatchList,
    JobMatchOut,
    MatchActionIn,
    MatchJobOut,
    MatchOut,
    MessageIn,
    MessageList,
    MessageOut,
    PersonOut,
    TimelineOut,
)
from app.matchmaking.engine import MatchEngine
from app.models import User
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.guards import FlexjobberUser
from app.web.i18n import gettext_for, language_of
from app.web.routers import api_router

router = api_router("matches")

# How many ranked items one list call returns at most (the pages show 20, then 20 more).
MAX_LIMIT = 100
LimitQuery = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many ranked items")]


def _engine(request: Request) -> MatchEngine:
    engine: MatchEngine = request.app.state.match_engine
    return engine


EngineDep = Annotated[MatchEngine, Depends(_engine)]


def _outbox(settings: SettingsDep, mailer: MailerDep) -> Outbox:
    return Outbox(settings, mailer)


OutboxDep = Annotated[Outbox, Depends(_outbox)]


@router.get("/me/matches", response_model=JobMatchList)
def my_matches(
    request: Request, db: SessionDep, engine: EngineDep, me: FlexjobberUser, limit: LimitQuery = 30
) -> JobMatchList:
    """Published jobs ranked for the signed-in flexjobber, with score, band and reasons.
    ready=false while the index is still ranking a new profile (poll again in a few seconds);
    paused=true (and no items) for a person who is hired and did not ask to see other jobs."""
    lang = language_of(request)
    profile = ensure_has_profile(me.profile)
    found = suggestions.for_flexjobber(db, engine, me.user, profile, lang, k=limit)
    items = found.items
    return JobMatchList(
        ready=found.ready,
        paused=found.paused,
        items=[
            JobMatchOut(
                job_id=item.job.id,
                title=item.job.title,
                company_id=item.company.id,
                company_name=item.company.name,
                score=round(item.score, 1),
                band=shown_band(item.score),
                band_label=gettext_for(lang, shown_label(item.score)),
                reasons=item.reasons,
                is_new=item.is_new,
                match_id=item.match.id if item.match else None,
                state=item.match.state.value if item.match else None,
                saved=bool(item.match and item.match.saved_at),
            )
            for item in items or []
        ],
    )


@router.post("/me/matches/{job_id}", response_model=MatchOut)
def act_on_job(
    db: SessionDep, out: OutboxDep, me: FlexjobberUser, job_id: int, body: JobActionIn
) -> MatchOut:
    """ "Jeg er interesseret", save or hide a job of your forum (the same rules as the pages);
    returns the match. 404 for a job you cannot see."""
    data = service.ActionInput(action=body.action, saved=body.saved, reason=body.reason)
    match = service.act_on_job(db, out, me.user, job_id, data)
    db.flush()
    return _match_out(db, lifecycle.load(db, me.user, match.id))


@router.get("/jobs/{job_id}/candidates", response_model=CandidateList)
def job_candidates(
    request: Request,
    db: SessionDep,
    engine: EngineDep,
    user: CurrentUser,
    job_id: int,
    limit: LimitQuery = 30,
) -> CandidateList:
    """A posting's ranked candidates as the caller may see them (pseudonyms, no health data
    unless shared)."""
    lang = language_of(request)
    job, who = service.posting_for_candidates(db, user, job_id)
    items = ranking.candidates_for_job(db, engine, user, job, lang, k=limit)
    visible = {
        i.profile.id: i.match
        for i in items or []
        if i.match is not None and (who != Party.COMPANY or company_knows(i.match))
    }
    unread = messaging.unread_by_match(db, user, [m.id for m in visible.values()])
    out = []
    for item in items or []:
        match = visible.get(item.profile.id)
        out.append(
            CandidateOut(
                profile_id=item.profile.public_id,
                name=item.name,
                is_pseudonym=item.is_pseudonym,
                headline=item.profile.headline,
                score=round(item.score, 1),
                band=shown_band(item.score),
                band_label=gettext_for(lang, shown_label(item.score)),
                reasons=item.reasons,
                match_id=match.id if match else None,
                state=match.state.value if match else None,
                unread=unread.get(match.id, 0) if match else 0,
            )
        )
    return CandidateList(ready=items is not None, items=out)


@router.post("/jobs/{job_id}/candidates/{profile_id}/interest", response_model=MatchOut)
def company_interest(
    db: SessionDep, out: OutboxDep, user: CurrentUser, job_id: int, profile_id: int
) -> MatchOut:
    """The company's "Vi vil gerne tale med dig" to a ranked candidate (the same rules as the
    page); returns the match as the company may see it."""
    match = service.company_interest(db, out, user, job_id, profile_id)
    db.flush()
    return _match_out(db, lifecycle.load(db, user, match.id))


def _match_out(db: Session, ctx: MatchContext) -> MatchOut:
    """The JSON mapping of the one read model (the match page maps the same)."""
    view = read_model.match_view(db, ctx)
    m = view.match
    return MatchOut(
        id=m.id,
        state=m.state.value,
        party=view.party.value,
        job=MatchJobOut(
            id=view.job.id,
            title=view.job.title,
            company_id=view.company.id,
            company_name=view.company.name,
            status=view.job.status.value,
        ),
        person=PersonOut(**vars(view.person)),
        allowed_actions=view.actions,
        may_message=view.may_message,
        expires_at=m.expires_at,
        recommendation_note=m.recommendation_note,
        flexjobber_interest_at=m.flexjobber_interest_at,
        company_interest_at=m.company_interest_at,
        meeting_at=m.meeting_at,
        meeting_place=m.meeting_place,
        meeting_online=m.meeting_online,
        meeting_participants=m.meeting_participants,
        trial_start=m.trial_start,
        trial_end=m.trial_end,
        trial_hours=m.trial_hours,
        hired_hours=m.hired_hours,
        hired_start=m.hired_start,
        ended_reason=view.ending.reason,
        ended_note=view.ending.note,
        timeline=[
            TimelineOut(
                when=e.when, who=e.who, kind=e.kind, from_state=e.from_state, to_state=e.to_state
            )
            for e in view.timeline
        ],
    )


@router.get("/matches/{match_id}", response_model=MatchOut)
def get_match(db: SessionDep, user: CurrentUser, match_id: int) -> MatchOut:
    ctx = lifecycle.load(db, user, match_id)
    party_view.record_view(db, user, ctx)
    return _match_out(db, ctx)


def _acting_party(db: SessionDep, user: CurrentUser, match_id: int) -> MatchContext:
    """The match as this user takes part in it, decided before the body is read: an outsider
    gets 404 and the admin (who only reads) 403 whatever they send."""
    ctx = lifecycle.load(db, user, match_id)
    ensure_can_act(ctx.party)
    return ctx


ActingParty = Annotated[MatchContext, Depends(_acting_party)]


@router.post("/matches/{match_id}", response_model=MatchOut)
def act_on_match(
    db: SessionDep, out: OutboxDep, user: CurrentUser, ctx: ActingParty, body: MatchActionIn
) -> MatchOut:
    """Actions: interest, recommend, dismiss, meeting, trial, hire, end, save, hide."""
    data = action_input(body)
    service.perform(db, out, user, ctx, data)
    db.flush()
    return _match_out(db, lifecycle.load(db, user, ctx.match.id))


def _messages(db: Session, user: User, ctx: MatchContext) -> MessageList:
    return MessageList(
        items=[
            MessageOut(id=m.id, when=m.when, sender=m.sender, mine=m.mine, body=m.body)
            for m in party_view.conversation_for(db, user, ctx)
        ]
    )


@router.get("/matches/{match_id}/messages", response_model=MessageList)
def list_messages(db: SessionDep, user: CurrentUser, match_id: int) -> MessageList:
    return _messages(db, user, lifecycle.load(db, user, match_id))


@router.post("/matches/{match_id}/messages", response_model=MessageOut, status_code=201)
def post_message(
    db: SessionDep, out: OutboxDep, user: CurrentUser, ctx: ActingParty, body: MessageIn
) -> MessageOut:
    message = messaging.send(db, out, user, ctx, body.body)
    return MessageOut(
        id=message.id,
        when=message.created_at,
        sender=user.display_name,
        mine=True,
        body=message.body,
    )


def _consents(db: Session, user: User) -> ConsentList:
    return ConsentList(
        items=[
            ConsentOut(
                company_id=company.id,
                company_name=company.name,
                identity=c.share_identity,
                cv=c.share_cv,
                accommodations=c.share_accommodations,
                granted_at=c.granted_at,
                withdrawn_at=c.withdrawn_at,
            )
            for c, company in consents.history(db, user)
        ]
    )


@router.get("/me/consents", response_model=ConsentList)
def list_consents(db: SessionDep, me: FlexjobberUser) -> ConsentList:
    """Everything the flexjobber has shared with whom, withdrawn consents included."""
    ensure_has_profile(me.profile)
    return _consents(db, me.user)


@router.post("/me/consents", response_model=ConsentList)
def grant_consent(db: SessionDep, me: FlexjobberUser, body: ConsentIn) -> ConsentList:
    """Sets what one company may see (all false withdraws)."""
    ensure_has_profile(me.profile)
    user = me.user
    consents.grant(
        db,
        user,
        body.company_id,
        identity=body.identity,
        cv=body.cv,
        accommodations=body.accommodations,
    )
    return _consents(db, user)


@router.delete("/me/consents", status_code=204)
def withdraw_consent(
    db: SessionDep, me: FlexjobberUser, company_id: Annotated[int, Query(ge=1, le=MAX_ID)]
) -> Response:
    ensure_has_profile(me.profile)
    consents.withdraw(db, me.user, company_id)
    return Response(status_code=204)
