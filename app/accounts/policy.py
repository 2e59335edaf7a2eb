"""Who may do what with accounts — decided here and nowhere else."""

from __future__ import annotations

from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import Company, Role, User


def ensure_can_invite(inviter: User, role: Role, company: Company | None) -> None:
    if inviter.role not in (Role.CONSULTANT, Role.ADMIN):
        raise Forbidden()
    if role not in (Role.FLEXJOBBER, Role.COMPANY):
        raise Forbidden(N_("Konsulenter kan kun invitere borgere og virksomhedskontakter."))
    if role == Role.COMPANY:
        if company is None:
            raise NotFound(N_("Virksomheden findes ikke."))
        if inviter.role == Role.CONSULTANT and company.jobcentre_id != inviter.jobcentre_id:
            raise NotFound(N_("Virksomheden findes ikke."))


def ensure_admin(user: User) -> None:
    if user.role != Role.ADMIN:
        raise Forbidden()


def ensure_staff(user: User) -> None:
    if user.role not in (Role.CONSULTANT, Role.ADMIN):
        raise Forbidden()
