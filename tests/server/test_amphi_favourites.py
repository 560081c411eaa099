"""Favourites (services or posts, ordered, versioned for offline sync) and saved searches,
over real HTTP. A Hypothesis run compares random add/move/remove sequences with a list."""

from __future__ import annotations

from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.conftest import ServerFactory, auth, error, signed_in
from tests.server.test_amphi_support import World, amphi_server, make_world


def targets(w: World) -> list[dict[str, int]]:
    """Every possible favourite: three services, six posts."""
    return ([{"service_id": w.services[n]} for n in ("1101", "1102", "1201")]
            + [{"post_id": w.posts[n]} for n in sorted(w.posts)])


def keys(listing: dict[str, Any]) -> list[tuple[str, int]]:
    return [(i["kind"], i["post_id"] or i["service_id"]) for i in listing["items"]]


def key_of(target: dict[str, int]) -> tuple[str, int]:
    return ("post", target["post_id"]) if "post_id" in target else (
        "service", target["service_id"])


def test_favourites_add_move_remove_replace_and_counts(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=30)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2)
        a, b = w.interns
        url = f"{w.base}/favourites"
        empty = client.get(url, headers=a.h).json()
        assert empty == {"amphi_id": w.amphi_id, "intern_id": a.intern_id, "version": 0,
                         "single_post_warned": False, "items": []}
        r = client.post(url, headers=a.h, json={"service_id": w.services["1101"]})
        assert r.status_code == 200 and r.json()["first_single_post"] is False
        item = r.json()["items"][0]
        assert (item["establishment"], item["service"], item["available"],
                item["favourites"]) == ("CHU de Lyon — Édouard-Herriot", "Cardiologie", 2, 2)
        r = client.post(url, headers=a.h, json={"post_id": w.posts["2005"], "position": 1})
        assert r.json()["first_single_post"] is True  # the client warns this once
        assert r.json()["single_post_warned"] is True
        r = client.post(url, headers=a.h, json={"post_id": w.posts["2006"]})
        assert r.json()["first_single_post"] is False
        assert [i["position"] for i in r.json()["items"]] == [1, 2, 3]
        assert keys(r.json()) == [("post", w.posts["2005"]), ("service", w.services["1101"]),
                                  ("post", w.posts["2006"])]
        assert r.json()["version"] == 3
        r = client.post(url, headers=a.h, json={"post_id": w.posts["2005"]})
        assert r.status_code == 409 and error(r)["code"] == "already_favourite"
        r = client.post(url, headers=a.h, json={"service_id": w.services["1101"],
                                                "post_id": w.posts["2005"]})
        assert r.status_code == 422
        r = client.post(url, headers=a.h, json={})
        assert r.status_code == 422 and error(r)["field"] == "service_id"
        r = client.post(url, headers=a.h, json={"post_id": 999_999})
        assert r.status_code == 404 and error(r)["field"] == "post_id"
        third = r = client.get(url, headers=a.h).json()["items"][2]
        r = client.post(f"{url}/{third['id']}/move", headers=a.h, json={"position": 1})
        assert keys(r.json())[0] == ("post", w.posts["2006"])
        # Offline edits: the whole list with the version it started from.
        version = r.json()["version"]
        wanted = [{"service_id": w.services["1102"]}, {"post_id": w.posts["2005"]}]
        r = client.put(url, headers=a.h, json={"base_version": version - 1, "items": wanted})
        assert r.status_code == 409 and error(r)["code"] == "version_conflict"
        r = client.put(url, headers=a.h, json={"base_version": version,
                                               "items": wanted + wanted[:1]})
        assert r.status_code == 422 and error(r)["code"] == "duplicate_favourite"
        assert error(r)["field"] == "items[2]"
        r = client.put(url, headers=a.h, json={"base_version": version, "items": wanted})
        assert r.status_code == 200 and r.json()["version"] == version + 1
        assert keys(r.json()) == [("service", w.services["1102"]), ("post", w.posts["2005"])]
        # Someone else's amphitheatre, or staff: refused.
        _, stranger = signed_in(live, client, role="student")
        r = client.get(url, headers=auth(stranger))
        assert r.status_code == 403 and error(r)["code"] == "not_in_amphi"
        assert client.get(url, headers=w.staff.h).status_code == 403
        # During the session taken posts stay in the list; only the counts change.
        for who in w.interns:
            w.presence(who)
        assert w.transition("start").status_code == 200
        assert w.choose(a, "2003").status_code == 200
        listing = client.get(url, headers=b.h)
        assert listing.status_code == 200
        r = client.post(url, headers=b.h, json={"service_id": w.services["1102"]})
        pneumo = r.json()["items"][0]
        assert pneumo["post_ids"] == [w.posts["2003"], w.posts["2004"]]
        assert (pneumo["available"], pneumo["favourites"]) == (1, 2)
        assert w.transition("finish").status_code == 200
        assert client.get(url, headers=b.h).status_code == 200
        r = client.post(url, headers=b.h, json={"post_id": w.posts["2006"]})
        assert r.status_code == 409 and error(r)["code"] == "amphi_finished"


def test_favourites_wait_for_the_opening(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=1, open_it=False)
        (a,) = w.interns
        r = client.get(f"{w.base}/favourites", headers=a.h)
        assert r.status_code == 409 and error(r)["code"] == "amphi_not_open"


OPS = st.lists(st.one_of(
    st.tuples(st.just("add"), st.integers(0, 8), st.none() | st.integers(1, 12)),
    st.tuples(st.just("move"), st.integers(0, 11), st.integers(1, 12)),
    st.tuples(st.just("remove"), st.integers(0, 11), st.none()),
), max_size=10)


def test_favourites_behave_like_an_ordered_list(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory)
    client = httpx.Client(base_url=live.url, timeout=10)
    w = make_world(live, client, interns=1)
    (a,) = w.interns
    url = f"{w.base}/favourites"
    every = targets(w)

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(ops=OPS)
    def run(ops: list[tuple[str, int, int | None]]) -> None:
        current = client.get(url, headers=a.h).json()
        current = client.put(url, headers=a.h, json={"base_version": current["version"],
                                                     "items": []}).json()
        model: list[tuple[str, int]] = []
        version = current["version"]
        for op, n, position in ops:
            if op == "add":
                target = every[n]
                r = client.post(url, headers=a.h,
                                json={**target, **({"position": position} if position else {})})
                if key_of(target) in model:
                    assert r.status_code == 409
                    continue
                spot = len(model) if position is None else min(position - 1, len(model))
                model.insert(spot, key_of(target))
            else:
                items = client.get(url, headers=a.h).json()["items"]
                if n >= len(items):
                    continue
                if op == "move":
                    r = client.post(f"{url}/{items[n]['id']}/move", headers=a.h,
                                    json={"position": position})
                    moved = model.pop(n)
                    model.insert(min(position - 1, len(model)), moved)  # type: ignore[operator]
                else:
                    r = client.delete(f"{url}/{items[n]['id']}", headers=a.h)
                    model.pop(n)
            assert r.status_code == 200, r.text
            version += 1
            assert keys(r.json()) == model
            assert r.json()["version"] == version
            assert [i["position"] for i in r.json()["items"]] == list(range(1, len(model) + 1))

    try:
        run()
    finally:
        client.close()


def test_saved_searches_per_person(live_server, client) -> None:  # type: ignore[no-untyped-def]
    _, me = signed_in(live_server, client, role="student")
    _, other = signed_in(live_server, client, role="student")
    url = "/api/amphi/saved-searches"
    criteria = {"des": ["PNEU", "CARD"], "department": ["69"], "filled": False}
    r = client.post(url, headers=auth(me), json={"name": "Lyon pneumo", "criteria": criteria})
    assert r.status_code == 201 and r.json()["criteria"] == criteria
    sid = r.json()["id"]
    r = client.post(url, headers=auth(me), json={"name": "Lyon pneumo", "criteria": {}})
    assert r.status_code == 409 and error(r)["code"] == "name_taken"
    r = client.post(url, headers=auth(me), json={"name": "Imbriqué",
                                                 "criteria": {"des": {"a": 1}}})
    assert r.status_code == 422 and error(r)["field"] == "criteria.des"
    r = client.post(url, headers=auth(me), json={"name": "Chefs", "criteria": {"head": "ROUX"}})
    assert r.status_code == 201
    assert [s["name"] for s in client.get(url, headers=auth(me)).json()] == ["Chefs",
                                                                            "Lyon pneumo"]
    assert client.get(url, headers=auth(other)).json() == []
    r = client.put(f"{url}/{sid}", headers=auth(other), json={"name": "x", "criteria": {}})
    assert r.status_code == 404
    r = client.put(f"{url}/{sid}", headers=auth(me), json={"name": "Chefs", "criteria": {}})
    assert r.status_code == 409
    r = client.put(f"{url}/{sid}", headers=auth(me), json={"name": "Lyon",
                                                           "criteria": {"des": ["PNEU"]}})
    assert r.status_code == 200 and r.json()["name"] == "Lyon"
    assert client.delete(f"{url}/{sid}", headers=auth(me)).status_code == 204
    assert client.delete(f"{url}/{sid}", headers=auth(me)).status_code == 404
    assert client.get(url).status_code == 401
