"""The local store: SQLite in the data directory, a schema version, a cache per server and
account, a queue of changes made offline, and non-secret preferences."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop import store as store_module
from desktop.store import DONE, FAILED, PENDING, LocalStore

SERVER = "http://127.0.0.1:8000"


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    local = LocalStore(tmp_path / "amphi-local.sqlite")
    yield local  # type: ignore[misc]
    local.close()


def test_cache_is_per_server_and_account_with_its_time(store: LocalStore) -> None:
    store.cache_put(SERVER, "Camille@Example.org", "profile", {"id": 1, "noms": ["Lefèvre"]})
    store.cache_put(SERVER, "autre@example.org", "profile", {"id": 2})
    cached = store.cache_get(SERVER, "camille@example.org", "profile")
    assert cached is not None and cached.value == {"id": 1, "noms": ["Lefèvre"]}
    assert cached.updated_at.tzinfo is not None
    assert store.cache_get("https://ailleurs.fr", "camille@example.org", "profile") is None
    store.cache_put(SERVER, "camille@example.org", "profile", {"id": 1, "noms": []})
    again = store.cache_get(SERVER, "camille@example.org", "profile")
    assert again is not None and again.value == {"id": 1, "noms": []}
    assert again.updated_at >= cached.updated_at
    store.cache_clear(SERVER, "camille@example.org")
    assert store.cache_get(SERVER, "camille@example.org", "profile") is None
    assert store.cache_get(SERVER, "autre@example.org", "profile") is not None
    with pytest.raises(TypeError):
        store.cache_put(SERVER, "a@example.org", "x", {"not": object()})


def test_pending_changes_keep_their_order_and_state(store: LocalStore) -> None:
    first = store.enqueue(SERVER, "a@example.org", "wish_add", {"cell": "LYON|Cardiologie"})
    second = store.enqueue(SERVER, "a@example.org", "wish_move", {"from": 1, "to": 3})
    store.enqueue(SERVER, "b@example.org", "favourite_add", {"post": 12})
    pending = store.pending(SERVER, "A@example.org")
    assert [c.id for c in pending] == [first, second]
    assert pending[0].payload == {"cell": "LYON|Cardiologie"} and pending[0].state == PENDING
    store.mark_failed(first, "Le serveur est injoignable.")
    retry = store.pending(SERVER, "a@example.org")[0]
    assert (retry.id, retry.state, retry.attempts) == (first, PENDING, 1)
    assert retry.last_error == "Le serveur est injoignable."
    store.mark_done(first)
    store.mark_failed(second, "Vœu refusé : ce poste n'existe plus.", final=True)
    assert store.pending(SERVER, "a@example.org") == []
    assert [c.state for c in store.pending(SERVER, "a@example.org",
                                           states=(DONE, FAILED))] == [DONE, FAILED]
    assert store.purge_done() == 1
    assert [c.kind for c in store.export_pending()] == ["favourite_add"]
    with pytest.raises(KeyError):
        store.mark_done(9999)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a@x.fr", "b@x.fr"]),
                          st.dictionaries(st.text(max_size=5), st.integers(), max_size=3)),
                max_size=12))
def test_the_queue_gives_back_exactly_what_was_queued(
        tmp_path_factory: pytest.TempPathFactory,
        changes: list[tuple[str, dict[str, int]]]) -> None:
    local = LocalStore(tmp_path_factory.mktemp("q") / "amphi-local.sqlite")
    try:
        for account, payload in changes:
            local.enqueue(SERVER, account, "change", payload)
        for account in ("a@x.fr", "b@x.fr"):
            assert [c.payload for c in local.pending(SERVER, account)] == [
                p for a, p in changes if a == account]
    finally:
        local.close()


def test_preferences_remember_the_last_server_and_email(tmp_path: Path) -> None:
    path = tmp_path / "amphi-local.sqlite"
    local = LocalStore(path)
    assert local.last_server() is None and local.last_email() is None
    local.remember_sign_in(SERVER, "camille@example.org")
    local.remember_sign_in("https://autre.fr", "cam@autre.fr")
    local.close()
    again = LocalStore(path)
    assert again.last_server() == "https://autre.fr"
    assert again.last_email(SERVER) == "camille@example.org"
    assert again.last_email() == "cam@autre.fr"
    again.close()


def test_a_new_schema_version_recreates_the_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "amphi-local.sqlite"
    old = LocalStore(path)
    old.cache_put(SERVER, "a@example.org", "profile", {"id": 1})
    old.close()
    assert LocalStore(path).stored_version() == store_module.SCHEMA_VERSION
    newer = LocalStore(path, schema_version=store_module.SCHEMA_VERSION + 1)
    assert newer.stored_version() == store_module.SCHEMA_VERSION + 1
    assert newer.cache_get(SERVER, "a@example.org", "profile") is None
    newer.close()


def test_a_registered_migration_keeps_the_data(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "amphi-local.sqlite"
    old = LocalStore(path)
    old.enqueue(SERVER, "a@example.org", "wish_add", {"cell": "X"})
    old.close()
    ran: list[int] = []
    version = store_module.SCHEMA_VERSION
    monkeypatch.setitem(store_module.MIGRATIONS, version, lambda conn: ran.append(version))
    migrated = LocalStore(path, schema_version=version + 1)
    assert ran == [version]
    assert migrated.stored_version() == version + 1
    assert [c.payload for c in migrated.pending(SERVER, "a@example.org")] == [{"cell": "X"}]
    migrated.close()


def test_a_damaged_or_foreign_file_is_replaced(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    local = LocalStore(garbage)
    assert local.stored_version() == store_module.SCHEMA_VERSION
    local.close()
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE other (x INTEGER)")
    local = LocalStore(foreign)
    local.cache_put(SERVER, "a@example.org", "k", [1])
    assert local.stored_version() == store_module.SCHEMA_VERSION
    local.close()
