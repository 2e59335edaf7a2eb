"""Every kind of viewer against every page and API route that shows this person: name, e-mail,
CV, employers, accommodation needs and a health-related end reason appear exactly as the one
disclosure decision says (ARCHITECTURE.md, "Health data and disclosure")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.matches import consent
from app.models import MatchState, User, Visibility
from app.profiles import cv_storage
from app.settings import Settings
from tests.app.matches.support import match_for
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]
PDF = b"%PDF-1.4\n% matrix cv\n"
MARKERS = {
    "name": ["Anna Fleks"],
    "email": ["fleks1@test.example"],
    "employer": ["Hemmelig Arbejdsgiver"],
    "needs": ["diskusprolaps"],
    "health": ["Helbredet tillod det ikke", '"ended_reason":"health"', "Ryggen sagde fra"],
}


@dataclass(frozen=True)
class Case:
    viewer: str  # a persona
    visibility: Visibility
    scopes: tuple[str, ...]  # the consent the person gave the posting's company
    withdrawn: bool
    sees: frozenset[str]  # of MARKERS, plus "cv"


def case(
    viewer: str, vis: Visibility, sees: str, scopes: str = "", withdrawn: bool = False
) -> Case:
    return Case(viewer, vis, tuple(scopes.split()), withdrawn, frozenset(sees.split()))


NAMED, ANON = Visibility.NAMED, Visibility.ANONYMOUS
CASES = [
    case("company_user", NAMED, "name employer"),
    case("company_user", ANON, ""),
    case("company_user", ANON, "name email employer", scopes="identity"),
    case("company_user", ANON, "cv", scopes="cv"),
    case("company_user", ANON, "needs health", scopes="accommodations"),
    case("company_user", ANON, "", scopes="identity cv accommodations", withdrawn=True),
    # Another company of the same jobcentre: the first company's consent is not theirs.
    case("company_user2", ANON, "", scopes="identity cv accommodations"),
    case("company_user2", NAMED, "name employer", scopes="identity cv accommodations"),
    case("consultant", ANON, "name email employer needs health cv"),
    case("admin", ANON, "name employer"),
    case("outsider", NAMED, ""),
    case("flexjobber2", NAMED, ""),
]


def _texts(client: TestClient, pid: int, mid: int, job: int) -> tuple[str, bool]:
    paths = [
        f"/profiler/{pid}",
        f"/api/v1/profiles/{pid}",
        f"/match/{mid}",
        f"/api/v1/matches/{mid}",
        f"/opslag/{job}/kandidater",
        f"/api/v1/jobs/{job}/candidates",
        "/kandidater",
        "/api/v1/candidates",
        "/konsulent/soeg?q=bogf",
    ]
    text = ""
    for path in paths:
        response = client.get(path, follow_redirects=False)
        assert response.status_code < 500, path
        text += response.text.replace('": "', '":"') + "\n"
    cv = any(
        client.get(path).status_code == 200 and client.get(path).content == PDF
        for path in (f"/profiler/{pid}/cv", f"/match/{mid}/cv")
    )
    return text, cv


@pytest.mark.parametrize(
    "c",
    CASES,
    ids=lambda c: (
        f"{c.viewer}-{c.visibility.value}-{'+'.join(c.scopes) or 'none'}{'-withdrawn' if c.withdrawn else ''}"
    ),
)
def test_each_viewer_sees_what_the_decision_says(
    db: Session, personas: Personas, settings: Settings, browser: Browser, c: Case
) -> None:
    profile = personas.profile
    profile.visibility = c.visibility
    key = cv_storage.store(settings.data_dir, PDF)
    try:
        profile.cv_storage_key, profile.cv_content_type = key, cv_storage.PDF
        profile.cv_filename, profile.cv_size = "cv.pdf", len(PDF)
        match = match_for(db, profile, personas.job)
        match.state, match.company_interest_at = MatchState.ENDED, utcnow()
        match.ended_reason, match.ended_note = "health", "Ryggen sagde fra"
        db.flush()
        if c.scopes:
            consent.grant(
                db,
                personas.flexjobber,
                personas.company.id,
                identity="identity" in c.scopes,
                cv="cv" in c.scopes,
                accommodations="accommodations" in c.scopes,
            )
            if c.withdrawn:
                consent.withdraw(db, personas.flexjobber, personas.company.id)
            db.flush()
        viewer = browser(personas.all_users()[c.viewer])
        text, cv = _texts(viewer, profile.public_id, match.id, personas.job.id)
    finally:
        cv_storage.remove(settings.data_dir, key)

    seen = {kind for kind, markers in MARKERS.items() if any(m in text for m in markers)}
    if cv:
        seen.add("cv")
    assert seen == c.sees, f"{c.viewer} saw {sorted(seen)}, expected {sorted(c.sees)}"
