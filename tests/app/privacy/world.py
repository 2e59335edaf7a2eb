"""A flexjobber with something in every table that can hold their data, each text unique, so a
test can look for every trace of them after a deletion."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.auth.service import create_api_token
from app.auth.sessions import start_session
from app.kit.clock import utcnow
from app.models import (
    CallbackRequest,
    Consent,
    FollowUp,
    LoginFailure,
    MatchEvent,
    MatchState,
    Message,
    Notification,
    RateEvent,
    SignInMethod,
    Visibility,
)
from app.profiles import cleaning, cv_files
from tests.app.matches.support import match_for
from tests.support.personas import Personas

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Traces:
    name: str
    email: str
    texts: tuple[str, ...]  # about, needs note, messages, notes: each unique
    cv_key: str
    match_id: int


def rich_person(db: Session, personas: Personas, data_dir: Path) -> Traces:
    user, profile = personas.flexjobber, personas.profile
    user.display_name = "Ingeborg Sporløs-Testesen"
    user.phone = "+45 12 34 56 78"
    about = "Jeg sorterer post som ingen anden sporA1"
    note = "Migræne om eftermiddagen sporB2"
    cleaning.update_profile(
        db,
        user,
        profile,
        {
            "about": about,
            "headline": "Kontorhjælp sporC3",
            "accommodation_needs": {"flexible_hours": True},
            "accommodation_note": note,
            "visibility": Visibility.NAMED.value,
        },
    )
    cv_files.save_cv(db, data_dir, user, profile, "mit-cv.pdf", PDF)
    match = match_for(db, profile, personas.job)
    match.state = MatchState.MUTUAL
    match.company_interest_at = match.flexjobber_interest_at = utcnow()
    match.recommendation_note = "Hun er god til post sporD4"
    db.add_all(
        [
            Message(match_id=match.id, sender_id=user.id, body="Hej fra mig sporE5"),
            Message(
                match_id=match.id,
                sender_id=personas.company_user.id,
                body="Hej Ingeborg sporF6",
            ),
            MatchEvent(match_id=match.id, actor_id=None, kind="note", note="Notat sporG7"),
            Consent(profile_id=profile.id, company_id=personas.company.id, share_identity=True),
            Notification(user_id=user.id, kind="new_match", match_id=match.id),
            CallbackRequest(
                requester_id=user.id,
                jobcentre_id=profile.jobcentre_id,
                phone="+45 12 34 56 78",
                message="Ring efter kl. 10 sporH8",
            ),
            LoginFailure(email=user.email, ip_address="192.0.2.1"),
            FollowUp(
                match_id=match.id,
                consultant_id=personas.consultant.id,
                held_on=utcnow().date(),
                hours=12,
                note="Hun trives sporJ1",
                next_step="Flere timer sporK2",
                next_due=utcnow().date(),
            ),
            RateEvent(kind="link_mail", key=f"address:{user.email}"),
        ]
    )
    start_session(db, user, "192.0.2.1", "test", SignInMethod.PASSWORD)
    create_api_token(db, user, "min nøgle")
    db.flush()
    assert profile.cv_storage_key
    return Traces(
        name=user.display_name,
        email=user.email,
        texts=(
            about,
            note,
            *(f"spor{c}" for c in ("C3", "D4", "E5", "F6", "G7", "H8", "J1", "K2")),
        ),
        cv_key=profile.cv_storage_key,
        match_id=match.id,
    )
