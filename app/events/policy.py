"""Who may see, manage and sign up for an event — decided here and nowhere else.

A jobcentre's consultants manage its events (drafts included). Published and cancelled events
are seen by their audience in that jobcentre: flexjobbers of the jobcentre, users of companies
the jobcentre follows. Everyone else gets 404: an event's existence is not revealed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import (
    EVENT_DRAFT,
    Company,
    CompanyMember,
    Event,
    Role,
    User,
)
from app.profiles.policy import own_profile

NOT_FOUND = N_("Arrangementet findes ikke.")


def audiences_of(user: User) -> tuple[str, ...]:
    if user.role == Role.FLEXJOBBER:
        return ("flexjobbers", "both")
    if user.role == Role.COMPANY:
        return ("companies", "both")
    return ()


def jobcentres_of(db: Session, user: User) -> set[int]:
    """The jobcentres whose events the person is audience for."""
    if user.role == Role.FLEXJOBBER:
        profile = own_profile(db, user)
        centre = (profile.jobcentre_id if profile else None) or user.jobcentre_id
        return {centre} if centre else set()
    if user.role == Role.COMPANY:
        return set(
            db.scalars(
                select(Company.jobcentre_id)
                .join(CompanyMember, CompanyMember.company_id == Company.id)
                .where(CompanyMember.user_id == user.id)
            )
        )
    return set()


def may_create(user: User) -> bool:
    return user.role == Role.CONSULTANT and user.jobcentre_id is not None


def ensure_may_create(user: User) -> None:
    if not may_create(user):
        raise Forbidden(N_("Kun jobcentrets konsulenter kan oprette arrangementer."))


def can_manage(user: User, event: Event) -> bool:
    return user.role == Role.CONSULTANT and user.jobcentre_id == event.jobcentre_id


def is_audience(db: Session, user: User, event: Event) -> bool:
    return (
        event.status != EVENT_DRAFT
        and event.audience in audiences_of(user)
        and event.jobcentre_id in jobcentres_of(db, user)
    )


def ensure_can_view(db: Session, user: User, event: Event | None) -> Event:
    if event is None or not (can_manage(user, event) or is_audience(db, user, event)):
        raise NotFound(NOT_FOUND)
    return event


def ensure_can_manage(db: Session, user: User, event: Event | None) -> Event:
    event = ensure_can_view(db, user, event)
    if not can_manage(user, event):
        raise Forbidden()
    return event


def ensure_may_sign_up(db: Session, user: User, event: Event | None) -> Event:
    """Only the audience signs up; staff who may see the event get 403, others 404."""
    event = ensure_can_view(db, user, event)
    if not is_audience(db, user, event):
        raise Forbidden(N_("Kun arrangementets deltagere kan tilmelde sig."))
    return event
