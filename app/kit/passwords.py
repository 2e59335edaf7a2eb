"""Argon2id password hashing."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.kit.i18n import N_

_hasher = PasswordHasher()  # argon2-cffi defaults to Argon2id with RFC 9106 parameters
# Verifying against this keeps the timing of unknown accounts like that of real ones.
_DUMMY_HASH = _hasher.hash("not-a-real-password")

# The one password rule: the check, its message and the hint on the forms all come from here.
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
# Says MIN_PASSWORD_LENGTH (a msgid cannot be formatted; a test checks they agree).
PASSWORD_TOO_SHORT = N_("Adgangskoden skal være mindst 12 tegn.")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
