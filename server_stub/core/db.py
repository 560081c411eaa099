"""SQLAlchemy engine and session factory; the same code runs on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Executable, create_engine, event, inspect, text
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.sql.schema import ScalarElementColumnDefault

log = logging.getLogger(__name__)


class Base(DeclarativeBase):
    """Declarative base of every ORM model."""


# Connections for every thread that may use the database at once: the 40 threads of
# the request pool (anyio's default) and the event dispatcher's. SQLAlchemy's default
# (5 + 10 overflow) made requests wait for a connection, and with 300 clients asking at
# once after an event (the favourites estimate) some waited past the 30 s pool timeout.
POOL_SIZE = 20
MAX_OVERFLOW = 30


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE,
                         max_overflow=MAX_OVERFLOW)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet, and add missing columns (idempotent)."""
    from server_stub import models  # noqa: F401  (registers the tables)

    Base.metadata.create_all(engine)
    add_missing_columns(engine)


def add_missing_columns(engine: Engine) -> None:
    """Bring tables made by an earlier version up to the models by adding columns.

    `create_all` never alters an existing table. A new column is added with its scalar
    default (so NOT NULL holds for the old rows), or as nullable when it has none; the
    same `ALTER TABLE ... ADD COLUMN` runs on SQLite and PostgreSQL.
    """
    inspector = inspect(engine)
    statements: list[str] = []
    for table in Base.metadata.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            clause = ""
            default = column.default
            if isinstance(default, ScalarElementColumnDefault) and default.arg is not None:
                literal = column.type.literal_processor(engine.dialect)
                value = literal(default.arg) if literal else repr(default.arg)
                clause = f" DEFAULT {value}"
                if not column.nullable:
                    clause += " NOT NULL"
            statements.append(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}{clause}')
    if not statements:
        return
    with engine.begin() as conn:
        for statement in statements:
            log.info("schema upgrade: %s", statement)
            conn.execute(text(statement))


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


def execute_dml(session: Session, statement: Executable) -> CursorResult[Any]:
    """Run an UPDATE or DELETE; its result says how many rows it touched (``rowcount``).

    A guarded update (``WHERE version = :seen``) that touched no row means another request
    got there first: callers answer 409 from that count.
    """
    return cast(CursorResult[Any], session.execute(statement))
