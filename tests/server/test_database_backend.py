"""Which database the server tests run on: SQLite by default, PostgreSQL in the second pass.

`make test` runs the server suite twice; this test proves the second pass is really on
PostgreSQL (a misconfigured harness would silently test SQLite twice).
"""

from __future__ import annotations

from sqlalchemy import text

from tests import postgres
from tests.conftest import LiveServer
from tests.server.conftest import ServerFactory


def test_the_servers_run_on_the_database_this_pass_asks_for(live_server: LiveServer) -> None:
    engine = live_server.app.state.engine  # type: ignore[attr-defined]
    expected = "postgresql" if postgres.wanted() else "sqlite"
    assert engine.dialect.name == expected
    with engine.connect() as conn:
        if expected == "postgresql":
            assert conn.execute(text("SELECT version()")).scalar().startswith("PostgreSQL")
        else:
            assert conn.execute(text("SELECT sqlite_version()")).scalar()


def test_the_connection_pool_is_sized_by_the_settings(server_factory: ServerFactory) -> None:
    live = server_factory(db_pool_size=3, db_max_overflow=2)
    pool = live.app.state.engine.pool  # type: ignore[attr-defined]
    assert (pool.size(), pool._max_overflow) == (3, 2)
