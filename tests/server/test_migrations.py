"""The schema is Alembic's: created at start on an empty database, upgraded on purpose
(`amphi-server migrate`), refused when behind or ahead, the same on SQLite and PostgreSQL.

These tests run in both passes of the server suite (SQLite, then PostgreSQL).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from server_stub import migrations
from server_stub import models as _models  # noqa: F401  (registers every table)
from server_stub.__main__ import EXIT_SCHEMA, main
from server_stub.core.db import Base, make_engine
from tests import postgres
from tests.conftest import free_port


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty database of this pass's kind; `DATABASE_URL` points the CLI at it."""
    url = (postgres.cluster().new_database() if postgres.wanted()
           else f"sqlite:///{tmp_path / 'amphi.sqlite3'}")
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
def engine(database: str) -> Engine:
    made = make_engine(database)
    yield made  # type: ignore[misc]
    made.dispose()


def _old_database(engine: Engine) -> None:
    """What a server from before migrations left: tables, no revision, a row, and two
    columns it did not have yet (a NOT NULL one with a default, a nullable one)."""
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO campaign (kind, name, state, settings, created_at) "
                          "VALUES ('amphi', 'Ancienne', 'draft', '{}', '2026-01-01')"))
        conn.execute(text("ALTER TABLE campaign DROP COLUMN state"))
        conn.execute(text("ALTER TABLE campaign DROP COLUMN region"))


def test_an_empty_database_is_created_at_the_newest_revision(engine: Engine) -> None:
    assert migrations.state(engine).kind == "empty"
    done = migrations.prepare(engine, migrate=False)
    assert done.kind == "current" and done.revision == migrations.head()
    assert migrations.prepare(engine, migrate=False).kind == "current"  # nothing to do


def test_the_revisions_build_exactly_the_models(engine: Engine) -> None:
    """Fails when a model changes without a revision: `amphi-server migrate --new "…"`."""
    migrations.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == [], f"models and migrations disagree (write a revision): {diff}"


def test_a_database_from_before_migrations_is_refused_then_migrated_keeping_its_rows(
        engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _old_database(engine)
    assert migrations.state(engine).kind == "unversioned"
    with pytest.raises(migrations.SchemaOutOfDate, match="amphi-server migrate"):
        migrations.prepare(engine, migrate=False)

    # The server refuses to start on it, and says what to run.
    assert main(["--data-dir", str(tmp_path), "serve", "--port", str(free_port())]) \
        == EXIT_SCHEMA
    assert "lancez « amphi-server migrate »" in capsys.readouterr().err

    assert main(["--data-dir", str(tmp_path), "migrate", "--status"]) == 1
    assert main(["--data-dir", str(tmp_path), "migrate"]) == 0
    assert "Schéma mis à jour" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "migrate"]) == 0
    assert "déjà à jour" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "migrate", "--status"]) == 0

    assert migrations.state(engine).kind == "current"
    columns = {c["name"]: c for c in inspect(engine).get_columns("campaign")}
    assert not columns["state"]["nullable"] and columns["region"]["nullable"]
    with engine.connect() as conn:
        row = conn.execute(text("SELECT name, state, region FROM campaign")).one()
    assert tuple(row) == ("Ancienne", "draft", None)


def test_a_database_from_a_newer_server_is_refused(engine: Engine, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    migrations.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    assert migrations.state(engine).kind == "ahead"
    with pytest.raises(migrations.SchemaOutOfDate, match="version plus récente"):
        migrations.prepare(engine, migrate=True)
    assert main(["--data-dir", str(tmp_path), "migrate"]) == 2
    assert "9999_future" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "serve", "--port", str(free_port())]) \
        == EXIT_SCHEMA


def test_processes_starting_together_create_the_schema_once(database: str) -> None:
    """Several server processes start on one empty PostgreSQL database at once."""
    if not postgres.wanted():
        pytest.skip("one process per SQLite file (the instance lock); PostgreSQL pass only")
    engines = [make_engine(database) for _ in range(4)]
    errors: list[BaseException] = []
    go = threading.Barrier(len(engines))

    def start(engine: Engine) -> None:
        go.wait()
        try:
            migrations.prepare(engine, migrate=False)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert all(migrations.state(e).kind == "current" for e in engines)
    for e in engines:
        e.dispose()
