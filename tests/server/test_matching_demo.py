"""The demo matching campaign, at real scale, as its documented accounts find it.

Around the demo's today (the server's clock; the tests' calendar here): round 1 is over,
its results computed and published at the demo server's start (the coordinator sees them);
round 2 is in its ranking phase: the demo supervisor has posts with candidates to rank, two
rankings begun; the demo junior doctor has his applications.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from server_stub.demo import load_demo
from server_stub.matching.demo import publish_due_rounds
from tests.conftest import server_settings, start_live_server
from tests.server.conftest import FAST_HASHING, auth

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    data_dir = tmp_path_factory.mktemp("matching-demo")
    load_demo(server_settings(data_dir, secret_key="test", **FAST_HASHING))
    _live, server, thread = start_live_server(data_dir, **FAST_HASHING)
    app = _live.app
    # As `serve --demo` does at start-up: round 1's results are due, computed, published.
    assert len(publish_due_rounds(app.state.sessionmaker, app.state.settings,  # type: ignore[attr-defined]
                                  app.state.mailer)) == 1  # type: ignore[attr-defined]
    try:
        with httpx.Client(base_url=_live.url, timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def sign_in(client: httpx.Client, email: str, password: str) -> dict[str, str]:
    r = client.post("/api/auth/login", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    return auth(r.json()["token"])


def campaign_id(client: httpx.Client, h: dict[str, str]) -> int:
    return next(c["id"] for c in client.get("/api/campaigns", headers=h).json()
                if c["kind"] == "matching")


def test_the_demo_supervisor_has_candidates_to_rank(demo: httpx.Client) -> None:
    h = sign_in(demo, "rts@amphi.demo", "Superviseur2026")
    cid = campaign_id(demo, h)
    campaign = demo.get(f"/api/matching/campaigns/{cid}", headers=h).json()
    assert campaign["my_role"] == "supervisor" and campaign["state"] == "open"
    assert [r["phase"] for r in campaign["waves"][0]["rounds"]] == [
        "results", "ranking", "upcoming"]
    cards = demo.get(f"/api/matching/campaigns/{cid}/my-posts", headers=h).json()
    assert len(cards) == 4
    assert all(c["my_access"] == "referent" and c["can_edit_description"] for c in cards)
    assert all(5 <= c["ranking"]["candidates"] <= 15 for c in cards)
    begun = [c for c in cards if c["ranking"]["version"] > 0]
    assert len(begun) == 2 and not any(c["ranking"]["valid"] for c in cards)
    couple = next(c for c in cards if c["post_type"] == "couplé")
    assert couple["second_supervisor"]["last_name"]

    post = begun[0]["id"]
    ranking = demo.get(f"/api/matching/posts/{post}/ranking", headers=h).json()
    assert ranking["can_edit"] and ranking["violations"]
    assert any(c["observation"] for c in ranking["candidates"])
    # Ranking everyone, local candidates first, makes it valid.
    order = sorted(ranking["candidates"], key=lambda c: not c["in_post_subdivision"])
    body: dict[str, Any] = {"version": ranking["version"], "ranked": [c["id"] for c in order]}
    r = demo.put(f"/api/matching/posts/{post}/ranking", json=body, headers=h)
    assert r.status_code == 200 and r.json()["valid"], r.text
    assert r.json()["version"] == ranking["version"] + 1


def test_the_demo_junior_doctor_has_applications(demo: httpx.Client) -> None:
    h = sign_in(demo, "docteur@amphi.demo", "Docteur2026")
    cid = campaign_id(demo, h)
    mine = demo.get(f"/api/matching/campaigns/{cid}/applications", headers=h).json()
    assert mine["count"] == 8 and mine["enough"]
    assert mine["phase"] == "ranking" and mine["can_edit"] is False
    assert all(a["post"]["specialty"] == "Médecine cardiovasculaire"
               for a in mine["applications"])
    file = demo.get(f"/api/matching/campaigns/{cid}/my-file", headers=h).json()
    assert file["presentation"]
    page = demo.get(f"/api/matching/campaigns/{cid}/posts",
                    params={"specialty": "Médecine cardiovasculaire"}, headers=h).json()
    assert page["total"] > 8
    assert sum(p["my_position"] is not None for p in page["rows"]) == 8
    # He takes part from round 2: no result of his yet.
    assert demo.get(f"/api/matching/campaigns/{cid}/results", headers=h).json()["rows"] == []


def test_the_demo_coordinator_follows_the_campaign(demo: httpx.Client) -> None:
    h = sign_in(demo, "coordo@amphi.demo", "Coordo2026")
    cid = campaign_id(demo, h)
    students = demo.get(f"/api/matching/campaigns/{cid}/dashboard/students",
                        params={"limit": 50}, headers=h).json()
    assert 1_400 <= students["total"] <= 1_600 and len(students["rows"]) == 50
    stats = students["stats"]  # round 2: those round 1 placed are done, the others apply
    assert stats["assigned"]["percent"] > 50
    assert stats["participating"]["percent"] + stats["assigned"]["percent"] > 90, stats
    posts = demo.get(f"/api/matching/campaigns/{cid}/dashboard/posts", headers=h).json()
    assert 1_100 <= posts["total"] <= 1_300
    assert 0 < posts["stats"]["validated"]["percent"] < 100
    r = demo.get(f"/api/matching/campaigns/{cid}/exports/students",
                 params={"subdivision": "LYON"}, headers=h)
    sheet = load_workbook(io.BytesIO(r.content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) - 1 == int(r.headers["x-row-count"]) > 20
    assert {row[3] for row in rows[1:]} == {"LYON"}
    # Issue 15: the results of round 1 are there to see (the demo stayed in ranking).
    results = demo.get(f"/api/matching/campaigns/{cid}/results", params={"limit": 10},
                       headers=h).json()
    assert results["total"] > 1_000 and all(r["published"] for r in results["rows"])
    assigned = demo.get(f"/api/matching/campaigns/{cid}/results",
                        params={"assigned": True, "limit": 1}, headers=h).json()
    assert 0.5 * results["total"] < assigned["total"] < results["total"]
