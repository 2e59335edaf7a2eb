"""The person's rights in the JSON API: `GET /api/v1/me/export`, `DELETE /api/v1/me`."""

from __future__ import annotations

from typing import Any

from fastapi import Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.privacy import service
from app.web.deps import CurrentUser, MailerDep, SessionDep, SettingsDep
from app.web.routers import api_router

router = api_router("me")


class DeleteMeIn(BaseModel):
    # Required for people with a password; people without one get an e-mailed link instead.
    password: str = Field(default="", max_length=1000)


@router.get("/me/export")
def export_me(db: SessionDep, settings: SettingsDep, user: CurrentUser) -> dict[str, Any]:
    """Everything Fleksbro holds about you, as in "Hent mine data" (format fleksbro-export-1)."""
    return service.export_for(db, settings.data_dir, user)


@router.delete(
    "/me",
    status_code=204,
    responses={202: {"description": "No password: a confirmation link was e-mailed"}},
)
def delete_me(
    db: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    user: CurrentUser,
    body: DeleteMeIn | None = None,
) -> Response:
    """Deletes your profile ("Slet min profil"): 204 when done, 202 when a link was e-mailed."""
    outcome = service.delete_own(db, settings, mailer, user, body.password if body else "")
    if outcome == "link_sent":
        return JSONResponse({"status": "link_sent"}, status_code=202)
    return Response(status_code=204)
