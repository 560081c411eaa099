"""Supervisors' rankings: saved whole on every change with a version (409 with the current
ranking when stale), idempotent retries, one winner among concurrent saves, validity by the
engine's rules with French messages, private observations, who may rank."""

from __future__ import annotations

import math
import threading
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from server_stub.matching.rankings import (
    rejection_floor,
    violation_messages,
    violations,
)
from server_stub.models import EventRecord
from tests.conftest import LiveServer
from tests.server.conftest import error
from tests.server.test_matching_helpers import World, build_world


@pytest.fixture
def world(live_server: LiveServer, client: httpx.Client) -> World:
    w = build_world(live_server, client)
    for student, posts in (("s1", ("P1", "P2")), ("s2", ("P1", "P3")), ("s3", ("P3", "P1")),
                           ("s4", ("P2", "P4")), ("s5", ("P4",))):
        assert w.apply(student, *posts).status_code == 200
    w.phase(1, "ranking")
    return w


def test_stale_version_gets_409_with_the_current_ranking(world: World) -> None:
    w = world
    assert w.rank("A", "P1", ["s2", "s1", "s3"], version=0).json()["version"] == 1
    # A second device (or the offline queue) still at version 0 sends another order.
    r = w.rank("A", "P1", ["s1", "s2", "s3"], version=0)
    assert r.status_code == 409
    body = r.json()
    assert set(body) == {"error", "current"}
    assert body["error"]["code"] == "stale_version"
    assert "modifié entre-temps" in body["error"]["message"]
    current = body["current"]
    assert current["version"] == 1
    assert current["ranked"] == [w.cand["s2"], w.cand["s1"], w.cand["s3"]]
    # Retrying what is already stored (a lost answer) is a success, nothing moves.
    r = w.rank("A", "P1", ["s2", "s1", "s3"], version=0)
    assert r.status_code == 200 and r.json()["version"] == 1
    # The merged order from the current version goes through.
    r = w.rank("A", "P1", ["s1", "s2", "s3"], version=1)
    assert r.status_code == 200 and r.json()["version"] == 2
    assert r.json()["valid"] is True  # s1 is from LYON: still valid


def test_concurrent_saves_from_one_version_have_one_winner(world: World,
                                                           live_server: LiveServer) -> None:
    w = world
    orders = [["s2", "s1", "s3"], ["s1", "s2", "s3"], ["s2", "s3", "s1"], ["s1", "s3", "s2"]]
    codes: list[int] = []
    barrier = threading.Barrier(len(orders))

    def save(order: list[str]) -> None:
        with httpx.Client(base_url=live_server.url, timeout=20) as c:
            body = {"version": 0, "ranked": [w.cand[s] for s in order], "rejected": []}
            barrier.wait()
            r = c.put(f"/api/matching/posts/{w.post['P1']}/ranking", json=body,
                      headers=w.sup["A"].h)
            codes.append(r.status_code)

    threads = [threading.Thread(target=save, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [200, 409, 409, 409]
    assert w.ranking("A", "P1").json()["version"] == 1


def test_bad_lists_are_refused_and_nothing_is_written(world: World) -> None:
    w = world
    r = w.rank("A", "P1", ["s1", "s4"])  # s4 did not apply to P1
    assert r.status_code == 422
    assert (error(r)["code"], error(r)["field"]) == ("not_a_candidate", "ranked[1]")
    r = w.rank("A", "P1", ["s1"], rejected=["s1"])
    assert r.status_code == 422
    assert (error(r)["code"], error(r)["field"]) == ("duplicate_candidate", "rejected[0]")
    r = w.client.put(f"/api/matching/posts/{w.post['P1']}/ranking", headers=w.sup["A"].h,
                     json={"version": "x", "ranked": []})
    assert r.status_code == 422 and error(r)["field"] == "version"
    assert w.ranking("A", "P1").json()["version"] == 0


def test_validity_and_the_banner_messages(world: World) -> None:
    w = world
    r = w.rank("A", "P1", ["s2"], rejected=["s1"])
    body = r.json()
    assert body["unclassified"] == [w.cand["s3"]]
    assert {v["code"]: v["message"] for v in body["violations"]} == {
        "unclassified": "Il ne doit pas rester de candidatures non classées.",
        "ranked_share": "Au moins 80 % des candidatures doivent être classées, soit 3 sur 3 : "
                        "refuser une candidature n'est possible qu'à partir de 5 candidatures.",
    }
    statuses = {c["id"]: (c["status"], c["rank"]) for c in body["candidates"]}
    assert statuses == {w.cand["s2"]: ("ranked", 1), w.cand["s1"]: ("rejected", None),
                        w.cand["s3"]: ("unclassified", None)}
    flags = {c["id"]: c["in_post_subdivision"] for c in body["candidates"]}
    assert flags == {w.cand["s1"]: True, w.cand["s2"]: True, w.cand["s3"]: False}
    # Campaign rules change the verdict: no subdivision rule, 50 % ranked suffices.
    r = w.client.patch(w.base, headers=w.staff.h,
                       json={"settings": {"min_ranked_share": 0.5, "subdivision_first": False}})
    assert r.status_code == 200 and r.json()["settings"]["min_ranked_share"] == 0.5
    body = w.rank("A", "P1", ["s3", "s2"], rejected=["s1"]).json()
    assert body["valid"] and body["violations"] == []


def test_second_supervisor_access_and_events(world: World, live_server: LiveServer) -> None:
    w = world
    # A is second supervisor of P4 with ranking access; B only reads P2.
    assert w.rank("A", "P4", ["s4", "s5"]).status_code == 200
    r = w.rank("B", "P2", ["s4", "s1"])
    assert r.status_code == 403 and "consultation" in error(r)["message"]
    read = w.ranking("B", "P2").json()
    assert read["can_edit"] is False
    assert w.rank("A", "P2", ["s4", "s1"]).status_code == 200
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        saved = s.scalars(select(EventRecord).where(
            EventRecord.kind == "matching_ranking_saved")).all()
        audiences = {(e.payload["post_id"], e.audience_id) for e in saved}
    assert audiences == {(w.post["P4"], w.sup["C"].person_id),
                         (w.post["P4"], w.sup["A"].person_id),
                         (w.post["P2"], w.sup["A"].person_id),
                         (w.post["P2"], w.sup["B"].person_id)}
    # Outside the ranking phase the ranking is read-only.
    w.phase(1, "awaiting_results")
    assert w.ranking("A", "P2").json()["can_edit"] is False
    r = w.rank("A", "P2", ["s1", "s4"])
    assert r.status_code == 409 and error(r)["code"] == "phase_closed"


def test_observations_are_private_to_the_post_supervisors(world: World) -> None:
    w = world
    url = f"/api/matching/posts/{w.post['P2']}/observations/{w.cand['s1']}"
    r = w.client.put(url, json={"text": "Très motivé\u0007"}, headers=w.sup["B"].h)
    assert r.status_code == 422 and error(r)["field"] == "text"  # no control character
    r = w.client.put(url, json={"text": "  Très motivé  "}, headers=w.sup["B"].h)
    assert r.status_code == 200 and r.json()["text"] == "Très motivé"
    seen = {c["id"]: c["observation"] for c in w.ranking("A", "P2").json()["candidates"]}
    assert seen[w.cand["s1"]] == "Très motivé" and seen[w.cand["s4"]] is None
    r = w.client.put(url, json={"text": ""}, headers=w.sup["A"].h)
    assert r.status_code == 200 and r.json()["text"] is None
    seen = {c["id"]: c["observation"] for c in w.ranking("B", "P2").json()["candidates"]}
    assert seen[w.cand["s1"]] is None
    r = w.client.put(f"/api/matching/posts/{w.post['P2']}/observations/{w.cand['s2']}",
                     json={"text": "x"}, headers=w.sup["A"].h)
    assert r.status_code == 404  # s2 never applied to P2
    r = w.client.put(url, json={"text": "x"}, headers=w.sup["C"].h)
    assert r.status_code == 403


# --------------------------------------------------------------------------- the rules


def oracle(subs: dict[str, str], post_sub: str, ranked: list[str], rejected: list[str],
           share: float) -> list[str]:
    """PROCEDURES.md §3, written out independently of the engine."""
    out = []
    n = len(subs)
    if set(subs) - set(ranked) - set(rejected):
        out.append("unclassified")
    if n and len(ranked) / n < share:
        out.append("ranked_share")
    if post_sub in subs.values() and (not ranked or subs[ranked[0]] != post_sub):
        out.append("subdivision_first")
    return out


@settings(max_examples=300, deadline=None)
@given(data=st.data(), n=st.integers(0, 9), share=st.sampled_from([0.0, 0.5, 0.8, 1.0]))
def test_validity_follows_the_rules(data: st.DataObject, n: int, share: float) -> None:
    ids = [str(i) for i in range(1, n + 1)]
    subs = {i: data.draw(st.sampled_from(["LYON", "GRENOBLE"])) for i in ids}
    order = data.draw(st.permutations(ids))
    k_ranked = data.draw(st.integers(0, n))
    k_rejected = data.draw(st.integers(0, n - k_ranked))
    ranked = list(order[:k_ranked])
    rejected = list(order[k_ranked:k_ranked + k_rejected])
    rules: dict[str, Any] = {"min_ranked_share": share, "subdivision_first": True}
    got = violations({int(i): s for i, s in subs.items()}, "LYON", [int(i) for i in ranked],
                     [int(i) for i in rejected], rules)
    assert got == oracle(subs, "LYON", ranked, rejected, share)
    messages = violation_messages(got, n, rules, "LYON")
    assert [m.code for m in messages] == got and all(m.message for m in messages)


@pytest.mark.parametrize("share, floor", [(0.8, 5), (0.75, 4), (0.5, 2), (0.0, 1), (1.0, None)])
def test_rejection_floor(share: float, floor: int | None) -> None:
    assert rejection_floor(share) == floor
    if floor is not None:  # with `floor` candidates one may be rejected, not with fewer
        assert (floor - 1) / floor >= share - 1e-9
        assert floor == 1 or math.isclose(share, 0) or (floor - 2) / (floor - 1) < share
