from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Company, JobPosting, PostingStatus, Role, User
from tests.support.people import add_flexjobber
from tests.support.personas import Personas
from tests.support.web import login


def _follow(db: Session, personas: Personas) -> None:
    personas.company.consultant_id = personas.consultant.id
    personas.company.description = "En god arbejdsplads."
    db.flush()


def test_caseload_lists_followed_people_and_companies_with_hints(
    client: TestClient, db: Session, personas: Personas
) -> None:
    _follow(db, personas)
    login(client, personas.consultant.email)
    page = client.get("/konsulent")
    assert page.status_code == 200
    text = page.text
    assert "Anna Fleks" in text and "Bo Fleks" in text  # both profiles have consultant_id == me
    assert f'href="/profiler/{personas.profile.public_id}"' in text
    assert "Testfirma ApS" in text
    assert "Andetfirma A/S" not in text.split("Virksomheder jeg følger")[1]  # not followed
    assert "Skjult for virksomheder" in text  # hint for the hidden profile2
    assert "Mangler ønskede job" in text  # profile2 has none
    assert "1 offentlige af 2" in text  # Testfirma: one published, one draft
    assert "2 fleksjobbere i jobcentret" in text
    assert "Dårlig ryg" not in text  # no health data on overviews

    everyone = client.get("/konsulent?vis=virksomheder").text
    assert "Testfirma ApS" in everyone and "Andetfirma A/S" in everyone
    people = client.get("/konsulent?vis=fleksjobbere").text
    assert "Anna Fleks" in people and "Bo Fleks" in people


def test_outsider_and_non_staff(client: TestClient, db: Session, personas: Personas) -> None:
    _follow(db, personas)
    login(client, personas.outsider.email)
    page = client.get("/konsulent").text
    assert "Anna Fleks" not in page and "Testfirma" not in page
    assert "Anna Fleks" not in client.get("/konsulent?vis=fleksjobbere").text
    assert "Testfirma" not in client.get("/konsulent?vis=virksomheder").text
    found = client.get("/konsulent/soeg", params={"q": "fleks"}).text
    assert "Anna Fleks" not in found and "Bo Fleks" not in found
    assert "Kontorassistent" not in client.get("/konsulent/soeg", params={"q": "kontor"}).text
    for persona in (personas.company_user, personas.flexjobber):
        client.cookies.clear()
        login(client, persona.email)
        assert client.get("/konsulent").status_code == 403
        assert client.get("/konsulent/soeg?q=anna").status_code == 403


def test_search_scoped_and_danish_aware(
    client: TestClient, db: Session, personas: Personas
) -> None:
    other_user = User(
        email="oeste@test.example",
        display_name="Søren Østergård",
        role=Role.FLEXJOBBER,
        jobcentre_id=personas.jobcentre.id,
        active=True,
    )
    stranger = User(
        email="soeren@andetsted.example",
        display_name="Søren Andetsted",
        role=Role.FLEXJOBBER,
        jobcentre_id=personas.other_jobcentre.id,
        active=True,
    )
    foreign = Company(
        name="Fremmed Kontor ApS",
        cvr="11111111",
        postcode="8000",
        jobcentre_id=personas.other_jobcentre.id,
    )
    db.add_all([other_user, stranger, foreign])
    db.flush()
    db.add(
        JobPosting(
            company_id=foreign.id,
            title="Kontorassistent i Aarhus",
            status=PostingStatus.PUBLISHED,
            search_text="kontorassistent i aarhus",
        )
    )
    db.flush()
    login(client, personas.consultant.email)

    def search(q: str, **extra: str) -> str:
        response = client.get("/konsulent/soeg", params={"q": q, **extra})
        assert response.status_code == 200
        return response.text

    # names with æ/ø/å, typed either way; e-mail; profile text
    assert "Søren Østergård" in search("soeren oestergaard")
    assert "Søren Østergård" in search("ØSTERG")
    assert "Søren Andetsted" not in search("søren")
    assert "Anna Fleks" in search("fleks1@test")
    assert "Anna Fleks" in search("bogføring")
    assert "Bo Fleks" in search("skjult")  # consultants find hidden profiles too
    # companies by name and CVR
    assert "Testfirma ApS" in search("testfirma")
    assert "Andetfirma A/S" in search(personas.company2.cvr)
    assert "Fremmed Kontor" not in search("kontor")
    # postings by title, drafts included, other jobcentres not
    found = search("assistent")
    assert "Kontorassistent" in found and "Regnskabsassistent" in found
    assert "Kontorassistent i Aarhus" not in found
    assert "Lagermedarbejder" in search("lager")
    assert "Ingen resultater" in search("xyzzy")
    assert "Anna Fleks" not in search("")

    # admins search every jobcentre
    client.cookies.clear()
    login(client, personas.admin.email)
    assert "Kontorassistent i Aarhus" in search("kontorassistent")


def test_search_pagination(client: TestClient, db: Session, personas: Personas) -> None:
    for n in range(27):
        add_flexjobber(
            db,
            jobcentre_id=personas.jobcentre.id,
            email=f"pers{n}@test.example",
            name=f"Pagineret Person {n:02d}",
            pseudonym=f"P-{n}",
            search_text="pagineret",
        )
    login(client, personas.consultant.email)
    preview = client.get("/konsulent/soeg", params={"q": "pagineret"}).text
    assert "Fleksjobbere (27)" in preview
    assert preview.count("Pagineret Person") == 5
    assert "type=fleksjobbere" in preview
    first = client.get("/konsulent/soeg", params={"q": "pagineret", "type": "fleksjobbere"}).text
    assert first.count("Pagineret Person") == 20 and "Side 1 af 2" in first
    second = client.get(
        "/konsulent/soeg", params={"q": "pagineret", "type": "fleksjobbere", "page": "2"}
    ).text
    assert second.count("Pagineret Person") == 7
    assert "Pagineret Person 26" in second
    listing = client.get("/konsulent?vis=fleksjobbere&page=2").text
    assert "Side 2 af 2" in listing


def test_my_caseload_is_paginated(client: TestClient, db: Session, personas: Personas) -> None:
    for n in range(25):
        add_flexjobber(
            db,
            jobcentre_id=personas.jobcentre.id,
            email=f"mine{n}@test.example",
            name=f"Fulgt Person {n:02d}",
            pseudonym=f"M-{n}",
            consultant_id=personas.consultant.id,
        )
    login(client, personas.consultant.email)
    first = client.get("/konsulent").text
    assert "Fleksjobbere jeg følger (27)" in first
    assert "Side 1 af 2" in first and 'href="/konsulent?page=2"' in first
    second = client.get("/konsulent?page=2").text
    shown = first.count("Fulgt Person") + second.count("Fulgt Person")
    assert shown == 25
    client.cookies.clear()
    login(client, personas.outsider.email)
    assert "Fulgt Person" not in client.get("/konsulent?page=2").text
