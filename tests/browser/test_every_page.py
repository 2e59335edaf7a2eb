"""Every GET page of each role, reached as that role would reach it, passes axe at 1280 px and
320 px. IDs (a posting, a company, a profile, a match) are taken from links on earlier pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from app.profiles.completeness import STEPS
from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import first_href, hrefs, log_in, visit, wait_until

pytestmark = pytest.mark.browser

CONSULTANT = "konsulent@gentofte.fleksbro.example"
JOB = r"/job/\d+"
MATCH = r"/match/\d+"


def _check(page: Page, path: str) -> None:
    visit(page, path)
    check_at_both_widths(page)


def _check_all(page: Page, paths: list[str]) -> None:
    for path in paths:
        _check(page, path)


def test_flexjobber_pages(page: Page) -> None:
    log_in(page, "borger@fleksbro.example")
    check_at_both_widths(page)  # /hjem
    steps = [f"/profil/{step.slug}" for step in STEPS]
    _check_all(page, ["/profil", *steps, "/profil/forhaandsvisning", "/job"])
    _check(page, first_href(page, JOB))
    wait_until(page, "/mine-match", ".app-match-list, #job-suggestions > p")
    check_at_both_widths(page)
    matches = hrefs(page, MATCH)
    _check_all(page, ["/mine-data", "/notifikationer", *matches[:1]])


def test_company_pages(page: Page) -> None:
    log_in(page, "virksomhed@fleksbro.example")
    check_at_both_widths(page)
    _check(page, "/virksomhed/opslag")
    new_posting = first_href(page, r"/opslag/ny\?virksomhed=\d+")
    company = "/virksomheder/" + new_posting.rsplit("=", 1)[1]
    edit = first_href(page, r"/opslag/\d+/rediger")
    job = first_href(page, JOB)  # companies have no job search, only their own postings
    posting = edit.removesuffix("/rediger")
    _check_all(page, [new_posting, edit, "/kandidater"])
    wait_until(page, f"{posting}/kandidater", "main table, main .app-candidate-list")
    check_at_both_widths(page)
    profiles = hrefs(page, r"/profiler/\d+")
    matches = hrefs(page, MATCH)
    _check_all(page, [company, f"{company}/rediger", f"{company}/kolleger", job])
    _check_all(page, ["/notifikationer", *profiles[:1], *matches[:1]])


def test_consultant_pages(page: Page) -> None:
    log_in(page, CONSULTANT)
    check_at_both_widths(page)
    _check(page, "/konsulent")
    profile = first_href(page, r"/profiler/\d+")
    company = first_href(page, r"/virksomheder/\d+")
    _check_all(page, ["/konsulent/soeg?q=a", "/konsulent/borgere/ny", "/konsulent/import"])
    _check_all(page, ["/virksomheder", "/virksomheder/ny", "/inviter", "/kandidater"])
    _check_all(page, [profile, f"{profile}/rediger/om-mig", company, f"{company}/rediger"])
    _check_all(page, ["/opslag/ny", "/job"])
    job = first_href(page, JOB)
    _check_all(page, [job, f"/opslag/{job.rsplit('/', 1)[1]}/kandidater"])
    wait_until(page, "/konsulent/match", ".app-board, main table")
    check_at_both_widths(page)
    matches = hrefs(page, MATCH)
    _check_all(page, ["/notifikationer", *matches[:1]])


def test_admin_pages(page: Page) -> None:
    log_in(page, "admin@fleksbro.example")
    check_at_both_widths(page)
    _check_all(page, ["/inviter", "/job", "/notifikationer", "/virksomheder"])
    company = first_href(page, r"/virksomheder/\d+")
    _check_all(page, [company, f"{company}/rediger", f"{company}/kolleger"])
