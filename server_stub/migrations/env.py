"""Alembic's entry point: migrations run on the connection `server_stub.migrations` gives.

There is no alembic.ini: the server builds the configuration itself (`alembic_config`),
so `amphi-server migrate`, the server's start and the tests all run the same code.
"""

from __future__ import annotations

from alembic import context

from server_stub import models  # noqa: F401  (registers every table on the metadata)
from server_stub.core.db import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters a table by copying it: later revisions' ALTERs work on both databases.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
