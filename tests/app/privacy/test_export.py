"""The "Hent mine data" and the access log: everything held, who looked, in JSON and readable."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Consent, User
from tests.app.privacy.world import PDF, rich_person
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]


def test_the_export_holds_everything_and_no_secrets(
    db: Session, personas: Personas, browser: Browser, data_dir: Path
) -> None:
    traces = rich_person(db, personas, data_dir)
    person = browser(personas.flexjobber)
    response = person.get("/mine-data/hent")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert data == person.get("/api/v1/me/export").json() | {"exported_at": data["exported_at"]}

    assert data["format"] == "fleksbro-export-1"
    assert data["account"]["email"] == traces.email
    assert data["account"]["display_name"] == traces.name
    assert data["profile"]["about"] == traces.texts[0]
    assert data["accommodation_needs"]["needs"] == {"flexible_hours": True}
    assert data["accommodation_needs"]["note"] == traces.texts[1]
    assert base64.b64decode(data["cv"]["content_base64"]) == PDF
    assert [c["company"] for c in data["consents"]] == [personas.company.name]
    (match,) = data["matches"]
    assert match["job_title"] == personas.job.title
    assert {m["body"] for m in match["messages"]} == {"Hej fra mig sporE5", "Hej Ingeborg sporF6"}
    assert any(e["note"] == "Notat sporG7" for e in match["timeline"])
    assert match["follow_ups"][0]["note"] == "Hun trives sporJ1"
    assert data["sign_ins"] and data["sign_ins"][0]["method"] == "password"
    assert data["notifications"] and data["sessions"] and data["api_tokens"]
    assert data["callback_requests"][0]["message"] == "Ring efter kl. 10 sporH8"
    text = json.dumps(data)
    for secret in ("password_hash", "token_hash", "search_text", "cv_storage_key"):
        assert secret not in text
    assert "$argon2" not in text


def test_the_readable_export_is_a_page(
    db: Session, personas: Personas, browser: Browser, data_dir: Path
) -> None:
    traces = rich_person(db, personas, data_dir)
    page = browser(personas.flexjobber).get("/mine-data/hent/laesbar")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for text in (traces.name, traces.texts[0], traces.texts[1], "mit-cv.pdf", "Dine skånehensyn"):
        assert text in page.text


def test_a_company_user_takes_their_account_data_too(personas: Personas, browser: Browser) -> None:
    data = browser(personas.company_user).get("/api/v1/me/export").json()
    assert data["account"]["email"] == personas.company_user.email
    assert "profile" not in data


def test_the_access_log_shows_companies_and_staff_with_purpose(
    db: Session, personas: Personas, browser: Browser, data_dir: Path
) -> None:
    rich_person(db, personas, data_dir)  # named, with a CV; the company has the identity consent
    db.add(Consent(profile_id=personas.profile.id, company_id=personas.company.id, share_cv=True))
    db.flush()
    pid = personas.profile.public_id
    company = browser(personas.company_user)
    assert company.get(f"/profiler/{pid}").status_code == 200
    assert company.get(f"/profiler/{pid}/cv").status_code == 200
    consultant = browser(personas.consultant)
    assert consultant.get(f"/profiler/{pid}").status_code == 200
    assert browser(personas.admin).get(f"/profiler/{pid}").status_code == 200
    person = browser(personas.flexjobber)
    person.get(f"/profiler/{pid}")  # the person's own looks are not in their log

    log = person.get("/api/v1/me/export").json()["access_log"]
    seen = {(a["who"], a["what"], a["purpose"], a["saw_accommodation_needs"]) for a in log}
    assert (
        personas.company.name,
        "Så din profil",
        "Rekruttering: virksomheden så profilen blandt kandidater",
        False,  # the company has no accommodations consent
    ) in seen
    assert (
        personas.company.name,
        "Hentede dit CV",
        "Rekruttering: virksomheden så profilen blandt kandidater",
        False,
    ) in seen
    assert (
        "Medarbejder i jobcentret",
        "Så din profil",
        "Sagsbehandling i dit jobcenter",
        True,
    ) in seen
    assert ("Administrator af Fleksbro", "Så din profil", "Drift af Fleksbro", False) in seen
    assert len(log) == 4
    staff = next(a for a in log if a["who"] == "Medarbejder i jobcentret")
    assert staff["jobcentre"] == personas.jobcentre.name
    assert personas.consultant.display_name not in json.dumps(log)  # role and jobcentre only

    page = person.get("/mine-data").text
    assert "Medarbejder i jobcentret" in page and personas.company.name in page
    assert "(med dine skånehensyn)" in page
