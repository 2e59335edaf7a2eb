"""Reasons speak to their reader, in the reader's language, without ESCO's internal labels."""

from __future__ import annotations

import re

from matching.skill_labels import skill_label

PERSON = {
    "id": "p",
    "wished_jobs": ["kontorassistent"],
    "skills": ["have computer literacy", "bogføring"],
    "hours_min": 10,
    "hours_max": 15,
    "postcode": "2900",
    "max_distance_km": 20,
}
JOBS = [
    {
        "id": "office",
        "title": "kontorassistent",
        "description": "Post, telefon og kalender",
        "skills": ["have computer literacy"],
        "hours_min": 10,
        "hours_max": 12,
        "postcode": "2900",
    },
    {
        "id": "far_off",
        "title": "tømrer",
        "description": "Tagarbejde og forskalling på byggepladser",
        "skills": ["carpentry"],
        "hours_min": 10,
        "hours_max": 12,
        "postcode": "2900",
    },
]
SECOND_PERSON = re.compile(r"\b(du|dig|din|dit|dine)\b", re.IGNORECASE)


def test_skills_are_named_in_the_readers_language(make_index):
    assert skill_label("have computer literacy", "da") == "IT-kundskaber"
    assert skill_label("IT-kundskaber", "en") == "have computer literacy"
    assert skill_label("strikning", "da") == "strikning"  # the person's own words stay
    index = make_index([PERSON], JOBS)
    (best,) = index.top_jobs("p", k=1)
    danish = " ".join(best.reasons_text("da"))
    english = " ".join(best.reasons_text("en"))
    assert "IT-kundskaber" in danish and "computer literacy" not in danish
    assert "have computer literacy" in english


def test_the_board_and_the_company_read_about_the_person(make_index):
    index = make_index([PERSON], JOBS)
    mine = index.top_jobs("p", k=2)
    board = index.top_jobs("p", k=2, audience="consultant")
    company = index.top_profiles("office", k=1)
    assert any(SECOND_PERSON.search(r) for m in mine for r in m.reasons_text("da"))
    for m in [*board, *company]:
        for reason in m.reasons_text("da"):
            assert not SECOND_PERSON.search(reason), reason
    assert any("ersonen" in r for m in board for r in m.reasons_text("da"))


def test_no_esco_labels_and_no_all_fitting_reasons_beside_a_low_score(make_index):
    index = make_index([PERSON], JOBS)
    by_id = {m.id: m for m in index.top_jobs("p", k=2)}
    for m in by_id.values():
        assert not any("lædervare" in r for r in m.reasons_text("da"))
    weak = by_id["far_off"]
    assert weak.score < by_id["office"].score
    # The practical reasons fit (hours, distance), but the work does not: it says so.
    assert any(not r.fits and r.code in ("work", "skills") for r in weak.reasons)
