"""Watching the link to the server: offline → retry `/api/health` with back-off → online.

The API client says when a call could not reach the server (`online_changed`); the
live stream says when it drops. From then on this monitor asks `/api/health` after
1, 2, 5, 10, then every 30 seconds (or at once on `retry_now`), until the server answers;
the answer makes the API client report "online" again, which stops the loop.
The window shows the banner and the countdown from the signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from desktop.api.client import ApiClient, ApiError
from desktop.tasks import report_quietly, spawn

log = logging.getLogger(__name__)

RETRY_DELAYS: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 30.0)


def unreachable(exc: BaseException) -> bool:
    """The server could not be reached: the offline banner says so already."""
    return isinstance(exc, ApiError) and exc.offline


class ConnectionMonitor(QObject):
    """Turns the API client's reachability into offline/online signals with retries."""

    went_offline = Signal(str)  # French reason
    came_back = Signal()
    retry_scheduled = Signal(float)  # seconds until the next check

    def __init__(self, api: ApiClient, *, delays: Sequence[float] = RETRY_DELAYS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.delays = tuple(delays)
        self.offline = False
        self.reason = ""
        self._task: asyncio.Task[None] | None = None  # the retry loop while offline
        self._probe: asyncio.Task[None] | None = None
        self._now = asyncio.Event()
        api.online_changed.connect(self._on_online_changed)
        report_quietly(unreachable)  # background work failing offline: the banner shows it

    def _on_online_changed(self, online: bool, reason: str) -> None:
        if online:
            was_offline, self.offline = self.offline, False
            if self._task is not None:
                self._task.cancel()
                self._task = None
            if was_offline:
                self.came_back.emit()
        else:
            self.reason = reason
            if not self.offline:
                self.offline = True
                self.went_offline.emit(reason)
            if self._task is None or self._task.done():
                self._task = spawn(self, self._retry())

    def check_soon(self) -> None:
        """Something looked wrong (the live stream dropped): ask the server now."""
        if self.offline or (self._probe is not None and not self._probe.done()):
            return
        self._probe = spawn(self, self._probe_once())

    def retry_now(self) -> None:
        """Skip the current wait (the "Réessayer maintenant" button)."""
        self._now.set()

    async def stop(self) -> None:
        tasks = [t for t in (self._task, self._probe) if t is not None]
        self._task = self._probe = None
        for task in tasks:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:  # a probe that died badly must not stop the shutdown
                log.warning("connection probe ended with an error", exc_info=True)

    async def _probe_once(self) -> None:
        with contextlib.suppress(ApiError):
            await self.api.health()

    async def _retry(self) -> None:
        attempt = 0
        while True:
            delay = self.delays[min(attempt, len(self.delays) - 1)]
            self.retry_scheduled.emit(delay)
            self._now.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._now.wait(), delay)
            try:
                await self.api.health()
            except ApiError as exc:
                if not exc.offline:  # it answered, even if with an error: it is reachable
                    self.api.note_online()
                    return
                log.debug("server still unreachable: %s", exc.message)
            else:
                return  # health() reported online: _on_online_changed ended the loop
            attempt += 1
