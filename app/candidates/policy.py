"""Who may browse candidates — decided here and nowhere else.

Browsing is for companies and jobcentre staff; a flexjobber never browses other people.
"""

from __future__ import annotations

from sqlalchemy import Select, false, literal_column, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import Forbidden
from app.kit.i18n import N_
from app.models import FlexjobberProfile, User, Visibility
from app.profiles import policy as profile_policy
from app.profiles.policy import Audience


def may_browse_candidates(user: User) -> bool:
    return not roles.is_flexjobber(user)


def ensure_may_browse_candidates(user: User) -> None:
    if not may_browse_candidates(user):
        raise Forbidden(N_("Kandidatsøgningen er for virksomheder og jobcentre."))


def readable_profiles(db: Session, viewer: User) -> tuple[Audience, Select[FlexjobberProfile]]:
    """The one select browsing builds on: the profiles this viewer may read
    (``app.profiles.policy.readable_where``, the one rule), never hidden ones, and the
    audience they are shown to. Staff who read nobody's profile (a leader) browse an empty
    list."""
    if not profile_policy.reads_profiles(viewer):
        return Audience.COMPANY, select(FlexjobberProfile).where(false())
    who, where = profile_policy.readable_where(db, viewer)
    # Inline literal, so PostgreSQL can match the partial listing index (visibility <> 'hidden').
    visible = FlexjobberProfile.visibility != literal_column(f"'{Visibility.HIDDEN.value}'")
    return who, select(FlexjobberProfile).where(visible, where)
