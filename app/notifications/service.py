"""In-app notifications, and the e-mails about them.

E-mails carry a neutral subject and a link to Fleksbro, never names, job titles, messages or
health data: the reader sees the details only after logging in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.errors import ValidationFailed
from app.kit.clock import utcnow
from app.kit.i18n import N_
from app.kit.mailer import Mailer
from app.models import Company, FlexjobberProfile, JobPosting, Match, Notification, User
from app.settings import Settings

KINDS = {
    "new_match": N_("Du har nye match"),
    "request": N_("Nogen vil gerne tale med dig"),
    "recommendation": N_("Jobcentret har anbefalet et match"),
    "message": N_("Du har en ny besked"),
    "expiry": N_("En forespørgsel er udløbet"),
    "update": N_("Et match er opdateret"),
    "callback": N_("Nogen har bedt om at blive ringet op"),
    "event_signup": N_("Du er tilmeldt et arrangement"),
    "event_waiting": N_("Du er på venteliste til et arrangement"),
    "event_moved_up": N_("Du har fået en plads til et arrangement"),
    "event_cancelled": N_("Et arrangement er aflyst"),
    "event_reminder": N_("Husk dit arrangement i morgen"),
    "job_alert": N_("Der er nye job til din jobagent"),
}
# In the app a notice about a match says what happened and about which job: to the person
# with the company's name, to the company and the jobcentre with the job only (who the person
# is, is the match page's decision). E-mails stay neutral (``_mail``).
FOR_THE_PERSON = {
    "request": N_("%(company)s vil gerne tale med dig om %(job)s"),
    "recommendation": N_("Jobcentret anbefaler dig jobbet %(job)s hos %(company)s"),
    "message": N_("Ny besked om %(job)s hos %(company)s"),
    "expiry": N_("Forespørgslen om %(job)s hos %(company)s er udløbet"),
    "update": N_("Nyt om %(job)s hos %(company)s"),
}
FOR_THE_OTHERS = {
    "request": N_("En kandidat vil gerne tale med jer om %(job)s"),
    "recommendation": N_("Jobcentret har anbefalet en kandidat til %(job)s"),
    "message": N_("Ny besked om %(job)s"),
    "expiry": N_("En forespørgsel om %(job)s er udløbet"),
    "update": N_("Nyt om et match til %(job)s"),
}
NOTIFY_MODES = ("immediate", "daily", "none")
SUBJECT = "Nyt fra Fleksbro"


def notify(
    db: Session,
    settings: Settings,
    mailer: Mailer | None,
    users: Iterable[User],
    kind: str,
    match_id: int | None,
) -> list[Notification]:
    created = []
    for user in {u.id: u for u in users}.values():
        note = Notification(user_id=user.id, kind=kind, match_id=match_id)
        db.add(note)
        created.append(note)
        if mailer is not None and user.active and user.notify_mode == "immediate":
            _mail(mailer, settings, user.email, 1)
            note.emailed_at = utcnow()
    return created


def _mail(mailer: Mailer, settings: Settings, to: str, count: int) -> None:
    noun = "en ny besked" if count == 1 else f"{count} nye beskeder"
    mailer.send(
        to,
        SUBJECT,
        f"Hej\n\nDu har {noun} på Fleksbro. Log ind for at læse mere:\n\n"
        f"{settings.base_url}/notifikationer\n\n"
        "Du kan vælge, hvor ofte vi skriver, under Indstillinger.\n"
        "Venlig hilsen\nFleksbro – drevet af jobcentrene\n",
    )


def send_daily_digest(db: Session, settings: Settings, mailer: Mailer) -> int:
    """One e-mail per person in "daily" mode with unread, not yet e-mailed notifications."""
    since = utcnow() - timedelta(days=7)
    rows = db.execute(
        select(User, func.count(Notification.id))
        .join(Notification, Notification.user_id == User.id)
        .where(
            User.notify_mode == "daily",
            User.active.is_(True),
            Notification.read_at.is_(None),
            Notification.emailed_at.is_(None),
            Notification.created_at >= since,
        )
        .group_by(User.id)
    ).all()
    for user, count in rows:
        _mail(mailer, settings, user.email, int(count))
        db.execute(
            update(Notification)
            .where(Notification.user_id == user.id, Notification.emailed_at.is_(None))
            .values(emailed_at=utcnow())
        )
    return len(rows)


@dataclass(frozen=True)
class Shown:
    """A notice as the reader sees it: a msgid and the values for its placeholders."""

    note: Notification
    text: str
    values: dict[str, str]


def shown(db: Session, reader: User, notes: list[Notification]) -> list[Shown]:
    """The reader's notices with what happened and about which job (one query for all)."""
    ids = {n.match_id for n in notes if n.match_id is not None}
    about = {
        match_id: (person, job, company)
        for match_id, person, job, company in db.execute(
            select(Match.id, FlexjobberProfile.user_id, JobPosting.title, Company.name)
            .join(FlexjobberProfile, FlexjobberProfile.id == Match.profile_id)
            .join(JobPosting, JobPosting.id == Match.job_id)
            .join(Company, Company.id == JobPosting.company_id)
            .where(Match.id.in_(ids or {-1}))
        )
    }
    out = []
    for note in notes:
        text, values = KINDS.get(note.kind, KINDS["update"]), {}
        found = about.get(note.match_id) if note.match_id is not None else None
        if found is not None:
            person, job, company = found
            texts = FOR_THE_PERSON if person == reader.id else FOR_THE_OTHERS
            if note.kind in texts:
                text, values = texts[note.kind], {"job": job, "company": company}
        out.append(Shown(note, text, values))
    return out


def unread_count(db: Session, user: User) -> int:
    return int(
        db.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        )
        or 0
    )


def recent(db: Session, user: User, limit: int = 50) -> list[Notification]:
    return list(
        db.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def mark_all_read(db: Session, user: User) -> None:
    db.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def set_mode(db: Session, user: User, mode: str) -> None:
    if mode not in NOTIFY_MODES:
        raise ValidationFailed(fields={"notify_mode": N_("Vælg en af mulighederne.")})
    user.notify_mode = mode


def mark_read_for_match(db: Session, user: User, match_id: int) -> None:
    """Opening a match reads its notifications."""
    db.execute(
        update(Notification)
        .where(
            Notification.user_id == user.id,
            Notification.match_id == match_id,
            Notification.read_at.is_(None),
        )
        .values(read_at=utcnow())
    )
