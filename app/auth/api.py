from __future__ import annotations

from app.auth.schemas import MeOut
from app.web.deps import CurrentUser
from app.web.routers import api_router

router = api_router("me")


@router.get("/me", response_model=MeOut)
def me(user: CurrentUser) -> MeOut:
    return MeOut.model_validate(user)
