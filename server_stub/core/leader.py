"""Which server process drives the clocks: one leader among the processes of a database.

Turns end at their deadline, absent students are passed, amphitheatres open at their
date, the demo's simulated participants choose: each of these must happen once, not once
per process. So only the leader runs them. Requests are served by every process.

On PostgreSQL the leader is the process holding a session-level advisory lock
(`pg_try_advisory_lock`) on a connection of its own, kept open for as long as it leads.
Every other process retries every `RETRY_SECONDS`. When the leader dies (even by SIGKILL)
its connection closes, PostgreSQL releases the lock, and the next process to try becomes
leader: within `RETRY_SECONDS` plus the time the database notices the dead connection (at
once on a closed socket; TCP keepalive settings bound it on a cut network). The clocks
restart from the deadlines stored in the database, so a change of leader skips or
doubles nothing: the work is done by guarded updates that succeed once.

On SQLite one process owns the file (the instance lock): it always leads.
"""

from __future__ import annotations

import logging
import os
import threading

from sqlalchemy import Engine

from server_stub.core.notify import conninfo

log = logging.getLogger(__name__)

LOCK_KEY = 0x616D7068_636C6F63  # "amphcloc"
RETRY_SECONDS = 1.0
FOLLOWER_SECONDS = 0.5  # how often a clock of a non-leading process looks again
CHECK_SECONDS = 0.5  # how often the leader checks that its connection still holds


class Leadership:
    """`is_leader` says whether this process drives the clocks now (thread-safe to read)."""

    def __init__(self, engine: Engine, *, retry_seconds: float = RETRY_SECONDS) -> None:
        self._engine = engine
        self._retry = retry_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._leading = threading.Event()
        self.single_process = engine.dialect.name != "postgresql"
        if self.single_process:
            self._leading.set()

    @property
    def is_leader(self) -> bool:
        return self._leading.is_set()

    def wait_leader(self, timeout: float) -> bool:
        """Block until this process leads (tests, and a server told to wait its turn)."""
        return self._leading.wait(timeout)

    def start(self) -> None:
        if self.single_process or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="amphi-leader", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop campaigning; a leader lets go (its connection closes: the lock is free)."""
        if self._leading.is_set() and not self.single_process:
            log.info("this process stops driving the clocks (it is stopping)")
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if not self.single_process:
            self._leading.clear()

    def _run(self) -> None:
        import psycopg  # the PostgreSQL driver: present whenever the database is PostgreSQL

        info = conninfo(self._engine)
        while not self._stop.is_set():
            try:
                # The process id in the name: an operator (and the failover test) sees in
                # pg_stat_activity which process leads.
                with psycopg.connect(info, autocommit=True,
                                     application_name=f"amphi-leader {os.getpid()}") as conn:
                    while not self._stop.is_set():
                        row = conn.execute("SELECT pg_try_advisory_lock(%s)",
                                           (LOCK_KEY,)).fetchone()
                        if row is not None and row[0]:
                            break
                        self._stop.wait(self._retry)
                    if self._stop.is_set():
                        return
                    log.info("this process now drives the clocks (leader)")
                    self._leading.set()
                    # Lead while the connection lives: a query fails once it is gone.
                    while not self._stop.wait(CHECK_SECONDS):
                        conn.execute("SELECT 1")
            except Exception as exc:  # the connection dropped: no longer sure to lead
                if self._leading.is_set():
                    log.warning("leadership lost (%s)", exc)
                self._leading.clear()
                self._stop.wait(self._retry)
            finally:
                if not self._stop.is_set():
                    self._leading.clear()
