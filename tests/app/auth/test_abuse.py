"""Abuse resistance: link e-mails are rate-limited, newer links void older ones, a new
password voids links and API tokens, tokens expire and can be revoked, and one-time tokens
stay out of the access log."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.auth.service import create_api_token
from app.kit.clock import utcnow
from app.kit.tokens import hash_token
from app.models import ApiToken
from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf

LINK = re.compile(r"https://testserver(/\S+)")


def _ask(client: TestClient, page: str, email: str) -> int:
    response = client.post(page, data={"email": email, "csrf_token": csrf(client, page)})
    return response.status_code


def _links(mailbox: Mailbox, to: str) -> list[str]:
    found = []
    for message in mailbox.messages:
        if message["To"] == to:
            match = LINK.search(Mailbox.body(message))
            assert match
            found.append(match.group(1))
    return found


def test_thirty_reset_requests_send_at_most_three_emails(
    client: TestClient, personas: Personas, mailbox: Mailbox
) -> None:
    email = personas.flexjobber.email
    answers = {_ask(client, "/glemt-adgangskode", email) for _ in range(15)}
    answers |= {_ask(client, "/login-link", email) for _ in range(15)}
    assert answers == {200}  # the same neutral page every time
    assert len([m for m in mailbox.messages if m["To"] == email]) == 3


def test_one_client_cannot_mail_many_addresses(
    client: TestClient, personas: Personas, mailbox: Mailbox
) -> None:
    for i in range(10):
        assert _ask(client, "/glemt-adgangskode", f"nobody{i}@example.dk") == 200
    assert _ask(client, "/glemt-adgangskode", personas.flexjobber2.email) == 200
    assert not [m for m in mailbox.messages if m["To"] == personas.flexjobber2.email]


def test_a_newer_reset_link_voids_the_older(
    client: TestClient, personas: Personas, mailbox: Mailbox
) -> None:
    email = personas.flexjobber.email
    _ask(client, "/glemt-adgangskode", email)
    _ask(client, "/glemt-adgangskode", email)
    older, newer = _links(mailbox, email)
    assert client.get(older).status_code == 410
    assert client.get(newer).status_code == 200


def test_a_reset_voids_login_links_and_api_tokens(
    client: TestClient, db: Session, personas: Personas, mailbox: Mailbox
) -> None:
    person = personas.flexjobber
    token = create_api_token(db, person, "integration")
    db.flush()
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/me", headers=bearer).status_code == 200
    _ask(client, "/login-link", person.email)
    _ask(client, "/glemt-adgangskode", person.email)
    login_link, reset_link = _links(mailbox, person.email)
    new = "Et-helt-nyt-kodeord-42"
    form = {"password": new, "password_confirm": new, "csrf_token": csrf(client, reset_link)}
    assert client.post(reset_link, data=form, follow_redirects=False).status_code == 303
    assert client.get(login_link).status_code == 410
    assert client.get("/api/v1/me", headers=bearer).status_code == 401


def test_tokens_expire_and_can_be_listed_and_revoked(
    client: TestClient, db: Session, personas: Personas
) -> None:
    person = personas.company_user
    first = create_api_token(db, person, "first")
    second = create_api_token(db, person, "second")
    db.flush()
    bearer = {"Authorization": f"Bearer {first}"}
    listed = client.get("/api/v1/me/tokens", headers=bearer).json()
    assert {t["name"] for t in listed} == {"first", "second"}
    second_id = next(t["id"] for t in listed if t["name"] == "second")
    assert client.delete(f"/api/v1/me/tokens/{second_id}", headers=bearer).status_code == 204
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {second}"}).status_code == 401
    )
    # someone else's token is not found
    other = create_api_token(db, personas.flexjobber, "other")
    db.flush()
    other_id = db.query(ApiToken).filter_by(token_hash=hash_token(other)).one().id
    assert client.delete(f"/api/v1/me/tokens/{other_id}", headers=bearer).status_code == 404
    db.execute(
        update(ApiToken)
        .where(ApiToken.token_hash == hash_token(first))
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    assert client.get("/api/v1/me", headers=bearer).status_code == 401


def test_one_time_tokens_are_masked_in_the_access_log(app: object) -> None:
    from app.web.access_log import RedactTokens

    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', None, None
    )
    record.args = ("127.0.0.1:5000", "GET", "/nulstil-adgangskode/abc123SECRET?x=1", "1.1", 200)
    RedactTokens().filter(record)
    line = record.getMessage()
    assert "abc123SECRET" not in line
    assert "/nulstil-adgangskode/…?x=1" in line
    assert logging.getLogger("uvicorn.access").filters, "the app installs the filter"


def test_forwarded_for_is_ignored_without_a_trusted_proxy() -> None:
    from app.cli import proxy_options

    assert proxy_options("") == {"proxy_headers": False}
    trusted = proxy_options("10.0.0.5")
    assert trusted == {"proxy_headers": True, "forwarded_allow_ips": "10.0.0.5"}
