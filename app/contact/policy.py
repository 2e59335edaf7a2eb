"""Who may ask for a call-back, and who may see and close one — decided here only."""

from __future__ import annotations

from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import CallbackRequest, Role, User

NOT_FOUND = N_("Opkaldsønsket findes ikke.")


def may_request(user: User) -> bool:
    """Flexjobbers and company users ask; staff are the ones who call."""
    return user.role in (Role.FLEXJOBBER, Role.COMPANY)


def ensure_may_request(user: User) -> None:
    if not may_request(user):
        raise Forbidden(N_("Kun borgere og virksomheder kan bede om at blive ringet op."))


def can_handle(user: User, request: CallbackRequest) -> bool:
    """Staff of the requester's jobcentre only: the request may say why the person needs help,
    so no other jobcentre, company, citizen or admin sees that it exists."""
    return user.role == Role.CONSULTANT and user.jobcentre_id == request.jobcentre_id


def ensure_can_handle(user: User, request: CallbackRequest | None) -> CallbackRequest:
    if request is None or not can_handle(user, request):
        raise NotFound(NOT_FOUND)
    return request
