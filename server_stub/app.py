"""The FastAPI application factory of the reference server.

`create_app(settings)` wires the database, the mailer, the live-event broker, the
routers and the error handling. Every refusal leaves as the documented error body
(`{"error": {"code", "message", "field", "retry_after"}}`), with a French message; bad
input never produces a 500, and an unexpected failure never leaks a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server_stub import __version__, migrations
from server_stub.api import AREA_LIFESPANS, ROUTERS
from server_stub.core import security
from server_stub.core.db import make_engine, make_sessionmaker
from server_stub.core.deps import refuse_control_characters
from server_stub.core.errors import ApiError, validation_error
from server_stub.core.events import EventBroker
from server_stub.core.leader import Leadership
from server_stub.core.mail import Mailer
from server_stub.settings import Settings

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: ("bad_request", "Requête invalide."),
    401: ("not_authenticated", "Veuillez vous connecter."),
    403: ("forbidden", "Vous n'avez pas le droit d'effectuer cette action."),
    404: ("not_found", "Adresse introuvable."),
    405: ("method_not_allowed", "Méthode non autorisée pour cette adresse."),
    406: ("not_acceptable", "Format de réponse non disponible."),
    413: ("too_large", "Requête trop volumineuse."),
    415: ("unsupported_media_type", "Format de requête non pris en charge."),
}


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


class BodyLimitMiddleware:
    """Refuse request bodies over `max_bytes` with 413 `too_large`, before any parsing.

    Pure ASGI (no BaseHTTPMiddleware) so streaming responses and disconnects pass through.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_upload_bytes = max_upload_bytes  # multipart/form-data: files, imports

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        upload = headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data")
        limit = self.max_upload_bytes if upload else self.max_bytes
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = False  # h11 already refuses malformed lengths
            if too_big:
                await self._refuse(scope, receive, send, limit)
                return
        # Chunked or lying bodies: read up to the limit first, then replay to the app.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # disconnected while sending
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(scope, receive, send, limit)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        size = f"{limit / 1_000_000:.1f} Mo".replace(".", ",") if limit >= 1_000_000 \
            else f"{limit // 1000} Ko"
        error = ApiError(413, "too_large", f"Requête trop volumineuse (au plus {size}).",
                         headers={"Connection": "close"})
        await error_response(error)(scope, receive, send)


class UnexpectedErrorMiddleware:
    """Answer an exception that escaped every handler with the documented 500, and stop it there.

    Starlette's own last resort (ServerErrorMiddleware, where an `Exception` handler would be
    installed) answers and then re-raises for the server to log; uvicorn then closes the
    connection under the answer, so a keep-alive client's next request fails with
    ECONNRESET. Here the error is logged with its traceback and goes no further. Only an
    answer already half sent is re-raised: closing the connection is then the only clean end.
    Pure ASGI, outermost of ours, so the body limit's own failures are covered too.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            log.exception("unexpected error: %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await error_response(internal_error())(scope, receive, send)


def internal_error() -> ApiError:
    """The 500 body: a French reason, never the internals (they are in the server's log)."""
    return ApiError(500, "internal_error",
                    "Erreur interne du serveur : l'incident a été enregistré.")


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(validation_error(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", "Requête refusée."))
        if exc.status_code >= 500:
            code, message = "internal_error", "Erreur interne du serveur."
        return error_response(ApiError(exc.status_code, code, message,
                                       headers=dict(exc.headers or {})))

    @app.exception_handler(IntegrityError)
    async def _conflict(_request: Request, exc: IntegrityError) -> JSONResponse:
        # A concurrent request won a uniqueness race; the transaction was rolled back.
        log.info("integrity conflict: %s", exc.orig)
        return error_response(ApiError(409, "conflict",
                                       "Conflit avec une modification simultanée : réessayez."))

    @app.exception_handler(DataError)
    async def _data(_request: Request, exc: DataError) -> JSONResponse:
        log.info("value refused by the database: %s", exc.orig)
        return error_response(ApiError(422, "invalid_request",
                                       "Une valeur envoyée n'est pas acceptable."))

    @app.exception_handler(OperationalError)
    async def _busy(_request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc.orig)
        return error_response(ApiError(503, "unavailable",
                                       "Service momentanément indisponible : réessayez.",
                                       retry_after=2))


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """The `uvicorn.Config` arguments every way of starting the server passes.

    Left to itself uvicorn believes X-Forwarded-For from 127.0.0.1 (or from its own
    FORWARDED_ALLOW_IPS): anyone on the machine, or behind a proxy nobody declared, would
    choose the address the per-address login throttle counts. Only the configured
    `forwarded_allow_ips` are believed; none when it is empty.
    """
    trusted = [ip.strip() for ip in settings.forwarded_allow_ips.split(",") if ip.strip()]
    return {"proxy_headers": bool(trusted), "forwarded_allow_ips": trusted or None}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application. The schema is checked (created when the database is empty,
    see `server_stub.migrations`) and the broker started on startup."""
    settings = settings or Settings()
    security.configure_hashing(time_cost=settings.argon2_time_cost,
                               memory_cost=settings.argon2_memory_kib,
                               parallelism=settings.argon2_parallelism)
    engine = make_engine(settings.resolved_database_url, settings.db_pool_size,
                         settings.db_max_overflow)
    factory = make_sessionmaker(engine)
    broker = EventBroker(factory, settings.event_poll_seconds)
    leadership = Leadership(engine)
    mailer = Mailer(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(migrations.prepare, engine, migrate=settings.migrate_on_start)
        leadership.start()
        await broker.start()
        try:
            async with AsyncExitStack() as areas:
                for area_lifespan in AREA_LIFESPANS:
                    await areas.enter_async_context(area_lifespan(_app))
                yield
        finally:
            await run_in_threadpool(leadership.stop)
            await broker.stop()
            await run_in_threadpool(mailer.close)
            engine.dispose()

    app = FastAPI(
        title="Amphi — serveur de référence",
        version=__version__,
        description="API du serveur de référence d'Amphi (choix de postes). "
                    "Les erreurs ont la forme `ErrorBody`.",
        openapi_url="/openapi.json",
        lifespan=lifespan,
        dependencies=[Depends(refuse_control_characters)],
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = factory
    app.state.broker = broker
    app.state.leadership = leadership
    app.state.mailer = mailer
    _install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes,
                       max_upload_bytes=settings.max_upload_body_bytes)
    app.add_middleware(UnexpectedErrorMiddleware)  # added last: the outermost of ours
    for router in ROUTERS:
        app.include_router(router)
    return app
