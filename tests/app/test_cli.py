from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.settings import PROJECT_ROOT
from tests.db_urls import fresh_database_url

COMMANDS = [
    "serve",
    "migrate",
    "demo-data",
    "create-jobcentre",
    "create-user",
    "api-token",
    "daily",
    "job-alerts",
]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_explains_itself(command: str) -> None:
    result = _run(command, "--help")
    assert result.returncode == 0
    assert "usage: fleksbro " + command in result.stdout
    assert len(result.stdout.splitlines()) > 2


def test_migrate_demo_data_create_user_and_api_token_on_a_fresh_database() -> None:
    env = {"FLEKSBRO_DATABASE_URL": fresh_database_url("cli")}
    assert _run("migrate", env=env).returncode == 0
    first = _run("demo-data", env=env)
    assert first.returncode == 0, first.stderr
    again = _run("demo-data", env=env)  # idempotent
    assert again.returncode == 0 and again.stdout == first.stdout
    created = _run(
        "create-user",
        "--email",
        "ny.admin@test.example",
        "--name",
        "Ny Admin",
        "--password",
        "Et-godt-kodeord-1",
        env=env,
    )
    assert created.returncode == 0, created.stderr
    duplicate = _run(
        "create-user",
        "--email",
        "ny.admin@test.example",
        "--name",
        "Ny Admin",
        "--password",
        "Et-godt-kodeord-1",
        env=env,
    )
    assert duplicate.returncode == 2
    token = _run("api-token", "--email", "ny.admin@test.example", env=env)
    assert token.returncode == 0 and token.stdout.startswith("fb_")
    unknown = _run("api-token", "--email", "ingen@test.example", env=env)
    assert unknown.returncode == 2
    daily = _run("daily", env=env)
    assert daily.returncode == 0, daily.stderr
    assert "0 unanswered requests expired" in daily.stdout
    assert "retention: 0 people warned" in daily.stdout


def test_create_jobcentre_then_a_consultant_in_it() -> None:
    env = {"FLEKSBRO_DATABASE_URL": fresh_database_url("cli-centre")}
    assert _run("migrate", env=env).returncode == 0
    created = _run("create-jobcentre", "--name", "Jobcenter Ny", "--kommune-code", "999", env=env)
    assert created.returncode == 0, created.stderr
    centre_id = created.stdout.rsplit("(id ", 1)[1].rstrip(").\n")
    again = _run("create-jobcentre", "--name", "Jobcenter Ny", "--kommune-code", "999", env=env)
    assert again.returncode == 2
    assert _run("create-jobcentre", "--name", "X", "--kommune-code", "12", env=env).returncode == 2
    consultant = _run(
        "create-user", "--email", "k@test.example", "--name", "K", "--role", "consultant",
        "--jobcentre-id", centre_id, "--password", "Et-godt-kodeord-1", env=env,
    )  # fmt: skip
    assert consultant.returncode == 0, consultant.stderr


def test_serve_derives_the_link_address_from_its_port_unless_told() -> None:
    from app.cli import use_port_in_links

    environ = {"FLEKSBRO_ENVIRONMENT": "development"}
    use_port_in_links(environ, "0.0.0.0", 8801)
    assert environ["FLEKSBRO_BASE_URL"] == "http://127.0.0.1:8801"
    told = {"FLEKSBRO_BASE_URL": "https://fleksbro.example"}
    use_port_in_links(told, "127.0.0.1", 8801)
    assert told["FLEKSBRO_BASE_URL"] == "https://fleksbro.example"
    production = {"FLEKSBRO_ENVIRONMENT": "production"}
    use_port_in_links(production, "127.0.0.1", 8801)
    assert "FLEKSBRO_BASE_URL" not in production
