from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.support.personas import Personas
from tests.support.web import login

WAREHOUSE = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"


def _labels(client: TestClient, q: str, limit: int = 10) -> list[str]:
    response = client.get("/api/v1/taxonomy/occupations", params={"q": q, "limit": limit})
    assert response.status_code == 200
    return [item["label_da"] for item in response.json()]


def test_occupation_search_is_danish_aware(client: TestClient, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    # æ/ø/å, their two-letter spellings and upper case all find the same occupations
    assert "rengøringsassistent" in _labels(client, "rengøring")
    assert "rengøringsassistent" in _labels(client, "RENGOERING")
    assert "skolepædagog" in _labels(client, "paedagog")
    assert "skolepædagog" in _labels(client, "pædagog")
    # partial words and parts of compound words
    assert "lagerarbejder" in _labels(client, "lagerarb")
    assert any("gartner" in label for label in _labels(client, "gart"))
    first = client.get("/api/v1/taxonomy/occupations", params={"q": "lagerarbejder"}).json()[0]
    assert first == {
        "uri": WAREHOUSE,
        "isco": "9333",
        "label_da": "lagerarbejder",
        "label_en": "warehouse worker",
    }
    assert len(_labels(client, "assistent", limit=3)) == 3
    assert _labels(client, "") == []
    assert _labels(client, "xyzzyqq") == []
    too_many = client.get("/api/v1/taxonomy/occupations", params={"q": "a", "limit": 500})
    assert too_many.status_code == 422


def test_accommodations_skills_and_postcodes(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    codes = {a["code"]: a for a in client.get("/api/v1/taxonomy/accommodations").json()}
    assert codes["no_heavy_lifting"]["label_da"] == "Ingen tunge løft"
    assert codes["no_heavy_lifting"]["label_en"] == "No heavy lifting"
    assert codes["quiet_environment"]["explanation_da"]

    skills = client.get("/api/v1/taxonomy/skills", params={"occupation": WAREHOUSE}).json()
    assert skills["occupation"]["label_da"] == "lagerarbejder"
    assert "check for damaged items" in skills["skills"]
    by_label = client.get("/api/v1/taxonomy/skills", params={"occupation": "lagerarbejder"})
    assert by_label.json()["skills"] == skills["skills"]
    unknown = client.get("/api/v1/taxonomy/skills", params={"occupation": "xyzzyqq"}).json()
    assert unknown == {"occupation": None, "skills": []}

    gentofte = client.get("/api/v1/taxonomy/postcodes/2900").json()
    assert gentofte["name"] == "Hellerup"
    assert gentofte["non_geographic"] is False
    missing = client.get("/api/v1/taxonomy/postcodes/0001")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_anonymous_gets_401_and_login_redirect(client: TestClient) -> None:
    assert client.get("/api/v1/taxonomy/accommodations").status_code == 401
    page = client.get("/taxonomi/stillinger?q=lager", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"].startswith("/login")


def test_occupation_options_fragment(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    response = client.get("/taxonomi/stillinger", params={"q": "lagerarb"})
    assert response.status_code == 200
    body = response.text.strip()
    assert "<html" not in body
    tags = re.findall(r"<(\w+)", body)
    assert tags and set(tags) == {"option"}
    assert '<option value="lagerarbejder"' in body
    assert client.get("/taxonomi/stillinger", params={"q": ""}).text.strip() == ""
    # the posting form's input is named "title"; htmx sends it under that name
    by_title = client.get("/taxonomi/stillinger", params={"title": "lagerarb"})
    assert '<option value="lagerarbejder"' in by_title.text


def test_skill_suggestions_fragment(client: TestClient, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    response = client.get("/taxonomi/kompetencer", params={"stilling": "lagerarbejder"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'name="skill_suggestions" value="check for damaged items"' in response.text
    # every checkbox has its own label
    ids = re.findall(r'id="(skill-suggestion-\d+)"', response.text)
    assert ids and all(f'for="{i}"' in response.text for i in ids)
    empty = client.get("/taxonomi/kompetencer", params={"stilling": "xyzzyqq"})
    assert "skill_suggestions" not in empty.text
