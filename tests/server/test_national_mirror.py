"""The national runtime follows the event log: a mirror built early and then fed the
events of everything that happened since (as another process's broker would feed them)
ends equal to a mirror built from the database at the end — and so does the mirror of
the process that made the changes (its own events come back to it: skipped).

Both backends (the cross-process version, with real processes on PostgreSQL, is
test_national_across_processes.py).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import delete, select, update

from server_stub.core import events
from server_stub.models import NationalStudent, Wish
from server_stub.national.runtime import CampaignRuntime, NationalRegistry
from tests.conftest import TEST_EPOCH, LiveServer
from tests.server.test_national import Campaign, build_campaign

SECRET = "Brest"


def picture(rt: CampaignRuntime) -> dict[str, Any]:
    """Everything a runtime answers from, comparable."""
    cands = {cid: (c.wishes, c.version, c.absent, c.demoted_behind, c.outcome,
                   c.assigned_cell, c.assigned_at, c.turn_ended_at, c.entered_at)
             for cid, c in sorted(rt.cands.items())}
    return {
        "state": rt.state, "slices": [(s.day, s.rank_from, s.rank_to, s.starts_at)
                                      for s in rt.slices],
        "cells": {cid: (c.capacity, c.pool) for cid, c in rt.cells.items()},
        "run": (rt.run_status, rt.run_started_at, rt.turn_candidate_id, rt.turn_started_at),
        "cands": cands, "order": rt.order, "pointer": rt.pointer,
        "turn_times": rt.turn_times, "with_wishes": rt.with_wishes,
        "statuses": {cid: rt.status(c) for cid, c in sorted(rt.cands.items())},
        "holders": {cell: rt.sims[rt.cells[cell].pool].cell_status(str(cell))["holders"]
                    for cell in sorted(rt.cells)},
    }


def feed(registry: NationalRegistry, after: int, live: LiveServer) -> None:
    """Hand `registry` the log after `after` in batches, as a broker dispatches it."""
    factory = live.app.state.sessionmaker  # type: ignore[attr-defined]
    while True:
        with factory() as session:
            batch = events.fetch_events(session, after, all_audiences=True, limit=7)
        if not batch:
            return
        registry.follow(batch)
        after = batch[-1].id


def set_day_slices(c: Campaign) -> None:
    def day(n: int, ranks: tuple[int, int]) -> dict[str, Any]:
        # Days already begun: these turns are not held for their day (see
        # test_national_day_slices.py for that).
        starts = (TEST_EPOCH + timedelta(days=n - 3)).replace(hour=8, minute=0)
        return {"day": starts.date().isoformat(), "rank_from": ranks[0], "rank_to": ranks[1],
                "starts_at": starts.isoformat()}

    r = c.client.put(c.url("/staff/day-slices"), headers=c.staff,
                     json=[day(0, (1, 3)), day(1, (4, 5)), day(2, (6, 7))])
    assert r.status_code == 200, r.text


def a_day_of_choice(c: Campaign) -> None:
    """Wishes, absence, demotion, state changes, turns of every kind."""
    s = c.students
    cardio, peds, gp, gre = (c.cell("LYON", "Cardiologie"), c.cell("LYON", "Pédiatrie"),
                             c.cell("REIMS", "Médecine générale"),
                             c.cell("GRENOBLE", "Cardiologie"))
    put = c.client.put
    for rank, cells in ((1, [cardio, gp]), (2, [peds, gp]), (3, [peds, gre, gp]),
                        (5, [gp]), (6, [cardio, peds]), (7, [gre])):
        assert c.put_wishes(s[rank], cells).status_code == 200
    v = c.wishes(s[6])["version"]
    r = c.client.post(c.url("/me/wishes/move"), headers=s[6].headers,
                      json={"version": v, "cell_id": peds, "position": 1})
    assert r.status_code == 200, r.text
    r = c.client.post(c.url("/me/wishes"), headers=s[6].headers,
                      json={"version": v + 1, "cell_id": gp})
    assert r.status_code == 200, r.text
    r = c.client.delete(c.url(f"/me/wishes/{cardio}"), headers=s[6].headers,
                        params={"version": v + 2})
    assert r.status_code == 200, r.text
    assert put(c.url("/me/absence"), headers=s[5].headers, json={"absent": True}).status_code \
        == 200
    assert put(c.url("/me/absence"), headers=s[7].headers, json={"absent": True}).status_code \
        == 200
    assert put(c.url("/me/absence"), headers=s[7].headers, json={"absent": False}).status_code \
        == 200
    r = put(c.url("/me/demotion"), headers=s[2].headers, json={"behind_rank": 3})
    assert r.status_code == 200, r.text

    assert c.staff_post("/staff/amphi/start").status_code == 200
    assert c.staff_post("/staff/amphi/pause").status_code == 200
    c.set_state("wishes_open")
    c.set_state("amphi")
    assert c.staff_post("/staff/amphi/resume").status_code == 200
    r = c.client.post(c.url("/me/enter"), headers=s[1].headers, json={"secret_answer": SECRET})
    assert r.status_code == 200, r.text
    r = c.client.post(c.url("/me/validate"), headers=s[1].headers,
                      json={"idempotency_key": "mirror-validation-1", "cell_id": cardio})
    assert r.status_code == 200, r.text
    ids = {rank: c.me(st)["candidate_id"] for rank, st in s.items()}
    # Rank 3 chooses now (2 passes behind 3): staff assign him; then 2's turn is skipped.
    assert c.staff_post("/staff/amphi/assign", {"candidate_id": ids[3]}).status_code == 200
    assert c.staff_post("/staff/amphi/skip", {"candidate_id": ids[2]}).status_code == 200
    # 4 (CESP, no wish): demoted into the next slice; 5 (absent) was assigned at once.
    r = c.staff_post("/staff/amphi/demote", {"candidate_id": ids[4]})
    assert r.status_code == 200, r.text
    assert c.me(s[5])["outcome"] == "auto_assigned"


def test_a_mirror_fed_the_log_equals_the_database(live_server: LiveServer,
                                                 client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=[
        (1, "general", True), (2, "general", True), (3, "general", True), (4, "cesp", True),
        (5, "general", True), (6, "general", True), (7, "general", True)])
    factory = live_server.app.state.sessionmaker  # type: ignore[attr-defined]
    # "Other processes": one holds the campaign before the day slices are set (it
    # rebuilds from the database on that event, fed at once as a broker would), one after.
    earlier = NationalRegistry(factory)
    first = earlier.get(c.id).cursor
    set_day_slices(c)
    feed(earlier, first, live_server)
    after_slices = earlier.get(c.id).cursor
    assert after_slices > first
    early = NationalRegistry(factory)
    start = early.get(c.id).cursor
    a_day_of_choice(c)
    feed(early, start, live_server)
    feed(earlier, after_slices, live_server)
    with factory() as session:
        truth = picture(CampaignRuntime.load(session, c.id))
    assert len(truth["turn_times"]) == 4 and truth["state"] == "amphi"
    assert picture(early.get(c.id)) == truth
    assert picture(earlier.get(c.id)) == truth
    assert early.get(c.id).cursor > start
    # The writing process: its own changes were applied after each commit, and the same
    # events came back to it through its broker (skipped).
    own: NationalRegistry = live_server.app.state.national  # type: ignore[attr-defined]
    with own.hold(c.id) as rt:
        assert picture(rt) == truth


def test_a_list_changed_behind_the_mirror_is_read_again_alone(live_server: LiveServer,
                                                              client: httpx.Client) -> None:
    """Another process's change whose event is not applied here yet (a race of a few
    milliseconds): a write naming the newer version succeeds, a stale one gets the list
    from the database, and the campaign is never rebuilt for it."""
    c = build_campaign(live_server, client, students=[(1, "general", True),
                                                      (2, "general", True)])
    s1 = c.students[1]
    cardio, peds, gp = (c.cell("LYON", "Cardiologie"), c.cell("LYON", "Pédiatrie"),
                        c.cell("REIMS", "Médecine générale"))
    assert c.put_wishes(s1, [cardio]).status_code == 200
    registry: NationalRegistry = live_server.app.state.national  # type: ignore[attr-defined]
    before = registry.get(c.id)
    factory = live_server.app.state.sessionmaker  # type: ignore[attr-defined]
    with factory() as session:  # "process B" commits version 2; its event is not read here
        cand = session.scalars(select(NationalStudent).where(
            NationalStudent.campaign_id == c.id, NationalStudent.person_id == s1.person_id)
        ).one()
        cand.wishes_version = 2
        session.execute(delete(Wish).where(Wish.candidate_id == cand.id))
        session.add_all([Wish(candidate_id=cand.id, cell_id=peds, position=1),
                         Wish(candidate_id=cand.id, cell_id=cardio, position=2)])
        session.commit()
    # The client saw version 2 (on B): his next change, here, is not stale.
    r = c.client.post(c.url("/me/wishes"), headers=s1.headers,
                      json={"version": 2, "cell_id": gp})
    assert r.status_code == 200, r.text
    assert [w["cell_id"] for w in r.json()["wishes"]] == [peds, cardio, gp]
    assert r.json()["version"] == 3
    with factory() as session:  # again, then a write naming an older version
        session.execute(update(NationalStudent).where(NationalStudent.id == cand.id)
                        .values(wishes_version=4))
        session.execute(delete(Wish).where(Wish.candidate_id == cand.id, Wish.cell_id == gp))
        session.commit()
    r = c.put_wishes(s1, [gp], version=3)
    assert r.status_code == 409, r.text
    assert r.json()["current"]["version"] == 4  # the database's list, not the mirror's
    assert [w["cell_id"] for w in r.json()["current"]["wishes"]] == [peds, cardio]
    assert registry.get(c.id) is before  # one student read again, no rebuild


def test_a_turn_ended_or_an_absence_behind_the_mirror_refuses_the_change(
        live_server: LiveServer, client: httpx.Client) -> None:
    """The checks run on this process's mirror, the write outside the campaign's lock: the
    database's guarded UPDATE re-checks the turn and the absence another process may have
    recorded a moment ago (its event not applied here yet), and answers why, in French."""
    c = build_campaign(live_server, client, students=[(1, "general", True),
                                                      (2, "general", True)])
    cardio, peds = c.cell("LYON", "Cardiologie"), c.cell("LYON", "Pédiatrie")
    factory = live_server.app.state.sessionmaker  # type: ignore[attr-defined]
    for rank, column, value, code in ((1, "absent", True, "absent_read_only"),
                                      (2, "turn_outcome", "validated", "turn_passed")):
        s = c.students[rank]
        assert c.put_wishes(s, [cardio]).status_code == 200
        with factory() as session:  # "process B", whose event this process has not read
            session.execute(update(NationalStudent).where(
                NationalStudent.campaign_id == c.id,
                NationalStudent.person_id == s.person_id).values({column: value}))
            session.commit()
        r = c.put_wishes(s, [peds, cardio], version=1)
        assert r.status_code == 409, r.text
        assert r.json()["error"]["code"] == code, r.json()
        with factory() as session:  # nothing written
            wishes = session.scalars(select(Wish.cell_id).join(
                NationalStudent, NationalStudent.id == Wish.candidate_id).where(
                NationalStudent.person_id == s.person_id).order_by(Wish.position)).all()
        assert wishes == [cardio]
