"""Two server processes on one PostgreSQL database through a live amphitheatre: the one
driving the turn clock is killed (SIGKILL) mid-session, the other carries on from the
deadlines stored in the database — no turn skipped or doubled, no confirmed choice lost —
and two interns racing for the last free post through different processes: one wins.

Real processes (`amphi-server serve`), real HTTP, the real database; turns of 2 s so the
session runs in seconds (the servers run on the machine's clock: subprocesses do not share
the tests' calendar). PostgreSQL pass only.
"""

from __future__ import annotations

import concurrent.futures
import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, text

from server_stub.core.db import make_engine, make_sessionmaker
from server_stub.core.leader import LOCK_KEY
from tests import postgres
from tests.conftest import LiveServer
from tests.server.test_amphi_support import World, make_world
from tests.server_process import ServerProcess

pytestmark = pytest.mark.skipif(not postgres.wanted(),
                                reason="several processes share a PostgreSQL database")

ROOT = Path(__file__).resolve().parents[2]
TURN_SECONDS = 2.0


def _until(condition: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.1)


def _start(database: str, data_dir: Path) -> ServerProcess:
    return ServerProcess(database, data_dir, AMPHI_TURN_SECONDS=str(TURN_SECONDS),
                         AMPHI_CLOCK_POLL_SECONDS="0.2", AMPHI_PRESENCE_SECONDS="120",
                         KEEPALIVE_SECONDS="0.25")


@pytest.fixture
def database() -> str:
    return postgres.cluster().new_database()


@pytest.fixture
def engine(database: str) -> Iterator[Engine]:
    made = make_engine(database)
    yield made
    made.dispose()


@pytest.fixture
def two_servers(database: str, tmp_path: Path) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    a = _start(database, tmp_path / "a")  # creates the schema (an empty database)
    b = _start(database, tmp_path / "b")
    try:
        yield a, b
    finally:
        a.stop()
        b.stop()


def _shim(url: str, engine: Engine, data_dir: Path) -> LiveServer:
    """What `make_world` needs of a server it did not start: its URL, and the database it
    writes ready accounts into (the shared one)."""
    state = SimpleNamespace(sessionmaker=make_sessionmaker(engine))
    return LiveServer(url, None, data_dir, SimpleNamespace(state=state))


def _leader_pid(engine: Engine) -> int | None:
    """The process holding the clocks' lock (its id is in its connection's name); None
    while nobody holds it (between a leader's death and its successor's next try)."""
    rows = postgres.activity(engine.url.render_as_string(hide_password=False), (
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a "
        "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
        "AND ((l.classid::bigint << 32) | l.objid::bigint) = %s"), (LOCK_KEY,))
    if not rows:
        return None
    name = str(rows[0][0])
    assert name.startswith("amphi-leader "), name
    return int(name.split()[1])


def _turns(engine: Engine, amphi_id: int) -> list[dict[str, Any]]:
    """Every `amphi_turn` event of the amphitheatre, in commit order (the log is the truth)."""
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT payload FROM event_log WHERE kind = 'amphi_turn' ORDER BY id")).all()
    return [r[0] for r in rows if r[0].get("amphi_id") == amphi_id]


def test_the_clock_carries_on_when_its_process_is_killed(
        two_servers: tuple[ServerProcess, ServerProcess], engine: Engine, tmp_path: Path) -> None:
    a, b = two_servers
    processes = {p.pid: p for p in (a, b)}
    with httpx.Client(base_url=a.url, timeout=10) as client_a:
        w = make_world(_shim(a.url, engine, tmp_path), client_a, interns=6)
        for who in w.interns:
            w.presence(who)  # everybody is there: a turn that runs out is "timed out"
        assert w.transition("start").status_code == 200
        first = w.interns[0]
        assert w.choose(first, "2003").status_code == 200  # a confirmed choice

    leader = processes[_until(lambda: _leader_pid(engine), "a leader")]
    survivor = b if leader is a else a
    # Let a turn or two run out under the leader, then kill it mid-turn.
    _until(lambda: len(_turns(engine, w.amphi_id)) >= 3, "turns under the first leader")
    killed_at_turn = max(t["turn_no"] for t in _turns(engine, w.amphi_id))
    os.kill(leader.pid, signal.SIGKILL)
    leader.process.wait(10)

    with httpx.Client(base_url=survivor.url, timeout=10) as client_b:
        w2 = World(_shim(survivor.url, engine, tmp_path), client_b, w.staff, w.campaign_id,
                   w.amphi_id, w.interns, w.posts)
        # The survivor takes the lock and moves the turns on to the end of the list.
        _until(lambda: _leader_pid(engine) == survivor.pid, "the survivor leads", 30)
        _until(lambda: w2.live_state()["current_intern_id"] is None, "the last turn ended",
               timeout=6 * (TURN_SECONDS + 1) + 30)
        state = w2.live_state(first)

    turns = _turns(engine, w.amphi_id)
    numbers = [t["turn_no"] for t in turns]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), numbers  # no gap
    assert max(numbers) > killed_at_turn  # the survivor moved turns on
    called = [t["intern_id"] for t in turns if t["intern_id"] is not None]
    assert sorted(called) == sorted(who.intern_id for who in w.interns)  # each once
    assert state["me"]["status"] == "chosen", state["me"]  # the choice made before the kill


def test_one_turn_chosen_through_two_processes_at_once_is_taken_once(
        two_servers: tuple[ServerProcess, ServerProcess], engine: Engine, tmp_path: Path) -> None:
    """The chooser's click reaches two processes at once (two devices, or the intern and
    his proxy holder): one choice is recorded, the other is refused or is the same one."""
    a, b = two_servers
    with httpx.Client(base_url=a.url, timeout=10) as client_a, \
            httpx.Client(base_url=b.url, timeout=10) as client_b:
        w = make_world(_shim(a.url, engine, tmp_path), client_a, interns=2)
        for who in w.interns:
            w.presence(who)
        assert w.transition("start").status_code == 200
        wb = World(_shim(b.url, engine, tmp_path), client_b, w.staff, w.campaign_id,
                   w.amphi_id, w.interns, w.posts)
        first = w.interns[0]
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda world: world.choose(first, "2003"), (w, wb)))
        codes = sorted(r.status_code for r in answers)
        assert codes[0] == 200 and codes[1] in (409, 200), [r.text for r in answers]
        with engine.connect() as conn:
            taken = conn.execute(text(
                "SELECT count(*) FROM amphi_assignment WHERE amphi_id = :a"),
                {"a": w.amphi_id}).scalar()
        assert taken == 1
