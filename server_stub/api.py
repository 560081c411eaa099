"""One router per area; `ROUTERS` is what the app mounts, in this order.

An area module may also define `lifespan(app) -> AsyncContextManager[None]` for state it
keeps in memory while the app runs (entered after the schema exists, exited on shutdown);
`AREA_LIFESPANS` collects them.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from fastapi import APIRouter, FastAPI

from server_stub.amphi import routes as amphi
from server_stub.core.routes import auth, events, health, me, pages, public, staff
from server_stub.demo import routes as demo
from server_stub.matching import routes as matching
from server_stub.national import routes as national

ROUTERS: list[APIRouter] = [
    health.router,
    public.router,
    auth.router,
    me.router,
    staff.router,
    national.router,
    amphi.router,
    matching.router,
    events.router,
    demo.router,
    pages.router,
]

AREA_LIFESPANS: list[Callable[[FastAPI], AbstractAsyncContextManager[None]]] = [
    module.lifespan for module in (national, amphi, matching) if hasattr(module, "lifespan")
]
