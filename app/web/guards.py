"""Router-level guards (CSRF for HTML pages, cross-site refusal for the JSON API) and the typed
role guards routes declare instead of checking a role themselves.

A role guard answers like the policy it calls: a signed-out visitor gets NotAuthenticated
(a page GET redirects to /login, the API says 401), a signed-in user of another role 403.
Whether a role fits is decided in ``app.accounts.policy``; the guard only applies it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from app.accounts import policy as roles
from app.errors import CsrfFailed
from app.kit.i18n import N_
from app.models import FlexjobberProfile, User
from app.profiles import policy as profile_policy
from app.staff import policy as staff_policy
from app.web import csrf
from app.web.deps import AuthDep, CurrentUser, SessionDep, SettingsDep


async def page_csrf(request: Request, settings: SettingsDep) -> None:
    await csrf.verify(request, settings)


async def api_same_site(request: Request, settings: SettingsDep, auth: AuthDep) -> None:
    """The API is not usable cross-site: no CORS headers are ever sent, browsers saying the call
    is cross-site are refused, and a cookie-authenticated change needs the CSRF header."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise CsrfFailed(N_("Kald fra andre websteder er ikke tilladt."))
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != settings.base_url.rstrip("/"):
        raise CsrfFailed(N_("Kald fra andre websteder er ikke tilladt."))
    if auth.via == "session" and request.method not in csrf.SAFE_METHODS:
        await csrf.verify(request, settings)


@dataclass(frozen=True)
class Flexjobber:
    """A signed-in flexjobber and their own profile, looked up once per request (None until
    the person has one: the profile pages create it, the match pages ask to create it)."""

    user: User
    profile: FlexjobberProfile | None


def get_flexjobber(db: SessionDep, user: CurrentUser) -> Flexjobber:
    roles.ensure_flexjobber(user)
    return Flexjobber(user, profile_policy.own_profile(db, user))


def get_company_user(user: CurrentUser) -> User:
    roles.ensure_company_user(user)
    return user


def get_consultant(user: CurrentUser) -> User:
    roles.ensure_consultant(user)
    return user


def get_staff(user: CurrentUser) -> User:
    roles.ensure_staff(user)
    return user


def get_admin(user: CurrentUser) -> User:
    roles.ensure_admin(user)
    return user


def guarded(ensure: Callable[[User], None]) -> Callable[[User], User]:
    """A guard from a domain policy's role rule (``ensure_may_post`` and the like), for rules
    that are not one of the roles below. As a dependency it runs before the request body is
    read, so a refused user gets 403 whatever they send."""

    def guard(user: CurrentUser) -> User:
        ensure(user)
        return user

    return guard


FlexjobberUser = Annotated[Flexjobber, Depends(get_flexjobber)]
CompanyUser = Annotated[User, Depends(get_company_user)]
ConsultantUser = Annotated[User, Depends(get_consultant)]  # a consultant with a jobcentre
StaffUser = Annotated[User, Depends(get_staff)]  # consultant or admin
AdminUser = Annotated[User, Depends(get_admin)]
# Staff administration (app.staff): anyone else is told nothing exists (404), as for any
# resource they may not see.
StaffAdminUser = Annotated[User, Depends(guarded(staff_policy.ensure_admin))]
TeamManagerUser = Annotated[User, Depends(guarded(staff_policy.ensure_admin_or_leader))]
