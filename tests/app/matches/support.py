"""Helpers for the match tests: posting forms with a CSRF token, mail checks."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.orm import Session

from app.matches import lifecycle
from app.models import FlexjobberProfile, JobPosting, Match, User
from tests.support.smtp import Mailbox
from tests.support.web import csrf

CPR_LIKE = re.compile(r"\b\d{6}-?\d{4}\b")


def post(client: TestClient, path: str, data: dict[str, Any] | None = None) -> Response:
    token = csrf(client, "/notifikationer")
    return client.post(path, data={**(data or {}), "csrf_token": token}, follow_redirects=False)


def api(client: TestClient, method: str, path: str, **kwargs: Any) -> Response:
    token = csrf(client, "/notifikationer")
    return client.request(method, path, headers={"x-csrf-token": token}, **kwargs)


def match_for(db: Session, profile: FlexjobberProfile, job: JobPosting) -> Match:
    return lifecycle.get_or_create(db, profile, job)


def in_days(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def assert_neutral_mail(mailbox: Mailbox, people: list[User], secrets: list[str]) -> None:
    """Every person got an e-mail; no e-mail carries a name, CPR-like number or health text."""
    for person in people:
        mailbox.last_to(person.email)
    for message in mailbox.messages:
        text = str(message["Subject"]) + "\n" + Mailbox.body(message)
        assert not CPR_LIKE.search(text), text
        for secret in secrets:
            assert secret not in text, f"{secret!r} in e-mail"
