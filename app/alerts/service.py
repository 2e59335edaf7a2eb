"""Job alerts ("jobagenter"): saving, stopping, and the runs that tell a flexjobber about new jobs.

A search alert is the job search itself (app.jobs.service) limited to postings published since
the alert's previous run; a "matches" alert is the person's own "Mine match" ranking (the match
index, needs and all, as only they see it) limited to strong matches (matching/bands.py) that are
new since then. E-mails carry the neutral subject and two links (see them, stop the alert),
never a job title: an inbox may be shared, and a job's title can say a lot about its reader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.alerts import policy
from app.errors import NotFound, ValidationFailed
from app.jobs import service as jobs
from app.kit import limits, parse
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.kit.tokens import same, sign
from app.matches import suggestions
from app.matchmaking.engine import MatchEngine
from app.models import (
    ALERT_MATCHES,
    ALERT_SEARCH,
    FREQUENCIES,
    FlexjobberProfile,
    JobAlert,
    JobPosting,
    Notification,
    PostingStatus,
    Role,
    User,
)
from app.notifications.service import SUBJECT
from app.settings import Settings
from matching.bands import STRONG_FROM

# A run finds at most this many jobs per alert; the page shows them, the e-mail only a link.
MAX_FOUND = 50
# How long after the previous run an alert is due again. A little under a day and a week, so
# a cron job that starts a few minutes early one day does not skip a whole period.
DUE_AFTER = {
    "immediate": timedelta(0),
    "daily": timedelta(hours=20),
    "weekly": timedelta(days=6, hours=20),
}
NOTICE_KIND = "job_alert"


@dataclass(frozen=True)
class RunSummary:
    checked: int = 0
    with_news: int = 0
    emails: int = 0
    jobs: int = 0
    waiting: int = 0  # "matches" alerts whose person the index has not ranked yet

    def __str__(self) -> str:
        return (
            f"{self.checked} job alerts checked, {self.with_news} with new jobs "
            f"({self.jobs} jobs), {self.emails} alert e-mails sent"
            + (f", {self.waiting} waiting for the match index" if self.waiting else "")
        )


# ---------------------------------------------------------------- saving and stopping


def validate(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The alert as typed in the form or the job search's query string: kind, the search's
    filters (the job search's own rules), how often, and whether to e-mail."""
    errors: dict[str, str] = {}
    kind = parse.text(data.get("kind")) or ALERT_SEARCH
    if kind not in (ALERT_SEARCH, ALERT_MATCHES):
        errors["kind"] = N_("Vælg hvad jobagenten skal holde øje med.")
        kind = ALERT_SEARCH
    frequency = parse.text(data.get("frequency"))
    if frequency not in FREQUENCIES:
        errors["frequency"] = N_("Vælg hvor ofte du vil høre fra jobagenten.")
    accommodations = data.get("accommodations") or []
    if isinstance(accommodations, str):
        accommodations = [accommodations]
    filters, filter_errors = jobs.clean_filters(
        str(data.get("q") or ""),
        data.get("fit_hours"),
        data.get("max_km"),
        data.get("origin"),
        [str(code) for code in accommodations][: limits.MAX_LIST_ITEMS + 1],
        data.get("job_type"),
    )
    stored: dict[str, Any] = {}
    if kind == ALERT_SEARCH:
        errors |= filter_errors
        stored = {
            "q": filters.q,
            "fit_hours": filters.fit_hours,
            "max_km": filters.max_km,
            "origin": filters.origin,
            "accommodations": filters.accommodations,
            "job_type": filters.job_type,
        }
    clean = {
        "kind": kind,
        "filters": stored,
        "frequency": frequency,
        "by_email": parse.boolean(data.get("by_email")),
    }
    return clean, errors


def create(db: Session, user: User, data: Mapping[str, Any]) -> JobAlert:
    policy.ensure_may_have_alerts(user)
    clean, errors = validate(data)
    if errors:
        raise ValidationFailed(fields=errors)
    if len(active_alerts(db, user)) >= limits.MAX_JOB_ALERTS:
        raise ValidationFailed(N_("Du kan højst have 20 jobagenter. Stop en, før du laver en ny."))
    alert = JobAlert(user_id=user.id, created_at=utcnow(), last_found=[], **clean)
    db.add(alert)
    db.flush()
    return alert


def active_alerts(db: Session, user: User) -> list[JobAlert]:
    return list(
        db.scalars(
            select(JobAlert)
            .where(JobAlert.user_id == user.id, JobAlert.stopped_at.is_(None))
            .order_by(JobAlert.created_at.desc(), JobAlert.id.desc())
        )
    )


def get_own(db: Session, user: User, alert_id: int) -> JobAlert:
    return policy.ensure_owner(user, db.get(JobAlert, alert_id))


def stop(db: Session, user: User, alert_id: int) -> JobAlert:
    alert = get_own(db, user, alert_id)
    _stop(alert)
    return alert


def _stop(alert: JobAlert) -> None:
    if alert.stopped_at is None:  # stopping twice changes nothing (the link may be clicked again)
        alert.stopped_at = utcnow()


def stop_signature(settings: Settings, alert: JobAlert) -> str:
    """The stop link's signature: works without signing in, for this one alert only."""
    created = int(alert.created_at.timestamp())
    return sign(settings.secret_key, f"job-alert-stop:{alert.id}:{alert.user_id}:{created}")


def stop_url(settings: Settings, alert: JobAlert) -> str:
    return f"{settings.base_url}/jobagent/stop/{alert.id}/{stop_signature(settings, alert)}"


def by_stop_link(db: Session, settings: Settings, alert_id: int, signature: str) -> JobAlert:
    """The alert a stop link names, if the signature is right; otherwise 404 (nothing said)."""
    alert = db.get(JobAlert, alert_id)
    if alert is None or not same(signature, stop_signature(settings, alert)):
        raise NotFound(policy.NOT_FOUND)
    return alert


def stop_by_link(db: Session, settings: Settings, alert_id: int, signature: str) -> JobAlert:
    alert = by_stop_link(db, settings, alert_id, signature)
    _stop(alert)
    return alert


def found_jobs(db: Session, user: User, alert: JobAlert) -> list[JobPosting]:
    """The jobs the last run found that are still published and visible to the person."""
    if not alert.last_found:
        return []
    visible = []
    for job_id in alert.last_found:
        try:
            posting = jobs.get_posting(db, user, job_id)
        except NotFound:
            continue
        if posting.status == PostingStatus.PUBLISHED:
            visible.append(posting)
    return visible


# ---------------------------------------------------------------- running


def _due(alert: JobAlert, now: datetime) -> bool:
    if alert.last_run_at is None:
        return True
    return now - alert.last_run_at >= DUE_AFTER.get(alert.frequency, DUE_AFTER["daily"])


def _search_hits(db: Session, user: User, alert: JobAlert, since: datetime) -> list[int]:
    saved = alert.filters
    filters, _errors = jobs.clean_filters(
        str(saved.get("q") or ""),
        saved.get("fit_hours"),
        saved.get("max_km"),
        saved.get("origin"),
        saved.get("accommodations") or [],
        saved.get("job_type"),
    )
    filters = replace(filters, published_after=since)
    result = jobs.search_postings(db, user, filters, page_size=MAX_FOUND)
    return [posting.id for posting, _company, _distance in result.items]


def _match_hits(db: Session, engine: MatchEngine, user: User, since: datetime) -> list[int] | None:
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == user.id))
    if profile is None:
        return []
    found = suggestions.for_flexjobber(db, engine, user, profile, "da", MAX_FOUND)
    if found.items is None:
        return None
    return [
        item.job.id
        for item in found.items
        if item.score >= STRONG_FROM
        and item.job.published_at is not None
        and item.job.published_at > since
        and item.match is None  # already saved, hidden or asked about: not news
    ]


def _mail(mailer: Mailer, settings: Settings, user: User, alert: JobAlert) -> None:
    mailer.send(
        user.email,
        SUBJECT,
        "Hej\n\nDer er nye job til din jobagent på Fleksbro. Log ind for at se dem:\n\n"
        f"{settings.base_url}/jobagenter/{alert.id}\n\n"
        "Vil du ikke have flere e-mails fra denne jobagent, kan du stoppe den med ét klik:\n\n"
        f"{stop_url(settings, alert)}\n\n"
        "Venlig hilsen\nFleksbro – drevet af jobcentrene\n",
    )


def run_alerts(
    db: Session,
    settings: Settings,
    mailer: Mailer | None,
    engine: Callable[[], MatchEngine],
    *,
    now: datetime | None = None,
    frequencies: tuple[str, ...] = FREQUENCIES,
) -> RunSummary:
    """Check every due, active alert of an active flexjobber; each looks only at jobs published
    since its previous run. ``engine`` is called (once) only if a "matches" alert is due, since
    building the match index costs a model load."""
    now = now or utcnow()
    rows = db.execute(
        select(JobAlert, User)
        .join(User, User.id == JobAlert.user_id)
        .where(
            JobAlert.stopped_at.is_(None),
            JobAlert.frequency.in_(frequencies),
            User.active.is_(True),
            roles.users_with(Role.FLEXJOBBER),
        )
        .order_by(JobAlert.id)
    ).all()
    summary = RunSummary()
    index: MatchEngine | None = None
    for alert, user in rows:
        if not _due(alert, now):
            continue
        since = alert.last_run_at or alert.created_at
        if alert.kind == ALERT_MATCHES:
            index = index or engine()
            hits = _match_hits(db, index, user, since)
            if hits is None:
                summary = replace(summary, waiting=summary.waiting + 1)
                continue  # tried again next run, from the same moment
        else:
            hits = _search_hits(db, user, alert, since)
        alert.last_run_at = now
        summary = replace(summary, checked=summary.checked + 1)
        if not hits:
            continue
        alert.last_found = hits
        note = Notification(user_id=user.id, kind=NOTICE_KIND, match_id=None, created_at=now)
        db.add(note)
        emailed = mailer is not None and alert.by_email
        if emailed:
            assert mailer is not None
            _mail(mailer, settings, user, alert)
            note.emailed_at = now  # the daily digest must not mail it again
        summary = replace(
            summary,
            with_news=summary.with_news + 1,
            emails=summary.emails + int(emailed),
            jobs=summary.jobs + len(hits),
        )
    db.flush()
    return summary
