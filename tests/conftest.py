"""Shared fixtures: a real server on a loopback port over a real SQLite file.

Tests never mock our own server, database or engine. Qt runs offscreen and the
keyring is an in-memory backend, so the suite runs on a bare CI machine.

Every test runs on the same calendar, whatever the machine's date: the `calendar`
fixture moves this process's clock (datetime, time.time, for the servers in threads as
for the client) to `TEST_EPOCH` and lets it tick at real speed. Dates in tests are
written relative to `TEST_EPOCH` (or to `clock.now()`), and a test that needs the
calendar to move on moves it (`calendar.shift(...)`, `calendar.move_to(...)`) instead of
waiting. Monotonic clocks (asyncio, timeouts) are left alone.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import time_machine

from tests import postgres

if TYPE_CHECKING:
    from server_stub.settings import Settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A Monday of term time, 8:30 in Paris: the day every test starts on.
TEST_EPOCH = datetime(2027, 1, 11, 7, 30, tzinfo=UTC)


@pytest.fixture(scope="session", autouse=True)
def session_calendar() -> Iterator[time_machine.Coordinates]:
    """The calendar of what is set up once for many tests (module and session fixtures:
    their sign-ins, their data) — the same `TEST_EPOCH`, whatever the machine's date."""
    with time_machine.travel(TEST_EPOCH, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def calendar(session_calendar: time_machine.Coordinates
             ) -> Iterator[time_machine.Coordinates]:
    """This process's clock at `TEST_EPOCH`, ticking; the test may shift or move it."""
    with time_machine.travel(TEST_EPOCH, tick=True) as traveller:
        yield traveller


@dataclass
class LiveServer:
    """A running reference server: its base URL, settings and data directory."""

    url: str
    settings: object
    data_dir: Path
    app: object

    @property
    def outbox(self) -> Path:
        return self.data_dir / "outbox"

    def mails(self) -> list[Path]:
        """Outbox messages, oldest first."""
        if not self.outbox.exists():
            return []
        return sorted(self.outbox.glob("*.eml"), key=lambda p: (p.stat().st_mtime_ns, p.name))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_settings(data_dir: Path, **overrides: Any) -> Settings:
    """The settings of a test server's data folder; on the PostgreSQL pass its database
    is the folder's own (`postgres.database_for`) instead of a SQLite file in it."""
    from server_stub.settings import Settings

    url = postgres.database_for(data_dir)
    if url is not None:
        overrides.setdefault("database_url", url)
    return Settings(data_dir=data_dir, **overrides)


def start_live_server(data_dir: Path, **overrides: object) -> tuple[LiveServer, object, object]:
    """Start uvicorn in a thread on a free loopback port; return (server, uvicorn, thread)."""
    import uvicorn

    from server_stub.app import create_app, uvicorn_options

    port = free_port()
    settings = server_settings(data_dir, **{"secret_key": "test-secret-key",
                                            "public_url": f"http://127.0.0.1:{port}",
                                            **overrides})
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=1,
        **uvicorn_options(settings),  # as `amphi-server serve` does
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", settings, data_dir, app), server, thread


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A fresh server with its own SQLite file for one test."""
    live, server, thread = start_live_server(tmp_path / "server")
    try:
        yield live
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    """An in-memory keyring backend, so no test touches (or needs) the OS keyring."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.secrets.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
