"""Issue 5 end to end with three people in three browsers: the consultant recommends a pair from
the match board, the company asks to talk, the flexjobber shares name and CV (not accommodation
needs), they write, meet, start a trial period and the company hires. At each step we check
what the company can and cannot see; finally the flexjobber withdraws consent."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from tests.browser.a11y import check_at_both_widths
from tests.browser.conftest import LiveServer
from tests.browser.helpers import log_in, path_of, submit, visit, wait_until

pytestmark = pytest.mark.browser

CONSULTANT = "konsulent@gentofte.fleksbro.example"
# The smallest well-formed PDF: what a CV upload has to look like.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _people(database_url: str, public_id: int, job_id: int) -> tuple[str, str, str]:
    """The flexjobber's e-mail and name (the profile by the public id its links carry), and the
    e-mail of a member of the posting's company."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            person = db.execute(
                text(
                    "SELECT u.email, u.display_name FROM users u JOIN flexjobber_profiles p"
                    " ON p.user_id = u.id WHERE p.public_id = :id"
                ),
                {"id": public_id},
            ).one()
            company_user = db.execute(
                text(
                    "SELECT u.email FROM users u JOIN company_members m ON m.user_id = u.id"
                    " JOIN job_postings j ON j.company_id = m.company_id WHERE j.id = :id"
                    " ORDER BY u.id"
                ),
                {"id": job_id},
            ).first()
            assert company_user is not None, f"nobody works for the company of job {job_id}"
            return person.email, person.display_name, company_user.email
    finally:
        engine.dispose()


def _match_id(database_url: str, public_id: int, job_id: int) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            found: int = db.execute(
                text(
                    "SELECT m.id FROM matches m JOIN flexjobber_profiles p ON p.id = m.profile_id"
                    " WHERE p.public_id = :p AND m.job_id = :j"
                ),
                {"p": public_id, "j": job_id},
            ).scalar_one()
            return found
    finally:
        engine.dispose()


def _send(page: Page, body: str) -> None:
    page.locator("#body").fill(body)
    submit(page, page.get_by_role("button", name="Send besked"))
    expect(page.locator(".app-conversation")).to_contain_text(body)


def _open_action(page: Page, summary: str) -> None:
    page.locator("summary", has_text=summary).click()


def test_recommend_to_hire(new_context, live_server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    consultant: Page = new_context().new_page()
    company: Page = new_context().new_page()
    person: Page = new_context().new_page()

    # 1. The consultant picks the strongest suggestion on the board.
    log_in(consultant, CONSULTANT)
    wait_until(consultant, "/konsulent/match", ".app-board-item")
    check_at_both_widths(consultant)
    item = consultant.locator(".app-board-item").first
    profile_href = item.locator("a[href^='/profiler/']").get_attribute("href") or ""
    job_href = item.locator("a[href^='/job/']").get_attribute("href") or ""
    public_id, job_id = int(profile_href.rsplit("/", 1)[1]), int(job_href.rsplit("/", 1)[1])
    email, real_name, company_email = _people(live_server.database_url, public_id, job_id)

    greeting = f"I to passer godt sammen – hilsen Mette {uuid.uuid4().hex[:4]}"
    item.locator("textarea").first.fill(greeting)
    submit(consultant, item.get_by_role("button", name="Anbefal til begge"))
    assert path_of(consultant) == "/konsulent/match"
    match = f"/match/{_match_id(live_server.database_url, public_id, job_id)}"

    # 2. The flexjobber: anonymous, needs not shared, a secret note, and a CV.
    secret = f"Hemmelig note om helbred {uuid.uuid4().hex[:6]}"
    log_in(person, email)
    visit(person, "/profil/synlighed")
    person.locator("#visibility-anonymous").check()
    person.locator("#share_accommodations").uncheck()
    submit(person, person.locator("main form").get_by_role("button", name="Gem", exact=True))
    visit(person, "/profil/skaanehensyn")
    need = person.locator("main form fieldset").first
    need_label = need.locator("legend").inner_text().strip()
    need.locator("input[value=must]").check()
    person.locator("#note").fill(secret)
    submit(person, person.locator("main form").get_by_role("button", name="Gem", exact=True))
    visit(person, "/profil/cv")
    person.locator("#cv").set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    submit(person, person.get_by_role("button", name="Upload CV"))
    assert path_of(person) == "/profil", f"CV upload failed: {person.url}"

    def company_sees(named: bool, cv: bool) -> None:
        visit(company, match)
        main = company.locator("main")
        facts = main.locator("dl.app-facts").first
        if named:
            expect(facts).to_contain_text(real_name)
            expect(main).not_to_contain_text("anonym – navnet er ikke delt med jer")
        else:
            expect(facts).to_contain_text("anonym – navnet er ikke delt med jer")
            expect(main).not_to_contain_text(real_name)
        expect(main.get_by_role("link", name="Hent CV")).to_have_count(1 if cv else 0)
        # Never the accommodation needs: neither the labels nor the note.
        expect(facts.locator("dt", has_text="Skånehensyn")).to_have_count(0)
        expect(facts).not_to_contain_text(need_label)
        expect(main).not_to_contain_text(secret)
        cv_response = company.request.get(f"{match}/cv", max_redirects=0)
        assert (cv_response.status == 200) == cv, f"CV download answered {cv_response.status}"

    # 3. The company sees the recommendation, anonymously, and asks to talk.
    log_in(company, company_email)
    company_sees(named=False, cv=False)
    expect(company.locator("main")).to_contain_text(greeting)
    check_at_both_widths(company)
    submit(company, company.get_by_role("button", name="Vi vil gerne tale med dig"))
    company_sees(named=False, cv=False)

    # 4. The flexjobber shares name and CV but not the accommodation needs.
    visit(person, match)
    expect(person.locator("#consent-heading")).to_be_visible()
    check_at_both_widths(person)
    person.locator("#consent-identity").check()
    person.locator("#consent-cv").check()
    expect(person.locator("#consent-accommodations")).not_to_be_checked()
    submit(person, person.get_by_role("button", name="Gem mit samtykke"))
    company_sees(named=True, cv=True)
    check_at_both_widths(company)

    # 5. They write to each other.
    _send(company, "Hej! Har du tid til en snak i næste uge?")
    visit(person, match)
    expect(person.locator(".app-conversation")).to_contain_text("Har du tid til en snak")
    _send(person, "Ja, gerne. Tirsdag passer mig fint.")
    check_at_both_widths(person)
    visit(company, match)
    expect(company.locator(".app-conversation")).to_contain_text("Tirsdag passer mig fint")

    # 6. A meeting, 7. a trial period, 8. hired — booked by the company.
    day = dt.date.today() + dt.timedelta(days=7)
    _open_action(company, "Book et møde")
    company.locator("#meeting_at").fill(day.isoformat())
    company.locator("#meeting_time").fill("10:30")
    company.locator("#meeting_place").fill("Strandvejen 112, 2900 Hellerup")
    submit(company, company.get_by_role("button", name="Book mødet"))
    expect(company.locator("main .badge").first).to_have_text("Møde aftalt")
    check_at_both_widths(company)
    visit(person, match)
    expect(person.locator("main")).to_contain_text("Strandvejen 112")

    visit(company, match)
    _open_action(company, "Start en praktik")
    company.locator("#trial_start").fill((day + dt.timedelta(days=7)).isoformat())
    company.locator("#trial_end").fill((day + dt.timedelta(days=35)).isoformat())
    company.locator("#trial_hours").fill("12")
    submit(company, company.get_by_role("button", name="Start praktikken"))
    expect(company.locator("main .badge").first).to_have_text("Praktik")
    company_sees(named=True, cv=True)

    _open_action(company, "Registrér ansættelse")
    company.locator("#hired_start").fill((day + dt.timedelta(days=42)).isoformat())
    company.locator("#hired_hours").fill("15")
    submit(company, company.get_by_role("button", name="Registrér ansættelsen"))
    expect(company.locator("main .badge").first).to_have_text("Ansat")
    check_at_both_widths(company)

    visit(consultant, match)
    expect(consultant.locator("main .badge").first).to_have_text("Ansat")
    expect(consultant.locator("main")).to_contain_text("15 timer om ugen")
    check_at_both_widths(consultant)
    visit(person, match)
    expect(person.locator("main .badge").first).to_have_text("Ansat")
    check_at_both_widths(person)

    # 9. The flexjobber withdraws consent: the pseudonym is back and the CV is gone.
    submit(person, person.get_by_role("button", name="Træk samtykke tilbage"))
    company_sees(named=False, cv=False)
    expect(company.locator("main")).not_to_contain_text(re.compile(re.escape(email)))
    check_at_both_widths(company)
    # Nor in the posting's list of candidates and matches.
    visit(company, f"/opslag/{job_id}/kandidater")
    expect(company.locator("main")).not_to_contain_text(real_name)
    expect(company.locator("main")).not_to_contain_text(secret)
    check_at_both_widths(company)
    visit(person, "/mine-data")
    check_at_both_widths(person)
