"""The "Hent mine data": everything Fleksbro holds about the signed-in person, machine-readable.

Rows are dumped column by column (so a new column is exported without anyone remembering to
add it); only secrets and derived copies are left out: password and token hashes, the folded
search text, the CV's storage key (the CV itself is included, base64-encoded)."""

from __future__ import annotations

import base64
import enum
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import (
    AccommodationNeeds,
    ApiToken,
    Base,
    CallbackRequest,
    Company,
    Consent,
    Event,
    EventSignup,
    FlexjobberProfile,
    FollowUp,
    Jobcentre,
    JobPosting,
    Match,
    MatchEvent,
    Message,
    Notification,
    ProfileStatusChange,
    SignIn,
    User,
    UserSession,
)
from app.privacy.access_log import ACCESS_ACTIONS, PURPOSES, accesses
from app.profiles import cv_storage

FORMAT = "fleksbro-export-1"
_SECRET_OR_DERIVED = {"password_hash", "token_hash", "search_text", "cv_storage_key"}


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def row(obj: Base, leave_out: frozenset[str] = frozenset()) -> dict[str, Any]:
    skip = _SECRET_OR_DERIVED | leave_out
    return {
        a.key: _value(getattr(obj, a.key))
        for a in inspect(obj).mapper.column_attrs
        if a.key not in skip
    }


def export(db: Session, data_dir: Path, user: User) -> dict[str, Any]:
    centre = db.get(Jobcentre, user.jobcentre_id) if user.jobcentre_id else None
    data: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": utcnow().isoformat(),
        "account": row(user) | {"jobcentre": centre.name if centre else None},
        "sessions": [row(s, frozenset({"id"})) for s in _of(db, UserSession, user.id)],
        "sign_ins": [row(s) for s in _of(db, SignIn, user.id)],
        "api_tokens": [row(t) for t in _of(db, ApiToken, user.id)],
        "notifications": [row(n) for n in _of(db, Notification, user.id)],
        "event_signups": _signups(db, user.id),
        "callback_requests": [
            row(c)
            for c in db.scalars(
                select(CallbackRequest).where(CallbackRequest.requester_id == user.id)
            )
        ],
    }
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == user.id))
    if profile is not None:
        data |= _profile_part(db, data_dir, user, profile)
    return data


def _of(db: Session, model: Any, user_id: int) -> list[Any]:
    return list(db.scalars(select(model).where(model.user_id == user_id).order_by(model.id)))


def _signups(db: Session, user_id: int) -> list[dict[str, Any]]:
    return [
        row(s) | {"event": event.title, "starts_at": _value(event.starts_at)}
        for s, event in db.execute(
            select(EventSignup, Event)
            .join(Event, Event.id == EventSignup.event_id)
            .where(EventSignup.user_id == user_id)
            .order_by(EventSignup.id)
        )
    ]


def _profile_part(
    db: Session, data_dir: Path, user: User, profile: FlexjobberProfile
) -> dict[str, Any]:
    needs = db.get(AccommodationNeeds, profile.id)
    cv = None
    if profile.cv_storage_key:
        content = cv_storage.load(data_dir, profile.cv_storage_key)
        cv = {
            "filename": profile.cv_filename,
            "content_type": profile.cv_content_type,
            "size": profile.cv_size,
            "content_base64": base64.b64encode(content).decode() if content else None,
        }
    consents = [
        row(c) | {"company": name}
        for c, name in db.execute(
            select(Consent, Company.name)
            .join(Company, Company.id == Consent.company_id)
            .where(Consent.profile_id == profile.id)
            .order_by(Consent.granted_at, Consent.id)
        )
    ]
    return {
        "profile": row(profile),
        "accommodation_needs": row(needs) if needs else None,
        "cv": cv,
        "consents": consents,
        "matches": _matches(db, user, profile.id),
        "status_history": [
            row(c)
            for c in db.scalars(
                select(ProfileStatusChange)
                .where(ProfileStatusChange.profile_id == profile.id)
                .order_by(ProfileStatusChange.id)
            )
        ],
        "access_log": [
            {
                "when": _value(a.when),
                "who": a.who,
                "jobcentre": a.where or None,
                "kind": a.kind,
                "what": ACCESS_ACTIONS[a.action],
                "purpose": PURPOSES[a.purpose],
                "saw_accommodation_needs": a.saw_needs,
            }
            for a in accesses(db, profile.id, user.id)
        ],
    }


def _matches(db: Session, user: User, profile_id: int) -> list[dict[str, Any]]:
    found = list(
        db.execute(
            select(Match, JobPosting.title, Company.name)
            .join(JobPosting, JobPosting.id == Match.job_id)
            .join(Company, Company.id == JobPosting.company_id)
            .where(Match.profile_id == profile_id)
            .order_by(Match.id)
        )
    )
    ids = [m.id for m, _, _ in found]
    events: dict[int, list[dict[str, Any]]] = {}
    for e in db.scalars(
        select(MatchEvent).where(MatchEvent.match_id.in_(ids or [-1])).order_by(MatchEvent.id)
    ):
        events.setdefault(e.match_id, []).append(row(e, frozenset({"match_id", "actor_id"})))
    messages: dict[int, list[dict[str, Any]]] = {}
    for m in db.scalars(
        select(Message).where(Message.match_id.in_(ids or [-1])).order_by(Message.id)
    ):
        sender = "you" if m.sender_id == user.id else "other party"
        messages.setdefault(m.match_id, []).append(
            {"from": sender, "body": m.body, "created_at": _value(m.created_at)}
        )
    follow_ups: dict[int, list[dict[str, Any]]] = {}
    for f in db.scalars(
        select(FollowUp).where(FollowUp.match_id.in_(ids or [-1])).order_by(FollowUp.id)
    ):
        follow_ups.setdefault(f.match_id, []).append(
            row(f, frozenset({"match_id", "consultant_id"}))
        )
    return [
        row(m, frozenset({"recommended_by_id"}))
        | {
            "job_title": title,
            "company": company,
            "timeline": events.get(m.id, []),
            "follow_ups": follow_ups.get(m.id, []),
            "messages": messages.get(m.id, []),
        }
        for m, title, company in found
    ]
