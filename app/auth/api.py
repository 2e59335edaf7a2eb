from __future__ import annotations

from fastapi import Response

from app.auth import service
from app.auth.schemas import ApiTokenOut, MeOut
from app.web.deps import CurrentUser, SessionDep
from app.web.routers import api_router

router = api_router("me")


@router.get("/me", response_model=MeOut)
def me(user: CurrentUser) -> MeOut:
    return MeOut.model_validate(user)


@router.get("/me/tokens", response_model=list[ApiTokenOut])
def my_tokens(db: SessionDep, user: CurrentUser) -> list[ApiTokenOut]:
    return [ApiTokenOut.model_validate(t) for t in service.list_api_tokens(db, user)]


@router.delete("/me/tokens/{token_id}", status_code=204)
def revoke_token(db: SessionDep, user: CurrentUser, token_id: int) -> Response:
    """Revokes one of your tokens at once (also the one this request is made with)."""
    service.revoke_api_token(db, user, token_id)
    return Response(status_code=204)
