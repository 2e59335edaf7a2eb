"""Scores are shown as a number 0–100 with its plain-language band, the same on every page and in
the API. No score value is hard-coded: the matcher's calibration changes what the numbers are."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.matches.display import shown_band, shown_score
from app.matchmaking.engine import MatchEngine
from app.models import User, Visibility
from matching.bands import band
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]
DANISH = {"strong": "Stærkt match", "good": "Godt match", "possible": "Muligt match"}
ENGLISH = {"strong": "Strong match", "good": "Good match", "possible": "Possible match"}
SHOWN = re.compile(r"(Stærkt match|Godt match|Muligt match) · (\d{1,3})")


def test_the_shown_number_and_band_agree_at_the_edges() -> None:
    assert shown_score(49.4) == 49 and shown_band(49.4) == "good"
    assert shown_score(49.5) == 50 and shown_band(49.5) == "strong"
    assert shown_band(24.6) == "good" and shown_band(24.4) == "possible"
    assert shown_score(-0.3) == 0 and shown_score(100.4) == 100


def _assert_bands_fit(text: str, labels: dict[str, str]) -> int:
    pattern = re.compile(rf"({'|'.join(labels.values())}) · (\d{{1,3}})")
    found = pattern.findall(text)
    for label, number in found:
        assert label == labels[band(float(number))], (label, number)
    return len(found)


def test_pages_show_band_and_number(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    db.flush()
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)
    assert _assert_bands_fit(person.get("/mine-match").text, DANISH) >= 2
    company = browser(personas.company_user)
    assert _assert_bands_fit(company.get(f"/opslag/{personas.job.id}/kandidater").text, DANISH)
    assert _assert_bands_fit(browser(personas.consultant).get("/konsulent/match").text, DANISH)
    # English readers get the English band, never a Danish word.
    person.cookies.set("fleksbro_lang", "en")
    page = person.get("/mine-match").text
    assert _assert_bands_fit(page, ENGLISH) >= 2 and not SHOWN.search(page)


def test_the_api_gives_band_and_its_label(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    db.flush()
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)
    items = person.get("/api/v1/me/matches").json()["items"]
    company = browser(personas.company_user)
    items += company.get(f"/api/v1/jobs/{personas.job.id}/candidates").json()["items"]
    assert len(items) >= 3
    for item in items:
        assert 0 <= item["score"] <= 100
        assert item["band"] == shown_band(item["score"])
        assert item["band_label"] == DANISH[item["band"]]
    person.cookies.set("fleksbro_lang", "en")
    for item in person.get("/api/v1/me/matches").json()["items"]:
        assert item["band_label"] == ENGLISH[item["band"]]


def test_lists_take_a_limit(
    db: Session, personas: Personas, browser: Browser, match_engine: MatchEngine
) -> None:
    match_engine.sync(db, full=True)
    person = browser(personas.flexjobber)
    assert len(person.get("/api/v1/me/matches?limit=1").json()["items"]) == 1
    assert person.get("/api/v1/me/matches?limit=0").status_code == 422
    assert person.get("/api/v1/me/matches?limit=101").status_code == 422
