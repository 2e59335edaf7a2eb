"""E-mail addresses: checked by email-validator (RFC 5321/5322 syntax, no DNS look-up), so
an address such as ``a,b@evil.example`` (a list to a mail server) is refused."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from app.kit.limits import MAX_EMAIL


def normalise_email(value: str) -> str:
    return value.strip().lower()


def is_valid_email(value: str) -> bool:
    if len(value) > MAX_EMAIL:
        return False
    try:
        # The reserved test domains (.example, .test) stay allowed: the demo data uses them.
        validate_email(value, check_deliverability=False, test_environment=True)
    except EmailNotValidError:
        return False
    return True
