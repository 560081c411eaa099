"""The database goes away mid-service: requests answer 503 with a French reason (never a
500, never a false "signed out"), and the server recovers by itself when it comes back,
with everything it had acknowledged still there.

PostgreSQL pass only, on a private cluster of its own (stopping the shared one would
take the other tests' databases away).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from server_stub.core import db
from tests import postgres
from tests.server.conftest import ServerFactory, auth, signed_in

pytestmark = pytest.mark.skipif(not postgres.wanted(), reason="PostgreSQL pass")


@pytest.fixture
def outage_cluster() -> Iterator[postgres.Cluster]:
    cluster = postgres.Cluster()
    yield cluster
    cluster.stop()


def test_requests_answer_503_during_an_outage_and_the_server_recovers(
        server_factory: ServerFactory, outage_cluster: postgres.Cluster) -> None:
    live = server_factory(database_url=outage_cluster.new_database())
    with httpx.Client(base_url=live.url, timeout=30) as client:
        _, token = signed_in(live, client, role="staff")
        before = client.patch("/api/me", headers=auth(token),
                            json={"phone": "06 11 22 33 44"})
        assert before.status_code == 200, before.text

        outage_cluster.halt()
        for path in ("/api/health", "/api/me"):
            r = client.get(path, headers=auth(token))
            assert r.status_code == 503, (path, r.status_code, r.text)
            body = r.json()["error"]
            message = body["message"].lower()
            assert body["code"] == "unavailable", body
            assert "indisponible" in message or "injoignable" in message, body
            assert r.headers.get("retry-after"), r.headers

        outage_cluster.launch()
        deadline = time.monotonic() + 60
        while True:
            r = client.get("/api/me", headers=auth(token))
            if r.status_code == 200 or time.monotonic() > deadline:
                break
            assert r.status_code == 503, r.text  # until then: the same clear refusal
            time.sleep(0.5)
        assert r.status_code == 200, r.text
        assert r.json()["phone"] == "06 11 22 33 44"  # what was acknowledged is kept


def test_a_pooled_connection_that_died_while_idle_is_replaced_unseen(
        server_factory: ServerFactory, outage_cluster: postgres.Cluster,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The database dropped the server's idle connections (a restart, a firewall): the next
    request is answered normally — an idle connection is tested before use and replaced
    (`core/db.py`), not handed out dead (a 503 for nothing). Connections in steady use
    are not tested: here every one counts as idle (the test's own setting)."""
    monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)
    database = outage_cluster.new_database()
    live = server_factory(database_url=database)
    with httpx.Client(base_url=live.url, timeout=30) as client:
        _, token = signed_in(live, client, role="staff")
        assert client.get("/api/me", headers=auth(token)).status_code == 200
        name = database.rsplit("/", 1)[1]
        killed = postgres.activity(database, (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
            "AND pid <> pg_backend_pid() AND application_name NOT LIKE 'amphi-%%'"), (name,))
        assert killed  # the pool's connections are gone
        for _ in range(3):
            r = client.get("/api/me", headers=auth(token))
            assert r.status_code == 200, r.text
