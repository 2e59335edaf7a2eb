"""What each role's home page offers, and the admin's counts."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.kit.i18n import N_
from app.models import Company, Jobcentre, Role, User

Card = dict[str, str]

_CARDS: dict[Role, list[Card]] = {
    Role.FLEXJOBBER: [
        {
            "title": N_("Min profil"),
            "text": N_("Fortæl om dig selv, dine kompetencer og dine behov."),
            "href": "/hjem",
        },
        {
            "title": N_("Hvem kan se mig"),
            "text": N_("Du bestemmer, hvem der kan se din profil."),
            "href": "/hjem",
        },
    ],
    Role.COMPANY: [
        {
            "title": N_("Vores virksomhed"),
            "text": N_("Se og ret virksomhedens side."),
            "href": "/virksomheder",
        },
    ],
    Role.CONSULTANT: [
        {
            "title": N_("Inviter en borger eller virksomhed"),
            "text": N_("Send en invitation på e-mail."),
            "href": "/inviter",
        },
        {
            "title": N_("Virksomheder"),
            "text": N_("Virksomhederne i dit jobcenter."),
            "href": "/virksomheder",
        },
    ],
    Role.ADMIN: [
        {"title": N_("Inviter"), "text": N_("Send en invitation på e-mail."), "href": "/inviter"},
        {"title": N_("Virksomheder"), "text": N_("Alle virksomheder."), "href": "/virksomheder"},
    ],
}


def cards_for(user: User) -> list[Card]:
    return _CARDS[user.role]


def admin_stats(db: Session) -> dict[str, int]:
    def count(query: object) -> int:
        return int(db.scalar(query) or 0)  # type: ignore[call-overload]

    stats = {
        N_("Jobcentre"): count(select(func.count()).select_from(Jobcentre)),
        N_("Virksomheder"): count(select(func.count()).select_from(Company)),
    }
    for role, label in (
        (Role.FLEXJOBBER, N_("Fleksjobbere")),
        (Role.COMPANY, N_("Virksomhedsbrugere")),
        (Role.CONSULTANT, N_("Konsulenter")),
    ):
        stats[label] = count(select(func.count()).select_from(User).where(User.role == role))
    return stats
