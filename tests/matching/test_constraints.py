"""Hard constraints exclude only when both sides give the information."""

BASE_JOB = {
    "title": "regnskabsassistent",
    "description": "Bogføring og fakturering",
    "skills": ["bookkeeping"],
}
PERSON = {
    "id": "p",
    "wished_jobs": ["bogholder"],
    "skills": ["bogføring"],
    "hours_min": 10,
    "hours_max": 15,
    "postcode": "8000",
    "max_distance_km": 20,
    "accommodation_needs": ["extra_breaks", "quiet_environment"],
    "accommodation_essential": ["quiet_environment"],
}


def jobs():
    return [
        {
            "id": "fits",
            **BASE_JOB,
            "hours_min": 12,
            "hours_max": 12,
            "postcode": "8200",
            "accommodations_offered": ["quiet_environment", "extra_breaks"],
        },
        {"id": "too_many_hours", **BASE_JOB, "hours_min": 30, "hours_max": 37, "postcode": "8000"},
        {"id": "too_far", **BASE_JOB, "postcode": "2100"},
        {"id": "remote_far", **BASE_JOB, "postcode": "2100", "remote": True},
        {
            "id": "no_quiet",
            **BASE_JOB,
            "postcode": "8000",
            "accommodations_offered": ["extra_breaks"],
        },
        {"id": "no_info", **BASE_JOB},
        {"id": "bare"},
        {"id": "unknown_postcode", **BASE_JOB, "postcode": "9999"},
    ]


def test_violations_excluded_and_missing_never_excludes(make_index):
    index = make_index([PERSON], jobs())
    ids = [m.id for m in index.top_jobs("p", k=20)]
    assert {"too_many_hours", "too_far", "no_quiet"}.isdisjoint(ids)
    assert {"fits", "remote_far", "no_info", "bare", "unknown_postcode"} <= set(ids)
    assert ids.index("fits") < ids.index("bare")


def test_same_constraints_in_job_to_profile_direction(make_index):
    people = [
        PERSON,
        {**PERSON, "id": "p_short_hours", "hours_min": 1, "hours_max": 5},
        {"id": "p_empty"},
        {**PERSON, "id": "p_no_must", "accommodation_essential": []},
    ]
    index = make_index(people, jobs())
    for job_id, must_be_missing in [
        ("too_many_hours", {"p", "p_short_hours", "p_no_must"}),
        ("no_quiet", {"p"}),
        ("too_far", {"p", "p_short_hours", "p_no_must"}),
    ]:
        ids = {m.id for m in index.top_profiles(job_id, k=10, use_needs=True)}
        assert ids.isdisjoint(must_be_missing - ({"p_no_must"} if job_id == "no_quiet" else set()))
        assert "p_empty" in ids
    assert "p_no_must" in {m.id for m in index.top_profiles("no_quiet", k=10, use_needs=True)}


def test_a_company_ranking_never_reads_needs(make_index):
    """By default (what a company reads) must-haves neither exclude nor move anyone: the
    posting's offer must not reveal who needs what (ARCHITECTURE.md, "Health data")."""
    needy = {**PERSON, "id": "needy"}
    same = {**PERSON, "id": "same", "accommodation_essential": [], "accommodation_needs": []}
    index = make_index([needy, same], jobs())
    ranked = {m.id: m.score for m in index.top_profiles("no_quiet", k=10)}
    assert set(ranked) == {"needy", "same"}
    assert ranked["needy"] == ranked["same"]
    staff = {m.id for m in index.top_profiles("no_quiet", k=10, use_needs=True)}
    assert staff == {"same"}


def test_remote_only_people_and_on_site_jobs_never_meet(make_index):
    home = {**PERSON, "id": "home", "remote_only": True, "accommodation_essential": []}
    on_site = {"id": "on_site", **BASE_JOB, "postcode": "8000", "remote": False}
    index = make_index([home, {**PERSON, "accommodation_essential": []}], [*jobs(), on_site])
    assert "home" not in {m.id for m in index.top_profiles("on_site", k=10)}
    assert "p" in {m.id for m in index.top_profiles("on_site", k=10)}
    assert "home" in {m.id for m in index.top_profiles("remote_far", k=10)}
    jobs_for_home = {m.id for m in index.top_jobs("home", k=20)}
    assert "on_site" not in jobs_for_home and "remote_far" in jobs_for_home
    assert "on_site" in {m.id for m in index.top_jobs("p", k=20)}


def test_hard_bench_constraints_never_violated_in_top10(shared_dir, make_index):
    """A slice of esco-dev-hard: for every profile, no constraint-breaking twin in its top 10."""
    import json

    from matching.records import JobRecord, ProfileRecord

    d = shared_dir / "bench" / "esco-dev-hard"
    profiles = [json.loads(x) for x in (d / "profiles.jsonl").read_text("utf-8").splitlines()][:25]
    wanted = {p["id"][1:] for p in profiles}
    all_jobs = [json.loads(x) for x in (d / "jobs.jsonl").read_text("utf-8").splitlines()]
    jobs_ = [j for j in all_jobs if j["id"][1:] in wanted]
    index = make_index(profiles, jobs_)
    violations = 0
    for p in profiles:
        pr = ProfileRecord.from_json(p)
        for m in index.top_jobs(pr, k=10, with_reasons=False):
            j = JobRecord.from_json(next(x for x in jobs_ if x["id"] == m.id))
            hours_ok = not (j.hours_min > pr.hours_max or j.hours_max < pr.hours_min)
            acc_ok = pr.accommodation_essential <= (j.accommodations_offered or frozenset())
            dist_ok = (
                m.components["distance_km"] is None
                or m.components["distance_km"] <= pr.max_distance_km
            )
            violations += not (hours_ok and acc_ok and dist_ok)
    assert violations == 0
    # and the twin that fits ranks first for most profiles
    firsts = sum(
        index.top_jobs(ProfileRecord.from_json(p), k=1, with_reasons=False)[0].id
        == "j" + p["id"][1:]
        for p in profiles
    )
    assert firsts >= 20
