"""The "Slet min profil" end to end: by the person (password, or e-mailed link), through the API,
and by a consultant on their behalf — and afterwards no table holds anything of them."""

from __future__ import annotations

from collections.abc import Callable
from email.header import decode_header, make_header
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Base, Consent, FlexjobberProfile, Match, MatchState, User
from tests.app.matches.support import api, post
from tests.app.privacy.world import rich_person
from tests.support.personas import PASSWORD, Personas
from tests.support.smtp import Mailbox

Browser = Callable[[User], TestClient]
GONE = "Personen har slettet sin profil"


def _everything(db: Session) -> str:
    """Every row of every table, as text."""
    db.expire_all()
    return "\n".join(
        repr(tuple(row))
        for table in Base.metadata.sorted_tables
        for row in db.execute(select(table))
    )


def test_deleting_my_profile_leaves_no_trace(
    db: Session, personas: Personas, browser: Browser, data_dir: Path
) -> None:
    traces = rich_person(db, personas, data_dir)
    before = _everything(db)
    assert traces.name in before and traces.email in before  # the scan sees what it looks for
    assert all(text in before for text in traces.texts)
    assert (data_dir / "cv" / traces.cv_key).is_file()
    person = browser(personas.flexjobber)

    response = post(person, "/mine-data/slet", {"confirm": "ja", "password": PASSWORD})

    assert response.status_code == 303 and response.headers["location"] == "/profil-slettet"
    after = _everything(db)
    assert traces.name not in after
    assert traces.email not in after and traces.email.split("@")[0] not in after
    assert "+45 12 34 56 78" not in after
    for text in traces.texts:
        assert text not in after, text
    assert "flexible_hours" not in after  # the needs row is gone
    assert not (data_dir / "cv" / traces.cv_key).exists()
    # What stays: pseudonymous ids for the trail and the consent history, the match's states.
    profile = db.get(FlexjobberProfile, personas.profile.id)
    assert profile is not None and profile.deleted_at is not None
    assert db.scalar(select(Consent).where(Consent.profile_id == profile.id)) is not None
    deleted = db.scalar(select(AuditEvent).where(AuditEvent.action == "profile.deleted"))
    assert deleted is not None and deleted.subject_id == profile.id
    match = db.get(Match, traces.match_id)
    assert match is not None and match.state == MatchState.ENDED
    # Signed out everywhere, and the company's match page says what happened.
    assert person.get("/hjem", follow_redirects=False).status_code == 303
    company = browser(personas.company_user)
    page = company.get(f"/match/{traces.match_id}")
    assert page.status_code == 200 and GONE in page.text
    assert traces.name not in page.text
    assert company.get(f"/profiler/{profile.public_id}").status_code == 404
    assert company.get(f"/api/v1/profiles/{profile.public_id}").status_code == 404


def test_a_wrong_password_or_no_tick_deletes_nothing(
    db: Session, personas: Personas, browser: Browser
) -> None:
    person = browser(personas.flexjobber)
    wrong = post(person, "/mine-data/slet", {"confirm": "ja", "password": "forkert-forkert"})
    assert wrong.status_code == 422 and "Adgangskoden er forkert." in wrong.text
    untick = post(person, "/mine-data/slet", {"password": PASSWORD})
    assert untick.status_code == 422 and "Sæt kryds" in untick.text
    db.expire_all()
    profile = db.get(FlexjobberProfile, personas.profile.id)
    assert profile is not None and profile.deleted_at is None
    assert person.get("/mine-data").status_code == 200


def test_without_a_password_an_emailed_link_confirms(
    db: Session, personas: Personas, browser: Browser, mailbox: Mailbox
) -> None:
    person = browser(personas.flexjobber)  # signed in with the password first …
    personas.flexjobber.password_hash = None  # … then as someone who only uses e-mail links
    db.flush()
    page = person.get("/mine-data")
    assert "Vi sender dig en e-mail med et link" in page.text
    response = post(person, "/mine-data/slet", {"confirm": "ja"})
    assert response.status_code == 303 and "udfoert=link" in response.headers["location"]
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).deleted_at is None  # type: ignore[union-attr]

    message = mailbox.last_to(personas.flexjobber.email)
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == "Bekræft sletning på Fleksbro"  # neutral: no profile data
    body = Mailbox.body(message)
    link = next(w for w in body.split() if "/mine-data/slet/" in w)
    path = link.removeprefix("https://testserver")
    confirm = person.get(path)  # opening only shows a button (mail scanners fetch links)
    assert confirm.status_code == 200
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).deleted_at is None  # type: ignore[union-attr]
    done = post(person, path)
    assert done.status_code == 303 and done.headers["location"] == "/profil-slettet"
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).deleted_at is not None  # type: ignore[union-attr]
    assert post(person, path).status_code in (400, 404, 410)  # single use


def test_delete_me_in_the_api(db: Session, personas: Personas, browser: Browser) -> None:
    person = browser(personas.flexjobber)
    wrong = api(person, "DELETE", "/api/v1/me", json={"password": "forkert-forkert"})
    assert wrong.status_code == 422 and wrong.json()["error"]["fields"]["password"]
    bad = api(person, "DELETE", "/api/v1/me", json={"password": 5})
    assert bad.status_code == 422
    ok = api(person, "DELETE", "/api/v1/me", json={"password": PASSWORD})
    assert ok.status_code == 204, ok.text
    assert person.get("/api/v1/me").status_code == 401
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).deleted_at is not None  # type: ignore[union-attr]


def test_only_flexjobbers_delete_a_profile_of_their_own(
    personas: Personas, browser: Browser
) -> None:
    for user in (personas.company_user, personas.consultant, personas.admin):
        client = browser(user)
        response = api(client, "DELETE", "/api/v1/me", json={"password": PASSWORD})
        assert response.status_code == 403, user.email
        assert (
            post(client, "/mine-data/slet", {"confirm": "ja", "password": PASSWORD}).status_code
            == 403
        )


def test_a_consultant_deletes_on_the_citizens_behalf(
    db: Session, personas: Personas, browser: Browser, data_dir: Path
) -> None:
    traces = rich_person(db, personas, data_dir)
    path = f"/konsulent/profiler/{personas.profile.public_id}/slet"
    for user, status in (
        (personas.company_user, 403),  # may read the named profile, not delete it
        (personas.flexjobber2, 403),  # not a consultant
        (personas.outsider, 404),  # a consultant who may not know the profile exists
        (personas.admin, 403),
    ):
        assert post(browser(user), path, {"confirm": "ja"}).status_code == status, user.email
    consultant = browser(personas.consultant)
    assert post(consultant, path, {}).status_code == 422  # the request must be confirmed
    db.expire_all()
    assert db.get(FlexjobberProfile, personas.profile.id).deleted_at is None  # type: ignore[union-attr]

    done = post(consultant, path, {"confirm": "ja"})
    assert done.status_code == 303
    assert "slettet på borgerens vegne" in consultant.get(done.headers["location"]).text
    after = _everything(db)
    assert traces.name not in after and traces.email not in after
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "profile.deleted"))
    assert event is not None
    assert event.actor_id == personas.consultant.id
    assert event.on_behalf_of_id == personas.flexjobber.id
    assert consultant.get(f"/profiler/{personas.profile.public_id}").status_code == 404
