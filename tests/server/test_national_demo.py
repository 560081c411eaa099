"""The national choice on the full-scale demo: the server's statuses equal a full simulation.

8,000 ranked students, ~1,080 cells, ~250,000 wishes, loaded once for the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from server_stub.demo import DEMO_SECRET_ANSWER, load_demo
from tests.conftest import LiveServer, server_settings, start_live_server
from tests.server.conftest import FAST_HASHING, auth, login
from tests.server.test_national import Campaign, Student, assert_statuses_match, engine_result

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir: Path = tmp_path_factory.mktemp("national-demo")
    load_demo(server_settings(data_dir, secret_key="test-secret-key"))
    live, server, thread = start_live_server(data_dir, **FAST_HASHING)
    try:
        yield live
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_demo_student_statuses_and_tables_match_the_engine(demo_server: LiveServer) -> None:
    with httpx.Client(base_url=demo_server.url, timeout=30) as client:
        national = next(x for x in client.get("/api/campaigns").json()
                        if x["kind"] == "national")
        summary = client.get(f"/api/national/{national['id']}").json()
        assert summary["state"] == "wishes_open" and summary["students"] == 8000
        assert summary["pools"]["cesp"]["students"] == 230
        token = login(client, "etudiant@amphi.demo", "Etudiant2026")
        c = Campaign(demo_server, client, national["id"], {}, {})
        student = Student(3775, "general", 0, token)
        expected = engine_result(demo_server, c.id, "general")
        assert_statuses_match(c, student, expected)
        me = c.me(student)
        assert me["rank"] == 3775 and me["passing"] == expected["students"]["3775"]["passing"]
        assert me["wishes"]["count"] >= 20 and me["wishes"]["headline"]["wish_number"]

        # A change moves the simulation: the answer and a full recomputation agree.
        wishes = me["wishes"]
        last = wishes["wishes"][-1]["cell_id"]
        r = client.post(c.url("/me/wishes/move"), headers=auth(token),
                        json={"version": wishes["version"], "cell_id": last, "position": 1})
        assert r.status_code == 200
        expected = engine_result(demo_server, c.id, "general")
        assert_statuses_match(c, student, expected)
        final = {row["cell_id"]: row["remaining"] for row in c.get("/tables/final").json()["rows"]}
        assert final == {int(k): v["remaining"] for k, v in expected["cells"].items()}
        listing = c.get("/listing", params={"pool": "general", "limit": 500,
                                            "offset": 3000}).json()
        for row in listing["rows"]:
            sim = expected["students"][str(row["rank"])]
            assert row["passing"] == sim["passing"]
            assert row["cell_id"] == (int(sim["assigned"]) if sim["assigned"] else None)

        # The staff open the amphitheatre: the demo student answers his secret question.
        staff = login(client, "ars@amphi.demo", "Agence2026")
        r = client.post(c.url("/staff/amphi/start"), headers=auth(staff))
        assert r.status_code == 200 and r.json()["current"]["rank"] == 1
        assert c.me(student)["secret_required"]
        r = client.post(c.url("/me/enter"), headers=auth(token),
                        json={"secret_answer": DEMO_SECRET_ANSWER})
        assert r.status_code == 200 and not r.json()["secret_required"]
        assert r.json()["turn"]["people_before"] == me["turn"]["my_position"] - 1
