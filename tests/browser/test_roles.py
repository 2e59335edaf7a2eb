"""Log in and out through the real form as each demo role; staff pages pass axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import log_in, log_out, path_of

pytestmark = pytest.mark.browser

CONSULTANT = "konsulent@gentofte.fleksbro.example"


@pytest.mark.parametrize(
    ("email", "display_name"),
    [
        ("borger@fleksbro.example", "Anne Sørensen"),
        ("virksomhed@fleksbro.example", "Karin Madsen"),
        (CONSULTANT, "Mette Lund (virksomhedskonsulent)"),
        ("admin@fleksbro.example", "Admin Fleksbro"),
    ],
    ids=["flexjobber", "company", "consultant", "admin"],
)
def test_login_home_and_logout(page: Page, email: str, display_name: str) -> None:
    log_in(page, email)
    expect(page.locator("header .app-user")).to_contain_text(display_name)
    check_at_both_widths(page)

    log_out(page)
    expect(page.locator("header").get_by_role("button", name="Log ud")).to_have_count(0)
    page.goto("/hjem")
    assert path_of(page) == "/login"
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")


def test_consultant_pages_are_accessible(page: Page) -> None:
    log_in(page, CONSULTANT)

    page.goto("/inviter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inviter en borger eller virksomhed")
    check_at_both_widths(page)

    page.goto("/virksomheder")
    assert path_of(page) == "/virksomheder"
    check_at_both_widths(page)

    hrefs = page.locator("main a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    company_links = [h for h in hrefs if h and re.fullmatch(r"/virksomheder/\d+", h)]
    assert company_links, "no company links on /virksomheder"
    response = page.goto(company_links[0])
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_at_both_widths(page)
