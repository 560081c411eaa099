"""A database made by an earlier version gains the columns added since, keeping its rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from server_stub.core.db import create_schema, make_engine


def test_missing_columns_are_added_with_their_defaults(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    create_schema(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO campaign (kind, name, state, settings, created_at) "
                          "VALUES ('amphi', 'Ancienne', 'draft', '{}', '2026-01-01')"))
        # What an earlier version lacked: a NOT NULL column with a default, a nullable one.
        conn.execute(text("ALTER TABLE campaign DROP COLUMN state"))
        conn.execute(text("ALTER TABLE campaign DROP COLUMN region"))
    assert "state" not in {c["name"] for c in inspect(engine).get_columns("campaign")}

    create_schema(engine)
    create_schema(engine)  # idempotent

    columns = {c["name"]: c for c in inspect(engine).get_columns("campaign")}
    assert {"state", "region"} <= columns.keys()
    assert not columns["state"]["nullable"] and columns["region"]["nullable"]
    with engine.connect() as conn:
        row = conn.execute(text("SELECT name, state, region FROM campaign")).one()
    assert tuple(row) == ("Ancienne", "draft", None)
    engine.dispose()
