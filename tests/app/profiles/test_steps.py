"""Each step page saves what the person typed, and refuses bad input with 422 and no change."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import AccommodationNeeds, FlexjobberProfile, JobseekerStatus, User, Visibility
from tests.app.profiles.support import post_form
from tests.support.personas import Personas
from tests.support.web import login


@pytest.fixture
def anna(client: TestClient, personas: Personas) -> FlexjobberProfile:
    assert login(client, personas.flexjobber.email).status_code == 303
    return personas.profile


def _fresh(db: Session, profile: FlexjobberProfile) -> FlexjobberProfile:
    db.expire_all()
    found = db.get(FlexjobberProfile, profile.id)
    assert found is not None
    return found


def test_overview_shows_completeness_and_next_steps(client: TestClient, anna) -> None:
    page = client.get("/profil")
    assert page.status_code == 200
    assert "udfyldt" in page.text
    assert "Tilføj din uddannelse" in page.text
    assert 'href="/profil/uddannelse"' in page.text


def test_first_visit_creates_a_hidden_profile_with_a_pseudonym(
    client: TestClient, db: Session, personas: Personas
) -> None:
    newcomer = User(
        email="ny@test.example",
        display_name="Ny Person",
        role=personas.flexjobber.role,
        jobcentre_id=personas.jobcentre.id,
        password_hash=personas.flexjobber.password_hash,
        active=True,
    )
    db.add(newcomer)
    db.flush()
    login(client, newcomer.email)
    assert client.get("/profil").status_code == 200
    profile = db.query(FlexjobberProfile).filter_by(user_id=newcomer.id).one()
    assert profile.visibility == Visibility.HIDDEN
    assert profile.pseudonym.startswith("Kandidat ") and len(profile.pseudonym) == 13
    assert client.get("/profil").status_code == 200
    assert db.query(FlexjobberProfile).filter_by(user_id=newcomer.id).count() == 1


def test_about_saves_and_updates_search_text(client: TestClient, db: Session, anna) -> None:
    response = post_form(
        client,
        "/profil/om-mig",
        {
            "display_name": "Anna Fleksen",
            "headline": "Glad lagermedarbejder",
            "about": "Jeg kan lide orden.",
            "status": "ledighedsydelse",
            "available_from": "2027-02-01",
        },
    )
    assert response.status_code == 303
    profile = _fresh(db, anna)
    assert profile.headline == "Glad lagermedarbejder"
    assert profile.status == JobseekerStatus.LEDIGHEDSYDELSE
    assert profile.available_from == date(2027, 2, 1)
    assert db.get(User, anna.user_id).display_name == "Anna Fleksen"
    assert "lagermedarbejder" in profile.search_text
    assert "Dine ændringer er gemt" in client.get(response.headers["location"]).text


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"display_name": ""}, "display_name"),
        ({"headline": "x" * 201}, "headline"),
        ({"about": "x" * 4001}, "about"),
        ({"status": "rig"}, "status"),
        ({"available_from": "31-02-2027"}, "available_from"),
        ({"available_from": "i morgen"}, "available_from"),
    ],
)
def test_about_refuses_bad_input(
    client: TestClient, db: Session, anna, data: dict[str, str], field: str
) -> None:
    form = {"display_name": "Anna", "headline": "Ny overskrift", "about": "", "status": ""}
    response = post_form(client, "/profil/om-mig", form | data)
    assert response.status_code == 422
    assert f'href="#{field}"' in response.text
    assert f'aria-describedby="{field}-error"' in response.text or f"{field}-error" in response.text
    if field != "headline":
        assert "Ny overskrift" in response.text  # what was typed is kept
    profile = _fresh(db, anna)
    assert profile.headline == "Erfaren kontorassistent søger fleksjob"
    assert db.get(User, anna.user_id).display_name == "Anna Fleks"


def test_wished_jobs_resolve_esco_and_keep_free_text(client: TestClient, db: Session, anna) -> None:
    page = client.get("/profil/jobmaal")
    assert 'list="stillinger-forslag"' in page.text and 'hx-get="/taxonomi/stillinger"' in page.text
    response = post_form(
        client, "/profil/jobmaal", {"q": ["Lagermedarbejder", "Drømmejob med hunde", ""]}
    )
    assert response.status_code == 303
    jobs = _fresh(db, anna).wished_jobs
    assert jobs[0]["label"] == "Lagermedarbejder"
    assert jobs[0]["uri"].startswith("http://data.europa.eu/esco/occupation/")
    assert jobs[1] == {"label": "Drømmejob med hunde", "uri": None}
    bad = post_form(client, "/profil/jobmaal", {"q": ["Lager", "x" * 201]})
    assert bad.status_code == 422
    assert 'href="#wished_job-2"' in bad.text
    assert len(_fresh(db, anna).wished_jobs) == 2


def test_skills_with_suggestions_languages_and_licence(
    client: TestClient, db: Session, anna
) -> None:
    post_form(client, "/profil/jobmaal", {"q": ["Bogholder"]})
    page = client.get("/profil/kompetencer")
    assert 'name="suggested"' in page.text
    response = post_form(
        client,
        "/profil/kompetencer",
        {
            "skills": "Excel, kundeservice\nexcel",
            "suggested": ["bookkeeping regulations"],
            "languages": "dansk\nengelsk",
            "driving_licence": "ja",
        },
    )
    assert response.status_code == 303
    profile = _fresh(db, anna)
    assert profile.skills == ["Excel", "kundeservice", "bookkeeping regulations"]
    assert profile.languages == ["dansk", "engelsk"]
    assert profile.driving_licence is True
    assert "kundeservice" in profile.search_text
    bad = post_form(client, "/profil/kompetencer", {"skills": "y" * 101, "languages": "fransk"})
    assert bad.status_code == 422
    assert _fresh(db, anna).languages == ["dansk", "engelsk"]


def test_experience_entries_validate_dates(client: TestClient, db: Session, anna) -> None:
    good = {
        "experience-0-title": "Bogholder",
        "experience-0-employer": "Firma A",
        "experience-0-start": "2015-01",
        "experience-0-end": "2020-06",
        "experience-0-description": "Bogføring",
        "experience-1-title": "Kasseassistent",
        "experience-1-start": "2021-03",
        "experience-2-title": "",
    }
    assert post_form(client, "/profil/erfaring", good).status_code == 303
    assert [e["title"] for e in _fresh(db, anna).experience] == ["Bogholder", "Kasseassistent"]
    for change, field in (
        ({"experience-1-start": "2021-13"}, "experience-1-start"),
        ({"experience-1-start": "marts 2021"}, "experience-1-start"),
        ({"experience-0-end": "2014-12"}, "experience-0-end"),
        ({"experience-0-title": ""}, "experience-0-title"),
        ({"experience-1-description": "z" * 2001}, "experience-1-description"),
    ):
        bad = post_form(client, "/profil/erfaring", good | change)
        assert bad.status_code == 422, change
        assert f'href="#{field}"' in bad.text
    assert len(_fresh(db, anna).experience) == 2
    # Emptying every field of an entry removes it.
    emptied = {k: ("" if k.startswith("experience-1") else v) for k, v in good.items()}
    assert post_form(client, "/profil/erfaring", emptied).status_code == 303
    assert len(_fresh(db, anna).experience) == 1


def test_add_another_returns_to_the_step(client: TestClient, anna) -> None:
    response = post_form(
        client,
        "/profil/uddannelse",
        {"education-0-title": "HG", "education-0-year": "2010", "action": "add"},
    )
    assert response.headers["location"] == "/profil/uddannelse?gemt=1"
    page = client.get(response.headers["location"])
    assert 'id="education-1-title"' in page.text


def test_education_year_must_be_sensible(client: TestClient, db: Session, anna) -> None:
    bad = post_form(
        client, "/profil/uddannelse", {"education-0-title": "HG", "education-0-year": "20"}
    )
    assert bad.status_code == 422
    assert _fresh(db, anna).education == []


@pytest.mark.parametrize(
    ("hours_min", "hours_max", "field"),
    [
        ("0", "10", "hours_min"),
        ("10", "40", "hours_max"),
        ("20", "10", "hours_max"),
        ("", "10", "hours_min"),
        ("5,5", "10", "hours_min"),
    ],
)
def test_hours_are_validated(
    client: TestClient, db: Session, anna, hours_min: str, hours_max: str, field: str
) -> None:
    bad = post_form(
        client,
        "/profil/timer",
        {"hours_min": hours_min, "hours_max": hours_max, "schedule": ["mon_morning"]},
    )
    assert bad.status_code == 422
    assert f'href="#{field}"' in bad.text
    profile = _fresh(db, anna)
    assert (profile.hours_min, profile.hours_max, profile.schedule) == (10, 15, [])


def test_hours_and_schedule_save(client: TestClient, db: Session, anna) -> None:
    response = post_form(
        client,
        "/profil/timer",
        {"hours_min": "12", "hours_max": "20", "schedule": ["tue_afternoon", "mon_morning"]},
    )
    assert response.status_code == 303
    profile = _fresh(db, anna)
    assert (profile.hours_min, profile.hours_max) == (12, 20)
    assert profile.schedule == ["mon_morning", "tue_afternoon"]
    bad = post_form(
        client, "/profil/timer", {"hours_min": "12", "hours_max": "20", "schedule": ["mon_night"]}
    )
    assert bad.status_code == 422


def test_place_validates_the_postcode(client: TestClient, db: Session, anna) -> None:
    for data, field in (
        ({"postcode": "0000", "max_distance_km": "10"}, "postcode"),
        ({"postcode": "29", "max_distance_km": "10"}, "postcode"),
        ({"postcode": "", "max_distance_km": "10"}, "postcode"),
        ({"postcode": "8000", "max_distance_km": "-1"}, "max_distance_km"),
        ({"postcode": "8000", "max_distance_km": "mange"}, "max_distance_km"),
    ):
        bad = post_form(client, "/profil/sted", data)
        assert bad.status_code == 422, data
        assert f'href="#{field}"' in bad.text
    assert _fresh(db, anna).postcode == "2900"
    assert (
        post_form(client, "/profil/sted", {"postcode": "8000", "max_distance_km": "35"}).status_code
        == 303
    )
    assert (_fresh(db, anna).postcode, _fresh(db, anna).max_distance_km) == ("8000", 35)
    assert (
        post_form(client, "/profil/sted", {"postcode": "", "remote_only": "1"}).status_code == 303
    )
    assert _fresh(db, anna).remote_only is True


def test_accommodation_needs_are_stored_apart_and_never_searchable(
    client: TestClient, db: Session, anna
) -> None:
    page = client.get("/profil/skaanehensyn")
    assert "Dårlig ryg efter diskusprolaps" in page.text
    response = post_form(
        client,
        "/profil/skaanehensyn",
        {"need-extra_breaks": "must", "need-quiet_environment": "nice", "note": "Migræne"},
    )
    assert response.status_code == 303
    db.expire_all()
    needs = db.get(AccommodationNeeds, anna.id)
    assert needs.needs == {"quiet_environment": False, "extra_breaks": True}
    assert needs.note == "Migræne"
    profile = _fresh(db, anna)
    assert "migraene" not in profile.search_text and "pauser" not in profile.search_text
    bad = post_form(
        client, "/profil/skaanehensyn", {"need-extra_breaks": "altid", "note": "n" * 1001}
    )
    assert bad.status_code == 422
    assert 'href="#note"' in bad.text and 'href="#need-extra_breaks"' in bad.text
    db.expire_all()
    assert db.get(AccommodationNeeds, anna.id).note == "Migræne"


def test_visibility_choice(client: TestClient, db: Session, anna) -> None:
    page = client.get("/profil/synlighed")
    assert "Del mine skånehensyn" in page.text
    response = post_form(
        client, "/profil/synlighed", {"visibility": "anonymous", "share_accommodations": "1"}
    )
    assert response.status_code == 303
    profile = _fresh(db, anna)
    assert profile.visibility == Visibility.ANONYMOUS and profile.share_accommodations
    bad = post_form(client, "/profil/synlighed", {"visibility": "alle"})
    assert bad.status_code == 422
    assert _fresh(db, anna).visibility == Visibility.ANONYMOUS


def test_preview_shows_what_a_company_sees(client: TestClient, anna) -> None:
    page = client.get("/profil/forhaandsvisning")
    assert page.status_code == 200
    assert "Anna Fleks" in page.text
    assert "Dårlig ryg" not in page.text and "Ingen tunge løft" not in page.text
    post_form(client, "/profil/synlighed", {"visibility": "anonymous"})
    page = client.get("/profil/forhaandsvisning")
    # Named before, so anonymous under a new pseudonym (not the old "Kandidat A-101").
    assert "Kandidat A-101" not in page.text
    assert re.search(r"Kandidat [A-Z2-9]{4}", page.text)
    assert "Hemmelig Arbejdsgiver" not in page.text


def test_steps_are_for_flexjobbers_only(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    assert client.get("/profil/om-mig").status_code == 403


def test_completeness_counts_steps(db: Session, personas: Personas) -> None:
    from app.profiles.completeness import completeness

    before = completeness(personas.profile, db.get(AccommodationNeeds, personas.profile.id))
    assert [step.slug for step in before.missing] == ["uddannelse"]
    assert before.percent == 89
    personas.profile.education = [{"title": "HG", "institution": "", "year": "2010"}]
    after = completeness(personas.profile, db.get(AccommodationNeeds, personas.profile.id))
    assert (after.percent, after.missing) == (100, [])
