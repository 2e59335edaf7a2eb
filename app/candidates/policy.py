"""Who may browse candidates — decided here and nowhere else.

Browsing is for companies and jobcentre staff; a flexjobber never browses other people.
"""

from __future__ import annotations

from app.accounts import policy as roles
from app.errors import Forbidden
from app.kit.i18n import N_
from app.models import User


def may_browse_candidates(user: User) -> bool:
    return not roles.is_flexjobber(user)


def ensure_may_browse_candidates(user: User) -> None:
    if not may_browse_candidates(user):
        raise Forbidden(N_("Kandidatsøgningen er for virksomheder og jobcentre."))
