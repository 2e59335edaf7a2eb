"""What each role's home page offers, and the admin's counts."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Company, Jobcentre, Role, User

Card = dict[str, str]

_CARDS: dict[Role, list[Card]] = {
    Role.FLEXJOBBER: [
        {"title": "Min profil", "text": "Fortæl om dig selv, dine kompetencer og dine behov.", "href": "/hjem"},
        {"title": "Hvem kan se mig", "text": "Du bestemmer, hvem der kan se din profil.", "href": "/hjem"},
    ],
    Role.COMPANY: [
        {"title": "Vores virksomhed", "text": "Se og ret virksomhedens side.", "href": "/virksomheder"},
    ],
    Role.CONSULTANT: [
        {"title": "Inviter en borger eller virksomhed", "text": "Send en invitation på e-mail.", "href": "/inviter"},
        {"title": "Virksomheder", "text": "Virksomhederne i dit jobcenter.", "href": "/virksomheder"},
    ],
    Role.ADMIN: [
        {"title": "Inviter", "text": "Send en invitation på e-mail.", "href": "/inviter"},
        {"title": "Virksomheder", "text": "Alle virksomheder.", "href": "/virksomheder"},
    ],
}


def cards_for(user: User) -> list[Card]:
    return _CARDS[user.role]


def admin_stats(db: Session) -> dict[str, int]:
    def count(query: object) -> int:
        return int(db.scalar(query) or 0)  # type: ignore[call-overload]

    stats = {
        "Jobcentre": count(select(func.count()).select_from(Jobcentre)),
        "Virksomheder": count(select(func.count()).select_from(Company)),
    }
    for role, label in (
        (Role.FLEXJOBBER, "Fleksjobbere"),
        (Role.COMPANY, "Virksomhedsbrugere"),
        (Role.CONSULTANT, "Konsulenter"),
    ):
        stats[label] = count(select(func.count()).select_from(User).where(User.role == role))
    return stats
