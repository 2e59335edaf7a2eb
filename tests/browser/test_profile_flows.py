"""Issue 3 through the real forms: a flexjobber builds a profile step by step, a company
publishes a posting, and a consultant creates a citizen who then takes over the account.
Every page on the way passes axe at 1280 px and 320 px."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlencode

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import link_in, log_in, path_of, submit, visit, wait_for_mail
from tests.support.smtp import Mailbox

pytestmark = pytest.mark.browser

CONSULTANT = "konsulent@gentofte.fleksbro.example"
PASSWORD = "En lang og god adgangskode 42"
HEADLINE = "Erfaren kontorassistent søger fleksjob"


def _accept_invitation(page: Page, link: str, name: str) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Opret din adgang")
    check_at_both_widths(page)
    form = page.locator("main")
    form.get_by_label("Navn", exact=True).fill(name)
    form.get_by_label("Adgangskode", exact=True).fill(PASSWORD)
    form.get_by_label("Gentag adgangskode", exact=True).fill(PASSWORD)
    submit(page, form.get_by_role("button", name="Opret adgang"))
    assert path_of(page) == "/hjem", f"not logged in after accepting: {page.url}"


def _new_flexjobber(new_context, mail: Mailbox, name: str) -> Page:  # type: ignore[no-untyped-def]
    """A brand-new flexjobber with an empty profile, invited by the consultant."""
    address = f"ny-{uuid.uuid4().hex[:8]}@fleksbro.example"
    consultant = new_context().new_page()
    log_in(consultant, CONSULTANT)
    consultant.goto("/inviter")
    main = consultant.locator("main")
    main.get_by_label("En borger (fleksjobber)").check()
    main.get_by_label("E-mail", exact=True).fill(address)
    main.get_by_label("Navn", exact=True).fill(name)
    submit(consultant, main.get_by_role("button", name="Send invitation"))
    consultant.context.close()
    citizen: Page = new_context().new_page()
    _accept_invitation(citizen, link_in(wait_for_mail(mail, address), "/invitation/"), name)
    return citizen


def _open_step(page: Page, base: str, slug: str) -> None:
    visit(page, f"{base}/{slug}")
    check_at_both_widths(page)


def _save(page: Page, after: str) -> None:
    submit(page, page.locator("main form").get_by_role("button", name="Gem", exact=True))
    assert path_of(page) == after, f"not saved: still on {page.url}"
    expect(page.locator("main .alert-success")).to_contain_text("Dine ændringer er gemt.")


def _fill_about(page: Page, base: str, after: str) -> None:
    _open_step(page, base, "om-mig")
    page.locator("#headline").fill(HEADLINE)
    page.locator("#about").fill("Jeg er god til tal og kan lide at hjælpe kunder.")
    page.locator("#status").select_option(index=1)
    page.locator("#available_from").fill("2027-02-01")
    _save(page, after)


def _fill_jobs(page: Page, base: str, after: str) -> None:
    _open_step(page, base, "jobmaal")
    page.locator("#wished_job-1").fill("Kontorassistent")
    _save(page, after)


def test_flexjobber_builds_profile(new_context, mail: Mailbox) -> None:  # type: ignore[no-untyped-def]
    page = _new_flexjobber(new_context, mail, "Birgit Byg")
    visit(page, "/profil")
    expect(page.locator("#completeness-heading")).to_have_text("Profilen er 0 % udfyldt")
    check_at_both_widths(page)

    _fill_about(page, "/profil", "/profil")
    _fill_jobs(page, "/profil", "/profil")
    # Part way: the percentage and the remaining steps as concrete hints.
    expect(page.locator("#completeness-heading")).to_have_text("Profilen er 22 % udfyldt")
    hints = page.locator("#completeness-heading ~ ul").first
    expect(hints.get_by_role("link", name="Tilføj dine kompetencer")).to_be_visible()
    expect(hints.get_by_role("link", name="Skriv lidt om dig selv")).to_have_count(0)

    _open_step(page, "/profil", "kompetencer")
    page.locator("#skills").fill("bogføring\nkundeservice")
    page.locator("#languages").fill("dansk\nengelsk")
    page.locator("#driving_licence").check()
    _save(page, "/profil")

    _open_step(page, "/profil", "erfaring")
    page.locator("#experience-0-title").fill("Bogholder")
    page.locator("#experience-0-employer").fill("Gentofte Revision")
    page.locator("#experience-0-start").fill("2015-03")
    page.locator("#experience-0-end").fill("2020-06")
    _save(page, "/profil")

    _open_step(page, "/profil", "uddannelse")
    page.locator("#education-0-title").fill("Kontoruddannelse")
    page.locator("#education-0-year").fill("2012")
    _save(page, "/profil")

    # Hours: one validation error shown, accessible, and corrected.
    _open_step(page, "/profil", "timer")
    page.locator("#hours_min").fill("30")
    page.locator("#hours_max").fill("10")
    page.locator(".app-day input[type=checkbox]").first.check()
    submit(page, page.locator("main form").get_by_role("button", name="Gem", exact=True))
    assert path_of(page) == "/profil/timer"
    expect(page).to_have_title(re.compile(r"^Fejl: Timer og arbejdstider"))
    summary = page.locator("main .app-error-summary, main [role=alert]").first
    expect(summary).to_contain_text("Det højeste antal timer kan ikke være lavere end det laveste")
    expect(page.locator("#hours_max")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#hours_min")).to_have_value("30")
    check_at_both_widths(page)
    page.locator("#hours_max").fill("32")
    _save(page, "/profil")

    _open_step(page, "/profil", "sted")
    page.locator("#postcode").fill("2900")
    page.locator("#max_distance_km").fill("15")
    _save(page, "/profil")

    _open_step(page, "/profil", "skaanehensyn")
    first_need = page.locator("main form fieldset").first
    first_need.locator("input[value=must]").check()
    page.locator("#note").fill("Jeg har brug for pauser.")
    _save(page, "/profil")

    _open_step(page, "/profil", "synlighed")
    page.locator("#visibility-anonymous").check()
    _save(page, "/profil")

    expect(page.locator("#completeness-heading")).to_have_text("Profilen er 100 % udfyldt")
    expect(page.locator("main")).to_contain_text("Alle dele af profilen er udfyldt.")
    check_at_both_widths(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Se din profil, som en virksomhed ser den").click()
    assert path_of(page) == "/profil/forhaandsvisning"
    preview = page.locator(".app-preview")
    expect(preview).to_contain_text(HEADLINE)
    expect(preview).to_contain_text("Kontorassistent")
    expect(preview).not_to_contain_text("Birgit Byg")  # anonymous
    expect(preview).not_to_contain_text("Gentofte Revision")  # no employers when anonymous
    expect(preview).not_to_contain_text("Jeg har brug for pauser.")  # needs not shared
    check_at_both_widths(page)


def test_company_publishes_posting(page: Page, new_context) -> None:  # type: ignore[no-untyped-def]
    title = f"Kontorassistent {uuid.uuid4().hex[:6]}"
    log_in(page, "virksomhed@fleksbro.example")
    visit(page, "/virksomhed/opslag")
    with page.expect_navigation():
        page.locator("main a[href^='/opslag/ny?virksomhed=']").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nyt jobopslag")
    check_at_both_widths(page)

    # Publishing without a title or hours fails with the errors on the page.
    submit(page, page.get_by_role("button", name="Gem og offentliggør"))
    expect(page.locator("#title")).to_have_attribute("aria-invalid", "true")
    check_at_both_widths(page)

    page.locator("#title").fill(title)
    page.locator("#description").fill("Vi søger en rolig kollega til kontoret.")
    page.locator("#tasks").fill("Post, bogføring og telefon.")
    page.locator("#required_skills").fill("bogføring")
    page.locator("#hours_min").fill("10")
    page.locator("#hours_max").fill("20")
    page.locator("#schedule").check()
    page.locator("#postcode").fill("2900")
    submit(page, page.get_by_role("button", name="Gem og offentliggør"))
    expect(page.locator("main")).not_to_contain_text("Fejl")
    check_at_both_widths(page)

    visit(page, "/virksomhed/opslag")
    row = page.locator("main tr", has_text=title)
    expect(row).to_contain_text("Offentliggjort")
    job_link = row.get_by_role("link", name=title, exact=True)
    with page.expect_navigation():
        job_link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    check_at_both_widths(page)

    # A flexjobber finds it among the published jobs.
    job_path = path_of(page)
    other: Page = new_context().new_page()
    log_in(other, "borger@fleksbro.example")
    visit(other, "/job?" + urlencode({"q": title}))
    expect(other.locator("main").get_by_role("link", name=title)).to_have_attribute(
        "href", job_path
    )


def test_consultant_creates_citizen(page: Page, new_context, mail: Mailbox) -> None:  # type: ignore[no-untyped-def]
    address = f"borger-{uuid.uuid4().hex[:8]}@fleksbro.example"
    log_in(page, CONSULTANT)
    visit(page, "/konsulent/borgere/ny")
    check_at_both_widths(page)
    main = page.locator("main")
    main.locator("#display_name").fill("Carl Citizen")
    submit(page, main.get_by_role("button", name="Opret borger"))  # no e-mail: an error
    expect(page.locator("#email")).to_have_attribute("aria-invalid", "true")
    check_at_both_widths(page)
    main.locator("#email").fill(address)
    submit(page, main.get_by_role("button", name="Opret borger"))
    assert path_of(page).startswith("/profiler/"), page.url
    profile = path_of(page)
    expect(main.locator(".alert-success")).to_contain_text("Borgeren er oprettet")
    check_at_both_widths(page)

    # Two steps on the citizen's behalf.
    base = f"{profile}/rediger"
    _open_step(page, base, "om-mig")
    expect(main).to_contain_text("Du udfylder profilen for Carl Citizen")
    page.locator("#headline").fill(HEADLINE)
    page.locator("#about").fill("Udfyldt sammen med jobcentret.")
    page.locator("#status").select_option(index=1)
    _save(page, profile)
    _fill_jobs(page, base, profile)
    expect(page.locator("#completeness-heading")).to_have_text("Profilen er 22 % udfyldt")

    assert not mail.messages or all(m["To"] != address for m in mail.messages)
    submit(page, main.get_by_role("button", name="Send invitation"))
    expect(main.locator(".alert-success")).to_contain_text("Invitationen er sendt.")
    check_at_both_widths(page)

    citizen_context: BrowserContext = new_context()
    citizen = citizen_context.new_page()
    _accept_invitation(citizen, link_in(wait_for_mail(mail, address), "/invitation/"), "Carl")
    expect(citizen.locator("header .app-user")).to_contain_text("Carl")
    visit(citizen, "/profil")
    check_at_both_widths(citizen)
    expect(citizen.locator("#completeness-heading")).to_have_text("Profilen er 22 % udfyldt")
    visit(citizen, "/profil/om-mig")
    expect(citizen.locator("#headline")).to_have_value(HEADLINE)
    visit(citizen, "/profil/forhaandsvisning")
    expect(citizen.locator(".app-preview")).to_contain_text("Kontorassistent")
