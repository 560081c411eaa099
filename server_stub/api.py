"""One router per area; `ROUTERS` is what the app mounts, in this order.

A procedure's `scheduled` module may define `lifespan(app) -> AsyncContextManager[None]`
for the work it runs and the state it keeps in memory while the app serves (entered after
the schema exists, exited on shutdown); `AREA_LIFESPANS` lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from fastapi import APIRouter, FastAPI

from server_stub.amphi import routes as amphi
from server_stub.amphi import scheduled as amphi_scheduled
from server_stub.core import accounts
from server_stub.core.routes import auth, events, health, me, pages, public, staff
from server_stub.demo import routes as demo
from server_stub.matching import routes as matching
from server_stub.matching import scheduled as matching_scheduled
from server_stub.national import credentials as national_credentials
from server_stub.national import routes as national
from server_stub.national import scheduled as national_scheduled

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

# Rules of the procedures that freeze a person's email, password and secret for a while.
accounts.add_credential_lock(national_credentials.frozen_reason)

AREA_LIFESPANS: list[Callable[[FastAPI], AbstractAsyncContextManager[None]]] = [
    national_scheduled.lifespan,
    amphi_scheduled.lifespan,
    matching_scheduled.lifespan,
]
