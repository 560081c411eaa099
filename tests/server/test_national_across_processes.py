"""The national simulations of two server processes on one PostgreSQL database stay in
step: what one process commits, the other applies from the event log (runtime.py,
`NationalRegistry.follow`), woken by LISTEN/NOTIFY.

Server A is this test process's server (a thread); server B runs in its own process
(`amphi-server serve`) on the same database, with a safety-net poll of two minutes, so
what B shows within seconds came by the wake-up. Every check on B polls with a generous
timeout: these tests say *whether* B follows, `bench/bench_mirror.py` says how fast.
PostgreSQL pass only (`AMPHI_TEST_DATABASE=postgresql`, as `make test` runs it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from tests import postgres
from tests.conftest import LiveServer
from tests.server.conftest import login
from tests.server.test_national import Campaign, Student, build_campaign
from tests.server_process import ServerProcess

pytestmark = pytest.mark.skipif(not postgres.wanted(),
                                reason="several server processes share a PostgreSQL database")

POLL_SECONDS = 120  # server B's safety-net poll of the log: longer than any wait below
WAIT_SECONDS = 30.0  # how long B is given to show a change (it takes milliseconds)
SECRET = "Brest"  # tests.server.conftest.add_person's secret answer
T = TypeVar("T")


def eventually(read: Callable[[], T], check: Callable[[T], bool], what: str) -> T:
    """Poll `read()` until `check` holds (WAIT_SECONDS at most); fail saying `what`."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        value = read()
        if check(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still {value!r} after {WAIT_SECONDS} s")
        time.sleep(0.02)


class OnB:
    """Server B's answers for a campaign built through A."""

    def __init__(self, c: Campaign, client: httpx.Client) -> None:
        self.c = c
        self.client = client

    def get(self, path: str, headers: dict[str, str]) -> dict[str, Any]:
        r = self.client.get(self.c.url(path), headers=headers)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    def wishes(self, s: Student) -> dict[str, Any]:
        return self.get("/me/wishes", s.headers)

    def me(self, s: Student) -> dict[str, Any]:
        return self.get("/me", s.headers)

    def staff(self) -> dict[str, Any]:
        return self.get("/staff/amphi", self.c.staff)


def cells_of(wishes: dict[str, Any]) -> list[int]:
    return [w["cell_id"] for w in wishes["wishes"]]


@pytest.fixture
def campaign(live_server: LiveServer, client: httpx.Client) -> Campaign:
    """Four general students with accounts, built through A before B starts."""
    return build_campaign(live_server, client, students=[
        (1, "general", True), (2, "general", True), (3, "general", True),
        (4, "general", True)])


@pytest.fixture
def on_b(campaign: Campaign, live_server: LiveServer, tmp_path: Path) -> Iterator[OnB]:
    database = live_server.settings.database_url  # type: ignore[attr-defined]
    assert database.startswith("postgresql"), database
    b = ServerProcess(database, tmp_path / "b", EVENT_POLL_SECONDS=str(POLL_SECONDS))
    try:
        with httpx.Client(base_url=b.url, timeout=httpx.Timeout(30.0)) as client:
            side = OnB(campaign, client)
            side.wishes(campaign.students[1])  # B holds the campaign (built at its start)
            yield side
    finally:
        b.stop()


def test_a_wish_change_through_a_is_read_on_b(campaign: Campaign, on_b: OnB) -> None:
    c = campaign
    s1, s2 = c.students[1], c.students[2]
    ped, gp = c.cell("LYON", "Pédiatrie"), c.cell("REIMS", "Médecine générale")  # 1 and 3 posts
    assert cells_of(on_b.wishes(s2)) == []
    r = c.put_wishes(s2, [ped, gp])  # through A
    assert r.status_code == 200, r.text
    mine = eventually(lambda: on_b.wishes(s2), lambda w: cells_of(w) == [ped, gp],
                      "s2's list on B")
    assert mine["version"] == r.json()["version"]
    assert mine["headline"]["wish_number"] == 1  # Pédiatrie is his for now
    # Somebody ranked before him takes the only Pédiatrie post, through A: B's simulation
    # moves s2 to his second wish.
    assert c.put_wishes(s1, [ped]).status_code == 200
    eventually(lambda: on_b.wishes(s2)["headline"]["wish_number"], lambda n: n == 2,
               "s2's satisfied wish on B after s1 took Pédiatrie")
    assert on_b.wishes(s1)["headline"]["wish_number"] == 1


def test_a_write_on_b_right_after_one_on_a_is_not_stale(campaign: Campaign,
                                                        on_b: OnB) -> None:
    c = campaign
    s3 = c.students[3]
    cardio, gp = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    version = c.wishes(s3)["version"]
    for i in range(10):
        for through in (c.client, on_b.client):  # A, then B at once, with A's answer
            cells = [cardio, gp] if i % 2 else [gp, cardio]
            r = through.put(c.url("/me/wishes"), headers=s3.headers,
                            json={"version": version, "cells": cells})
            assert r.status_code == 200, (i, str(through.base_url), r.text)
            assert cells_of(r.json()) == cells and r.json()["version"] == version + 1
            version = r.json()["version"]
    eventually(lambda: c.wishes(s3)["version"], lambda v: v == version, "s3's version on A")


def test_a_sign_out_on_a_is_honoured_by_wish_changes_on_b(campaign: Campaign,
                                                          on_b: OnB) -> None:
    """B takes a wish change's caller from its cache of sessions; the sign-out went
    through A, which B's cache never hears of: B's write checks the session itself."""
    c = campaign
    s4 = c.students[4]
    gp = c.cell("REIMS", "Médecine générale")
    r = on_b.client.put(c.url("/me/wishes"), headers=s4.headers,
                        json={"version": 0, "cells": [gp]})
    assert r.status_code == 200, r.text  # B remembers his session now
    assert c.client.post("/api/auth/logout", headers=s4.headers).status_code == 204
    for body in ({"version": 1, "cells": []}, {"version": 0, "cells": []}):  # stale too
        r = on_b.client.put(c.url("/me/wishes"), headers=s4.headers, json=body)
        assert r.status_code == 401, r.text
        assert r.json()["error"]["code"] == "not_authenticated"
    assert s4.email is not None
    again = {"Authorization": f"Bearer {login(c.client, s4.email)}"}
    mine = on_b.get("/me/wishes", again)
    assert mine["version"] == 1 and cells_of(mine) == [gp]  # nothing written after


def test_turns_through_one_process_are_seen_by_the_other(campaign: Campaign,
                                                         on_b: OnB) -> None:
    c = campaign
    s1, s2, s3 = c.students[1], c.students[2], c.students[3]
    ped, gp = c.cell("LYON", "Pédiatrie"), c.cell("REIMS", "Médecine générale")
    for s in (s1, s2, s3):
        assert c.put_wishes(s, [ped, gp]).status_code == 200
    r = c.staff_post("/staff/amphi/start")  # through A: site state amphi, s1's turn
    assert r.status_code == 200, r.text
    cid1 = c.me(s1)["candidate_id"]
    staff = eventually(on_b.staff, lambda v: v["amphi_status"] == "running"
                       and v["current"] is not None and v["current"]["candidate_id"] == cid1,
                       "the running amphitheatre on B")
    assert staff["site_state"] == "amphi"
    # s1 answers his secret question through A, then takes his post through B.
    r = c.client.post(c.url("/me/enter"), headers=s1.headers, json={"secret_answer": SECRET})
    assert r.status_code == 200, r.text
    eventually(lambda: on_b.me(s1)["secret_required"], lambda v: v is False,
               "s1's entry on B")
    r = on_b.client.post(c.url("/me/validate"), headers=s1.headers,
                         json={"idempotency_key": "key-of-s1-validation", "cell_id": ped})
    assert r.status_code == 200, r.text
    # A sees s1's turn ended with Pédiatrie, and s2 choosing.
    me1 = eventually(lambda: c.me(s1), lambda m: m["outcome"] == "validated", "s1 on A")
    assert me1["assignment"]["cell_id"] == ped
    cid2 = c.me(s2)["candidate_id"]
    r = c.client.get(c.url("/staff/amphi"), headers=c.staff)
    assert r.status_code == 200 and r.json()["current"]["candidate_id"] == cid2, r.text
    # Staff assign s2 through A (he is unreachable): B sees his post and s3's turn.
    r = c.staff_post("/staff/amphi/assign", {"candidate_id": cid2})
    assert r.status_code == 200, r.text
    me2 = eventually(lambda: on_b.me(s2), lambda m: m["outcome"] == "staff_assigned",
                     "s2's assignment on B")
    assert me2["assignment"]["cell_id"] == gp  # Pédiatrie is taken: his second wish
    cid3 = c.me(s3)["candidate_id"]
    eventually(lambda: on_b.staff()["current"], lambda cur: cur is not None
               and cur["candidate_id"] == cid3, "s3's turn on B")
    assert on_b.me(s3)["turn"]["my_turn"] is True
