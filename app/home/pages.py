"""Front page, role-specific home pages and the accessibility statement."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import FileResponse, Response

from app.accounts import policy as roles
from app.articles import service as articles
from app.contact import policy as contact_policy
from app.contact import service as contact
from app.events import service as events
from app.followups import service as followups
from app.home import service
from app.web.deps import CurrentUser, OptionalUser, SessionDep
from app.web.i18n import language_of, translations
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


@router.get("/favicon.ico", include_in_schema=False)
def favicon(request: Request) -> Response:
    """Browsers ask for /favicon.ico whatever the page links; without it every page view
    left a 404 in the log."""
    icon = request.app.state.settings.web_dir / "static" / "img" / "favicon.ico"
    return FileResponse(icon, media_type="image/x-icon", headers={"Cache-Control": "max-age=86400"})


@router.get("/")
def front_page(request: Request, user: OptionalUser) -> Response:
    return render(request, "index.html")


@router.get("/hjem")
def home(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    tr = translations(language_of(request)).gettext
    cards = [
        {key: tr(value) if key != "href" else value for key, value in card.items()}
        for card in service.cards_for(user)
    ]
    ctx: dict[str, object] = {"cards": cards}
    # Help from a named person: who to call, and for consultants who asked to be called.
    if contact_policy.may_request(user):
        ctx |= {
            "contact": contact.contact_for(db, user),
            "may_request": True,
            "events": events.upcoming(db, user),
            "articles": articles.newest(db, user),
        }
    if roles.is_consultant(user):
        ctx |= {
            "callbacks": contact.open_requests_for(db, user, limit=10),
            "follow_ups_due": followups.due_for(db, user, limit=10),
            "back": "/hjem",
        }
    if roles.is_admin(user):
        ctx["stats"] = {tr(label): number for label, number in service.admin_stats(db).items()}
    return render(request, f"home/{user.role.value}.html", ctx)


@router.get("/tilgaengelighed")
def accessibility_statement(request: Request, user: OptionalUser) -> Response:
    return render(request, "pages/accessibility.html")
