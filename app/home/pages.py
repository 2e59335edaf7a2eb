"""Front page, role-specific home pages and the accessibility statement."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from app.home import service
from app.models import Role
from app.web.deps import CurrentUser, OptionalUser, SessionDep
from app.web.routers import page_router
from app.web.templating import render

router = page_router()


@router.get("/")
def front_page(request: Request, user: OptionalUser) -> Response:
    return render(request, "index.html")


@router.get("/hjem")
def home(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    ctx: dict[str, object] = {"cards": service.cards_for(user)}
    if user.role == Role.ADMIN:
        ctx["stats"] = service.admin_stats(db)
    return render(request, f"home/{user.role.value}.html", ctx)


@router.get("/tilgaengelighed")
def accessibility_statement(request: Request, user: OptionalUser) -> Response:
    return render(request, "pages/accessibility.html")
