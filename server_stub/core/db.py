"""SQLAlchemy engine and session factory; the same code runs on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Executable, Table, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

log = logging.getLogger(__name__)


class Base(DeclarativeBase):
    """Declarative base of every ORM model."""


# Connections for every thread that may use the database at once: the 40 threads of
# the request pool (anyio's default) and the event dispatcher's. SQLAlchemy's default
# (5 + 10 overflow) made requests wait for a connection, and with 300 clients asking at
# once after an event (the favourites estimate) some waited past the 30 s pool timeout.
# The defaults of the settings `DB_POOL_SIZE` and `DB_MAX_OVERFLOW` (docs/server.md,
# "Sizing the database connections").
POOL_SIZE = 20
MAX_OVERFLOW = 30


def make_engine(url: str, pool_size: int = POOL_SIZE, max_overflow: int = MAX_OVERFLOW
                ) -> Engine:
    """Create the engine; SQLite gets WAL, foreign keys and a busy timeout.

    A process opens at most ``pool_size + max_overflow`` connections.
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               pool_size=pool_size, max_overflow=max_overflow)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    engine = create_engine(url, pool_size=pool_size, max_overflow=max_overflow)
    _ping_when_idle(engine)
    return engine


# A pooled connection unused for this long is tested before use (the database may have
# restarted, a firewall dropped it). One in steady use is not: `pool_pre_ping` tested
# every checkout, two per request, a round trip each (about 0.4 ms of CPU apiece).
IDLE_PING_SECONDS = 2.0


def _ping_when_idle(engine: Engine) -> None:
    """Pessimistic disconnect handling, for idle connections only.

    A failed test raises `DisconnectionError`: the pool then drops that connection and
    hands out another (SQLAlchemy's documented custom "pre ping").
    """

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_conn: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _test_if_idle(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.get("returned_at")
        if returned is None or time.monotonic() - returned < IDLE_PING_SECONDS:
            return  # brand new, or in steady use
        try:
            engine.dialect.do_ping(dbapi_conn)  # outside any transaction (autocommit)
        except Exception as exc:
            raise DisconnectionError(f"an idle connection was dead: {exc}") from exc


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def execute_dml(session: Session, statement: Executable,
                params: dict[str, Any] | None = None) -> CursorResult[Any]:
    """Run an UPDATE or DELETE; its result says how many rows it touched (``rowcount``).

    A guarded update (``WHERE version = :seen``) that touched no row means another request
    got there first: callers answer 409 from that count.
    """
    return cast(CursorResult[Any], session.execute(statement, params))


def table(model: type[Base]) -> Table:
    """The Core table of a mapped class: a plain INSERT into it skips the unit of work
    (no flush, no id fetched back), for writes on the hot path."""
    return cast(Table, model.__table__)
