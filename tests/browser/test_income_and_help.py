"""Issue 13 in the browser: a flexjobber uses the income guide (with and without a job), a
call-back request reaches the consultant, and the help page; axe at 1280 px and 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import first_href, log_in, log_out, submit, visit

pytestmark = pytest.mark.browser

JOB = r"/job/\d+"


def test_flexjobber_uses_the_income_guide(page: Page) -> None:
    log_in(page, "borger@fleksbro.example")
    visit(page, "/oekonomi")
    check_at_both_widths(page)
    main = page.locator("main")
    main.get_by_label("Timer om ugen", exact=True).fill("18")
    main.get_by_label("Timeløn i kr. inkl. pension", exact=True).fill("200")
    submit(page, main.get_by_role("button", name="Beregn"))
    expect(main.locator('[data-figure="monthly_pay"]')).to_have_text("15.600 kr.")
    expect(main.locator('[data-figure="supplement"]')).to_have_text("15.272 kr.")
    expect(main.locator('[data-figure="total"]')).to_have_text("30.872 kr.")
    expect(main.get_by_text("Alle tal er vejledende.")).to_be_visible()
    expect(main.get_by_role("link", name="Regn efter med statens egen beregner")).to_have_attribute(
        "href",
        "https://star.dk/til-borgere/revalidering-fleksjob-og-ressourceforloebsydelse/"
        "beregn-loen-i-fleksjob/?salary=200&workHours=18",
    )
    check_at_both_widths(page)

    # The pay cap: at 150 kr an hour extra hours add nothing from about 9 hours a week.
    main.get_by_label("Timer om ugen", exact=True).fill("12")
    main.get_by_label("Timeløn i kr. inkl. pension", exact=True).fill("150")
    submit(page, main.get_by_role("button", name="Beregn"))
    expect(main.locator('[data-figure="capped"]')).to_be_visible()
    expect(main.locator('[data-figure="total"]')).to_have_text("24.050 kr.")
    check_at_both_widths(page)

    # Wrong input: the form comes back with messages, and is still accessible.
    main.get_by_label("Timer om ugen", exact=True).fill("-3")
    main.get_by_label("Timeløn i kr. inkl. pension", exact=True).fill("mange")
    submit(page, main.get_by_role("button", name="Beregn"))
    expect(page).to_have_title("Fejl: Hvad betyder jobbet for min økonomi? – Fleksbro")
    expect(main.locator(".app-error-summary")).to_be_visible()
    check_at_both_widths(page)

    # From a job's page.
    visit(page, "/job")
    visit(page, first_href(page, JOB))
    submit(page, page.locator("main").get_by_role("link", name="Beregn din økonomi for jobbet"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hvad betyder jobbet for min økonomi?"
    )
    main = page.locator("main")
    main.get_by_label("Timeløn i kr. inkl. pension", exact=True).fill("190")
    submit(page, main.get_by_role("button", name="Beregn"))
    expect(main.locator('[data-figure="total"]')).to_be_visible()
    check_at_both_widths(page)


def test_call_back_request_reaches_the_consultant(page: Page) -> None:
    log_in(page, "borger@fleksbro.example")
    main = page.locator("main")
    expect(main.get_by_role("heading", name="Din kontakt i jobcentret")).to_be_visible()
    submit(page, main.get_by_role("link", name="Ring mig op"))
    check_at_both_widths(page)
    main.get_by_label("Dit telefonnummer").fill("12 34 56 78")
    main.get_by_label("Hvornår passer det dig?").fill("onsdag eftermiddag")
    submit(page, main.get_by_role("button", name="Ring mig op"))
    expect(main.get_by_text("Tak. Vi har fået din besked")).to_be_visible()
    check_at_both_widths(page)
    log_out(page)

    log_in(page, "konsulent@gentofte.fleksbro.example")
    callbacks = page.locator("main .app-callbacks")
    expect(callbacks.get_by_text("onsdag eftermiddag")).to_be_visible()
    check_at_both_widths(page)
    submit(
        page, callbacks.get_by_role("button", name="Marker opkaldet til Anne Sørensen som klaret")
    )
    expect(page.locator("main").get_by_text("Markeret som klaret.")).to_be_visible()
    expect(page.locator("main").get_by_text("onsdag eftermiddag")).to_have_count(0)


def test_help_page_is_accessible(page: Page) -> None:
    visit(page, "/hjaelp")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hjælp til Fleksbro")
    check_at_both_widths(page)
    log_in(page, "virksomhed@fleksbro.example")
    expect(
        page.locator("main").get_by_role("heading", name="Jeres kontakt i jobcentret")
    ).to_be_visible()
    visit(page, "/hjaelp")
    check_at_both_widths(page)
