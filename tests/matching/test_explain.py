"""Reasons in plain Danish/English; companies never see undisclosed accommodation needs."""

import re

PERSON = {
    "id": "p",
    "wished_jobs": ["bogholder"],
    "skills": ["bogføring", "fakturering", "svejsning"],
    "hours_min": 10,
    "hours_max": 15,
    "postcode": "8000",
    "max_distance_km": 30,
    "accommodation_needs": ["extra_breaks", "quiet_environment", "flexible_hours"],
    "accommodation_essential": ["quiet_environment"],
}
JOB = {
    "id": "j",
    "title": "regnskabsassistent",
    "description": "Opgaver: bogføring og fakturering",
    "skills": ["bogføring", "fakturering"],
    "hours_min": 12,
    "hours_max": 12,
    "postcode": "8200",
    "accommodations_offered": ["extra_breaks", "quiet_environment", "flexible_hours"],
}

ACC_WORDS = re.compile(
    r"skånehensyn|accommodation|pause|break|roligt|quiet|fleksib|flexib|tilbudt|offered", re.I
)


def test_person_view_reasons(make_index):
    index = make_index([PERSON], [JOB])
    (m,) = index.top_jobs("p", k=1)
    da = m.reasons_text("da")
    en = m.reasons_text("en")
    assert "Du kan arbejde 10–15 timer, jobbet er 12 timer om ugen" in da
    assert any(re.fullmatch(r"\d+ km fra dit postnummer", r) for r in da)
    assert "Virksomheden tilbyder 3 af dine 3 skånehensyn" in da
    assert any(r.startswith("Dine kompetencer bogføring og fakturering") for r in da)
    assert "The company offers 3 of your 3 accommodations" in en
    assert len(da) == len(en)


def test_what_does_not_fit_is_said(make_index):
    job = {**JOB, "hours_min": 12, "hours_max": 20, "accommodations_offered": ["quiet_environment"]}
    index = make_index([PERSON], [job])
    da = index.top_jobs("p", k=1)[0].reasons_text("da")
    assert "Virksomheden tilbyder 1 af dine 3 skånehensyn" in da
    assert any(r.startswith("Ikke tilbudt:") for r in da)
    assert any(r.startswith("Jobbet er 12–20 timer om ugen") for r in da)


def test_company_view_hides_accommodations_without_consent(make_index):
    index = make_index([PERSON], [JOB])
    (m,) = index.top_profiles("j", k=1)  # default: nobody has consented
    texts = m.reasons_text("da") + m.reasons_text("en")
    assert texts and not any(ACC_WORDS.search(t) for t in texts)
    assert not any("accommodation" in k for k in m.components)
    assert any(t.startswith("Personen kan arbejde") for t in texts)

    (m,) = index.top_profiles("j", k=1, may_show_accommodations=lambda ids: {"p"} & set(ids))
    assert "Virksomheden tilbyder 3 af personens 3 skånehensyn" in m.reasons_text("da")
