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
