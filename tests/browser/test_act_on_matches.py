"""Every path to act on a match, in the browser: a flexjobber saves a job from the search results
and says "Jeg er interesseret" on the job's own page; a company reaches a posting's candidates
from its postings and from the posting; a new person's "Mine match" says it is still finding
jobs and then shows them by itself (htmx), and each of these pages passes axe at 1280 and 320 px."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
from playwright.sync_api import Page, Route, expect
from sqlalchemy import create_engine, text

from app.settings import PROJECT_ROOT
from tests.browser.a11y import check_at_both_widths
from tests.browser.conftest import LiveServer
from tests.browser.helpers import log_in, path_of, submit, visit

pytestmark = pytest.mark.browser

FINDING = "Vi er ved at finde job til dig."
CANDIDATES = re.compile(r"/opslag/\d+/kandidater")


def test_flexjobber_saves_from_search_and_shows_interest_on_the_job(page: Page) -> None:
    log_in(page, "borger2@fleksbro.example")
    visit(page, "/job")
    check_at_both_widths(page)
    results = page.locator("main .app-results")
    save = results.get_by_role("button", name=re.compile(r"^Gem – ")).first
    title = (save.text_content() or "").split("–", 1)[1].strip()
    submit(page, save)
    assert path_of(page) == "/job"
    expect(page.locator("main")).to_contain_text("Jobbet er gemt.")
    item = results.locator(".app-result", has_text=title).first
    expect(item.get_by_role("button", name=re.compile(r"^Fjern fra gemte"))).to_be_visible()
    check_at_both_widths(page)

    with page.expect_navigation():
        item.get_by_role("link", name=title).click()
    assert re.fullmatch(r"/job/\d+", path_of(page))
    main = page.locator("main")
    expect(main.get_by_role("button", name=re.compile(r"^Fjern fra gemte"))).to_be_visible()
    check_at_both_widths(page)
    submit(page, main.get_by_role("button", name=re.compile(r"^Jeg er interesseret")))
    assert path_of(page).startswith("/match/")
    expect(page.locator("main")).to_contain_text("Vi har givet besked til den anden part.")


def test_company_reaches_candidates_from_postings_and_posting(page: Page) -> None:
    log_in(page, "virksomhed@fleksbro.example")
    visit(page, "/virksomhed/opslag")
    check_at_both_widths(page)
    link = page.locator("main").get_by_role("link", name=re.compile(r"^Se kandidater")).first
    with page.expect_navigation():
        link.click()
    assert CANDIDATES.fullmatch(path_of(page))
    candidates = path_of(page)
    expect(page.locator("h1")).to_contain_text("Kandidater til")

    visit(page, candidates.removesuffix("/kandidater").replace("/opslag/", "/job/"))
    check_at_both_widths(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Se kandidater").click()
    assert path_of(page) == candidates


def _jobcentre_id(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            found: int = db.execute(
                text(
                    "SELECT p.jobcentre_id FROM flexjobber_profiles p JOIN users u"
                    " ON u.id = p.user_id WHERE u.email = 'borger@fleksbro.example'"
                )
            ).scalar_one()
            return found
    finally:
        engine.dispose()


def _new_flexjobber(live_server: LiveServer, jobcentre_id: int) -> tuple[str, str]:
    email, password = f"ny-{uuid.uuid4().hex[:8]}@fleksbro.example", "Ny-fleksjobber-2026"
    env = os.environ | {"FLEKSBRO_DATABASE_URL": live_server.database_url}
    subprocess.run(
        [
            sys.executable, "-m", "app.cli", "create-user", "--email", email, "--name", "Ny Borger",
            "--role", "flexjobber", "--jobcentre-id", str(jobcentre_id), "--password", password,
        ],
        cwd=PROJECT_ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return email, password


def _wait_for_index(live_server: LiveServer, timeout: float = 300.0) -> None:
    """The server's first full build encodes the whole demo set; newcomers come after it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{live_server.url}/readyz", timeout=5) as response:
            if json.loads(response.read())["match_index"] == "ready":
                return
        time.sleep(1)
    pytest.fail("the match index was not built in time")


def _no_polling(route: Route) -> None:
    # Keeps the "still finding" state on screen while axe looks at it.
    if route.request.headers.get("hx-request"):
        route.abort()
    else:
        route.continue_()


def test_mine_match_says_it_is_finding_jobs_then_shows_them(
    page: Page, live_server: LiveServer
) -> None:
    jobcentre = _jobcentre_id(live_server.database_url)
    _wait_for_index(live_server)
    # The index syncs every 3 s, so a fresh profile may be ranked before the page opens: try
    # again with another newcomer until one sees the "still finding" state.
    for _attempt in range(6):
        email, password = _new_flexjobber(live_server, jobcentre)
        page.context.clear_cookies()
        log_in(page, email, password)
        page.route("**/mine-match", _no_polling)
        visit(page, "/profil")  # the profile is created on the first visit
        visit(page, "/mine-match")
        if FINDING in page.locator("main").inner_text():
            break
        page.unroute("**/mine-match")
    else:
        pytest.fail("every new profile was ranked before its Mine match opened")
    main = page.locator("main")
    expect(main).not_to_contain_text("Prøv at tilføje flere kompetencer")
    check_at_both_widths(page)
    page.unroute("**/mine-match")
    # No reload: htmx asks again every 3 s and swaps the list in once it is there.
    expect(page.locator("#job-suggestions")).not_to_contain_text(FINDING, timeout=60_000)
    assert path_of(page) == "/mine-match"
