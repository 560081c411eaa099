"""PostgreSQL's LISTEN/NOTIFY as a wake-up between server processes.

Every transaction that writes to the event log also sends `NOTIFY amphi_events`
(`events.publish`); PostgreSQL delivers it to every listening connection when, and only
when, that transaction commits. Each process keeps one connection listening (`Listener`,
a thread) and wakes its broker, which reads the log from its cursor. A notification
carries nothing: the log is the truth, so a lost notification (a dropped connection,
a listener restarting) costs a delay until the broker's next poll, never an event.

SQLite has no such thing: there one process owns the file (the instance lock) and the
in-process wake-up is enough.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections.abc import Callable

from sqlalchemy import Engine

log = logging.getLogger(__name__)

CHANNEL = "amphi_events"
RECONNECT_SECONDS = (0.5, 1.0, 2.0, 5.0)  # back-off after a lost connection, then 5 s


_origin: tuple[int, str] | None = None


def origin() -> str:
    """This process's mark, the payload of its notifications (a new one in a forked child)."""
    global _origin
    pid = os.getpid()
    if _origin is None or _origin[0] != pid:
        _origin = (pid, f"{pid}:{secrets.token_hex(6)}")
    return _origin[1]


def conninfo(engine: Engine) -> str:
    """The engine's database as a libpq connection string (psycopg's own driver name)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


class Listener:
    """A thread listening on `CHANNEL`; calls `on_notify` (from that thread) per wake-up by
    another process (see `origin`)."""

    def __init__(self, engine: Engine, on_notify: Callable[[], None], *,
                 channel: str = CHANNEL) -> None:
        self._conninfo = conninfo(engine)
        self._on_notify = on_notify
        self._channel = channel
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()  # listening now (tests wait for it)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="amphi-listen",
                                            daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        import psycopg  # the PostgreSQL driver: present whenever the database is PostgreSQL

        failures = 0
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True,
                                     application_name="amphi-listen") as conn:
                    conn.execute(f"LISTEN {self._channel}")
                    self.connected.set()
                    failures = 0
                    # Whatever was committed while nobody listened: read it now.
                    self._on_notify()
                    while not self._stop.is_set():
                        # Several notifications in a burst make one wake-up.
                        own = origin()
                        if any(n.payload != own
                               for n in conn.notifies(timeout=1.0, stop_after=1)):
                            self._on_notify()
            except Exception as exc:  # the database restarts, the network drops: retry
                self.connected.clear()
                if self._stop.is_set():
                    return
                delay = RECONNECT_SECONDS[min(failures, len(RECONNECT_SECONDS) - 1)]
                failures += 1
                log.warning("event wake-up connection lost (%s); retrying in %.1f s",
                            exc, delay)
                self._stop.wait(delay)
        self.connected.clear()
