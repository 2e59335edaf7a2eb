from __future__ import annotations

from app.web.routers import api_router

router = api_router("profiles")
