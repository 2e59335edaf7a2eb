"""Danish free text: profile and posting share no words but mean the same."""

import pytest

JOBS = [
    {
        "id": "regnskab",
        "title": "Regnskabsassistent",
        "description": "Vi søger en regnskabsassistent til vores økonomiafdeling.",
    },
    {
        "id": "lager",
        "title": "Lagermedarbejder",
        "description": "Pluk og pak af varer på vores lager.",
    },
    {
        "id": "paedagog",
        "title": "Pædagogmedhjælper",
        "description": "Børnehave søger medhjælper til de 3-6-årige.",
    },
    {"id": "chauffoer", "title": "Buschauffør", "description": "Kør rutebus i Aarhus."},
    {"id": "koek", "title": "Køkkenmedhjælper", "description": "Opvask og klargøring i kantine."},
    {"id": "it", "title": "IT-supporter", "description": "Hjælp brugere med computere og netværk."},
]

CASES = [
    ({"id": "p1", "about": "Jeg har styr på bogføring og fakturering"}, "regnskab"),
    ({"id": "p2", "about": "Jeg kan godt lide at passe små børn og lege med dem"}, "paedagog"),
    ({"id": "p3", "headline": "Har kørekort til store køretøjer og kan lide at køre"}, "chauffoer"),
    (
        {"id": "p4", "about": "Jeg er god til at fikse computere og hjælpe kolleger med teknik"},
        "it",
    ),
]


@pytest.mark.parametrize(("profile", "expected"), CASES, ids=[c[1] for c in CASES])
def test_paraphrase_ranks_first(make_index, profile, expected):
    index = make_index([profile], JOBS)
    results = index.top_jobs(profile["id"], k=3)
    assert results[0].id == expected, [(m.id, m.score) for m in results]


def test_job_to_profile_paraphrase(make_index):
    index = make_index([c[0] for c in CASES], JOBS)
    assert index.top_profiles("regnskab", k=1)[0].id == "p1"
