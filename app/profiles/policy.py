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

from sqlalchemy import ColumnElement, Select, and_, false, select, true
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


def by_public_id(db: Session, public_id: int) -> FlexjobberProfile:
    """The one place a profile id from outside (a URL, a form field, a JSON body) becomes a
    profile. Ids from outside are public ids, never the database id; an old public id (the
    person turned anonymous since) and a tombstone are NotFound to everyone. Who may see the
    profile is still ``audience``'s decision."""
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.public_id == public_id))
    if profile is None or profile.deleted_at is not None:
        raise NotFound(NOT_FOUND)
    return profile


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


def reads_profiles(viewer: User) -> bool:
    """Whether ``readable_where`` has any profiles for this viewer (else it is 403)."""
    return roles.is_consultant(viewer) or roles.is_admin(viewer) or roles.is_company_user(viewer)


def readable_where(db: Session, viewer: User) -> tuple[Audience, ColumnElement[bool]]:
    """The one decision which profiles a viewer may read, as SQL, and the audience its rows
    are shown to: consultants every profile of their jobcentre (hidden too), admins all,
    company users the anonymous and named profiles of the jobcentres that follow their
    companies. A deleted profile is a tombstone nobody reads. 403 for anyone else (a
    flexjobber reads no other people). Search, browsing, the caseload and the rankings build
    on it (``readable_profiles`` is the plain select); the SQL twin of ``audience``."""
    alive = FlexjobberProfile.deleted_at.is_(None)
    if roles.is_consultant(viewer):
        return Audience.CONSULTANT, and_(
            FlexjobberProfile.jobcentre_id == viewer.jobcentre_id, alive
        )
    if roles.is_admin(viewer):
        return Audience.ADMIN, alive
    if roles.is_company_user(viewer):
        # One small query, as before: the lists' plans are those they were measured with.
        centres = sorted(company_jobcentres(db, viewer)) or [-1]
        return Audience.COMPANY, and_(
            FlexjobberProfile.jobcentre_id.in_(centres),
            FlexjobberProfile.visibility.in_([Visibility.ANONYMOUS, Visibility.NAMED]),
            alive,
        )
    raise Forbidden()


def readable_accounts(viewer: User) -> ColumnElement[bool]:
    """SQL over User, for the caseload: the flexjobbers' accounts (with a profile or not yet)
    staff may read — the account side of ``readable_where``: consultants their jobcentre's,
    admins all, anybody else none."""
    if roles.is_consultant(viewer):
        return User.jobcentre_id == viewer.jobcentre_id
    if roles.is_admin(viewer):
        return true()
    return false()


def readable_profiles(db: Session, viewer: User) -> tuple[Audience, Select[FlexjobberProfile]]:
    """The one select profile search builds on, and the audience its rows are shown to (the
    rule is ``readable_where``)."""
    who, where = readable_where(db, viewer)
    return who, select(FlexjobberProfile).where(where)


def ensure_can_edit(db: Session, editor: User, profile: FlexjobberProfile) -> Audience:
    who = audience(db, editor, profile)
    if who not in (Audience.OWNER, Audience.CONSULTANT):
        raise Forbidden()
    return who
