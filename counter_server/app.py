"""The HTTP API (Starlette) put together: its routes, error replies, body limits, the shared
context and, while serving, the sweeper of held ops. The handlers are in health_routes,
enrol_routes, sync_routes, admin_routes and dashboard."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from datetime import timedelta

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Route

from counter_protocol.signing import public_key_b64
from counter_protocol.tracking import CLAIMS_PATH
from counter_protocol.transport import CHANGES_PATH, ENROL_PATH, HEALTH_PATH, PUSH_PATH
from counter_server import dashboard, web_session
from counter_server.admin_routes import dossier_status, enrol_code, revoke_device
from counter_server.api_context import Context, context_of
from counter_server.enrol_routes import enrol
from counter_server.error_replies import exception_handlers
from counter_server.guard import BodyGuard
from counter_server.health_routes import health, openapi_document
from counter_server.ingest.release import sweep_forever
from counter_server.keys import load_or_create_key
from counter_server.limits import ServeLimits
from counter_server.sync_routes import changes, push, tracking_claims
from counter_server.throttle import GuessThrottle

GC_YOUNG_THRESHOLD = 50_000  # allocations between young collections (CPython default: 700)


def app_from_env() -> Starlette:
    """The app on the database named by COUNTER_SERVER_DB (uvicorn factory for --workers)."""
    from counter_server.db import default_db_url, make_engine

    app = create_app(make_engine(default_db_url()), ServeLimits.from_env())
    tune_gc()
    return app


def tune_gc() -> None:
    """For a serving process: a pushed batch is ~50k short-lived JSON containers, and with the
    default thresholds the collector rescans them (and every module object) many times per batch:
    ~10 µs of ~55 µs CPU per ingested dossier. Freeze what start-up made; collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 100)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    """While serving: settle ops held past their limit now and then (ingest/release.py)."""
    sweeper = asyncio.create_task(sweep_forever(context_of(app).engine))
    try:
        yield
    finally:
        sweeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sweeper


def _routes() -> list[BaseRoute]:
    return [
        Route(HEALTH_PATH, health),
        Route("/openapi.json", openapi_document),
        Route(ENROL_PATH, enrol, methods=["POST"]),
        Route(PUSH_PATH, push, methods=["POST"]),
        Route(CHANGES_PATH, changes),
        Route(CLAIMS_PATH, tracking_claims, methods=["POST"]),
        *dashboard.routes(),
        Route("/admin/v1/dossiers/{code}/status", dossier_status, methods=["POST"]),
        Route("/admin/v1/enrol-codes", enrol_code, methods=["POST"]),
        Route("/admin/v1/devices/{device_id:int}/revoke", revoke_device, methods=["POST"]),
    ]


def create_app(engine: Engine, limits: ServeLimits | None = None) -> Starlette:
    """The ASGI app on an already migrated database."""
    limits = limits or ServeLimits()
    key = load_or_create_key(engine)
    app = Starlette(
        routes=_routes(),
        exception_handlers=exception_handlers(),
        lifespan=_lifespan,
        middleware=[Middleware(BodyGuard, limits=limits)],
    )
    app.state.ctx = Context(
        engine,
        key,
        public_key_b64(key),
        GuessThrottle(limits.enrol_guesses),
        timedelta(seconds=limits.clock_window),
    )
    app.state.dashboard = dashboard.DashboardConfig(engine, web_session.session_secret(key))
    return app
