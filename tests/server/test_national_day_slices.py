"""Day slices (« tranches de passage ») are honoured: nobody's turn comes before his day.

The amphitheatre waits at the end of a day's range until the next day's slice starts (the
clock owner's tick opens the turn then), or until staff open the slice early (the seed
lets the next day's students choose the evening before). While it waits nobody can
validate, staff cannot assign or skip the next student, and an absent student is not
placed before his day. Time comes from the test's clock (`calendar`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import time_machine

from tests.conftest import TEST_EPOCH, LiveServer
from tests.server.conftest import auth, error, login, signed_in
from tests.server.test_national import build_campaign
from tests.server.test_national_amphi import enter, start, validate

DAY0 = TEST_EPOCH - timedelta(hours=1)  # already begun
DAY1 = (TEST_EPOCH + timedelta(days=1)).replace(hour=8, minute=0)  # 9:00 in Paris
DAY2 = (TEST_EPOCH + timedelta(days=2)).replace(hour=8, minute=0)


def slice_(starts: datetime, ranks: tuple[int, int]) -> dict[str, Any]:
    return {"day": starts.date().isoformat(), "rank_from": ranks[0], "rank_to": ranks[1],
            "starts_at": starts.isoformat()}


def eventually(check: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    """The clock owner's tick acts within a fraction of a second: wait for it."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_the_amphitheatre_waits_for_the_next_day_then_staff_may_open_it_early(
        live_server: LiveServer, client: httpx.Client,
        calendar: time_machine.Coordinates) -> None:
    c = build_campaign(live_server, client,
                       students=[(r, "general", True) for r in range(1, 6)])
    s = c.students
    cardio, peds, gp = (c.cell("LYON", "Cardiologie"), c.cell("LYON", "Pédiatrie"),
                        c.cell("REIMS", "Médecine générale"))
    for rank in range(1, 6):
        c.put_wishes(s[rank], [cardio, peds, gp])
    r = c.client.put(c.url("/staff/day-slices"), headers=c.staff,
                     json=[slice_(DAY0, (1, 2)), slice_(DAY1, (3, 4)), slice_(DAY2, (5, 5))])
    assert r.status_code == 200, r.text
    ids = {rank: c.me(st)["candidate_id"] for rank, st in s.items()}
    # Every student sees his day.
    assert c.me(s[3])["turn"]["my_day"]["rank_from"] == 3
    assert c.me(s[3])["turn"]["my_day"]["starts_at"].startswith(DAY1.date().isoformat())
    # Student 3 will be away on his day: he is not placed before it all the same.
    r = c.client.put(c.url("/me/absence"), headers=s[3].headers, json={"absent": True})
    assert r.status_code == 200, r.text

    def choose(rank: int) -> httpx.Response:
        """Student `rank` validates the wish he would get (the simulation's headline)."""
        enter(c, s[rank])
        cell = c.me(s[rank])["wishes"]["headline"]["cell_id"]
        return validate(c, s[rank], cell, f"day-slices-{rank:04d}")

    start(c)
    for rank in (1, 2):
        r = choose(rank)
        assert r.status_code == 200, r.text
    # Ranks 1–2 passed: the day's range is over, the amphitheatre waits for tomorrow.
    radar = c.get("/radar").json()
    assert radar["amphi_status"] == "running" and radar["current"]["rank"] == 3
    assert radar["waiting_until"] is not None
    assert datetime.fromisoformat(radar["waiting_until"]) == DAY1
    me3 = c.me(s[3])
    assert me3["outcome"] is None and not me3["turn"]["my_turn"]  # absent, yet not placed
    assert datetime.fromisoformat(me3["turn"]["waiting_until"]) == DAY1
    r = c.staff_post("/staff/amphi/assign", {"candidate_id": ids[3]})
    assert (r.status_code, error(r)["code"]) == (409, "day_not_started")
    assert "commence le mardi 12 janvier 2027 à 9 h 00" in error(r)["message"]
    r = c.staff_post("/staff/amphi/skip", {"candidate_id": ids[3]})
    assert (r.status_code, error(r)["code"]) == (409, "day_not_started")
    time.sleep(0.8)  # several ticks of the clock owner: still nothing moves
    assert c.me(s[3])["outcome"] is None

    # Tomorrow 9:00: the turn opens by itself; 3 (absent) is placed, then 4 chooses
    # (everyone signs in again: yesterday's sessions have expired overnight).
    calendar.move_to(DAY1 + timedelta(seconds=1))
    for student in s.values():
        assert student.email is not None
        student.token = login(client, student.email)
    c.staff = auth(signed_in(live_server, client, role="staff")[1])
    eventually(lambda: c.me(s[3])["outcome"] == "auto_assigned", "3 not placed at his day")
    eventually(lambda: c.me(s[4])["turn"]["my_turn"], "4's turn did not open")
    assert c.get("/radar").json()["waiting_until"] is None
    assert choose(4).status_code == 200

    # Rank 5's day is the day after: waiting again; 5 cannot choose yet...
    me5 = c.me(s[5])
    assert not me5["turn"]["my_turn"] and me5["turn"]["waiting_until"] is not None
    r = choose(5)
    assert (r.status_code, error(r)["code"]) == (409, "day_not_started")
    # ... until staff open his slice this evening (students may only).
    r = c.client.post(c.url("/staff/amphi/open-next-slice"), headers=s[5].headers)
    assert r.status_code == 403
    view = c.staff_post("/staff/amphi/open-next-slice")
    assert view.status_code == 200, view.text
    assert view.json()["current"]["rank"] == 5
    assert c.me(s[5])["turn"]["my_turn"]
    opened = [d for d in c.get("").json()["day_slices"] if d["rank_from"] == 5]
    assert datetime.fromisoformat(opened[0]["starts_at"]) < DAY2
    r = c.staff_post("/staff/amphi/open-next-slice")
    assert (r.status_code, error(r)["code"]) == (409, "no_slice_waiting")
    assert choose(5).status_code == 200
    assert c.get("/radar").json()["amphi_status"] == "finished"
