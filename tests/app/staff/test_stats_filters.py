"""Deactivated consultants leave the dashboard's choices but not its figures: the filters offer
only the jobcentre's current consultants, while a deactivated consultant's caseload stays
reachable by id for those app.stats.policy lets see it (and nobody else)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import LinkPurpose, OneTimeLink, Role, User
from app.stats import options
from app.stats import service as stats_service
from tests.app.staff.conftest import add_staff, bearer
from tests.support.personas import Personas
from tests.support.web import login


@pytest.fixture(autouse=True)
def _fresh_figures() -> Iterator[None]:
    stats_service.clear_cache()  # ids repeat between tests
    yield
    stats_service.clear_cache()


@pytest.fixture
def gone(db: Session, personas: Personas) -> User:
    """A deactivated consultant of the personas' jobcentre who invited five citizens today."""
    former = add_staff(
        db, personas.jobcentre, "tidl@test.example", "Tidligere Tove", status="deactivated"
    )
    now = utcnow()
    for n in range(5):
        citizen = User(
            email=f"inviteret{n}@test.example",
            display_name=f"Inviteret {n}",
            role=Role.FLEXJOBBER,
            jobcentre_id=personas.jobcentre.id,
            active=False,
        )
        db.add(citizen)
        db.flush()
        db.add(
            OneTimeLink(
                token_hash=f"{citizen.id:064d}",
                purpose=LinkPurpose.INVITATION,
                user_id=citizen.id,
                created_by_id=former.id,
                created_at=now,
                expires_at=now + timedelta(days=14),
            )
        )
    db.flush()
    return former


def _ids(choices: list[tuple[int, str]]) -> set[int]:
    return {id_ for id_, _name in choices}


def test_filters_offer_only_consultants_who_are_not_deactivated(
    client: TestClient, db: Session, personas: Personas, colleague: User, gone: User
) -> None:
    invited = add_staff(db, personas.jobcentre, "ny@test.example", "Ny Nina", status="invited")
    for viewer, centre in ((personas.leader, None), (personas.admin, personas.jobcentre.id)):
        offered = options.for_viewer(db, viewer, centre)
        assert _ids(offered.consultants) == {personas.consultant.id, colleague.id, invited.id}
        assert offered.former is None
    login(client, personas.leader.email)
    page = client.get("/tal").text
    assert f'<option value="{colleague.id}">Ida Kollega</option>' in page
    assert "Tidligere Tove" not in page and f'value="{gone.id}"' not in page


def test_a_leader_still_reads_a_deactivated_consultants_figures_by_id(
    client: TestClient, db: Session, personas: Personas, gone: User
) -> None:
    today = utcnow().date().isoformat()
    url = f"/api/v1/stats?consultant_id={gone.id}&from={today}&to={today}&by=week"
    for viewer in (personas.leader, personas.admin):
        response = client.get(url, headers=bearer(db, viewer))
        assert response.status_code == 200
        body = response.json()
        assert body["scope"]["consultant_id"] == gone.id
        assert body["buckets"][-1]["invited"] == 5  # the invitations they sent still count
    # The page shows whose figures these are, marked deactivated, and offers them no more.
    login(client, personas.leader.email)
    page = client.get(f"/tal?consultant_id={gone.id}")
    assert page.status_code == 200
    assert f'<option value="{gone.id}" selected>Tidligere Tove (deaktiveret)</option>' in page.text
    offered = options.for_viewer(db, personas.leader, personas.jobcentre.id, gone.id)
    assert gone.id not in _ids(offered.consultants) and offered.former == (
        gone.id,
        "Tidligere Tove",
    )


def test_the_404_rules_hold_for_a_deactivated_consultant(
    client: TestClient, db: Session, personas: Personas, gone: User
) -> None:
    other_leader = add_staff(db, personas.other_jobcentre, "l2@test.example", "L2", Role.LEADER)
    url = f"/api/v1/stats?consultant_id={gone.id}"
    for viewer in (personas.consultant, personas.outsider, other_leader, personas.flexjobber):
        assert client.get(url, headers=bearer(db, viewer)).status_code == 404
    # Another jobcentre's leader is not offered them either.
    assert gone.id not in _ids(options.for_viewer(db, other_leader, None, gone.id).consultants)
    assert options.for_viewer(db, other_leader, None, gone.id).former is None
    # Someone made a leader has no caseload scope any more.
    gone.role = Role.LEADER
    db.flush()
    assert client.get(url, headers=bearer(db, personas.leader)).status_code == 404
