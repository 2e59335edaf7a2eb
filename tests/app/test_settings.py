from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.settings import DEV_SECRET, PROJECT_ROOT, Settings


def test_default_secret_is_refused_outside_development() -> None:
    with pytest.raises(ValidationError, match="FLEKSBRO_SECRET_KEY"):
        Settings(environment="production")
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(environment="production", secret_key="short")


def test_development_accepts_the_default_and_uses_insecure_cookies_only_there() -> None:
    dev = Settings(environment="development")
    assert dev.secret_key == DEV_SECRET
    assert dev.secure_cookies is False
    prod = Settings(environment="production", secret_key="x" * 40)
    assert prod.secure_cookies is True


def test_settings_come_from_fleksbro_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLEKSBRO_DATABASE_URL", "sqlite:////tmp/other.db")
    monkeypatch.setenv("FLEKSBRO_DOCS_ENABLED", "false")
    settings = Settings()
    assert settings.database_url == "sqlite:////tmp/other.db"
    assert settings.docs_enabled is False


def test_docs_can_be_turned_off() -> None:
    from fastapi.testclient import TestClient

    from app.main import create_app

    settings = Settings(
        environment="production", secret_key="y" * 40, docs_enabled=False, database_url="sqlite://"
    )
    with TestClient(create_app(settings)) as client:
        assert client.get("/openapi.json").status_code == 404
        assert client.get("/docs").status_code == 404


def test_the_suite_keeps_its_files_outside_the_source_tree(settings: Settings) -> None:
    # CVs, images, videos and the embedding cache of the tests go to a temporary directory,
    # also for settings read from the environment and for `fleksbro` subprocesses.
    assert not settings.data_dir.resolve().is_relative_to(PROJECT_ROOT.resolve())
    assert Settings().data_dir == settings.data_dir
