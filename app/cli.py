"""The ``fleksbro`` command line: serve, migrate, demo-data, create-user, api-token, daily,
job-alerts."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import MutableMapping, Sequence
from typing import TYPE_CHECKING

from app.settings import PROJECT_ROOT, get_settings

if TYPE_CHECKING:  # the commands import their modules lazily, so `--help` stays fast
    from sqlalchemy.orm import Session

    from app.alerts.service import RunSummary
    from app.kit.mailer import Mailer
    from app.settings import Settings


def _migrate(_args: argparse.Namespace) -> int:
    from alembic import command
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    command.upgrade(config, "head")
    print("Database migrated to the newest revision.")
    return 0


# Longer than a client's idle connection is kept (httpx 5 s, browsers and proxies 60 s or
# more): at uvicorn's default of 5 s the server closed idle connections while clients sent the
# next request on them, and under load that request failed with "connection reset".
KEEP_ALIVE_SECONDS = 75


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    use_port_in_links(os.environ, args.host, args.port)
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        **proxy_options(get_settings().trusted_proxies),  # type: ignore[arg-type]
    )
    return 0


def use_port_in_links(environ: MutableMapping[str, str], host: str, port: int) -> None:
    """E-mailed links point at the port the server listens on (``--port 8801``), unless
    FLEKSBRO_BASE_URL says otherwise; production must say (its address is not the socket's)."""
    if environ.get("FLEKSBRO_BASE_URL") or environ.get("FLEKSBRO_ENVIRONMENT") == "production":
        return
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host  # noqa: S104 - a comparison
    environ["FLEKSBRO_BASE_URL"] = f"http://{shown}:{port}"
    get_settings.cache_clear()


def proxy_options(trusted_proxies: str) -> dict[str, object]:
    """X-Forwarded-For is believed only from FLEKSBRO_TRUSTED_PROXIES; otherwise anyone could
    send a fresh address with each login attempt and never be throttled."""
    trusted = trusted_proxies.strip()
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}


def _demo_data(_args: argparse.Namespace) -> int:
    from app.db import engine_for, session_scope
    from app.demo.loader import load_demo_data

    settings = get_settings()
    if settings.environment == "production":
        # The demo accounts share a published password, one of them an admin. (The test
        # environment loads them for the browser tests.)
        print(
            "error: demo-data refuses to run in production; it creates accounts with a "
            "published password (one of them an admin).",
            file=sys.stderr,
        )
        return 2
    with session_scope(engine_for(settings.database_url)) as db:
        summary = load_demo_data(db, settings.data_dir)
    print(summary)
    return 0


def _create_user(args: argparse.Namespace) -> int:
    from app.accounts.service import create_user
    from app.db import engine_for, session_scope
    from app.errors import AppError
    from app.models import Role

    password = args.password or getpass.getpass("Adgangskode: ")
    settings = get_settings()
    try:
        with session_scope(engine_for(settings.database_url)) as db:
            user = create_user(
                db,
                email=args.email,
                display_name=args.name,
                role=Role(args.role),
                jobcentre_id=args.jobcentre_id,
                password=password,
            )
            print(f"Created {user.role.value} {user.email} (id {user.id}).")
    except AppError as exc:
        print(f"error: {exc.message} {exc.fields or ''}", file=sys.stderr)
        return 2
    return 0


def _create_jobcentre(args: argparse.Namespace) -> int:
    from app.accounts.service import create_jobcentre
    from app.db import engine_for, session_scope
    from app.errors import AppError

    settings = get_settings()
    try:
        with session_scope(engine_for(settings.database_url)) as db:
            centre = create_jobcentre(db, name=args.name, kommune_code=args.kommune_code)
            print(f"Created jobcentre {centre.name} (id {centre.id}).")
    except AppError as exc:
        print(f"error: {exc.message} {exc.fields or ''}", file=sys.stderr)
        return 2
    return 0


def _api_token(args: argparse.Namespace) -> int:
    from app.auth.service import (
        create_api_token,
        list_api_tokens,
        revoke_api_token,
        user_by_email,
    )
    from app.db import engine_for, session_scope
    from app.errors import NotFound
    from app.kit.dates import local_date

    settings = get_settings()
    with session_scope(engine_for(settings.database_url)) as db:
        user = user_by_email(db, args.email)
        if user is None:
            print(f"error: no user with e-mail {args.email}", file=sys.stderr)
            return 2
        if args.revoke is not None:
            try:
                revoke_api_token(db, user, args.revoke)
            except NotFound:
                print(f"error: {args.email} has no live token {args.revoke}", file=sys.stderr)
                return 2
            print(f"Token {args.revoke} revoked.")
        elif args.list:
            for token in list_api_tokens(db, user):
                print(f"{token.id}\t{token.name}\texpires {local_date(token.expires_at)}")
        else:
            print(create_api_token(db, user, args.name, ttl_days=args.days))
    return 0


def _daily(_args: argparse.Namespace) -> int:
    from app.db import engine_for, session_scope
    from app.events.service import send_reminders
    from app.followups.service import send_reminders as send_follow_up_reminders
    from app.mail.service import mailer_from
    from app.matches.lifecycle import Outbox, expire_overdue
    from app.notifications.service import send_daily_digest
    from app.privacy import retention

    settings = get_settings()
    mailer = mailer_from(settings)
    with session_scope(engine_for(settings.database_url)) as db:
        expired = expire_overdue(db, Outbox(settings, mailer))
        # Before the digests, so people who chose a daily e-mail get the reminder in it.
        reminders = send_reminders(db, settings, mailer)
        alerts = _run_alerts(db, settings, mailer, ("immediate", "daily", "weekly"))
        digests = send_daily_digest(db, settings, mailer)
        kept = retention.run(db, settings, mailer, settings.data_dir)
        follow_ups = send_follow_up_reminders(db, settings, mailer)
    print(
        f"{expired} unanswered requests expired; {reminders} event reminders; "
        f"{alerts}; {digests} daily digests sent; retention: {kept.warned} people warned "
        f"after {settings.retention_inactive_days} days without a sign-in, {kept.deleted} "
        f"profiles deleted {settings.retention_grace_days} days after the warning; "
        f"{follow_ups} consultants reminded of follow-ups that are due."
    )
    return 0


def _run_alerts(
    db: Session, settings: Settings, mailer: Mailer, frequencies: tuple[str, ...]
) -> RunSummary:
    from functools import partial

    from app.alerts.service import run_alerts
    from app.main import _match_encoder
    from app.matchmaking.engine import MatchEngine

    def synced_index() -> MatchEngine:
        # Only when a "new jobs that match me well" alert is due: it loads the model.
        engine = MatchEngine(partial(_match_encoder, settings))
        engine.sync(db, full=True)
        return engine

    return run_alerts(db, settings, mailer, synced_index, frequencies=frequencies)


def _job_alerts(_args: argparse.Namespace) -> int:
    from app.db import engine_for, session_scope
    from app.mail.service import mailer_from

    settings = get_settings()
    with session_scope(engine_for(settings.database_url)) as db:
        summary = _run_alerts(db, settings, mailer_from(settings), ("immediate",))
    print(f"{summary}.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fleksbro",
        description="Fleksbro. The database comes from FLEKSBRO_DATABASE_URL.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser(
        "serve", help="Run the web server (uvicorn).", description="Run the web server (uvicorn)."
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(func=_serve)

    migrate = sub.add_parser(
        "migrate",
        help="Upgrade the database to the newest schema (alembic upgrade head).",
        description="Upgrade the database to the newest schema (alembic upgrade head).",
    )
    migrate.set_defaults(func=_migrate)

    demo = sub.add_parser(
        "demo-data",
        help="Load the demo data set (fixed seed; running it again changes nothing).",
        description="Load the demo data set (fixed seed; running it again changes nothing).",
    )
    demo.set_defaults(func=_demo_data)

    create = sub.add_parser(
        "create-user",
        help="Create an active user, e.g. the first admin.",
        description="Create an active user, e.g. the first admin. Asks for the password if not given.",
    )
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True, help="Display name")
    create.add_argument(
        "--role", choices=["flexjobber", "company", "consultant", "admin"], default="admin"
    )
    create.add_argument("--jobcentre-id", type=int, default=None)
    create.add_argument("--password", default=None, help="Omit to be asked (not echoed).")
    create.set_defaults(func=_create_user)

    centre = sub.add_parser(
        "create-jobcentre",
        help="Create a jobcentre (a municipality's tenant); prints its id for create-user.",
        description="Create a jobcentre (a municipality's tenant); prints its id for create-user.",
    )
    centre.add_argument("--name", required=True)
    centre.add_argument("--kommune-code", required=True, help="Three digits, e.g. 157")
    centre.set_defaults(func=_create_jobcentre)

    token = sub.add_parser(
        "api-token",
        help="Print a new personal API token for a user; list or revoke tokens.",
        description="Print a new personal API token for a user (for integrations; shown once, "
        "expires after --days), list the user's live tokens, or revoke one.",
    )
    token.add_argument("--email", required=True)
    token.add_argument("--name", default="cli", help="A label to recognise the token by")
    token.add_argument("--days", type=int, default=365, help="Valid for this many days (≤ 1095)")
    token.add_argument("--list", action="store_true", help="List the user's live tokens")
    token.add_argument("--revoke", type=int, metavar="ID", help="Revoke the token with this id")
    token.set_defaults(func=_api_token)

    daily = sub.add_parser(
        "daily",
        help="Expire requests, send reminders, job alerts, digests, apply retention (cron).",
        description="Expire unanswered match requests (both sides are told), send the day-before "
        "event reminders, run the job alerts that are due (immediate, daily, weekly), send the "
        "daily e-mail digests to people who chose them, warn people who have not signed in for "
        "FLEKSBRO_RETENTION_INACTIVE_DAYS and delete their profiles "
        "FLEKSBRO_RETENTION_GRACE_DAYS later. Run once a day, e.g. from cron.",
    )
    daily.set_defaults(func=_daily)

    alerts = sub.add_parser(
        "job-alerts",
        help="Send the job alerts that asked for news at once (run often, e.g. every 15 min).",
        description='Check the job alerts set to "immediate" for jobs published since their '
        "last run and tell their owners (in the app, and by e-mail if chosen). `daily` runs "
        "these too, with the daily and weekly ones.",
    )
    alerts.set_defaults(func=_job_alerts)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
