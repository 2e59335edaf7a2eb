from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import AccommodationNeeds, FlexjobberProfile, Role, User, Visibility
from tests.support.personas import Personas
from tests.support.web import login


def _profile(
    db: Session,
    personas: Personas,
    n: int,
    *,
    visibility: Visibility = Visibility.ANONYMOUS,
    share: bool = False,
    hours: tuple[int, int] = (10, 20),
    postcode: str = "2900",
    text: str = "lagermedarbejder truck",
    jobcentre_id: int | None = None,
) -> FlexjobberProfile:
    user = User(
        email=f"kandidat{n}@test.example",
        display_name=f"Kandidat Navn {n}",
        role=Role.FLEXJOBBER,
        jobcentre_id=jobcentre_id or personas.jobcentre.id,
        active=True,
    )
    db.add(user)
    db.flush()
    profile = FlexjobberProfile(
        user_id=user.id,
        jobcentre_id=jobcentre_id or personas.jobcentre.id,
        pseudonym=f"Kandidat T-{n}",
        headline=f"Overskrift {n}",
        hours_min=hours[0],
        hours_max=hours[1],
        postcode=postcode,
        visibility=visibility,
        share_accommodations=share,
        search_text=text,
        experience=[{"title": "Lagermand", "employer": f"Arbejdsgiver {n} ApS"}],
    )
    db.add(profile)
    db.flush()
    db.add(
        AccommodationNeeds(
            profile_id=profile.id, needs={"limited_walking": True}, note=f"Hemmelig note {n}"
        )
    )
    db.flush()
    return profile


def test_company_never_sees_unshared_health_data_or_hidden_profiles(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.company_user.email)
    page = client.get("/kandidater")
    assert page.status_code == 200
    assert "Anna Fleks" in page.text  # personas.profile is named
    assert f'href="/profiler/{personas.profile.public_id}"' in page.text
    assert "Dårlig ryg" not in page.text
    assert "Ingen tunge løft" not in page.text
    assert "Roligt miljø" not in page.text
    assert "Skjult profil" not in page.text and "Bo Fleks" not in page.text
    assert "Hemmelig Arbejdsgiver" not in page.text

    items = client.get("/api/v1/candidates").json()["items"]
    ids = {item["id"] for item in items}
    assert personas.profile.public_id in ids
    assert personas.profile2.public_id not in ids
    mine = next(item for item in items if item["id"] == personas.profile.public_id)
    assert mine["accommodation_needs"] is None
    assert mine["accommodation_note"] is None
    assert mine["email"] is None
    assert mine["audience"] == "company"
    assert mine["url"] == f"/profiler/{personas.profile.public_id}"
    assert "Dårlig ryg" not in client.get("/api/v1/candidates").text


def test_shared_needs_are_shown_and_anonymous_profiles_stay_anonymous(
    client: TestClient, db: Session, personas: Personas
) -> None:
    shared = _profile(db, personas, 1, share=True)
    unshared = _profile(db, personas, 2, share=False)
    login(client, personas.company_user2.email)
    items = {i["id"]: i for i in client.get("/api/v1/candidates").json()["items"]}
    assert items[shared.public_id]["accommodation_needs"] == {"limited_walking": True}
    assert items[shared.public_id]["name"] == "Kandidat T-1"
    assert items[shared.public_id]["is_pseudonym"] is True
    [entry] = items[shared.public_id]["experience"]
    assert entry["title"] == "Lagermand" and entry["employer"] is None  # no employer
    assert items[unshared.public_id]["accommodation_needs"] is None
    page = client.get("/kandidater").text
    assert "Kandidat Navn 1" not in page and "Kandidat Navn 2" not in page
    assert "Begrænset gang" in page  # shared by profile 1 only
    assert page.count("Begrænset gang") == 1
    assert "Arbejdsgiver 1 ApS" not in page


def test_flexjobbers_are_refused_and_outsiders_see_nothing_of_other_jobcentres(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.flexjobber.email)
    assert client.get("/kandidater").status_code == 403
    assert client.get("/api/v1/candidates").status_code == 403
    client.cookies.clear()
    login(client, personas.outsider.email)
    assert client.get("/api/v1/candidates").json() == {
        "items": [],
        "total": 0,
        "page": 1,
        "pages": 1,
        "per_page": 20,
    }
    page = client.get("/kandidater").text
    assert "Anna Fleks" not in page
    # a posting of another jobcentre's company cannot be used as a distance origin
    assert (
        client.get(f"/api/v1/candidates?posting={personas.job.id}&distance=10").status_code == 404
    )


def test_consultant_sees_own_jobcentre_with_health_data(
    client: TestClient, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    items = {i["id"]: i for i in client.get("/api/v1/candidates").json()["items"]}
    assert personas.profile2.public_id not in items  # hidden profiles are not candidates
    assert items[personas.profile.public_id]["accommodation_needs"] == {
        "no_heavy_lifting": True,
        "quiet_environment": False,
    }


def test_filters(client: TestClient, db: Session, personas: Personas) -> None:
    near = _profile(db, personas, 1, hours=(5, 8), postcode="2920", text="gartner planter haver")
    far = _profile(db, personas, 2, hours=(25, 30), postcode="9000", text="paedagog boern")
    login(client, personas.company_user.email)

    def ids(**params: object) -> set[int]:
        response = client.get("/api/v1/candidates", params=params)
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    everyone = ids()
    assert {near.public_id, far.public_id, personas.profile.public_id} <= everyone
    # hours overlap: 10–15 and 5–8 overlap 6–12; 25–30 does not
    assert ids(hours_min=6, hours_max=12) == {near.public_id, personas.profile.public_id}
    assert ids(hours_min=26) == {far.public_id}
    # Danish-aware free text: "pædagog" finds the folded "paedagog"
    assert ids(q="Pædagog") == {far.public_id}
    assert ids(q="plant gart") == {near.public_id}
    assert ids(q="bogføring") == {personas.profile.public_id}
    assert ids(skills="fakturering") == {personas.profile.public_id}
    assert ids(wished="kontorassistent") == {personas.profile.public_id}
    # distance from company's posting in 2900 (Hellerup)
    assert ids(posting=personas.job.id, distance=10) == {near.public_id, personas.profile.public_id}
    assert far.public_id in ids(posting=personas.job.id, distance=300)
    # a posting of another company is not an allowed origin
    assert (
        client.get(f"/api/v1/candidates?posting={personas.job2.id}&distance=10").status_code == 404
    )
    bad = client.get("/api/v1/candidates?hours_min=50")
    assert bad.status_code == 422 and "hours_min" in bad.json()["error"]["fields"]
    page = client.get("/kandidater", params={"q": "pædagog", "hours_min": "abc"})
    assert page.status_code == 422
    assert 'aria-invalid="true"' in page.text


def test_pagination(client: TestClient, db: Session, personas: Personas) -> None:
    for n in range(45):
        _profile(db, personas, 100 + n, text=f"pakker nummer{n}")
    login(client, personas.company_user.email)
    first = client.get("/api/v1/candidates", params={"q": "pakker"}).json()
    assert first["total"] == 45 and first["pages"] == 3 and len(first["items"]) == 20
    third = client.get("/api/v1/candidates", params={"q": "pakker", "page": 3}).json()
    assert len(third["items"]) == 5
    second = client.get("/api/v1/candidates", params={"q": "pakker", "page": 2}).json()
    seen = [i["id"] for r in (first, second, third) for i in r["items"]]
    assert len(set(seen)) == 45
    page = client.get("/kandidater", params={"q": "pakker", "page": 2})
    assert "Side 2 af 3" in page.text
    assert 'href="/kandidater?q=pakker&amp;page=3"' in page.text
    assert 'href="/kandidater?q=pakker&amp;page=1"' in page.text
    # beyond the last page shows the last page
    assert client.get("/api/v1/candidates", params={"q": "pakker", "page": 99}).json()["page"] == 3
