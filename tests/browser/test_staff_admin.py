"""The staff administration in a real browser: an admin reaches it from the home page, opens a
jobcentre's staff, invites a consultant, makes a team, moves the new consultant into it and
deactivates the account; a leader reaches their own jobcentre's teams from the dashboard. Each
page passes axe at desktop and 320 px, error states too."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import log_in, submit

pytestmark = pytest.mark.browser

NEW = "ny.konsulent.browser@gentofte.fleksbro.example"


def test_admin_manages_a_jobcentres_staff(page: Page) -> None:
    log_in(page, "admin@fleksbro.example")
    submit(page, page.locator("main a[href='/admin/jobcentre']").first)
    expect(page.get_by_role("heading", level=1)).to_have_text("Jobcentre og medarbejdere")
    check_at_both_widths(page)
    main = page.locator("main")
    submit(page, main.get_by_role("button", name="Opret jobcentret"))  # empty: the form says why
    expect(main.locator(".app-error-summary")).to_be_visible()
    check_at_both_widths(page)

    submit(page, main.get_by_role("link", name="Jobcenter Gentofte"))
    expect(main.get_by_role("table")).to_contain_text("Team Virksomhed")
    expect(main.get_by_role("table")).to_contain_text("Konsulent")
    check_at_both_widths(page)
    submit(page, main.get_by_role("button", name="Send invitation"))  # empty
    expect(main.locator(".app-error-summary")).to_be_visible()
    check_at_both_widths(page)
    main.get_by_label("E-mail", exact=True).fill(NEW)
    main.get_by_label("Navn", exact=True).first.fill("Ny Browserkonsulent")
    submit(page, main.get_by_role("button", name="Send invitation"))
    expect(main.get_by_text("Invitationen er sendt.")).to_be_visible()
    main.get_by_label("Nyt team").fill("Team Browser")
    submit(page, main.get_by_role("button", name="Opret teamet"))
    expect(main.get_by_text("Teamet er oprettet.")).to_be_visible()

    submit(page, main.get_by_role("link", name="Ny Browserkonsulent"))
    expect(main.get_by_text("Inviteret")).to_be_visible()
    check_at_both_widths(page)
    main.get_by_role("combobox", name="Team").select_option(label="Team Browser")
    submit(page, main.get_by_role("button", name="Skift team"))
    expect(main.get_by_text("Teamet er skiftet.")).to_be_visible()
    submit(page, main.get_by_role("button", name="Deaktiver kontoen"))
    expect(main.get_by_text("Kontoen er deaktiveret. Personen er logget ud")).to_be_visible()
    check_at_both_widths(page)


def test_leader_reaches_their_teams_from_the_dashboard(page: Page) -> None:
    log_in(page, "leder@gentofte.fleksbro.example")
    page.goto("/tal")
    submit(page, page.get_by_role("link", name="Teams og medarbejdere"))
    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jobcenter Gentofte")
    expect(main.get_by_role("button", name="Send invitation")).to_have_count(0)
    check_at_both_widths(page)
    submit(page, main.get_by_role("link", name="Team Borger"))
    check_at_both_widths(page)


def test_a_company_user_gets_404(page: Page) -> None:
    log_in(page, "virksomhed@fleksbro.example")
    response = page.goto("/admin/medarbejdere")
    assert response is not None and response.status == 404
