"""The match lifecycle: suggested → recommended → interest → mutual → meeting → trial →
hired, or ended / dismissed / expired. Every transition is an event on the timeline (who,
when, from, to); actions on a flexjobber's behalf also go to the audit trail with the reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.matches.policy import ACTIVE, DELETED_REASON, Party, ensure_can_act, party
from app.models import (
    CompanyMember,
    FlexjobberProfile,
    JobPosting,
    Match,
    MatchEvent,
    MatchState,
    PostingStatus,
    User,
    Visibility,
)
from app.notifications import service as notifications
from app.settings import Settings

END_REASONS = {
    "hired_elsewhere": N_("Fik job et andet sted"),
    "not_a_fit": N_("Det passede ikke alligevel"),
    "company_declined": N_("Virksomheden har valgt en anden"),
    "flexjobber_declined": N_("Fleksjobberen har takket nej"),
    "health": N_("Helbredet tillod det ikke"),
    "position_filled": N_("Stillingen er besat"),
    "other": N_("Andet"),
}
# How an ending reads: the reasons a party can choose, and the one a deletion sets.
END_LABELS = END_REASONS | {DELETED_REASON: N_("Personen har slettet sin profil")}
# Reasons that say something about the person's health (GDPR art. 9).
HEALTH_END_REASONS = frozenset({"health"})
DISMISS_REASONS = {
    "not_relevant": N_("Ikke relevant"),
    "already_known": N_("Kender allerede til hinanden"),
    "timing": N_("Ikke det rette tidspunkt"),
    "other": N_("Andet"),
}
HIDE_REASONS = {
    "hours": N_("Timerne passer ikke"),
    "distance": N_("For langt væk"),
    "tasks": N_("Opgaverne passer ikke til mig"),
    "accommodations": N_("Mine skånehensyn kan ikke opfyldes"),
    "other": N_("Andet"),
}


@dataclass
class MatchContext:
    match: Match
    profile: FlexjobberProfile
    job: JobPosting
    party: Party


@dataclass
class Outbox:
    """Where transitions send notifications (None mailer: in-app only)."""

    settings: Settings
    mailer: Mailer | None


def load(db: Session, user: User, match_id: int) -> MatchContext:
    match = db.get(Match, match_id)
    if match is None:
        raise NotFound(N_("Matchet findes ikke."))
    profile = db.get(FlexjobberProfile, match.profile_id)
    job = db.get(JobPosting, match.job_id)
    assert profile is not None and job is not None
    return MatchContext(match, profile, job, party(db, user, match, profile, job))


def get_or_create(db: Session, profile: FlexjobberProfile, job: JobPosting) -> Match:
    match = db.scalar(select(Match).where(Match.profile_id == profile.id, Match.job_id == job.id))
    if match is None:
        match = Match(profile_id=profile.id, job_id=job.id, state=MatchState.SUGGESTED)
        db.add(match)
        db.flush()
    return match


def timeline(db: Session, match: Match) -> list[MatchEvent]:
    return list(
        db.scalars(
            select(MatchEvent)
            .where(MatchEvent.match_id == match.id)
            .order_by(MatchEvent.created_at, MatchEvent.id)
        )
    )


def _move(
    db: Session,
    match: Match,
    actor: User | None,
    kind: str,
    to: MatchState | None,
    note: str = "",
    hours: int | None = None,
) -> None:
    before = match.state.value
    if to is not None:
        match.state = to
    if match.state not in (MatchState.RECOMMENDED, MatchState.INTEREST):
        match.expires_at = None  # only an open request can lapse
    match.updated_at = utcnow()
    db.add(
        MatchEvent(
            match_id=match.id,
            actor_id=actor.id if actor else None,
            kind=kind,
            from_state=before,
            to_state=match.state.value,
            note=note[:2000],
            hours=hours,
        )
    )


def company_users(db: Session, job: JobPosting) -> list[User]:
    return list(
        db.scalars(
            select(User)
            .join(CompanyMember, CompanyMember.user_id == User.id)
            .where(CompanyMember.company_id == job.company_id)
        )
    )


def _flexjobber(db: Session, profile: FlexjobberProfile) -> User:
    user = db.get(User, profile.user_id)
    assert user is not None
    return user


def _require_active(match: Match) -> None:
    if match.state not in ACTIVE and match.state != MatchState.HIRED:
        raise Conflict(N_("Matchet er afsluttet."))


def recommend(db: Session, out: Outbox, consultant: User, ctx: MatchContext, note: str) -> None:
    if ctx.party != Party.CONSULTANT:
        raise Forbidden()
    if ctx.job.status != PostingStatus.PUBLISHED:
        raise Conflict(N_("Jobopslaget er ikke offentliggjort."))
    if ctx.profile.visibility == Visibility.HIDDEN:
        # A recommendation shows the company the profile: the person has chosen that nobody
        # outside the jobcentre may see it.
        raise Conflict(
            N_("Borgerens profil er skjult. Bed borgeren gøre den synlig, før du anbefaler.")
        )
    if ctx.match.state not in (MatchState.SUGGESTED, MatchState.DISMISSED, MatchState.INTEREST):
        raise Conflict(N_("Matchet er allerede i gang."))
    ctx.match.recommended_by_id = consultant.id
    ctx.match.recommendation_note = note.strip()[:2000]
    _move(db, ctx.match, consultant, "recommended", MatchState.RECOMMENDED, note)
    recipients = [_flexjobber(db, ctx.profile), *company_users(db, ctx.job)]
    notifications.notify(db, out.settings, out.mailer, recipients, "recommendation", ctx.match.id)


def dismiss(db: Session, consultant: User, ctx: MatchContext, reason: str, note: str = "") -> None:
    if ctx.party != Party.CONSULTANT:
        raise Forbidden()
    if reason not in DISMISS_REASONS:
        raise ValidationFailed(fields={"reason": N_("Vælg en begrundelse.")})
    if ctx.match.state != MatchState.SUGGESTED:
        raise Conflict(N_("Kun forslag, som ingen har handlet på, kan afvises."))
    _move(db, ctx.match, consultant, "dismissed", MatchState.DISMISSED, f"{reason}: {note}".strip())


def express_interest(
    db: Session,
    out: Outbox,
    actor: User,
    ctx: MatchContext,
    *,
    side: Party,
    on_behalf_reason: str = "",
) -> None:
    """The flexjobber's "Jeg er interesseret" or the company's "Vi vil gerne tale med dig".

    A consultant may say it for the flexjobber only with a reason, which is recorded."""
    ensure_can_act(ctx.party)
    if ctx.party == Party.CONSULTANT:
        if side != Party.FLEXJOBBER or not on_behalf_reason.strip():
            raise ValidationFailed(
                fields={"reason": N_("Skriv hvorfor du handler på borgerens vegne.")}
            )
        audit.record(
            db,
            actor,
            "match.interest_on_behalf",
            "match",
            ctx.match.id,
            on_behalf_of=ctx.profile.user_id,
            details={"reason": on_behalf_reason.strip()[:500]},
        )
    elif ctx.party != side:
        raise Forbidden()
    _require_active(ctx.match)
    now = utcnow()
    if side == Party.FLEXJOBBER:
        ctx.match.flexjobber_interest_at = ctx.match.flexjobber_interest_at or now
        ctx.match.hidden_at = None
        recipients = company_users(db, ctx.job)
    else:
        ctx.match.company_interest_at = ctx.match.company_interest_at or now
        recipients = [_flexjobber(db, ctx.profile)]
    both = ctx.match.flexjobber_interest_at and ctx.match.company_interest_at
    if ctx.match.state in (MatchState.SUGGESTED, MatchState.RECOMMENDED, MatchState.INTEREST):
        if both:
            ctx.match.expires_at = None
            _move(db, ctx.match, actor, f"interest_{side.value}", MatchState.MUTUAL)
        else:
            ctx.match.expires_at = now + timedelta(days=out.settings.match_request_ttl_days)
            target = (
                MatchState.RECOMMENDED
                if ctx.match.state == MatchState.RECOMMENDED
                else MatchState.INTEREST
            )
            _move(db, ctx.match, actor, f"interest_{side.value}", target)
    notifications.notify(db, out.settings, out.mailer, recipients, "request", ctx.match.id)


def _participants(db: Session, ctx: MatchContext) -> list[User]:
    return [_flexjobber(db, ctx.profile), *company_users(db, ctx.job)]


def book_meeting(
    db: Session,
    out: Outbox,
    actor: User,
    ctx: MatchContext,
    *,
    at: datetime,
    place: str,
    online: bool,
    participants: str,
) -> None:
    if ctx.party not in (Party.COMPANY, Party.CONSULTANT):
        raise Forbidden()
    if ctx.match.state not in (MatchState.MUTUAL, MatchState.RECOMMENDED, MatchState.MEETING):
        raise Conflict(N_("Et møde kan bookes, når begge parter er interesserede."))
    errors = {}
    if at <= utcnow():
        errors["meeting_at"] = N_("Mødet skal ligge ude i fremtiden.")
    if not online and not place.strip():
        errors["meeting_place"] = N_("Skriv hvor I mødes, eller vælg online.")
    if errors:
        raise ValidationFailed(fields=errors)
    ctx.match.meeting_at = at
    ctx.match.meeting_place = place.strip()[:300]
    ctx.match.meeting_online = online
    ctx.match.meeting_participants = participants.strip()[:2000]
    _move(db, ctx.match, actor, "meeting_booked", MatchState.MEETING)
    notifications.notify(
        db, out.settings, out.mailer, _participants(db, ctx), "update", ctx.match.id
    )


def start_trial(
    db: Session, out: Outbox, actor: User, ctx: MatchContext, *, start: date, end: date, hours: int
) -> None:
    if ctx.party not in (Party.COMPANY, Party.CONSULTANT):
        raise Forbidden()
    if ctx.match.state not in (MatchState.MEETING, MatchState.MUTUAL):
        raise Conflict(N_("En praktik kan starte efter et møde."))
    errors = {}
    if end < start:
        errors["trial_end"] = N_("Slutdatoen skal ligge efter startdatoen.")
    if not 1 <= hours <= 37:
        errors["trial_hours"] = N_("Timer om ugen skal være mellem 1 og 37.")
    if errors:
        raise ValidationFailed(fields=errors)
    ctx.match.trial_start, ctx.match.trial_end, ctx.match.trial_hours = start, end, hours
    _move(db, ctx.match, actor, "trial_started", MatchState.TRIAL, hours=hours)
    notifications.notify(
        db, out.settings, out.mailer, _participants(db, ctx), "update", ctx.match.id
    )


def hire(
    db: Session, out: Outbox, actor: User, ctx: MatchContext, *, hours: int, start: date
) -> None:
    if ctx.party not in (Party.COMPANY, Party.CONSULTANT):
        raise Forbidden()
    if ctx.match.state not in (MatchState.MEETING, MatchState.TRIAL, MatchState.MUTUAL):
        raise Conflict(N_("Ansættelse kræver, at parterne har mødtes."))
    if not 1 <= hours <= 37:
        raise ValidationFailed(
            fields={"hired_hours": N_("Timer om ugen skal være mellem 1 og 37.")}
        )
    ctx.match.hired_hours, ctx.match.hired_start = hours, start
    _move(db, ctx.match, actor, "hired", MatchState.HIRED, hours=hours)
    notifications.notify(
        db, out.settings, out.mailer, _participants(db, ctx), "update", ctx.match.id
    )


def end(
    db: Session, out: Outbox, actor: User, ctx: MatchContext, *, reason: str, note: str = ""
) -> None:
    ensure_can_act(ctx.party)
    if reason not in END_REASONS:
        raise ValidationFailed(fields={"reason": N_("Vælg en begrundelse.")})
    if ctx.match.state in (MatchState.ENDED, MatchState.DISMISSED, MatchState.EXPIRED):
        raise Conflict(N_("Matchet er allerede afsluttet."))
    if ctx.match.state == MatchState.SUGGESTED:
        # An ended match is the company's to open: ending a suggestion would show the company
        # a person it was never put in touch with, and why they said no.
        raise Conflict(N_("Et forslag kan ikke afsluttes: skjul det, eller afvis det."))
    ctx.match.ended_reason, ctx.match.ended_note = reason, note.strip()[:2000]
    ctx.match.expires_at = None
    _move(db, ctx.match, actor, "ended", MatchState.ENDED, note)
    notifications.notify(
        db, out.settings, out.mailer, _participants(db, ctx), "update", ctx.match.id
    )


def expire_overdue(db: Session, out: Outbox) -> int:
    """Requests nobody answered in time lapse; both sides are told, kindly."""
    overdue = list(
        db.scalars(
            select(Match).where(
                Match.expires_at.is_not(None),
                Match.expires_at <= utcnow(),
                Match.state.in_([MatchState.INTEREST, MatchState.RECOMMENDED]),
            )
        )
    )
    for match in overdue:
        profile = db.get(FlexjobberProfile, match.profile_id)
        job = db.get(JobPosting, match.job_id)
        assert profile is not None and job is not None
        match.expires_at = None
        _move(db, match, None, "expired", MatchState.EXPIRED)
        recipients = [_flexjobber(db, profile), *company_users(db, job)]
        notifications.notify(db, out.settings, out.mailer, recipients, "expiry", match.id)
    return len(overdue)


def mark_saved(ctx: MatchContext, saved: bool) -> None:
    if ctx.party != Party.FLEXJOBBER:
        raise Forbidden()
    ctx.match.saved_at = utcnow() if saved else None


def mark_hidden(ctx: MatchContext, reason: str) -> None:
    if ctx.party != Party.FLEXJOBBER:
        raise Forbidden()
    if reason and reason not in HIDE_REASONS:
        raise ValidationFailed(fields={"reason": N_("Vælg en begrundelse.")})
    ctx.match.hidden_at = utcnow()
    ctx.match.hidden_reason = reason
