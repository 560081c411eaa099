"""The database schema, created and upgraded by Alembic revisions (`versions/`).

Every database carries its revision (Alembic's `alembic_version` table). At start the
server compares it with the revisions it ships (`state`):

- an empty database is created at the newest revision (nothing to lose);
- a database at the newest revision is used as is;
- a database behind it is upgraded only when asked (`amphi-server migrate`, or the local
  demo mode, whose data is ours): the server refuses to start on it otherwise, with a
  message that says what to run. Several processes share a PostgreSQL database, so one
  of them must not change the schema under the others' feet by surprise;
- a database ahead of it (made by a newer server) is refused;
- a database made before migrations existed (tables, no revision) is adopted: the
  tables and columns it lacks are added (additive only, with their defaults), then it is
  stamped at the newest revision.

Upgrades on PostgreSQL hold an advisory lock, so processes starting together on an empty
database create it once. Adding a revision: change the models, then
`amphi-server migrate --new "what changed"` (autogenerate, then read and fix the file);
`tests/server/test_migrations.py` fails when the models and the revisions disagree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.sql.schema import ScalarElementColumnDefault

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"
_PG_SCHEMA_LOCK = 0x616D7068_69736368  # "amphisch": one schema change at a time

Kind = Literal["empty", "current", "behind", "ahead", "unversioned"]


class SchemaOutOfDate(RuntimeError):
    """The database's schema is not the one this server expects; the message says why."""


@dataclass(frozen=True)
class SchemaState:
    kind: Kind
    revision: str | None  # the database's (None: empty or made before migrations)
    head: str  # this server's newest revision

    @property
    def ready(self) -> bool:
        return self.kind == "current"

    def message(self) -> str:
        """In French, for the person who starts the server."""
        if self.kind == "behind":
            return (f"la base de données est à la révision {self.revision}, ce serveur attend "
                    f"la révision {self.head} : lancez « amphi-server migrate » (après une "
                    "sauvegarde), puis redémarrez le serveur.")
        if self.kind == "unversioned":
            return ("la base de données a été créée par une version d'Amphi antérieure aux "
                    "migrations : lancez « amphi-server migrate » (après une sauvegarde), puis "
                    "redémarrez le serveur.")
        if self.kind == "ahead":
            return (f"la base de données est à la révision {self.revision}, inconnue de ce "
                    f"serveur (sa dernière révision est {self.head}) : elle a été mise à jour "
                    "par une version plus récente d'Amphi ; démarrez cette version-là.")
        return f"la base de données est à jour (révision {self.head})."


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None, "no migration shipped"
    return revision


def _state(connection: Connection) -> SchemaState:
    newest = head()
    tables = set(inspect(connection).get_table_names())
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None:
        kind: Kind = "unversioned" if tables - {VERSION_TABLE} else "empty"
    elif revision == newest:
        kind = "current"
    else:
        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(revision)
            kind = "behind"
        except CommandError:  # not one of ours: written by a newer server
            kind = "ahead"
    return SchemaState(kind, revision, newest)


def state(engine: Engine) -> SchemaState:
    """Where the database stands against this server's revisions."""
    with engine.connect() as connection:
        return _state(connection)


def upgrade(engine: Engine) -> tuple[SchemaState, SchemaState]:
    """Bring the database to the newest revision; (before, after). Refuses one ahead."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                               {"k": _PG_SCHEMA_LOCK})
        before = _state(connection)
        if before.kind == "ahead":
            raise SchemaOutOfDate(before.message())
        config = alembic_config(connection)
        if before.kind == "unversioned":
            _adopt(connection)
            command.stamp(config, "head")
        elif before.kind != "current":
            command.upgrade(config, "head")
        after = _state(connection)
    if before.kind != "current":
        log.info("database schema: %s → %s", before.revision or before.kind, after.revision)
    return before, after


def prepare(engine: Engine, *, migrate: bool) -> SchemaState:
    """At start: create an empty database, accept a current one, upgrade when `migrate`,
    refuse otherwise (`SchemaOutOfDate`, with the French reason)."""
    now = state(engine)
    if now.kind == "current":
        return now
    if now.kind == "empty" or (migrate and now.kind in ("behind", "unversioned")):
        return upgrade(engine)[1]
    raise SchemaOutOfDate(now.message())


def _adopt(connection: Connection) -> None:
    """A database made before migrations: add the tables and columns it lacks."""
    from server_stub import models  # noqa: F401  (registers every table)
    from server_stub.core.db import Base

    Base.metadata.create_all(connection)
    inspector = inspect(connection)
    for table in Base.metadata.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            kind = column.type.compile(dialect=connection.dialect)
            clause = ""
            default = column.default
            if isinstance(default, ScalarElementColumnDefault) and default.arg is not None:
                literal = column.type.literal_processor(connection.dialect)
                value = literal(default.arg) if literal else repr(default.arg)
                clause = f" DEFAULT {value}"
                if not column.nullable:
                    clause += " NOT NULL"
            statement = f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}{clause}'
            log.info("schema adoption: %s", statement)
            connection.execute(text(statement))


def new_revision(engine: Engine, message: str) -> str:
    """Autogenerate a revision from the models' difference with an up-to-date database."""
    with engine.begin() as connection:
        script = command.revision(alembic_config(connection), message=message,
                                  autogenerate=True)
    assert script is not None and not isinstance(script, list)
    return str(script.path)
