from __future__ import annotations

from app.web.routers import page_router

router = page_router()
