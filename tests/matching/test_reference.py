from matching.reference import (
    ACCOMMODATIONS,
    SCHEDULE_SLOTS,
    is_valid_postcode,
    occupation_by_uri,
    postcode_info,
    search_occupations,
    suggested_skills,
)

EXPECTED_CODES = {
    "no_heavy_lifting",
    "limited_standing",
    "limited_walking",
    "sit_stand_alternation",
    "varied_tasks",
    "step_free_access",
    "quiet_environment",
    "low_time_pressure",
    "clear_structure",
    "limited_customer_contact",
    "flexible_hours",
    "extra_breaks",
    "remote_work",
    "limited_screen_time",
    "gradual_start",
    "fixed_contact_person",
    "ergonomic_aids",
    "no_evening_night_work",
}


def test_postcodes():
    info = postcode_info("8000")
    assert info is not None and info.name == "Aarhus C" and "Aarhus" in info.kommune
    assert 56 < info.lat < 57 and 10 < info.lon < 11
    assert postcode_info(8000) == info
    assert is_valid_postcode("2100") and not is_valid_postcode("9999") and not is_valid_postcode("")
    assert postcode_info(None) is None and postcode_info("abc") is None


def test_search_is_danish_aware():
    labels = [o.label_da for o in search_occupations("regnskabsassistent", 5)]
    assert labels[0] == "regnskabsassistent"
    # case, æ/ø/å folding and prefixes
    assert "pædagog" in {o.label_da for o in search_occupations("PAEDAGOG", 20)} | {
        a for o in search_occupations("PAEDAGOG", 20) for a in o.alt_da
    }
    assert search_occupations("lagerarb", 3)[0].label_da.startswith("lagerarbejder")
    assert all(
        "sygeplej" in (o.label_da + " ".join(o.alt_da)).lower()
        for o in search_occupations("sygepl", 5)
    )
    assert search_occupations("", 5) == [] and search_occupations("zzzqqq", 5) == []
    assert search_occupations("nurse", 3, lang="en")[0].label_en.startswith("nurse")


def test_occupation_lookup_and_skills():
    occ = search_occupations("regnskabsassistent", 1)[0]
    assert occupation_by_uri(occ.uri) == occ and len(occ.isco) == 4
    skills = suggested_skills([occ.uri, "http://unknown"])
    assert skills and set(skills) <= set(occ.essential_skills)
    assert suggested_skills([]) == []


def test_accommodations_and_slots():
    assert {a.code for a in ACCOMMODATIONS} == EXPECTED_CODES
    assert all(a.label_da and a.label_en and a.explanation_da for a in ACCOMMODATIONS)
    assert (
        len(SCHEDULE_SLOTS) == 21
        and "mon_morning" in SCHEDULE_SLOTS
        and "sun_evening" in SCHEDULE_SLOTS
    )


def test_all_isco_groups_shipped():
    from matching.reference import all_occupations

    majors = {o.isco[0] for o in all_occupations()}
    assert majors == set("0123456789")
    assert len(all_occupations()) > 3000
