"""Events in the browser: a consultant creates and publishes an event, two people sign up,
one waits, one cancels, and the waiting person moves up and is told. Axe at 1280 and 320 px."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import log_in, submit, visit

pytestmark = pytest.mark.browser


def _open_event(page: Page, title: str) -> None:
    visit(page, "/arrangementer")
    submit(page, page.locator("main").get_by_role("link", name=title))


def test_waiting_list_moves_up(page: Page, new_context) -> None:  # type: ignore[no-untyped-def]
    title = f"Kaffemøde {uuid.uuid4().hex[:6]}"
    log_in(page, "konsulent@gentofte.fleksbro.example")
    visit(page, "/arrangementer")
    main = page.locator("main")
    submit(page, main.get_by_role("link", name="Opret et arrangement"))
    check_at_both_widths(page)
    main.get_by_label("Titel", exact=True).fill(title)
    main.get_by_label("Dato", exact=True).fill((date.today() + timedelta(days=3)).isoformat())
    main.get_by_label("Starter kl.", exact=True).fill("10:00")
    main.get_by_label("Slutter kl.", exact=True).fill("12:00")
    main.get_by_label("Sted (frivilligt)", exact=True).fill("Jobcenter Gentofte, mødelokale 1")
    main.get_by_label("Antal pladser", exact=True).fill("1")
    main.get_by_label("Hvem er arrangementet for?").select_option("flexjobbers")
    submit(page, main.get_by_role("button", name="Gem som kladde"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    check_at_both_widths(page)
    submit(page, main.get_by_role("button", name="Offentliggør"))
    expect(main.get_by_text("Arrangementet er offentliggjort.")).to_be_visible()

    first: BrowserContext = new_context()
    anne = first.new_page()
    log_in(anne, "borger@fleksbro.example")
    _open_event(anne, title)
    check_at_both_widths(anne)
    submit(anne, anne.locator("main").get_by_role("button", name="Tilmeld mig"))
    expect(anne.locator("main").get_by_text("Du er tilmeldt.").first).to_be_visible()

    second: BrowserContext = new_context()
    peter = second.new_page()
    log_in(peter, "borger2@fleksbro.example")
    _open_event(peter, title)
    submit(peter, peter.locator("main").get_by_role("button", name="Skriv mig på ventelisten"))
    expect(peter.locator("main").get_by_text("nummer 1 på ventelisten")).to_be_visible()
    check_at_both_widths(peter)

    submit(anne, anne.locator("main").get_by_role("button", name="Afmeld mig"))
    expect(anne.locator("main").get_by_text("Du er afmeldt.")).to_be_visible()

    peter.reload()
    expect(peter.locator("main").get_by_text("Du er tilmeldt.")).to_be_visible()
    visit(peter, "/notifikationer")
    expect(
        peter.locator("main").get_by_text("Du har fået en plads til et arrangement")
    ).to_be_visible()

    page.reload()
    expect(main.get_by_text("Peter Kjær")).to_be_visible()
    check_at_both_widths(page)
    visit(page, "/arrangementer")
    check_at_both_widths(page)
