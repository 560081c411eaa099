"""One router per area; `ROUTERS` is what the app mounts, in this order."""

from __future__ import annotations

from fastapi import APIRouter

from server_stub.routes import (
    amphi,
    auth,
    demo,
    events,
    health,
    matching,
    me,
    national,
    pages,
    public,
    staff,
)

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
