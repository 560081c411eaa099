"""Events written by one process reach the SSE clients of another, by PostgreSQL's
LISTEN/NOTIFY wake-up, in order and complete — also after the wake-up connection dies.

Server B runs in its own process (`amphi-server serve`) with a poll of two minutes, so an
event that reaches its clients within seconds was delivered by the wake-up, not the poll.
This test process is "server A": it writes events to the shared database.
PostgreSQL pass only (`AMPHI_TEST_DATABASE=postgresql`, as `make test` runs it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text

from server_stub.core import events
from server_stub.core.db import make_engine, make_sessionmaker
from tests import postgres
from tests.conftest import free_port
from tests.server.test_events import SseReader

pytestmark = pytest.mark.skipif(not postgres.wanted(),
                                reason="several processes share a PostgreSQL database")

POLL_SECONDS = 120  # server B's safety-net poll: far longer than any wait below


@pytest.fixture
def database() -> str:
    return postgres.cluster().new_database()


@pytest.fixture
def server_b(database: str, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database, "EVENT_POLL_SECONDS": str(POLL_SECONDS),
           "SECRET_KEY": "test-secret-key", "ARGON2_TIME_COST": "1",
           "ARGON2_MEMORY_KIB": "1024", "ARGON2_PARALLELISM": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "--data-dir", str(tmp_path / "b"), "serve",
         "--port", str(port), "--log-level", "warning"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            out = process.stdout.read().decode() if process.stdout else ""
            process.kill()
            raise RuntimeError(f"server B did not start: {out}")
        time.sleep(0.1)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(15)


@pytest.fixture
def engine_a(database: str, server_b: str) -> Iterator[Engine]:
    engine = make_engine(database)  # the schema exists: server B created it
    yield engine
    engine.dispose()


def _publish(engine: Engine, n: int) -> list[int]:
    """n events, each in its own transaction, as n requests of process A would."""
    factory = make_sessionmaker(engine)
    ids = []
    for i in range(n):
        with factory() as session:
            ids.append(events.publish(session, "staff_message", {"text": f"n° {i}"}).id)
            session.commit()
    return ids


def test_events_from_another_process_arrive_by_the_wake_up(server_b: str,
                                                           engine_a: Engine) -> None:
    with httpx.Client(base_url=server_b, timeout=httpx.Timeout(30.0)) as client, \
            client.stream("GET", "/api/events") as response:
        reader = SseReader(response)
        assert reader.frame()["retry"] == "3000"
        time.sleep(0.3)
        started = time.monotonic()
        published = _publish(engine_a, 50)
        got = [int(reader.event()["id"]) for _ in published]
        took = time.monotonic() - started
    assert got == published  # every one, in commit order
    # Two minutes of poll: only the wake-up brings 50 events in well under that.
    assert took < POLL_SECONDS / 4, took


def test_a_lost_wake_up_connection_costs_a_delay_never_an_event(server_b: str,
                                                                engine_a: Engine) -> None:
    with httpx.Client(base_url=server_b, timeout=httpx.Timeout(60.0)) as client, \
            client.stream("GET", "/api/events") as response:
        reader = SseReader(response)
        assert reader.frame()["retry"] == "3000"
        time.sleep(0.3)
        # The database drops B's listening connection (a restart, a network cut)...
        with engine_a.begin() as conn:
            killed = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = 'amphi-listen'")).scalar()
        assert killed == 1
        # ...and events are committed while nobody listens.
        published = _publish(engine_a, 5)
        got = [int(reader.event()["id"]) for _ in published]
    assert got == published  # B reconnected, and read the log from its cursor
