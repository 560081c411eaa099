"""`GET /api/events`: the live event stream (Server-Sent Events), see server_stub.core.events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from server_stub.core import events, sessions
from server_stub.core.deps import BearerDep
from server_stub.core.routes.common import errors

router = APIRouter(prefix="/api", tags=["événements"])

MAX_ID = 2**63 - 1


@router.get(
    "/events", operation_id="events", response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}},
                     "description": "Flux d'événements (Server-Sent Events)"},
               **errors(401)},
)
async def stream_events(
    request: Request,
    credentials: BearerDep,
    last_event_id_header: Annotated[int | None, Header(alias="Last-Event-ID", ge=0,
                                                       le=MAX_ID)] = None,
    last_event_id: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
) -> StreamingResponse:
    """Live events; with `Last-Event-ID` (header or query) the missed ones are replayed first.

    Without a token only public events are sent; with one, that person's own events too.
    """
    token = credentials.credentials if credentials else None
    state = request.app.state
    viewer = await run_in_threadpool(sessions.viewer_id, state.sessionmaker, token)
    after = last_event_id_header if last_event_id_header is not None else last_event_id
    body = events.stream(state.broker, state.sessionmaker, viewer_id=viewer, after_id=after,
                         keepalive_seconds=state.settings.keepalive_seconds)
    return StreamingResponse(body, media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
