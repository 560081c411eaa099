"""`amphi-server serve --workers N`: N processes on one PostgreSQL database, one leader.

The several-process run is on the PostgreSQL pass; the refusal on SQLite runs on both.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from server_stub.__main__ import main
from server_stub.core.leader import LOCK_KEY
from tests import postgres
from tests.server_process import ServerProcess

ROOT = Path(__file__).resolve().parents[2]


def test_several_processes_need_postgresql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["--data-dir", str(tmp_path), "serve", "--workers", "2"]) == 2
    assert "demandent une base PostgreSQL" in capsys.readouterr().err


def _until(condition: object, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.2)


@pytest.mark.skipif(not postgres.wanted(), reason="PostgreSQL pass")
def test_workers_share_the_database_and_one_drives_the_clocks(tmp_path: Path) -> None:
    database = postgres.cluster().new_database()
    server = ServerProcess(database, tmp_path / "data", "--workers", "2")
    status = None
    try:
        def campaigning() -> int:
            return int(postgres.activity(database, (
                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE %s"),
                ("amphi-leader %",))[0][0])

        def leading() -> int:
            return int(postgres.activity(database, (
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND ((classid::bigint << 32) | objid::bigint) = %s"), (LOCK_KEY,))[0][0])

        _until(lambda: campaigning() == 2, "two worker processes, each with its leadership")
        _until(lambda: leading() == 1, "exactly one leader")
        assert all(server.healthy() for _ in range(10))
    finally:
        status = server.stop()  # SIGTERM: the supervisor stops its workers and exits cleanly
    assert status == 0, server.log.read_text(encoding="utf-8", errors="replace")
