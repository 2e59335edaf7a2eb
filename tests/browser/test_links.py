"""Magic link and invitation end to end, with the e-mail read from the loopback SMTP server."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import link_in, log_in, path_of, wait_for_mail
from tests.support.smtp import Mailbox

pytestmark = pytest.mark.browser


def test_magic_link_login(page: Page, mail: Mailbox) -> None:
    address = "borger2@fleksbro.example"
    page.goto("/login-link")
    main = page.locator("main")
    main.get_by_label("E-mail", exact=True).fill(address)
    with page.expect_navigation():
        main.get_by_role("button", name="Send login-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek din e-mail")

    link = link_in(wait_for_mail(mail, address), "/login-link/")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind med link")
    check_at_both_widths(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Log ind").click()
    assert path_of(page) == "/hjem", f"not logged in by the magic link: {page.url}"
    expect(page.locator("header .app-user")).to_contain_text("Peter Kjær")


def test_invitation(page: Page, new_context, mail: Mailbox) -> None:  # type: ignore[no-untyped-def]
    address = f"ny-borger-{uuid.uuid4().hex[:8]}@fleksbro.example"
    log_in(page, "konsulent@gentofte.fleksbro.example")
    page.goto("/inviter")
    main = page.locator("main")
    main.get_by_label("En borger (fleksjobber)").check()
    main.get_by_label("E-mail", exact=True).fill(address)
    main.get_by_label("Navn", exact=True).fill("Nina Ny")
    with page.expect_navigation():
        main.get_by_role("button", name="Send invitation").click()
    expect(page.locator("main")).not_to_contain_text("Fejl")

    link = link_in(wait_for_mail(mail, address), "/invitation/")
    citizen_context: BrowserContext = new_context()
    citizen = citizen_context.new_page()
    citizen.goto(link)
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Opret din adgang")
    expect(citizen.locator("main")).to_contain_text(address)
    check_at_both_widths(citizen)

    form = citizen.locator("main")
    form.get_by_label("Navn", exact=True).fill("Nina Ny")
    form.get_by_label("Adgangskode", exact=True).fill("En lang og god adgangskode 42")
    form.get_by_label("Gentag adgangskode", exact=True).fill("En lang og god adgangskode 42")
    with citizen.expect_navigation():
        form.get_by_role("button", name="Opret adgang").click()
    assert path_of(citizen) == "/hjem", f"not logged in after accepting: {citizen.url}"
    expect(citizen.locator("header .app-user")).to_contain_text("Nina Ny")
