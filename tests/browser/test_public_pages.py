"""Every public page passes axe (WCAG 2.1 A/AA) at 1280 px and 320 px, without sideways scroll."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import check_at_both_widths

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", None),
        ("/login", "Log ind"),
        ("/glemt-adgangskode", "Glemt adgangskode"),
        ("/login-link", "Få et login-link"),
        ("/tilgaengelighed", "Tilgængelighedserklæring for Fleksbro"),
    ],
)
def test_public_page_is_accessible(page: Page, path: str, heading: str | None) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200
    if heading:
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    check_at_both_widths(page)


def test_not_found_page_is_accessible(page: Page) -> None:
    response = page.goto("/denne-side-findes-ikke")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_at_both_widths(page)


def test_login_with_errors_is_accessible(page: Page) -> None:
    page.goto("/login")
    main = page.locator("main")
    with page.expect_navigation():
        main.get_by_role("button", name="Log ind").click()
    expect(page).to_have_title(re.compile(r"^Fejl: "))
    expect(main.locator(".form-error-message").first).to_be_visible()
    check_at_both_widths(page)


def test_password_reset_sent_page_is_accessible(page: Page) -> None:
    page.goto("/glemt-adgangskode")
    main = page.locator("main")
    main.get_by_label("E-mail", exact=True).fill("ingen@fleksbro.example")
    with page.expect_navigation():
        main.get_by_role("button", name="Send link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek din e-mail")
    check_at_both_widths(page)


def test_magic_link_sent_page_is_accessible(page: Page) -> None:
    page.goto("/login-link")
    main = page.locator("main")
    main.get_by_label("E-mail", exact=True).fill("ingen@fleksbro.example")
    with page.expect_navigation():
        main.get_by_role("button", name="Send login-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek din e-mail")
    check_at_both_widths(page)


def test_english_language_switch(page: Page) -> None:
    page.goto("/login")
    assert page.get_attribute("html", "lang") == "da"
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.locator("header").get_by_role("button", name="Dansk")).to_be_visible()
    check_at_both_widths(page)
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Dansk").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")
