"""The "Mine data" in the browser: a flexjobber reads who looked, takes their data (readable page and
JSON file) and deletes the profile; each page passes axe at 1280 and 320 px."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import DEMO_PASSWORD, log_in, path_of, visit

pytestmark = pytest.mark.browser

# Only this test uses this demo person (Aarhus): the live server is shared by the browser tests.
EMAIL = "borger3@fleksbro.example"
NAME = "Lone Østergaard"


def test_take_my_data_then_delete_my_profile(page: Page, tmp_path: Path) -> None:
    log_in(page, EMAIL)
    visit(page, "/mine-data")
    main = page.locator("main")
    expect(main.get_by_role("heading", name="Hent mine data")).to_be_visible()
    check_at_both_widths(page)

    with page.expect_navigation():
        main.get_by_role("link", name="Se mine data som en side, du kan læse og udskrive").click()
    assert path_of(page) == "/mine-data/hent/laesbar"
    expect(page.locator("main")).to_contain_text(NAME)
    expect(page.locator("main")).to_contain_text(EMAIL)
    check_at_both_widths(page)

    visit(page, "/mine-data")
    with page.expect_download() as download:
        main.get_by_role("link", name="Hent mine data som fil (JSON, til andre programmer)").click()
    saved = tmp_path / "data.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["account"]["email"] == EMAIL and data["profile"]["id"]

    # Without the tick, nothing happens and the form says why.
    main.get_by_label("Din adgangskode").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        main.get_by_role("button", name="Slet min profil").click()
    expect(page.locator("main")).to_contain_text("Sæt kryds, hvis du vil slette din profil.")
    check_at_both_widths(page)

    main.get_by_label("Ja, slet min profil og alle mine oplysninger").check()
    main.get_by_label("Din adgangskode").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        main.get_by_role("button", name="Slet min profil").click()
    assert path_of(page) == "/profil-slettet"
    expect(page.locator("main")).to_contain_text("Din profil er slettet")
    check_at_both_widths(page)

    page.goto("/login")
    page.locator("main").get_by_label("E-mail", exact=True).fill(EMAIL)
    page.locator("main").get_by_label("Adgangskode", exact=True).fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Log ind").click()
    assert path_of(page) == "/login"  # the account is gone
