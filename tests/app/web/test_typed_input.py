"""Typed input once (app.kit.typed): the same model and messages for a form, a query string,
an API body and a CSV row. Pure: no database."""

from __future__ import annotations

import pytest

from app.candidates.forms import parse_filters
from app.errors import ValidationFailed
from app.jobs.schemas import FIELDS, JobCreate, PostingIn
from app.jobs.service import clean_filters
from app.kit.typed import validated
from app.matches.forms import action_from_form

POSTING = {"title": "Kok", "hours_min": "10", "hours_max": "20", "postcode": "2900"}


def test_the_posting_field_list_is_the_models() -> None:
    assert tuple(PostingIn.model_fields) == FIELDS
    assert set(FIELDS) < set(JobCreate.model_fields)


def test_form_text_and_json_values_give_the_same_posting() -> None:
    form = validated(PostingIn, POSTING | {"required_skills": "Excel\nkasse", "remote": "1"})
    body = validated(
        PostingIn,
        {**POSTING, "hours_min": 10, "required_skills": ["Excel", "kasse"], "remote": True},
    )
    assert form == body and form.hours_min == 10 and form.required_skills == ["Excel", "kasse"]


@pytest.mark.parametrize("value", ["²", "٣", "99999999999999999999", "x" * 300, ["10"]])
def test_bad_numbers_are_a_danish_message_never_an_exception(value: object) -> None:
    with pytest.raises(ValidationFailed) as failed:
        validated(PostingIn, POSTING | {"hours_min": value})
    assert failed.value.fields["hours_min"] == "Skriv et helt antal timer mellem 1 og 37."


def test_a_search_with_a_wrong_filter_keeps_the_others() -> None:
    filters, errors = parse_filters(hours_min="²", hours_max="20", distance="10", page="٣")
    assert errors == {
        "hours_min": "Skriv et antal timer mellem 0 og 37.",
        "posting": "Vælg det jobopslag, afstanden skal måles fra.",
    }
    assert (filters.hours_min, filters.hours_max, filters.distance_km) == (None, 20, None)
    assert filters.page == 1
    jobs, errors = clean_filters("kok", "1", "9999", "0000", ["extra_breaks", "nope"], "x")
    assert set(errors) == {"max_km", "origin", "accommodations", "job_type"}
    assert (jobs.q, jobs.fit_hours, jobs.accommodations) == ("kok", True, ["extra_breaks"])


def test_a_match_action_form_keeps_its_right_fields() -> None:
    data = action_from_form(
        {"action": "trial", "trial_start": "31-12-9999", "trial_end": "2030-02-01"}
    )
    assert data.errors == {"trial_start": "Skriv en gyldig dato."}
    assert data.end is not None and data.end.year == 2030
    meeting = action_from_form({"action": "meeting", "meeting_date": "2030-01-01"})
    assert meeting.errors == {"meeting_at": "Skriv et gyldigt klokkeslæt, fx 10:30."}
    # Fields another action reads are not looked at.
    assert action_from_form({"action": "save", "trial_start": "²"}).errors == {}
