from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.support.personas import Personas
from tests.support.smtp import Mailbox
from tests.support.web import csrf, csrf_from, login

LINK = re.compile(r"https://testserver(/invitation/\S+)")


def _invite(client: TestClient, data: dict[str, str]):
    return client.post("/inviter", data=data | {"csrf_token": csrf(client, "/inviter")})


def test_consultant_invites_a_citizen_who_sets_a_password(
    client: TestClient, app, personas: Personas, mailbox: Mailbox
) -> None:
    login(client, personas.consultant.email)
    response = _invite(
        client,
        {"role": "flexjobber", "email": "ny.borger@test.example", "display_name": "Ny Borger"},
    )
    assert response.status_code == 200
    assert "Invitationen er sendt" in response.text
    message = mailbox.last_to("ny.borger@test.example")
    body = Mailbox.body(message)
    assert "Ny Borger" not in body
    path = LINK.search(body).group(1)

    with TestClient(app, base_url="https://testserver") as citizen:
        assert login(citizen, "ny.borger@test.example", "whatever-123").status_code == 422
        form = citizen.get(path)
        assert form.status_code == 200
        assert "ny.borger@test.example" in form.text
        bad = citizen.post(
            path,
            data={
                "display_name": "",
                "password": "kort",
                "password_confirm": "kort",
                "csrf_token": csrf_from(form),
            },
        )
        assert bad.status_code == 422
        accepted = citizen.post(
            path,
            data={
                "display_name": "Nina Borger",
                "password": "Mit-eget-kodeord-1",
                "password_confirm": "Mit-eget-kodeord-1",
                "csrf_token": csrf_from(form),
            },
            follow_redirects=False,
        )
        assert accepted.status_code == 303
        home = citizen.get("/hjem")
        assert "Nina Borger" in home.text
        assert citizen.get(path).status_code == 410


def test_consultant_invites_a_company_contact_of_their_jobcentre(
    client: TestClient, personas: Personas, mailbox: Mailbox
) -> None:
    login(client, personas.consultant.email)
    response = _invite(
        client,
        {
            "role": "company",
            "email": "hr@testfirma.example",
            "display_name": "HR",
            "company_id": str(personas.company.id),
        },
    )
    assert response.status_code == 200
    assert mailbox.last_to("hr@testfirma.example")


def test_outsider_cannot_invite_into_another_jobcentres_company(
    client: TestClient, personas: Personas, mailbox: Mailbox
) -> None:
    login(client, personas.outsider.email)
    response = _invite(
        client,
        {
            "role": "company",
            "email": "x@testfirma.example",
            "display_name": "X",
            "company_id": str(personas.company.id),
        },
    )
    assert response.status_code == 404
    assert mailbox.messages == []


def test_invite_form_validates_and_keeps_input(client: TestClient, personas: Personas) -> None:
    login(client, personas.consultant.email)
    response = _invite(
        client, {"role": "flexjobber", "email": "ikke-en-mail", "display_name": "Ole"}
    )
    assert response.status_code == 422
    assert "gyldig e-mailadresse" in response.text
    assert 'value="Ole"' in response.text
    duplicate = _invite(
        client, {"role": "flexjobber", "email": personas.flexjobber.email, "display_name": "Ole"}
    )
    assert duplicate.status_code == 422
    assert "findes allerede" in duplicate.text


def test_flexjobber_cannot_invite(client: TestClient, personas: Personas) -> None:
    login(client, personas.flexjobber.email)
    assert client.get("/inviter").status_code == 403
