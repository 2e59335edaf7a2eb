"""Job alerts in the browser: a flexjobber saves a search as an alert, a company publishes a job
that fits, `fleksbro daily` sends one e-mail (checked at the loopback SMTP server: neutral
subject, links only, no job title), its link shows the job and its stop link stops the alert
without signing in. Axe at 1280 and 320 px."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.settings import PROJECT_ROOT
from tests.browser.a11y import check_at_both_widths
from tests.browser.conftest import BROWSER_SECRET, LiveServer
from tests.browser.helpers import LINK, log_in, submit, visit
from tests.support.smtp import Mailbox

pytestmark = pytest.mark.browser


def _daily(live_server: LiveServer, smtp: Mailbox) -> str:
    env = os.environ | {
        "FLEKSBRO_DATABASE_URL": live_server.database_url,
        "FLEKSBRO_ENVIRONMENT": "test",
        "FLEKSBRO_SECRET_KEY": BROWSER_SECRET,
        "FLEKSBRO_BASE_URL": live_server.url,
        "FLEKSBRO_MAIL_BACKEND": "smtp",
        "FLEKSBRO_SMTP_HOST": "127.0.0.1",
        "FLEKSBRO_SMTP_PORT": str(smtp.port),  # type: ignore[attr-defined]
    }
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "daily"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_saved_search_sends_a_daily_email(  # type: ignore[no-untyped-def]
    page: Page, new_context, live_server: LiveServer, mail: Mailbox
) -> None:
    word = f"Alarmtest{uuid.uuid4().hex[:6]}"
    log_in(page, "borger@fleksbro.example")
    visit(page, f"/job?q={word}")
    main = page.locator("main")
    submit(page, main.get_by_role("link", name="Gem søgningen som jobagent"))
    expect(main.get_by_label("Søgeord (frivilligt)")).to_have_value(word)
    main.get_by_label("Én gang om dagen").check()
    check_at_both_widths(page)
    submit(page, main.get_by_role("button", name="Gem jobagenten"))
    expect(main.get_by_text("Jobagenten er gemt.")).to_be_visible()
    expect(main.get_by_text(word, exact=True)).to_be_visible()
    check_at_both_widths(page)

    company: BrowserContext = new_context()
    karin = company.new_page()
    log_in(karin, "virksomhed@fleksbro.example")
    visit(karin, "/opslag/ny")
    form = karin.locator("main")
    title = f"{word} kontorhjælp"
    form.get_by_label("Jobtitel").fill(title)
    form.get_by_label("Mindst").fill("10")
    form.get_by_label("Højst", exact=True).fill("15")
    form.get_by_label("Arbejdsstedets postnummer").fill("2900")
    submit(karin, form.get_by_role("button", name="Gem og offentliggør"))
    expect(karin.get_by_role("heading", level=1)).to_have_text(title)

    printed = _daily(live_server, mail)
    assert "1 with new jobs (1 jobs), 1 alert e-mails sent" in printed, printed
    alert_mails = [
        m
        for m in mail.messages
        if m["To"] == "borger@fleksbro.example" and "/jobagent/stop/" in Mailbox.body(m)
    ]
    assert len(alert_mails) == 1
    body = Mailbox.body(alert_mails[0])
    assert str(alert_mails[0]["Subject"]) == "Nyt fra Fleksbro"
    assert word not in body and "kontorhjælp" not in body
    links = LINK.findall(body)
    assert len(links) == 2 and all(link.startswith(live_server.url + "/jobag") for link in links)
    see, stop = links

    visit(page, see)
    expect(main.get_by_role("link", name=title)).to_be_visible()
    check_at_both_widths(page)
    visit(page, "/notifikationer")
    expect(main.get_by_role("link", name="Der er nye job til din jobagent").first).to_be_visible()

    # The stop link works in a browser that is not signed in.
    stranger = new_context().new_page()
    visit(stranger, stop)
    check_at_both_widths(stranger)
    submit(stranger, stranger.locator("main").get_by_role("button", name="Ja, stop jobagenten"))
    expect(stranger.locator("main").get_by_text("Jobagenten er stoppet.")).to_be_visible()
    visit(page, "/jobagenter")
    expect(main.get_by_text(word, exact=True)).to_have_count(0)
    assert "0 alert e-mails sent" in _daily(live_server, mail)
