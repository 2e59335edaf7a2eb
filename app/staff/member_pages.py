"""One consultant's or leader's account: team (admins, and the jobcentre's leader), role and
whether it is active (admins only)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.errors import AppError
from app.kit.i18n import N_
from app.models import Jobcentre, User
from app.staff import policy, service
from app.staff.access import StaffAccount, TeamMember
from app.staff.forms import FormInvalid, StaffForm, field_errors, parse
from app.staff.schemas import RoleChange, TeamMove
from app.web.deps import MailerDep, SessionDep, SettingsDep
from app.web.guards import StaffAdminUser, TeamManagerUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

DONE = {
    "team": N_("Teamet er skiftet."),
    "rolle": N_("Rollen er skiftet."),
    "deaktiveret": N_("Kontoen er deaktiveret. Personen er logget ud og kan ikke logge ind."),
    "aktiveret": N_("Kontoen er aktiv igen."),
    "inviteret": N_("Kontoen er aktiv igen, og personen har fået en ny invitation."),
}


def _page(
    request: Request, db: Session, viewer: User, member: User,
    errors: dict[str, str] | None = None, values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:  # fmt: skip
    assert member.jobcentre_id is not None  # a staff account (policy.member_for)
    teams = service.teams_of(db, member.jobcentre_id)
    key = request.query_params.get("udfoert", "")
    ctx = {
        "member": member,
        "member_role": member.role.value,
        "status": service.status_of(member),
        "centre": db.get(Jobcentre, member.jobcentre_id),
        "is_admin": policy.may_administer(viewer),
        "team_options": [(team.id, team.name) for team, _count in teams],
        "errors": errors or {},
        "values": values or {"team_id": str(member.team_id or ""), "role": member.role.value},
        "messages": [("success", DONE[key])] if key in DONE else [],
    }
    return render(request, "staff/member.html", ctx, status_code=status)


@router.get("/admin/medarbejdere")
def staff_home(user: TeamManagerUser) -> Response:
    """Admins start from the jobcentres; a leader goes straight to their own jobcentre."""
    if policy.may_administer(user):
        return RedirectResponse("/admin/jobcentre", status_code=303)
    return RedirectResponse(f"/admin/jobcentre/{user.jobcentre_id}", status_code=303)


@router.get("/admin/medarbejdere/{user_id}")
def member_page(
    request: Request, db: SessionDep, user: TeamManagerUser, member: TeamMember
) -> Response:
    return _page(request, db, user, member)


def _done(member: User, key: str) -> Response:
    return RedirectResponse(f"/admin/medarbejdere/{member.id}?udfoert={key}", status_code=303)


@router.post("/admin/medarbejdere/{user_id}/team")
def move_to_team(
    request: Request, db: SessionDep, user: TeamManagerUser, member: TeamMember, form: StaffForm
) -> Response:
    try:
        service.move_to_team(db, user, member, parse(TeamMove, form))
    except FormInvalid as exc:
        return _page(request, db, user, member, exc.errors, form, status=422)
    except AppError as exc:
        return _page(request, db, user, member, field_errors(exc), form, status=exc.status_code)
    return _done(member, "team")


@router.post("/admin/medarbejdere/{user_id}/rolle")
def change_role(
    request: Request, db: SessionDep, user: StaffAdminUser, account: StaffAccount, form: StaffForm
) -> Response:
    policy.ensure_staff_account(account)
    try:
        data = parse(RoleChange, form)
    except FormInvalid as exc:
        return _page(request, db, user, account, exc.errors, form, status=422)
    service.change_role(db, user, account, data)
    return _done(account, "rolle")


@router.post("/admin/medarbejdere/{user_id}/deaktiver")
def deactivate(db: SessionDep, user: StaffAdminUser, account: StaffAccount) -> Response:
    service.deactivate(db, user, account)  # one's own account: 409 with the reason
    return _done(account, "deaktiveret")


@router.post("/admin/medarbejdere/{user_id}/aktiver")
def reactivate(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: StaffAdminUser,
    account: StaffAccount,
) -> Response:  # fmt: skip
    invited = account.deactivated_at is not None and account.password_hash is None
    service.reactivate(db, settings, mailer, user, account)
    return _done(account, "inviteret" if invited else "aktiveret")
