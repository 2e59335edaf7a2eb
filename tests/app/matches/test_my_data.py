"""The CV behind the CV consent, and "Mine data": who looked, what was shared, withdraw."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.matches import consent
from app.models import AuditEvent, Consent, MatchState, User, Visibility
from app.profiles import cv_storage
from app.settings import Settings
from tests.app.matches.support import match_for, post
from tests.support.personas import Personas

Browser = Callable[[User], TestClient]
PDF = b"%PDF-1.4\n% test cv\n"


def test_cv_only_with_the_cv_consent(
    db: Session, personas: Personas, settings: Settings, browser: Browser
) -> None:
    profile = personas.profile
    key = cv_storage.store(settings.data_dir, PDF)
    try:
        profile.cv_storage_key, profile.cv_content_type = key, cv_storage.PDF
        profile.cv_filename, profile.cv_size = "anna-cv.pdf", len(PDF)
        match = match_for(db, profile, personas.job)
        match.state, match.company_interest_at = MatchState.INTEREST, match.created_at
        db.flush()
        company = browser(personas.company_user)
        # A named profile shows the name, but the CV needs the CV consent.
        assert "Hent CV" not in company.get(f"/match/{match.id}").text
        assert company.get(f"/match/{match.id}/cv").status_code == 404
        consent.grant(
            db,
            personas.flexjobber,
            personas.company.id,
            identity=False,
            cv=True,
            accommodations=False,
        )
        db.flush()
        assert "Hent CV" in company.get(f"/match/{match.id}").text
        response = company.get(f"/match/{match.id}/cv")
        assert response.status_code == 200 and response.content == PDF
        assert response.headers["content-type"] == "application/pdf"
        downloads = db.scalars(
            select(AuditEvent).where(AuditEvent.action == "profile.cv_downloaded")
        ).all()
        assert [e.actor_id for e in downloads] == [personas.company_user.id]
        page = browser(personas.flexjobber).get("/mine-data")
        assert "Hentede dit CV" in page.text and "Testfirma ApS" in page.text
    finally:
        cv_storage.remove(settings.data_dir, key)


def test_withdraw_from_mine_data(db: Session, personas: Personas, browser: Browser) -> None:
    personas.profile.visibility = Visibility.ANONYMOUS
    db.flush()
    consent.grant(
        db, personas.flexjobber, personas.company.id, identity=True, cv=False, accommodations=True
    )
    db.flush()
    person = browser(personas.flexjobber)
    page = person.get("/mine-data")
    assert "Testfirma ApS" in page.text and "Skånehensyn" in page.text
    assert "Ingen har set din profil endnu." in page.text
    data = {"company_id": str(personas.company.id)}
    assert post(person, "/mine-data/samtykke/traek-tilbage", data).status_code == 303
    active = db.scalars(select(Consent).where(Consent.withdrawn_at.is_(None))).all()
    assert active == []
    page = person.get("/mine-data?udfoert=trukket")
    assert "Dit samtykke er trukket tilbage." in page.text
    # Nothing left to withdraw; other roles have no "Mine data".
    assert post(person, "/mine-data/samtykke/traek-tilbage", data).status_code == 404
    company = browser(personas.company_user)
    assert post(company, "/mine-data/samtykke/traek-tilbage", data).status_code == 403
