"""Geography and labels by language each live in one module (issue 11, point 1); these are the
answers every search, filter and page builds on."""

from __future__ import annotations

import pytest

from app.taxonomy import geography, labels
from matching import reference


def test_distance_between_postcode_centres() -> None:
    km = geography.distance_km("2900", "8000")  # Hellerup – Aarhus C
    assert km is not None and 150 < km < 175
    assert geography.distance_km("2900", "2900") == pytest.approx(0.0, abs=0.01)
    assert geography.distance_km("2900", "0000") is None
    assert geography.distance_km(None, "2900") is None


def test_postcodes_within_agree_with_the_distance() -> None:
    near = geography.postcodes_within("2900", 10)
    assert "2900" in near and "2800" in near and "8000" not in near
    assert list(near) == sorted(near)
    for code in near:
        km = geography.distance_km("2900", code)
        assert km is not None and km <= 10
    wider = geography.postcodes_within("2900", 30)
    assert set(near) < set(wider)
    assert geography.postcodes_within("0000", 50) == ()


def test_labels_follow_the_language_and_fall_back_to_danish() -> None:
    first = reference.ACCOMMODATIONS[0]
    assert labels.label(first, "en") == first.label_en
    assert labels.label(first, "da") == first.label_da
    assert labels.label(first, "de") == first.label_da
    assert labels.accommodation_label(first.code, "en") == first.label_en
    assert labels.accommodation_label("no_such_code", "en") == "no_such_code"
    choices = labels.accommodation_choices("en")
    assert [code for code, _ in choices] == [a.code for a in reference.ACCOMMODATIONS]
    assert labels.accommodation_labels("da")[first.code] == first.label_da
