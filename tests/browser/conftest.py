"""Browser tests: the real app under uvicorn on loopback, a fresh database with the demo data,
the loopback SMTP server, and headless Debian Chromium through Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from app.settings import PROJECT_ROOT
from tests.browser.a11y import DESKTOP
from tests.db_urls import fresh_database_url
from tests.support.smtp import Mailbox

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
BROWSER_SECRET = "browser-test-secret-key-that-is-long-enough-0123456789"


@dataclass(frozen=True)
class LiveServer:
    url: str
    database_url: str
    log: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url}/healthz did not answer in 30 s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="session")
def live_server(smtp: Mailbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    database_url = fresh_database_url("browser")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = os.environ.copy()
    env.update(
        FLEKSBRO_DATABASE_URL=database_url,
        FLEKSBRO_ENVIRONMENT="test",
        FLEKSBRO_SECRET_KEY=BROWSER_SECRET,
        FLEKSBRO_BASE_URL=url,
        FLEKSBRO_COOKIE_SECURE="false",  # plain http on loopback
        FLEKSBRO_MAIL_BACKEND="smtp",
        FLEKSBRO_SMTP_HOST="127.0.0.1",
        FLEKSBRO_SMTP_PORT=str(smtp.port),  # type: ignore[attr-defined]
    )
    for command in ("migrate", "demo-data"):
        subprocess.run(
            [sys.executable, "-m", "app.cli", command],
            cwd=PROJECT_ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    log = tmp_path_factory.mktemp("uvicorn") / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_health(url, process, log)
        yield LiveServer(url=url, database_url=database_url, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser: Browser, live_server: LiveServer) -> Iterator[object]:
    """A factory for extra, isolated browser contexts (another person's browser)."""
    contexts: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="da-DK")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context) -> BrowserContext:  # type: ignore[no-untyped-def]
    made: BrowserContext = new_context()
    return made


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def mail(smtp: Mailbox) -> Mailbox:
    smtp.clear()
    return smtp
