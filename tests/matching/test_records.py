import math

from matching.records import JobRecord, ProfileRecord


def test_garbage_is_no_information():
    p = ProfileRecord.from_json(
        {
            "id": "p",
            "hours_min": "x",
            "hours_max": math.inf,
            "skills": "excel",
            "accommodation_needs": ["bogus", "extra_breaks"],
            "postcode": None,
            "max_distance_km": -5,
            "remote_ok": "yes",
            "wished_jobs": None,
        }
    )
    assert p.hours_min is None and p.hours_max is None and p.skills == ("excel",)
    assert p.accommodation_needs == {"extra_breaks"} and p.max_distance_km is None
    assert p.remote_ok is None and p.wished_jobs == ()


def test_hours_out_of_range_ignored_and_swapped():
    j = JobRecord.from_json({"id": "j", "hours_min": 500, "hours_max": -3})
    assert j.hours_min is None and j.hours_max is None
    j = JobRecord.from_json({"id": "j", "hours_min": 30, "hours_max": "12"})
    assert (j.hours_min, j.hours_max) == (12, 30)


def test_essential_counts_as_need_and_nice_is_derived():
    p = ProfileRecord.from_json(
        {
            "id": "p",
            "accommodation_needs": ["extra_breaks"],
            "accommodation_essential": ["remote_work"],
        }
    )
    assert p.accommodation_needs == {"extra_breaks", "remote_work"}
    assert p.accommodation_nice == {"extra_breaks"}


def test_empty_offer_list_is_no_information():
    assert (
        JobRecord.from_json({"id": "j", "accommodations_offered": []}).accommodations_offered
        is None
    )
