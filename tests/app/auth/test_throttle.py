from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.personas import Personas
from tests.support.web import login


def test_repeated_failures_for_an_account_get_429_in_danish(
    client: TestClient, personas: Personas
) -> None:
    statuses = [
        login(client, personas.flexjobber.email, "forkert-kode-1").status_code for _ in range(5)
    ]
    assert statuses == [422] * 5
    blocked = login(client, personas.flexjobber.email, "forkert-kode-1")
    assert blocked.status_code == 429
    assert "For mange mislykkede forsøg" in blocked.text
    # Even the right password is refused while the account is throttled.
    assert login(client, personas.flexjobber.email).status_code == 429
    # Other accounts from the same address still work (below the address limit).
    assert login(client, personas.flexjobber2.email).status_code == 303


def test_repeated_failures_from_one_address_get_429(client: TestClient, personas: Personas) -> None:
    for n in range(20):
        assert login(client, f"ukendt{n}@test.example", "forkert-kode-1").status_code == 422
    assert login(client, personas.consultant.email).status_code == 429
