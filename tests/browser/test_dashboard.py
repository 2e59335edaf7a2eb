"""The dashboard /tal in a real browser: leader, consultant and admin see it and it passes axe
at desktop and 320 px (charts included); a company user is told it does not exist."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "email",
    [
        "leder@gentofte.fleksbro.example",
        "konsulent@gentofte.fleksbro.example",
        "admin@fleksbro.example",
    ],
    ids=["leader", "consultant", "admin"],
)
def test_staff_see_an_accessible_dashboard(page: Page, email: str) -> None:
    log_in(page, email)
    page.goto("/hjem")
    page.locator("main a[href='/tal']").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tal og resultater")
    expect(page.get_by_role("table")).to_have_count(8)  # one per table of app.stats.tables
    check_at_both_widths(page)
    # Week by week: the filter form reloads the page with the same tables.
    page.get_by_label("Vis pr.").select_option("week")
    page.get_by_role("button", name="Vis tal").click()
    expect(page.get_by_role("table").first).to_be_visible()
    assert "by=week" in page.url
    check_at_both_widths(page)
    with page.expect_download() as download:
        page.locator("a[href^='/tal/engagement.csv?']").click()
    assert download.value.suggested_filename.startswith("fleksbro-engagement-")


def test_a_company_user_gets_404(page: Page) -> None:
    log_in(page, "virksomhed@fleksbro.example")
    response = page.goto("/tal")
    assert response is not None and response.status == 404


def test_a_leader_sets_a_monthly_target(page: Page) -> None:
    log_in(page, "leder@gentofte.fleksbro.example")
    page.goto("/tal")
    page.get_by_role("link", name="Sæt månedens mål").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Månedens mål")
    check_at_both_widths(page)
    main = page.locator("main")
    main.get_by_role("button", name="Gem målet").click()  # nothing chosen: the form says why
    expect(main.locator(".app-error-summary")).to_be_visible()
    check_at_both_widths(page)
    # Next month's target: it does not show on the dashboard (only months up to now do), so
    # the other dashboard tests see the same tables whatever runs first.
    next_month = main.get_by_label("Måned").locator("option").nth(3).get_attribute("value")
    assert next_month
    main.get_by_label("Måned").select_option(next_month)
    main.get_by_label("Mål for").select_option("hires")
    main.get_by_label("Mål (antal)").fill("3")
    main.get_by_role("button", name="Gem målet").click()
    expect(main.get_by_text("Målet er gemt.")).to_be_visible()
    expect(main.get_by_role("table")).to_contain_text(next_month)
    check_at_both_widths(page)
