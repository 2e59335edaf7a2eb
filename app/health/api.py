"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database means "not ready"
        return JSONResponse({"status": "unavailable"}, status_code=503)
    # Ready to serve either way (pages say "vi beregner" meanwhile); this worker's match index
    # is reported so that a deploy or a benchmark can wait for it.
    index = "ready" if request.app.state.match_engine.ready else "building"
    return JSONResponse({"status": "ok", "match_index": index})
