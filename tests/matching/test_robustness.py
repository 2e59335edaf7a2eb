"""Hostile inputs never crash and still give a sensible ranking."""

JOBS = [
    {
        "id": "regnskab",
        "title": "regnskabsassistent",
        "description": "Bogføring og fakturering",
        "hours_min": 10,
        "hours_max": 20,
    },
    {"id": "lager", "title": "lagerarbejder", "description": "Pluk og pak 📦", "postcode": "0000"},
    {"id": "empty"},
    {"id": "long", "title": "tømrer", "description": "træ " * 5000},
]

PROFILES = [
    {"id": "empty"},
    {"id": "emoji", "about": "😀🎉🙈", "wished_jobs": ["💼"], "skills": ["🙂"]},
    {"id": "long", "about": "bogføring " * 2500, "hours_min": -50, "hours_max": 900},
    {
        "id": "weird",
        "postcode": "ABCDE",
        "hours_min": "ti",
        "max_distance_km": "far",
        "skills": [None, 3, "bogføring"],
    },
    {"id": "bogholder", "wished_jobs": ["bogholder"], "hours_min": 999, "hours_max": 999},
]


def test_no_crash_and_sensible(make_index):
    index = make_index(PROFILES, JOBS)
    for p in PROFILES:
        res = index.top_jobs(p["id"], k=10)
        assert len(res) == len(JOBS)  # nothing excluded for lack of information
        assert all(0 <= m.score <= 100 for m in res)
    for j in JOBS:
        assert len(index.top_profiles(j["id"], k=10)) >= 4
    assert index.top_jobs("long", k=1)[0].id == "regnskab"
    assert index.top_jobs("weird", k=1)[0].id == "regnskab"
    # 999 hours is a typo, not a preference: ignored, so nothing is excluded
    assert index.top_jobs("bogholder", k=1)[0].id == "regnskab"


def test_remove_and_update(make_index):
    index = make_index(PROFILES, JOBS)
    assert index.remove_job("regnskab") and not index.remove_job("regnskab")
    assert "regnskab" not in {m.id for m in index.top_jobs("long", k=10)}
    from matching.records import JobRecord

    index.upsert_jobs([JobRecord.from_json({"id": "lager", "title": "regnskabsassistent"})])
    assert index.top_jobs("long", k=1)[0].id == "lager"
    assert len(index.jobs) == 3
