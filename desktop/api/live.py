"""Live events: the `GET /api/events` Server-Sent Events stream as Qt signals.

The subscription runs as a task on the qasync loop (it never blocks the window). It keeps
the id of the last event received; after a drop it reconnects with `Last-Event-ID`, so
the server replays what was missed, with a capped exponential back-off whose base is the
server's `retry:` hint. Ids only grow: an event already seen is never emitted twice.
httpx-sse reads the `text/event-stream` format (lines cut on CR, LF or CRLF only).

Signals: `event_received(kind, event, id)` where `event` is the server's EventPublic
object (`id`, `at`, `kind`, `campaign_id`, `payload`); `connected()`;
`disconnected(reason)` with a French reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

import httpx
from httpx_sse import EventSource, ServerSentEvent, aconnect_sse
from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api.client import ApiClient, error_from_response, network_error
from desktop.tasks import spawn

log = logging.getLogger(__name__)

DEFAULT_RETRY_MS = 3000
MAX_DELAY_SECONDS = 30.0
# The server sends a keep-alive comment every 15 s: three missed ones mean a dead link.
READ_TIMEOUT_SECONDS = 45.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("LiveClient", text)


class LiveClient(QObject):
    """One SSE subscription with reconnection; start it once signed in (token optional)."""

    event_received = Signal(str, dict, int)  # kind, EventPublic dict, id
    connected = Signal()
    disconnected = Signal(str)  # French reason

    def __init__(self, api: ApiClient, *, max_delay: float = MAX_DELAY_SECONDS,
                 read_timeout: float = READ_TIMEOUT_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._api = api
        self.max_delay = max_delay
        self.read_timeout = read_timeout
        self.retry_ms = DEFAULT_RETRY_MS
        self.last_event_id: int | None = None
        self.is_connected = False
        self.failures = 0  # consecutive attempts that ended without a stream
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, last_event_id: int | None = None) -> None:
        """Subscribe (again); events after `last_event_id` (or the last one seen) replay."""
        if last_event_id is not None:
            self.last_event_id = last_event_id
        if not self.running:
            self.failures = 0
            self._task = spawn(self, self._run(), name="live events")

    async def stop(self) -> None:
        """End the subscription (the last event id is kept for the next start)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:  # a stream that died badly must not stop the shutdown
                log.warning("event stream ended with an error", exc_info=True)
        self._set_disconnected(_tr("Flux d'événements arrêté."))

    def reconnect_now(self) -> None:
        """Skip the current back-off wait (the server is known to be back)."""
        self._wake.set()

    def next_delay(self) -> float:
        """Seconds before the next attempt: the server's hint, doubled per failure, capped."""
        base = self.retry_ms / 1000
        return min(self.max_delay, base * 2.0 ** max(0, self.failures - 1))

    def _set_disconnected(self, reason: str) -> None:
        if self.is_connected:
            self.is_connected = False
            self.disconnected.emit(reason)

    async def _run(self) -> None:
        while True:
            reason = await self._listen_once()
            if reason is None:
                return  # 401: the session is gone, the app returns to the sign-in dialog
            if self.is_connected:
                self._set_disconnected(reason)
            elif self.failures == 0:
                self.disconnected.emit(reason)  # the very first attempt failed
            self.failures += 1
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.next_delay())

    async def _listen_once(self) -> str | None:
        """One connection, until it ends; the French reason it ended (None: stop for good)."""
        headers = self._api.auth_headers()
        if self.last_event_id is not None:
            headers["Last-Event-ID"] = str(self.last_event_id)
        timeout = httpx.Timeout(10.0, read=self.read_timeout)
        try:
            async with aconnect_sse(self._api.http, "GET", "/api/events", headers=headers,
                                    timeout=timeout) as source:
                response = source.response
                if response.status_code != 200:
                    await response.aread()
                    error = error_from_response(response)
                    if error.status == 401 and "Authorization" in headers:
                        self._set_disconnected(error.message)
                        self._api.report_unauthorized(error)
                        return None
                    if error.offline:
                        self._api.note_offline(error)
                    return error.message
                self._api.note_online()
                self.failures = 0
                self.is_connected = True
                self.connected.emit()
                await self._read(source)
            return _tr("Le serveur a fermé le flux d'événements.")
        except (httpx.HTTPError, OSError) as exc:
            error = network_error(exc)
            if error.offline and not self.is_connected:
                self._api.note_offline(error)
            return error.message

    async def _read(self, source: EventSource) -> None:
        """Emit the stream's events until it ends (raises on a broken connection)."""
        async for message in source.aiter_sse():
            if message.retry is not None:
                self.retry_ms = message.retry
            if message.data:
                self._dispatch(message)

    def _dispatch(self, message: ServerSentEvent) -> None:
        try:
            event_id = int(message.id) if message.id else None
        except ValueError:
            event_id = None
        if event_id is not None and self.last_event_id is not None \
                and event_id <= self.last_event_id:
            return  # already delivered (ids only grow)
        try:
            data = json.loads(message.data)
        except ValueError:
            log.warning("live event %s with unreadable data", message.id)
            return
        if not isinstance(data, dict):
            return
        if event_id is not None:
            self.last_event_id = event_id
        self.event_received.emit(message.event, data, event_id if event_id is not None else 0)
