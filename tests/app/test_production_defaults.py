"""Safe defaults in production: no API description, no demo data, no secrets in errors; one
password rule; e-mail addresses checked by a validator library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.auth.service import validate_new_password
from app.kit.emails import is_valid_email
from app.kit.passwords import MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT
from app.main import create_app
from app.settings import PROJECT_ROOT, Settings
from tests.db_urls import fresh_database_url

SECRET = "p" * 40


def test_openapi_and_docs_are_off_in_production() -> None:
    settings = Settings(environment="production", secret_key=SECRET, database_url="sqlite://")
    with TestClient(create_app(settings)) as client:
        assert client.get("/openapi.json").status_code == 404
        assert client.get("/docs").status_code == 404


def test_openapi_can_be_turned_on_and_docs_never_load_outside_scripts() -> None:
    settings = Settings(
        environment="production", secret_key=SECRET, database_url="sqlite://", docs_enabled=True
    )
    with TestClient(create_app(settings)) as client:
        assert client.get("/openapi.json").status_code == 200
        assert client.get("/docs").status_code == 404
        csp = client.get("/").headers["content-security-policy"]
        assert "script-src 'self';" in csp and "http" not in csp


def test_a_short_secret_is_refused_without_printing_the_settings() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(environment="production", secret_key="short", smtp_password="hunter2-secret")
    assert "at least 32 characters" in str(caught.value)
    assert "hunter2-secret" not in str(caught.value)
    assert "short" not in str(caught.value).replace("at least", "")


def test_demo_data_refuses_in_production(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "FLEKSBRO_DATABASE_URL": fresh_database_url("demo-prod"),
        "FLEKSBRO_ENVIRONMENT": "production",
        "FLEKSBRO_SECRET_KEY": SECRET,
    }
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "demo-data"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "refuses" in result.stderr


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("a,b@evil.example", False),
        ("a b@evil.example", False),
        ("anne@@x.dk", False),
        ("anne@localhost", False),
        ("anne.hansen@kommune.dk", True),
        ("kontakt@hellerup.fleksbro.example", True),
    ],
)
def test_email_addresses_are_checked(address: str, ok: bool) -> None:
    assert is_valid_email(address) is ok


def test_password_hint_check_and_message_agree() -> None:
    short = "x" * (MIN_PASSWORD_LENGTH - 1)
    assert validate_new_password(short, short) == {"password": PASSWORD_TOO_SHORT}
    exact = "x" * MIN_PASSWORD_LENGTH
    assert validate_new_password(exact, exact) == {}
    assert str(MIN_PASSWORD_LENGTH) in PASSWORD_TOO_SHORT
    for template in ("auth/password_reset.html", "auth/invitation.html"):
        text = (PROJECT_ROOT / "web" / "templates" / template).read_text()
        assert 'hint=_("Mindst %(n)s tegn.' in text and "n=min_password_length)" in text, template
