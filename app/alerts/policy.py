"""Who may have job alerts and open one — decided here and nowhere else.

Only flexjobbers save alerts (others get 403); an alert is its owner's alone: anyone else gets
404, so an alert's existence is not revealed. The stop link in an e-mail needs no sign-in; its
signature (app.alerts.service.stop_signature) is the permission."""

from __future__ import annotations

from app.errors import Forbidden, NotFound
from app.kit.i18n import N_
from app.models import JobAlert, Role, User

NOT_FOUND = N_("Jobagenten findes ikke.")


def may_have_alerts(user: User) -> bool:
    return user.role == Role.FLEXJOBBER


def ensure_may_have_alerts(user: User) -> None:
    if not may_have_alerts(user):
        raise Forbidden(N_("Kun fleksjobbere kan have jobagenter."))


def ensure_owner(user: User, alert: JobAlert | None) -> JobAlert:
    ensure_may_have_alerts(user)
    if alert is None or alert.user_id != user.id:
        raise NotFound(NOT_FOUND)
    return alert
