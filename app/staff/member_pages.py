"""One consultant's or leader's account: team (admins, and the jobcentre's leader), role and
whether it is active (admins only). Deactivating someone who follows people or companies, or
making such a consultant a leader, asks for the consultant who takes them over; deactivating
may instead leave them waiting ("Deaktivér nu og overdrag senere"), and the page of the
deactivated account then says how many wait and offers the hand-over."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app.kit.i18n import N_
from app.models import Jobcentre, User
from app.staff import policy, service
from app.staff.access import StaffAccount, TeamMember
from app.staff.forms import Again, StaffForm, parse, submit
from app.staff.schemas import Deactivation, RoleChange, TeamMove
from app.web.deps import MailerDep, SessionDep, SettingsDep
from app.web.guards import StaffAdminUser, TeamManagerUser
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

DONE = {
    "team": N_("Teamet er skiftet."),
    "rolle": N_("Rollen er skiftet."),
    "rolle-overdraget": N_("Rollen er skiftet, og borgerne og virksomhederne er overdraget."),
    "deaktiveret": N_("Kontoen er deaktiveret. Personen er logget ud og kan ikke logge ind."),
    "deaktiveret-venter": N_(
        "Kontoen er deaktiveret. Personen er logget ud og kan ikke logge ind. Borgerne og "
        "virksomhederne venter på en ny konsulent."
    ),
    "deaktiveret-overdraget": N_(
        "Kontoen er deaktiveret, og borgerne og virksomhederne er overdraget. "
        "Personen er logget ud og kan ikke logge ind."
    ),
    "overdraget": N_("Borgerne og virksomhederne er overdraget."),
    "aktiveret": N_("Kontoen er aktiv igen."),
    "inviteret": N_("Kontoen er aktiv igen, og personen har fået en ny invitation."),
}
# The role form's successor input, beside the account form's "successor_id".
ROLE_FIELDS = {"successor_id": "role_successor_id"}


def _page(
    request: Request, db: Session, viewer: User, member: User,
    errors: dict[str, str] | None = None, values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:  # fmt: skip
    assert member.jobcentre_id is not None  # a staff account (policy.member_for)
    teams = service.teams_of(db, member.jobcentre_id)
    key = request.query_params.get("udfoert", "")
    is_admin = policy.may_administer(viewer)
    caseload = service.caseload_of(db, member) if is_admin else None
    successors = service.successors_of(db, member) if caseload and not caseload.empty else []
    shown = {"team_id": str(member.team_id or ""), "role": member.role.value}
    ctx = {
        "member": member,
        "member_role": member.role.value,
        "status": service.status_of(member),
        "centre": db.get(Jobcentre, member.jobcentre_id),
        "is_admin": is_admin,
        "team_options": [(team.id, team.name) for team, _count in teams],
        "caseload": caseload,
        "successor_options": [(s.id, s.display_name) for s in successors],
        "errors": errors or {},
        # What was sent, over what is saved (a form that was not sent leaves its value).
        "values": shown | {name: value for name, value in (values or {}).items() if value},
        "messages": [("success", DONE[key])] if key in DONE else [],
    }
    return render(request, "staff/member.html", ctx, status_code=status)


def _again(
    request: Request, db: Session, viewer: User, member: User, form: dict[str, str]
) -> Again:
    return lambda errors, status: _page(request, db, viewer, member, errors, form, status)


def _done(member: User, key: str) -> str:
    return f"/admin/medarbejdere/{member.id}?udfoert={key}"


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


@router.post("/admin/medarbejdere/{user_id}/team")
def move_to_team(
    request: Request, db: SessionDep, user: TeamManagerUser, member: TeamMember, form: StaffForm
) -> Response:
    return submit(
        lambda: service.move_to_team(db, user, member, parse(TeamMove, form)),
        _again(request, db, user, member, form),
        _done(member, "team"),
    )


@router.post("/admin/medarbejdere/{user_id}/rolle")
def change_role(
    request: Request, db: SessionDep, user: StaffAdminUser, account: StaffAccount, form: StaffForm
) -> Response:
    policy.ensure_staff_account(account)  # the admin's own account: 409 with the reason
    return submit(
        lambda: service.change_role(db, user, account, parse(RoleChange, form, ROLE_FIELDS)),
        _again(request, db, user, account, form),
        lambda successor: _done(account, "rolle-overdraget" if successor else "rolle"),
        ROLE_FIELDS,
    )


@router.post("/admin/medarbejdere/{user_id}/deaktiver")
def deactivate(
    request: Request, db: SessionDep, user: StaffAdminUser, account: StaffAccount, form: StaffForm
) -> Response:
    policy.ensure_not_self(user, account)  # one's own account: 409 with the reason
    was_active = account.deactivated_at is None

    def done(successor: User | None) -> str:
        if successor is None:
            waiting = was_active and not service.caseload_of(db, account).empty
            return _done(account, "deaktiveret-venter" if waiting else "deaktiveret")
        return _done(account, "deaktiveret-overdraget" if was_active else "overdraget")

    return submit(
        lambda: service.deactivate(db, user, account, parse(Deactivation, form)),
        _again(request, db, user, account, form),
        done,
    )


@router.post("/admin/medarbejdere/{user_id}/aktiver")
def reactivate(
    db: SessionDep, settings: SettingsDep, mailer: MailerDep, user: StaffAdminUser,
    account: StaffAccount,
) -> Response:  # fmt: skip
    invited = account.deactivated_at is not None and account.password_hash is None
    service.reactivate(db, settings, mailer, user, account)
    return RedirectResponse(_done(account, "inviteret" if invited else "aktiveret"), 303)
