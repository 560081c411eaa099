"""`GET /api/events`: the live event stream (Server-Sent Events), see server_stub.core.events.

FastAPI's `EventSourceResponse` writes what `events.stream` yields in the
`text/event-stream` format (no caching, no proxy buffering) and cancels it when the client
goes away.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.sse import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from server_stub.core import events, sessions
from server_stub.core.deps import BearerDep
from server_stub.core.routes.common import json_errors

router = APIRouter(prefix="/api", tags=["événements"])

MAX_ID = 2**63 - 1


async def stream_viewer(request: Request, credentials: BearerDep) -> int | None:
    """The person the stream is for (None without a token); a bad token is a 401.

    A dependency, so that the refusal is an ordinary answer before the stream starts.
    """
    token = credentials.credentials if credentials else None
    return await run_in_threadpool(sessions.viewer_id, request.app.state.sessionmaker, token)


@router.get(
    "/events", operation_id="events", response_class=EventSourceResponse,
    responses={200: {"description": "Flux d'événements (Server-Sent Events)"}, **json_errors(401)},
)
async def stream_events(
    request: Request,
    viewer: Annotated[int | None, Depends(stream_viewer)],
    last_event_id_header: Annotated[int | None, Header(alias="Last-Event-ID", ge=0,
                                                       le=MAX_ID)] = None,
    last_event_id: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
) -> AsyncIterator[ServerSentEvent]:
    """Live events; with `Last-Event-ID` (header or query) the missed ones are replayed first.

    Without a token only public events are sent; with one, that person's own events too.
    """
    state = request.app.state
    after = last_event_id_header if last_event_id_header is not None else last_event_id
    async for message in events.stream(state.broker, state.sessionmaker, viewer_id=viewer,
                                       after_id=after,
                                       keepalive_seconds=state.settings.keepalive_seconds):
        yield message
