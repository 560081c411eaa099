"""One router per area; `ROUTERS` is what the app mounts, in this order."""

from __future__ import annotations

from fastapi import APIRouter

from server_stub.routes import auth, demo, events, health, me, pages, public, staff

ROUTERS: list[APIRouter] = [
    health.router,
    public.router,
    auth.router,
    me.router,
    staff.router,
    events.router,
    demo.router,
    pages.router,
]
