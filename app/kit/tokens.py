"""Random tokens for cookies and links; only their SHA-256 is ever stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def sign(secret: str, message: str) -> str:
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


# Public ids of profiles (the address a company sees): random integers in this range. An
# integer rather than a string token, so every rule ids already follow applies unchanged
# (`int` path parameters, bounded ids in app.kit.parse and JSON bodies, the path check in
# app.web.load_limits: all below MAX_ID = 2**31 - 1). Ten digits from a range that the
# database's sequential ids never reach, so an internal id used by mistake where a public one
# belongs finds nobody (404) instead of someone else. About 1.1 billion values: drawn with
# `secrets`, one tells nothing of another, of the database id or of the order people joined.
PUBLIC_ID_MIN = 1_000_000_000
PUBLIC_ID_MAX = 2**31 - 1


def random_public_id() -> int:
    return PUBLIC_ID_MIN + secrets.randbelow(PUBLIC_ID_MAX - PUBLIC_ID_MIN + 1)
