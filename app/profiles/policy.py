"""Who may see and change a flexjobber profile — decided here and nowhere else.

- the person: everything, and may change it;
- consultants of the person's jobcentre: everything, and may change it (recorded in the audit);
- admins: the profile without health data; read-only;
- company users of the same jobcentre: only "anonymous" or "named" profiles, as a
  ``CompanyAudience`` view (app.profiles.disclosure), never health data unless shared;
- everybody else, and companies for hidden profiles: as if the profile did not exist (404).
"""

from __future__ import annotations

import enum

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.accounts import policy as roles
from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import Company, CompanyMember, FlexjobberProfile, User, Visibility

NOT_FOUND = N_("Profilen findes ikke.")


class Audience(enum.Enum):
    OWNER = "owner"
    CONSULTANT = "consultant"
    ADMIN = "admin"
    COMPANY = "company"


def company_jobcentres(db: Session, user: User) -> set[int]:
    return set(
        db.scalars(
            select(Company.jobcentre_id)
            .join(CompanyMember, CompanyMember.company_id == Company.id)
            .where(CompanyMember.user_id == user.id)
        )
    )


def company_ids_of(db: Session, user: User) -> set[int]:
    """The companies this user acts for (a company user may belong to several)."""
    return set(db.scalars(select(CompanyMember.company_id).where(CompanyMember.user_id == user.id)))


def own_profile(db: Session, user: User) -> FlexjobberProfile | None:
    """The one look-up of a person's own profile (None for other roles and before the person
    has one). The ``FlexjobberUser`` guard calls it once per request."""
    if not roles.is_flexjobber(user):
        return None
    return db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.user_id == user.id))


def audience(db: Session, viewer: User, profile: FlexjobberProfile) -> Audience:
    """The audience the viewer belongs to for this profile, or NotFound."""
    if profile.deleted_at is not None:  # a tombstone: nobody views it as a profile any more
        raise NotFound(NOT_FOUND)
    if viewer.id == profile.user_id:
        return Audience.OWNER
    if roles.is_consultant_of(viewer, profile.jobcentre_id):
        return Audience.CONSULTANT
    if roles.is_admin(viewer):
        return Audience.ADMIN
    if (
        roles.is_company_user(viewer)
        and profile.visibility != Visibility.HIDDEN
        and profile.jobcentre_id in company_jobcentres(db, viewer)
    ):
        return Audience.COMPANY
    raise NotFound(NOT_FOUND)


def readable_profiles(db: Session, viewer: User) -> tuple[Audience, Select[FlexjobberProfile]]:
    """The one select profile search builds on, and the audience its rows are shown to:
    consultants every profile of their jobcentre (hidden too), admins all, company users the
    anonymous and named profiles of the jobcentres that follow their companies. 403 for
    flexjobbers (they do not search other people)."""
    alive = FlexjobberProfile.deleted_at.is_(None)  # a deleted profile is a tombstone
    if roles.is_consultant(viewer):
        mine = FlexjobberProfile.jobcentre_id == viewer.jobcentre_id
        return Audience.CONSULTANT, select(FlexjobberProfile).where(mine, alive)
    if roles.is_admin(viewer):
        return Audience.ADMIN, select(FlexjobberProfile).where(alive)
    if roles.is_company_user(viewer):
        query = select(FlexjobberProfile).where(
            FlexjobberProfile.jobcentre_id.in_(company_jobcentres(db, viewer)),
            FlexjobberProfile.visibility.in_([Visibility.ANONYMOUS, Visibility.NAMED]),
        )
        return Audience.COMPANY, query
    raise Forbidden()


def ensure_can_edit(db: Session, editor: User, profile: FlexjobberProfile) -> Audience:
    who = audience(db, editor, profile)
    if who not in (Audience.OWNER, Audience.CONSULTANT):
        raise Forbidden()
    return who
