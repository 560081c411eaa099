"""The client's local store: an SQLite file in the user data directory (SQLAlchemy 2).

What it keeps, per server and account:
- a key/value cache of server data with the time it was fetched (the profile today; the
  offer, favourites and wishes in later issues), so a window can open offline;
- a queue of changes made while offline (`pending_change`), replayed later;
- preferences that are not secret (last server, last email).

The schema has a version. On a version change the registered migrations run; with no
path to the current version the file is recreated (it only holds copies of server
data and unsent changes, which `export_pending` lets the caller rescue first).
Tokens never go here (see credentials.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Integer,
    String,
    Text,
    TypeDecorator,
    create_engine,
    delete,
    event,
    inspect,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

log = logging.getLogger(__name__)

FILE_NAME = "amphi-local.sqlite"
SCHEMA_VERSION = 1

PENDING = "pending"
DONE = "done"
FAILED = "failed"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out (SQLite stores them naive)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class Base(DeclarativeBase):
    pass


class SchemaInfo(Base):
    __tablename__ = "schema_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class Preference(Base):
    __tablename__ = "preference"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CacheEntry(Base):
    __tablename__ = "cache_entry"
    server: Mapped[str] = mapped_column(String(300), primary_key=True)
    account: Mapped[str] = mapped_column(String(254), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PendingChangeRow(Base):
    __tablename__ = "pending_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    server: Mapped[str] = mapped_column(String(300), index=True)
    account: Mapped[str] = mapped_column(String(254), index=True)
    kind: Mapped[str] = mapped_column(String(100))
    payload: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(20), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


@dataclass(frozen=True, slots=True)
class Cached:
    value: Any
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PendingChange:
    """A change made offline, waiting to be sent, in the order it was made."""

    id: int
    server: str
    account: str
    kind: str
    payload: Any
    created_at: datetime
    state: str
    attempts: int
    last_error: str | None


# Migrations from version N to N + 1, run in order inside one transaction.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {}


def _account(email: str) -> str:
    return email.strip().lower()


class LocalStore:
    """The local SQLite store of one user data directory."""

    def __init__(self, path: Path, *, schema_version: int = SCHEMA_VERSION) -> None:
        self.path = path
        self.schema_version = schema_version
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(f"sqlite:///{path}")
        event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._prepare()

    def close(self) -> None:
        self.engine.dispose()

    # ---------------------------------------------------------------- schema

    def stored_version(self) -> int | None:
        if not inspect(self.engine).has_table(SchemaInfo.__tablename__):
            return None
        with self.engine.connect() as conn:
            return conn.scalar(select(SchemaInfo.version).where(SchemaInfo.id == 1))

    def _prepare(self) -> None:
        try:
            version = self.stored_version()
        except SQLAlchemyError:  # not an SQLite file, or damaged: start afresh
            log.warning("local store %s unreadable, recreating it", self.path)
            self._recreate()
            return
        if version == self.schema_version:
            return
        if version is None:
            if inspect(self.engine).get_table_names():
                self._recreate()  # tables without a version: a foreign or broken file
            else:
                self._create()
            return
        if version < self.schema_version and all(
                v in MIGRATIONS for v in range(version, self.schema_version)):
            with self.engine.begin() as conn:
                for v in range(version, self.schema_version):
                    MIGRATIONS[v](conn)
                conn.execute(SchemaInfo.__table__.update().values(  # type: ignore[attr-defined]
                    version=self.schema_version))
            return
        log.info("local store version %s, expected %s: recreating", version,
                 self.schema_version)
        self._recreate()

    def _create(self) -> None:
        Base.metadata.create_all(self.engine)
        with self._sessions.begin() as session:
            session.merge(SchemaInfo(id=1, version=self.schema_version))

    def _recreate(self) -> None:
        self.engine.dispose()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self._create()

    # ---------------------------------------------------------------- preferences

    def get_preference(self, key: str, default: str | None = None) -> str | None:
        with self._sessions() as session:
            row = session.get(Preference, key)
            return row.value if row is not None else default

    def set_preference(self, key: str, value: str | None) -> None:
        with self._sessions.begin() as session:
            if value is None:
                session.execute(delete(Preference).where(Preference.key == key))
            else:
                session.merge(Preference(key=key, value=value))

    def last_server(self) -> str | None:
        return self.get_preference("last_server")

    def last_email(self, server: str | None = None) -> str | None:
        """The last email signed in (on `server` when given, else anywhere)."""
        if server is not None:
            found = self.get_preference(f"last_email:{server}")
            if found:
                return found
        return self.get_preference("last_email")

    def remember_sign_in(self, server: str, email: str) -> None:
        with self._sessions.begin() as session:
            for key, value in (("last_server", server), ("last_email", email),
                               (f"last_email:{server}", email)):
                session.merge(Preference(key=key, value=value))

    # ---------------------------------------------------------------- cache

    def cache_put(self, server: str, email: str, key: str, value: Any) -> None:
        """Store a JSON-serialisable value (replacing the previous one)."""
        json.dumps(value)  # fail here, not in the middle of a flush
        with self._sessions.begin() as session:
            session.merge(CacheEntry(server=server, account=_account(email), key=key,
                                     value=value, updated_at=utcnow()))

    def cache_get(self, server: str, email: str, key: str) -> Cached | None:
        with self._sessions() as session:
            row = session.get(CacheEntry, (server, _account(email), key))
            return Cached(row.value, row.updated_at) if row is not None else None

    def cache_clear(self, server: str, email: str, key: str | None = None) -> None:
        query = delete(CacheEntry).where(CacheEntry.server == server,
                                         CacheEntry.account == _account(email))
        if key is not None:
            query = query.where(CacheEntry.key == key)
        with self._sessions.begin() as session:
            session.execute(query)

    # ---------------------------------------------------------------- pending changes

    def enqueue(self, server: str, email: str, kind: str, payload: Any) -> int:
        """Queue a change for later sending; returns its id (ids give the order)."""
        json.dumps(payload)
        with self._sessions.begin() as session:
            row = PendingChangeRow(server=server, account=_account(email), kind=kind,
                                   payload=payload, created_at=utcnow(), state=PENDING,
                                   attempts=0)
            session.add(row)
            session.flush()
            return row.id

    def pending(self, server: str, email: str, *, states: tuple[str, ...] = (PENDING,),
                kind: str | None = None) -> list[PendingChange]:
        """Queued changes in the order they were made."""
        query = select(PendingChangeRow).where(PendingChangeRow.server == server,
                                               PendingChangeRow.account == _account(email),
                                               PendingChangeRow.state.in_(states))
        if kind is not None:
            query = query.where(PendingChangeRow.kind == kind)
        with self._sessions() as session:
            return [_pending(r) for r in session.scalars(query.order_by(PendingChangeRow.id))]

    def mark_done(self, change_id: int) -> None:
        self._set_state(change_id, DONE, None)

    def mark_failed(self, change_id: int, error: str, *, final: bool = False) -> None:
        """Record an attempt that failed; `final` takes it out of the queue for good."""
        self._set_state(change_id, FAILED if final else PENDING, error)

    def purge_done(self) -> int:
        with self._sessions.begin() as session:
            result = session.execute(delete(PendingChangeRow)
                                     .where(PendingChangeRow.state == DONE))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def export_pending(self) -> list[PendingChange]:
        """Every unsent change, all servers and accounts (to rescue before a reset)."""
        with self._sessions() as session:
            query = select(PendingChangeRow).where(PendingChangeRow.state == PENDING)
            return [_pending(r) for r in session.scalars(query.order_by(PendingChangeRow.id))]

    def _set_state(self, change_id: int, state: str, error: str | None) -> None:
        with self._sessions.begin() as session:
            row = session.get(PendingChangeRow, change_id)
            if row is None:
                raise KeyError(change_id)
            row.state = state
            row.last_error = error
            if error is not None:
                row.attempts += 1

    def session(self) -> Session:
        """A raw ORM session, for later areas with their own tables on this file."""
        return self._sessions()


def _pending(row: PendingChangeRow) -> PendingChange:
    return PendingChange(row.id, row.server, row.account, row.kind, row.payload,
                         row.created_at, row.state, row.attempts, row.last_error)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


__all__ = ["DONE", "FAILED", "FILE_NAME", "MIGRATIONS", "PENDING", "SCHEMA_VERSION", "Base",
           "Cached", "LocalStore", "PendingChange"]
