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
