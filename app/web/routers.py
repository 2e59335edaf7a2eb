"""Router factories so that every page router gets CSRF checks and every API router the guard."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from app.web.guards import api_same_site, page_csrf
from app.web.json_body import CheckedJsonRoute


def page_router() -> APIRouter:
    return APIRouter(dependencies=[Depends(page_csrf)], include_in_schema=False)


def api_router(tag: str) -> APIRouter:
    return APIRouter(
        prefix="/api/v1",
        tags=[tag],
        dependencies=[Depends(api_same_site)],
        route_class=CheckedJsonRoute,
    )
