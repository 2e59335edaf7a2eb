"""/notifikationer: the list with an unread count, "mark all read" and the e-mail setting."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Notification
from app.notifications import service
from tests.support.personas import Personas
from tests.support.web import csrf, login


def _post(client: TestClient, path: str, data: dict[str, str] | None = None) -> int:
    token = csrf(client, "/notifikationer")
    response = client.post(path, data={**(data or {}), "csrf_token": token}, follow_redirects=False)
    return response.status_code


def test_list_mark_read_and_settings(client: TestClient, db: Session, personas: Personas) -> None:
    user = personas.flexjobber
    db.add_all(
        [
            Notification(user_id=user.id, kind="request"),
            Notification(user_id=user.id, kind="message"),
        ]
    )
    db.add(Notification(user_id=personas.flexjobber2.id, kind="expiry"))
    db.flush()
    login(client, user.email)
    page = client.get("/notifikationer")
    assert page.status_code == 200
    assert "Nogen vil gerne tale med dig" in page.text and "Du har en ny besked" in page.text
    assert "En forespørgsel er udløbet" not in page.text  # somebody else's
    assert "Notifikationer (2 ulæste)" in page.text

    assert _post(client, "/notifikationer/laest") == 303
    assert service.unread_count(db, user) == 0
    assert "ulæste" not in client.get("/notifikationer").text

    assert _post(client, "/notifikationer/indstillinger", {"notify_mode": "daily"}) == 303
    db.refresh(user)
    assert user.notify_mode == "daily"
    assert _post(client, "/notifikationer/indstillinger", {"notify_mode": "hourly"}) == 422
    db.refresh(user)
    assert user.notify_mode == "daily"


def test_settings_need_a_csrf_token(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    response = client.post("/notifikationer/indstillinger", data={"notify_mode": "none"})
    assert response.status_code == 403


def test_the_app_says_who_and_which_job_the_email_does_not(
    client: TestClient, db: Session, personas: Personas, mailbox: object
) -> None:
    from tests.support.smtp import Mailbox

    assert isinstance(mailbox, Mailbox)
    job, profile = personas.job, personas.profile
    login(client, personas.company_user.email)
    token = csrf(client, f"/opslag/{job.id}/kandidater")
    target = f"/opslag/{job.id}/kandidater/{profile.public_id}/interesse"
    response = client.post(target, data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    client.post("/logout", data={"csrf_token": csrf(client, "/hjem")})

    login(client, personas.flexjobber.email)
    page = client.get("/notifikationer").text
    assert "Testfirma ApS vil gerne tale med dig om Kontorassistent" in page
    message = mailbox.last_to(personas.flexjobber.email)
    body = Mailbox.body(message)
    for secret in ("Testfirma", "Kontorassistent"):
        assert secret not in body and secret not in str(message["Subject"])


def test_a_notice_to_the_company_names_the_job_only(
    client: TestClient, db: Session, personas: Personas
) -> None:
    from app.models import Match, MatchState

    match = Match(profile_id=personas.profile.id, job_id=personas.job.id, state=MatchState.INTEREST)
    db.add(match)
    db.flush()
    db.add(Notification(user_id=personas.company_user.id, kind="request", match_id=match.id))
    db.flush()
    login(client, personas.company_user.email)
    page = client.get("/notifikationer").text
    assert "En kandidat vil gerne tale med jer om Kontorassistent" in page
    assert personas.flexjobber.display_name not in page
