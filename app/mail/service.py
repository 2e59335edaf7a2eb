"""The e-mails Fleksbro sends. They hold a neutral subject and a link, never personal data."""

from __future__ import annotations

from app.kit.mailer import MailConfig, Mailer
from app.settings import Settings


def mailer_from(settings: Settings) -> Mailer:
    return Mailer(
        MailConfig(
            backend=settings.mail_backend,
            sender=settings.mail_from,
            host=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
            timeout=settings.smtp_timeout_seconds,
        )
    )


_FOOTER = (
    "\n\nHar du ikke bedt om dette, kan du se bort fra e-mailen.\n"
    "Venlig hilsen\nFleksbro – drevet af jobcentrene\n"
)


def send_password_reset(mailer: Mailer, to: str, link: str, ttl_minutes: int) -> None:
    mailer.send(
        to,
        "Nulstil din adgangskode til Fleksbro",
        f"Hej\n\nBrug dette link til at vælge en ny adgangskode. "
        f"Linket virker én gang og i {ttl_minutes} minutter:\n\n{link}{_FOOTER}",
    )


def send_magic_link(mailer: Mailer, to: str, link: str, ttl_minutes: int) -> None:
    mailer.send(
        to,
        "Dit login-link til Fleksbro",
        f"Hej\n\nKlik på linket for at logge ind på Fleksbro. "
        f"Linket virker én gang og i {ttl_minutes} minutter:\n\n{link}{_FOOTER}",
    )


def send_invitation(mailer: Mailer, to: str, link: str, ttl_days: int) -> None:
    mailer.send(
        to,
        "Du er inviteret til Fleksbro",
        f"Hej\n\nDit jobcenter har oprettet en konto til dig på Fleksbro. "
        f"Åbn linket og vælg en adgangskode. Linket virker i {ttl_days} dage:\n\n{link}{_FOOTER}",
    )


def send_invitation_to_existing_account(mailer: Mailer, to: str, login_url: str) -> None:
    """Someone tried to invite an address that already has an account. The inviter is told
    "sent" either way (so nobody learns who has an account); the owner hears about it here."""
    mailer.send(
        to,
        "Invitation til Fleksbro",
        "Hej\n\nNogen har forsøgt at invitere denne e-mailadresse som kollega på Fleksbro. "
        "Du har allerede en konto, så der er ikke oprettet noget nyt. Log ind som du plejer; "
        "vil du være med i en virksomhed, så kontakt dit jobcenter.\n\n"
        f"{login_url}{_FOOTER}",
    )


def send_retention_warning(mailer: Mailer, to: str, login_url: str, grace_days: int) -> None:
    """Neutral on purpose: the subject and text do not say what kind of profile it is."""
    mailer.send(
        to,
        "Din konto på Fleksbro",
        "Hej\n\nDu har ikke logget ind på Fleksbro i lang tid. Vi gemmer ikke oplysninger "
        f"længere end nødvendigt, så din profil bliver slettet om {grace_days} dage, "
        "hvis du ikke logger ind inden da. Logger du ind, bliver den ikke slettet.\n\n"
        f"{login_url}\n\nVenlig hilsen\nFleksbro – drevet af jobcentrene\n",
    )


def send_deletion_link(mailer: Mailer, to: str, link: str, ttl_minutes: int) -> None:
    mailer.send(
        to,
        "Bekræft sletning på Fleksbro",
        "Hej\n\nDu har bedt om at slette din profil på Fleksbro. Åbn linket for at bekræfte. "
        f"Linket virker én gang og i {ttl_minutes} minutter:\n\n{link}{_FOOTER}",
    )
