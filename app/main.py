"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from threadpoolctl import threadpool_limits

from app.accounts import pages as account_pages
from app.alerts import pages as alert_pages
from app.articles import api as article_api
from app.articles import pages as article_pages
from app.articles import video_pages
from app.auth import api as auth_api
from app.auth import pages as auth_pages
from app.candidates import api as candidate_api
from app.candidates import pages as candidate_pages
from app.caseload import pages as caseload_pages
from app.companies import api as company_api
from app.companies import pages as company_pages
from app.contact import pages as contact_pages
from app.db import engine_for, session_factory
from app.events import api as event_api
from app.events import pages as event_pages
from app.followups import pages as followup_pages
from app.health import api as health_api
from app.home import pages as home_pages
from app.income import api as income_api
from app.income import pages as income_pages
from app.jobs import api as job_api
from app.jobs import pages as job_pages
from app.matches import api as match_api
from app.matches import board_pages as match_board_pages
from app.matches import candidate_pages as match_candidate_pages
from app.matches import detail_pages as match_detail_pages
from app.matches import mine_pages as match_mine_pages
from app.matchmaking.engine import MatchEngine
from app.notifications import pages as notification_pages
from app.privacy import api as privacy_api
from app.privacy import pages as privacy_pages
from app.profiles import api as profile_api
from app.profiles import pages as profile_pages
from app.profiles import step_pages as profile_step_pages
from app.settings import Settings, get_settings
from app.staff import api as staff_api
from app.staff import member_pages as staff_member_pages
from app.staff import pages as staff_pages
from app.stats import api as stats_api
from app.stats import pages as stats_pages
from app.stats import target_pages
from app.taxonomy import api as taxonomy_api
from app.web import access_log, error_handlers
from app.web.load_limits import LoadLimits
from app.web.security_headers import SecurityHeaders
from matching.encoders import CachedEncoder, get_encoder


def _match_encoder(settings: Settings) -> CachedEncoder:
    # Embeddings persist under var/ so a restart re-encodes nothing that has not changed.
    return get_encoder(settings.matching_encoder, str(settings.data_dir / "embeddings"))


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The match index follows the database from a background thread; pages never wait on it.
    settings: Settings = app.state.settings
    if settings.matching_background:
        app.state.match_engine.start_background(app.state.session_factory)
    # One BLAS thread per worker: many requests rank at once, each on its own thread, and
    # OpenBLAS's shared thread pool would make them queue for it (long latency tails).
    threadpool_limits(limits=1, user_api="blas")
    yield
    app.state.match_engine.stop()


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(level=logging.INFO)
    access_log.install()
    # Only the machine-readable description: Swagger UI would load its scripts from a CDN
    # under a relaxed CSP. Any OpenAPI viewer can open /openapi.json.
    app = FastAPI(
        lifespan=_lifespan,
        title="Fleksbro API",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.serve_openapi else None,
    )
    app.state.settings = settings
    app.state.engine = engine or engine_for(settings.database_url)
    app.state.session_factory = session_factory(app.state.engine)
    app.state.match_engine = MatchEngine(partial(_match_encoder, settings))

    # Added first, so it runs inside SecurityHeaders: its 413s get the headers too.
    app.add_middleware(LoadLimits)
    app.add_middleware(SecurityHeaders)
    error_handlers.install(app)
    app.mount("/static", StaticFiles(directory=settings.web_dir / "static"), name="static")

    app.include_router(health_api.router)
    for pages in (
        home_pages,
        auth_pages,
        account_pages,
        company_pages,
        profile_pages,
        profile_step_pages,
        job_pages,
        candidate_pages,
        caseload_pages,
        match_mine_pages,
        match_candidate_pages,
        match_board_pages,
        match_detail_pages,
        notification_pages,
        income_pages,
        contact_pages,
        event_pages,
        privacy_pages,
        alert_pages,
        article_pages,
        video_pages,
        followup_pages,
        target_pages,
        stats_pages,
        staff_pages,
        staff_member_pages,
    ):
        app.include_router(pages.router)
    for api in (
        auth_api,
        company_api,
        profile_api,
        job_api,
        candidate_api,
        taxonomy_api,
        match_api,
        income_api,
        event_api,
        privacy_api,
        article_api,
        stats_api,
        staff_api,
    ):
        app.include_router(api.router)
    return app
