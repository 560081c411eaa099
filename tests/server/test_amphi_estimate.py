"""« À mon tour (estimation) »: the serial simulation over favourites, by hand examples,
a Hypothesis property, and over real HTTP (planned absences, supernumerary, choices)."""

from __future__ import annotations

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from server_stub.amphi.estimate import Chooser, Slot, free_at_my_turn, simulate, walk
from tests.server.conftest import ServerFactory, error
from tests.server.test_amphi_support import amphi_server, make_world

POSTS = {1: Slot("CARD", True, True), 2: Slot("CARD", False, True),
         3: Slot("PNEU", False, True), 4: Slot("PNEU", False, False)}


def test_each_takes_his_first_free_favourite_he_may_take() -> None:
    before = [Chooser("PNEU", True, ((1, 2), (3,))),  # 1 reserved for CARD: takes 2
              Chooser("CARD", True, ((2,), (4,), (1,))),  # 2 gone, 4 filled: takes 1
              Chooser("PNEU", True, ((4,), (2,)))]  # nothing left for him
    assert simulate(POSTS, before) == {3}
    assert free_at_my_turn(POSTS, before, "PNEU", [(1, 2), (3,), (4,)]) == [0, 1, 0]


def test_supernumerary_uses_no_place_and_reserved_is_not_counted_for_me() -> None:
    before = [Chooser("PNEU", False, ((3,),))]
    assert free_at_my_turn(POSTS, before, "PNEU", [(3,), (1,), (1, 2)]) == [1, 0, 1]
    assert free_at_my_turn(POSTS, before, "CARD", [(1,)]) == [1]


slots = st.builds(Slot, st.sampled_from(["CARD", "PNEU"]), st.booleans(), st.booleans())
post_maps = st.dictionaries(st.integers(1, 12), slots, max_size=12)


def favourites(posts: dict[int, Slot]) -> st.SearchStrategy[tuple[int, ...]]:
    """A favourite: one post or a service of up to 4 (ids may be unknown when none)."""
    return st.lists(st.sampled_from(sorted(posts) or [1]), min_size=1, max_size=4).map(tuple)


def queues(posts: dict[int, Slot]) -> st.SearchStrategy[list[Chooser]]:
    return st.lists(st.builds(Chooser, st.sampled_from(["CARD", "PNEU"]), st.booleans(),
                              st.lists(favourites(posts), max_size=4).map(tuple)),
                    max_size=8)


@settings(max_examples=200, deadline=None)
@given(posts=post_maps, data=st.data())
def test_property_places_used_and_empty_queue(posts: dict[int, Slot],
                                              data: st.DataObject) -> None:
    before = data.draw(queues(posts))
    mine = data.draw(st.lists(favourites(posts), max_size=5))
    free_now = {pid for pid, s in posts.items() if s.free}
    left = simulate(posts, before)
    assert left <= free_now  # nobody frees a place
    assert len(free_now) - len(left) <= sum(1 for c in before if c.uses_place)
    for des in ("CARD", "PNEU"):
        later = free_at_my_turn(posts, before, des, mine)
        now_ = free_at_my_turn(posts, [], des, mine)
        assert all(0 <= a <= b for a, b in zip(later, now_, strict=True))
    # nobody before me: the estimate is the current availability
    assert simulate(posts, []) == free_now
    # supernumerary interns change nothing
    assert simulate(posts, [Chooser(c.des, False, c.favourites) for c in before]) == free_now


def test_estimate_over_http(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=30)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3)
        a, b, me = w.interns
        fav = f"{w.base}/favourites"
        for who, body in ((a, {"post_id": w.posts["2004"]}), (b, {"post_id": w.posts["2003"]}),
                          (me, {"post_id": w.posts["2003"]}), (me, {"post_id": w.posts["2004"]}),
                          (me, {"service_id": w.services["1101"]}),
                          (me, {"service_id": w.services["1201"]})):
            assert client.post(fav, headers=who.h, json=body).status_code == 200

        def estimate() -> dict:
            r = client.get(f"{fav}/estimate", headers=me.h)
            assert r.status_code == 200, r.text
            return r.json()

        got = estimate()
        assert got["interns_before"] == 2
        assert [(i["position"], i["free_now"], i["free_at_my_turn"], i["likely_free"])
                for i in got["items"]] == [(1, 1, 0, False), (2, 1, 0, False),
                                           (3, 0, 0, False), (4, 2, 2, True)]
        assert "favourites" not in str(got)  # nothing about the others' lists
        # a planned absence leaves a out: 2004 stays free for me
        r = client.patch(f"/api/staff/amphi/interns/{a.intern_id}", headers=w.staff.h,
                         json={"planned_absence": True})
        assert r.status_code == 200
        got = estimate()
        assert got["interns_before"] == 1
        assert [i["free_at_my_turn"] for i in got["items"]] == [0, 1, 0, 2]
        # live: b takes 2005 instead of his favourite; then nobody is before me
        assert w.transition("start").status_code == 200
        w.presence(b)
        w.presence(me)
        w.wait_turn(b)
        assert w.choose(b, "2005").status_code == 200
        w.wait_turn(me)
        got = estimate()
        assert got["interns_before"] == 0
        assert [(i["free_now"], i["free_at_my_turn"]) for i in got["items"]] == [
            (1, 1), (1, 1), (0, 0), (1, 1)]
        # only an intern of the amphitheatre (or his proxy holder) has an estimate
        r = client.get(f"{fav}/estimate", headers=w.staff.h)
        assert r.status_code == 403 and error(r)["code"]


@settings(max_examples=200, deadline=None)
@given(posts=post_maps, data=st.data())
def test_property_one_walk_answers_every_place_in_the_queue(posts: dict[int, Slot],
                                                            data: st.DataObject) -> None:
    """`walk` over the whole queue gives, for each k, what `simulate` of its first k gives."""
    queue = data.draw(queues(posts))
    taken_at = walk(posts, queue)
    free_now = {pid for pid, s in posts.items() if s.free}
    for k in range(len(queue) + 1):
        assert simulate(posts, queue[:k]) == {
            pid for pid in free_now if taken_at.get(pid, len(queue)) >= k}


def test_estimate_while_running_follows_every_change(server_factory: ServerFactory) -> None:
    """While the amphitheatre runs one walk serves everybody: it must follow favourites
    edited by others, choices and absences (no stale answer from the cache)."""
    live = amphi_server(server_factory, amphi_turn_seconds=30)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3)
        a, b, me = w.interns
        fav = f"{w.base}/favourites"
        for who, number in ((a, "2004"), (b, "2003"), (me, "2003"), (me, "2004"),
                            (me, "2005")):
            r = client.post(fav, headers=who.h, json={"post_id": w.posts[number]})
            assert r.status_code == 200, r.text

        def estimate() -> tuple[int, list[int]]:
            r = client.get(f"{fav}/estimate", headers=me.h)
            assert r.status_code == 200, r.text
            got = r.json()
            return got["interns_before"], [i["free_at_my_turn"] for i in got["items"]]

        for who in (a, b, me):
            w.presence(who)  # connected before the start: nobody is passed over
        assert w.transition("start").status_code == 200
        w.wait_turn(a)
        assert estimate() == (2, [0, 0, 1])
        assert estimate() == (2, [0, 0, 1])  # asked again, nothing changed
        # b drops 2003 from his favourites: it stays free for me
        listed = client.get(fav, headers=b.h).json()
        favourite_id = listed["items"][0]["id"]
        r = client.delete(f"{fav}/{favourite_id}", headers=b.h)
        assert r.status_code == 200, r.text
        assert estimate() == (2, [1, 0, 1])
        # a takes 2005 rather than his favourite 2004
        assert w.choose(a, "2005").status_code == 200
        w.wait_turn(b)
        assert estimate() == (1, [1, 1, 0])
        # b takes 2003 after all
        assert w.choose(b, "2003").status_code == 200
        w.wait_turn(me)
        assert estimate() == (0, [0, 1, 0])
