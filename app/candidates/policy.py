"""Who may browse candidates — decided here and nowhere else.

Browsing is for companies and jobcentre staff; a flexjobber never browses other people.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, false, literal_column, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import Forbidden
from app.kit.i18n import N_
from app.models import FlexjobberProfile, User, Visibility
from app.profiles.policy import company_jobcentres


def may_browse_candidates(user: User) -> bool:
    return not roles.is_flexjobber(user)


def ensure_may_browse_candidates(user: User) -> None:
    if not may_browse_candidates(user):
        raise Forbidden(N_("Kandidatsøgningen er for virksomheder og jobcentre."))


def findable(db: Session, viewer: User) -> ColumnElement[bool]:
    """SQL: the profiles a viewer may find by browsing (never hidden ones): a company user's
    those of the jobcentres that follow their companies, a consultant's their jobcentre's,
    an admin's all."""
    # Inline literal, so PostgreSQL can match the partial listing index (visibility <> 'hidden').
    visible = FlexjobberProfile.visibility != literal_column(f"'{Visibility.HIDDEN.value}'")
    if roles.is_admin(viewer):
        return visible
    if roles.is_consultant(viewer):
        return and_(visible, FlexjobberProfile.jobcentre_id == viewer.jobcentre_id)
    if not roles.is_company_user(viewer):
        return false()
    centres = company_jobcentres(db, viewer)
    return and_(visible, FlexjobberProfile.jobcentre_id.in_(sorted(centres) or [-1]))


def readable_profiles(db: Session, viewer: User) -> Select[FlexjobberProfile]:
    """The one select browsing builds on: the profiles this viewer may find."""
    return select(FlexjobberProfile).where(findable(db, viewer))
