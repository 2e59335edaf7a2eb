"""Small helpers for driving Fleksbro in the browser."""

from __future__ import annotations

import re
import time
from urllib.parse import urlparse

from playwright.sync_api import Page

from app.demo.accounts_data import DEMO_PASSWORD
from tests.support.smtp import Mailbox

LINK = re.compile(r"https?://\S+")


def path_of(page: Page) -> str:
    return urlparse(page.url).path


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/login")
    main = page.locator("main")
    main.get_by_label("E-mail", exact=True).fill(email)
    main.get_by_label("Adgangskode", exact=True).fill(password)
    with page.expect_navigation():
        main.get_by_role("button", name="Log ind").click()
    assert path_of(page) == "/hjem", f"{email} did not land on /hjem but on {page.url}"


def log_out(page: Page) -> None:
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Log ud").click()


def wait_for_mail(mailbox: Mailbox, address: str, timeout: float = 10.0) -> str:
    """The body of the newest e-mail to ``address``, waiting for it to arrive."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return Mailbox.body(mailbox.last_to(address))
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def link_in(body: str, path_prefix: str) -> str:
    for url in LINK.findall(body):
        if urlparse(url).path.startswith(path_prefix):
            return url.rstrip(".,)>")
    raise AssertionError(f"no {path_prefix} link in the e-mail:\n{body}")


def visit(page: Page, path: str) -> None:
    """Open ``path`` and insist it answered 200 (not an error page)."""
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == 200, f"{path} answered {response.status}"


def hrefs(page: Page, pattern: str, scope: str = "main") -> list[str]:
    """The distinct hrefs in ``scope`` that match the regular expression, in page order."""
    found = page.locator(f"{scope} a[href]").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    wanted = re.compile(pattern)
    return list(dict.fromkeys(h for h in found if h and wanted.fullmatch(h)))


def first_href(page: Page, pattern: str, scope: str = "main") -> str:
    found = hrefs(page, pattern, scope)
    assert found, f"no link matching {pattern!r} on {page.url}"
    return found[0]


def submit(page: Page, button) -> None:  # type: ignore[no-untyped-def]
    """Click a submit button and wait for the page it leads to."""
    with page.expect_navigation():
        button.click()


def wait_until(page: Page, path: str, ready: str, timeout: float = 120.0) -> None:
    """Reload ``path`` until ``ready`` (a CSS selector) appears; the match index is built in the
    background a little after the server starts, so pages say "calculating" until then."""
    deadline = time.monotonic() + timeout
    while True:
        visit(page, path)
        if page.locator(ready).count():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} never showed {ready!r}")
        page.wait_for_timeout(1000)
