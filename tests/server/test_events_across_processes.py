"""Events written by one process reach the SSE clients of another, by PostgreSQL's
LISTEN/NOTIFY wake-up, in order and complete — also after the wake-up connection dies.

Server B runs in its own process (`amphi-server serve`) with a poll of two minutes, so an
event that reaches its clients within seconds was delivered by the wake-up, not the poll.
This test process is "server A": it writes events to the shared database.
PostgreSQL pass only (`AMPHI_TEST_DATABASE=postgresql`, as `make test` runs it).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text

from server_stub.core import events
from server_stub.core.db import make_engine, make_sessionmaker
from tests import postgres
from tests.server.test_events import SseReader
from tests.server_process import ServerProcess

pytestmark = pytest.mark.skipif(not postgres.wanted(),
                                reason="several processes share a PostgreSQL database")

POLL_SECONDS = 120  # server B's safety-net poll: far longer than any wait below


@pytest.fixture
def database() -> str:
    return postgres.cluster().new_database()


@pytest.fixture
def server_b(database: str, tmp_path: Path) -> Iterator[str]:
    b = ServerProcess(database, tmp_path / "b", EVENT_POLL_SECONDS=str(POLL_SECONDS))
    try:
        yield b.url
    finally:
        b.stop()


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
