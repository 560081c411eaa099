"""Route dependencies, declared once with `Annotated` (FastAPI full-stack template style).

    def route(session: SessionDep, user: CurrentUser, ctx: ContextDep) -> ...
    def staff_route(session: SessionDep, staff: StaffUser) -> ...
    CoordinatorUser = Annotated[Person, Depends(role_required(Role.COORDINATOR, Role.STAFF))]

Sessions are closed (and anything uncommitted rolled back) when the request ends;
services commit their own unit of work.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, cast

from fastapi import Depends, Request
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from server_stub.core import sessions
from server_stub.core.context import RequestContext
from server_stub.core.errors import forbidden, not_authenticated, validation_error
from server_stub.core.mail import Mailer
from server_stub.core.models import AuthSession, Person, Role
from server_stub.core.text import describe, forbidden_character
from server_stub.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="Jeton de session obtenu à la connexion.")

ROLE_LABELS = {
    Role.STUDENT: "aux étudiants et internes",
    Role.PROXY_HOLDER: "aux mandataires",
    Role.SUPERVISOR: "aux responsables de terrain de stage",
    Role.COORDINATOR: "aux coordonnateurs",
    Role.STAFF: "aux agents de l'agence",
}


# Dependencies that do no I/O are `async def`: FastAPI runs a plain `def` dependency in
# the thread pool, and each such hop (a queue, a thread woken, the loop woken back) cost
# more CPU than the work itself, several times per request.


async def get_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One database session per request.

    Async on purpose: its clean-up (closing the session, which gives its connection
    back) then runs on the event loop as soon as the response is sent. A sync one
    waited for a free thread of the request pool, behind hundreds of other requests
    when every client asks at once, and held its connection all that time until the
    pool ran dry. Creating and closing a session do no lasting I/O; the queries run in
    the endpoint's thread.
    """
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
    finally:
        session.close()


# Route id → (route, names); the route is kept so that its id is never reused.
_DECLARED_QUERY: dict[int, tuple[APIRoute, frozenset[str]]] = {}


def _declared_query(route: APIRoute) -> frozenset[str]:
    """The query parameters `route` reads (a query model's fields included); cached."""
    known = _DECLARED_QUERY.get(id(route))
    if known is None:
        known = _DECLARED_QUERY[id(route)] = (route, _query_names(route))
    return known[1]


def _query_names(route: APIRoute) -> frozenset[str]:
    names: set[str] = set()
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        pending.extend(dependant.dependencies)
        for param in dependant.query_params:
            model = param.field_info.annotation
            if isinstance(model, type) and issubclass(model, BaseModel):
                names.update(f.alias or n for n, f in model.model_fields.items())
            else:
                names.add(param.alias)
    return frozenset(names)


async def refuse_control_characters(request: Request) -> None:
    """Path and query parameters obey the rule of request bodies (`server_stub.core.text`).

    Installed once on the app, so it covers every route whatever its parameter types;
    a URL holds no multi-line text. Query parameters the route does not read are ignored,
    as they always were. Raises 422 naming the parameter.
    """
    route = request.scope.get("route")
    declared = _declared_query(route) if isinstance(route, APIRoute) else frozenset()
    query = [(k, v) for k, v in request.query_params.multi_items() if k in declared]
    for source, items in (("path", list(request.path_params.items())), ("query", query)):
        for name, value in items:
            found = forbidden_character(value) if isinstance(value, str) else None
            if found is not None:
                raise validation_error([{"type": "forbidden_character", "loc": (source, name),
                                         "ctx": {"character": describe(found)}}])


def client_address(request: Request) -> str:
    """The client's IP address: the peer's, or what a trusted proxy forwarded.

    uvicorn applies X-Forwarded-For from FORWARDED_ALLOW_IPS only (`app.uvicorn_options`).
    """
    return request.client.host if request.client else "unknown"


def base_url(request: Request) -> str:
    """Base of links in mails: PUBLIC_URL, else the address this request reached."""
    settings: Settings = request.app.state.settings
    return (settings.public_url or str(request.base_url)).rstrip("/")


async def get_context(request: Request) -> RequestContext:
    mailer: Mailer = request.app.state.mailer
    return RequestContext(request.app.state.settings, mailer, base_url(request),
                          client_address(request))


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
ContextDep = Annotated[RequestContext, Depends(get_context)]
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_auth_session(session: SessionDep, credentials: BearerDep) -> AuthSession:
    """The caller's live session. Raises 401 when the token is missing, unknown or expired."""
    if credentials is None:
        raise not_authenticated()
    return _release(session, sessions.authenticate(session, credentials.credentials))


def _release(session: Session, auth: AuthSession) -> AuthSession:
    """Load the person, then end the read transaction so its connection goes back to the pool.

    FastAPI runs dependencies and the endpoint as separate jobs of the thread pool: with
    hundreds of requests at once (every client asking after an event), each held its
    connection while queued for its endpoint, and the pool ran dry (30 s timeouts). The
    loaded objects stay usable (``expire_on_commit=False``); the endpoint's first query
    takes a connection again.
    """
    _ = auth.person
    session.commit()
    return auth


CurrentSession = Annotated[AuthSession, Depends(get_auth_session)]


async def get_current_user(auth: CurrentSession) -> Person:
    return auth.person


def get_optional_user(session: SessionDep, credentials: BearerDep) -> Person | None:
    """The caller when a token is sent (a bad token is still a 401), else None."""
    if credentials is None:
        return None
    return _release(session, sessions.authenticate(session, credentials.credentials)).person


async def get_cached_caller(request: Request, credentials: BearerDep) -> sessions.Caller:
    """The caller from the process's cache of sessions (no I/O), else from the database.

    Raises 401 when the token is missing, unknown or expired. For the routes whose write
    checks the session again in its own transaction (see `sessions.CallerCache`).
    """
    if credentials is None:
        raise not_authenticated()
    token = credentials.credentials
    caller = sessions.cached(token)
    if caller is None:
        caller = await run_in_threadpool(sessions.load_caller,
                                         request.app.state.sessionmaker, token)
    return caller


CurrentUser = Annotated[Person, Depends(get_current_user)]
# Only for writes that check the session again in their own transaction (a wish change).
CachedCaller = Annotated[sessions.Caller, Depends(get_cached_caller)]
OptionalUser = Annotated[Person | None, Depends(get_optional_user)]


def role_required(*roles: Role) -> Callable[[Person], Awaitable[Person]]:
    """A dependency admitting only signed-in people with one of `roles` (else 403 forbidden)."""
    allowed = {r.value for r in roles}
    label = " ou ".join(ROLE_LABELS[r] for r in roles)

    async def check(user: CurrentUser) -> Person:
        if user.role not in allowed:
            raise forbidden(f"Cette action est réservée {label}.")
        return user

    return check


StaffUser = Annotated[Person, Depends(role_required(Role.STAFF))]
