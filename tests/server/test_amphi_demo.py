"""The demo at real scale: `serve --demo` with simulated interns runs the demo intern's
amphitheatre live, and the demo intern (a real account over real HTTP) gets her turn and
chooses. Slow: the demo data, then a few hundred simulated choices."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from server_stub.demo import load_demo
from tests.conftest import server_settings, start_live_server
from tests.server.conftest import FAST_HASHING, auth

pytestmark = pytest.mark.slow


def test_demo_amphitheatre_runs_live_and_the_demo_intern_chooses(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    load_demo(server_settings(data, secret_key="test", **FAST_HASHING))
    live, server, thread = start_live_server(
        data, demo_mode=True, demo_simulated_participants=True,
        demo_simulation_pace_seconds=0.2, amphi_turn_seconds=20, **FAST_HASHING)
    try:
        with httpx.Client(base_url=live.url, timeout=10) as client:
            r = client.post("/api/auth/login", json={"email": "interne@amphi.demo",
                                                     "password": "Interne2026"})
            me = auth(r.json()["token"])
            mine = client.get("/api/amphi/me", headers=me).json()[0]
            amphi = mine["amphi"]["id"]
            assert mine["amphi"]["intern_count"] > 300 and mine["call_rank"] > 100
            deadline = time.monotonic() + 240
            seen_soon = False
            while True:
                signal = client.post(f"/api/amphi/amphis/{amphi}/presence", headers=me).json()
                assert signal["state"] == "in_progress"
                state = client.get(f"/api/amphi/amphis/{amphi}/live", headers=me).json()
                seen_soon = seen_soon or state["me"]["soon"]
                if state["me"]["my_turn"]:
                    break
                assert time.monotonic() < deadline, state["me"]
                time.sleep(0.3)
            assert seen_soon  # the banner showed before her turn
            # Issue 15: her sitting is running now, not at dates of the past.
            again = client.get("/api/amphi/me", headers=me).json()[0]
            hers = next(x for x in again["amphi"]["sessions"]
                        if x["rank_from"] <= again["call_rank"] <= x["rank_to"])
            at = datetime.now(UTC)
            assert datetime.fromisoformat(hers["starts_at"]).replace(tzinfo=UTC) < at \
                < datetime.fromisoformat(hers["ends_at"]).replace(tzinfo=UTC), hers
            chosen = sum(q["status"] == "chosen" for q in state["queue"])
            assert chosen >= mine["call_rank"] - 30  # a few absents are passed over
            offer = client.get(f"/api/amphi/amphis/{amphi}/posts").json()
            free = next(p for p in offer["posts"] if not p["taken"]
                        and (not p["reserved"] or p["des"] == "MG"))
            r = client.post(f"/api/amphi/amphis/{amphi}/choices", headers=me,
                            json={"post_id": free["id"], "idempotency_key": uuid.uuid4().hex})
            assert r.status_code == 200, r.text
            # The simulated interns go on after her.
            until = time.monotonic() + 20
            while True:
                later = client.get(f"/api/amphi/amphis/{amphi}/live").json()
                if sum(q["status"] == "chosen" for q in later["queue"]) > chosen + 2:
                    break
                assert time.monotonic() < until, "the simulation stopped after her choice"
                time.sleep(0.2)
            rows = client.get(f"/api/amphi/campaigns/{mine['campaign_id']}/assignments",
                              params={"intern": "Manon"}).json()
            assert free["number"] in {row["post_number"] for row in rows}
    finally:
        server.should_exit = True
        thread.join(timeout=10)
