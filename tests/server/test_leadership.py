"""One process drives the clocks; when it dies (SIGKILL) or lets go, another takes over.

PostgreSQL pass only: on SQLite one process owns the file and always leads (checked too).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from server_stub.core.db import make_engine
from server_stub.core.leader import Leadership
from tests import postgres

WAIT = 30.0  # seconds a takeover may take before the test gives up (it takes ~1 s)


@pytest.fixture
def engines(tmp_path: Path) -> Iterator[list[Engine]]:
    url = (postgres.cluster().new_database() if postgres.wanted()
           else f"sqlite:///{tmp_path / 'amphi.sqlite3'}")
    made = [make_engine(url) for _ in range(2)]
    yield made
    for engine in made:
        engine.dispose()


def test_on_sqlite_the_only_process_leads(engines: list[Engine]) -> None:
    if postgres.wanted():
        pytest.skip("SQLite pass")
    leadership = Leadership(engines[0])
    leadership.start()
    assert leadership.is_leader
    leadership.stop()


@pytest.mark.skipif(not postgres.wanted(), reason="PostgreSQL pass")
def test_one_leader_and_a_takeover_when_its_connection_dies(engines: list[Engine]) -> None:
    a, b = Leadership(engines[0], retry_seconds=0.2), Leadership(engines[1], retry_seconds=0.2)
    a.start()
    assert a.wait_leader(WAIT)
    b.start()
    assert not b.wait_leader(1.0)  # the lock is taken: B waits
    # The database drops A's connection (a crash, a cut network)...
    with engines[0].begin() as conn:
        killed = conn.execute(text(
            "SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()")
        ).scalar()
    assert killed == 1
    assert b.wait_leader(WAIT)  # ...B takes over
    for _ in range(600):  # A notices it lost the lock (its next check fails)
        if not a.is_leader:
            break
        time.sleep(0.05)
    assert not a.is_leader
    b.stop()  # B lets go: A, still campaigning, leads again
    assert a.wait_leader(WAIT)
    a.stop()


@pytest.mark.skipif(not postgres.wanted(), reason="PostgreSQL pass")
def test_a_leader_killed_by_sigkill_is_replaced(engines: list[Engine]) -> None:
    url = engines[0].url.render_as_string(hide_password=False)
    script = textwrap.dedent(f"""
        import sys, time
        from server_stub.core.db import make_engine
        from server_stub.core.leader import Leadership
        leadership = Leadership(make_engine({url!r}), retry_seconds=0.2)
        leadership.start()
        assert leadership.wait_leader(30)
        print("leading", flush=True)
        time.sleep(600)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "leading"
        here = Leadership(engines[1], retry_seconds=0.2)
        here.start()
        assert not here.wait_leader(1.0)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        assert here.wait_leader(WAIT)
        here.stop()
    finally:
        if process.poll() is None:
            process.kill()
