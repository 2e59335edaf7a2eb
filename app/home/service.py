"""What each role's home page offers, and the admin's counts."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.kit.i18n import N_
from app.models import Company, Jobcentre, Role, User

Card = dict[str, str]


def _card(title: str, text: str, href: str) -> Card:
    return {"title": title, "text": text, "href": href}


_CARDS: dict[Role, list[Card]] = {
    Role.FLEXJOBBER: [
        _card(N_("Mine match"), N_("Job, der passer til dig, og hvorfor."), "/mine-match"),
        _card(
            N_("Min profil"), N_("Fortæl om dig selv, dine kompetencer og dine behov."), "/profil"
        ),
        _card(N_("Find job"), N_("Søg i alle ledige job i dit område."), "/job"),
        _card(
            N_("Mine jobagenter"),
            N_("Få besked, når der kommer nye job, der passer til dig."),
            "/jobagenter",
        ),
        _card(
            N_("Hvem kan se mig"),
            N_("Du bestemmer, hvem der kan se din profil."),
            "/profil/synlighed",
        ),
        _card(
            N_("Mine data"),
            N_("Se hvem der har set din profil, og hvad du har delt."),
            "/mine-data",
        ),
        _card(N_("Beskeder og besked-indstillinger"), N_("Nyt om dine match."), "/notifikationer"),
        _card(
            N_("Arrangementer"),
            N_("Mød andre og lær nyt på jobcentrets arrangementer."),
            "/arrangementer",
        ),
        _card(N_("Artikler"), N_("Gode råd og nyt fra jobcentret."), "/artikler"),
    ],
    Role.COMPANY: [
        _card(
            N_("Vores jobopslag"),
            N_("Opret og ret jobopslag, og se kandidater."),
            "/virksomhed/opslag",
        ),
        _card(N_("Kandidater"), N_("Find kandidater, der passer til jeres job."), "/kandidater"),
        _card(N_("Vores virksomhed"), N_("Se og ret virksomhedens side."), "/virksomheder"),
        _card(N_("Beskeder og besked-indstillinger"), N_("Nyt om jeres match."), "/notifikationer"),
        _card(
            N_("Arrangementer"),
            N_("Mød andre og lær nyt på jobcentrets arrangementer."),
            "/arrangementer",
        ),
        _card(N_("Artikler"), N_("Gode råd og nyt fra jobcentret."), "/artikler"),
    ],
    Role.CONSULTANT: [
        _card(
            N_("Matchtavle"),
            N_("Stærke forslag og alle match i din portefølje."),
            "/konsulent/match",
        ),
        _card(N_("Min portefølje"), N_("De borgere og virksomheder, du følger."), "/konsulent"),
        _card(
            N_("Mine tal"),
            N_("Hvordan det går for borgerne i din portefølje, måned for måned."),
            "/tal",
        ),
        _card(N_("Søg"), N_("Søg i alt i dit jobcenter."), "/konsulent/soeg"),
        _card(
            N_("Opret en borger"),
            N_("Lav en profil sammen med en borger."),
            "/konsulent/borgere/ny",
        ),
        _card(
            N_("Inviter en borger eller virksomhed"),
            N_("Send en invitation på e-mail."),
            "/inviter",
        ),
        _card(N_("Virksomheder"), N_("Virksomhederne i dit jobcenter."), "/virksomheder"),
        _card(
            N_("Importer jobopslag"),
            N_("Indlæs mange jobopslag fra en CSV-fil."),
            "/konsulent/import",
        ),
        _card(
            N_("Arrangementer"),
            N_("Opret og offentliggør arrangementer, og se deltagerne."),
            "/arrangementer",
        ),
        _card(N_("Artikler"), N_("Skriv artikler til fleksjobbere og virksomheder."), "/artikler"),
    ],
    Role.LEADER: [
        _card(
            N_("Tal og resultater"),
            N_("Hele jobcentrets tal, pr. team og pr. konsulent, uge for uge."),
            "/tal",
        ),
        _card(
            N_("Teams og medarbejdere"),
            N_("Hvem er i hvilket team. Opret, omdøb og slet teams."),
            "/admin/medarbejdere",
        ),
    ],
    Role.ADMIN: [
        _card(
            N_("Tal og resultater"),
            N_("Tallene for hvert jobcenter, team og konsulent."),
            "/tal",
        ),
        _card(
            N_("Jobcentre og medarbejdere"),
            N_("Opret jobcentre, inviter konsulenter og ledere, skift rolle og team, deaktiver."),
            "/admin/jobcentre",
        ),
        _card(N_("Inviter"), N_("Send en invitation på e-mail."), "/inviter"),
        _card(N_("Virksomheder"), N_("Alle virksomheder."), "/virksomheder"),
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
        stats[label] = count(select(func.count()).select_from(User).where(roles.users_with(role)))
    return stats
