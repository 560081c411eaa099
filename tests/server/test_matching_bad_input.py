"""Bad input on the matching routes: any JSON, any query, any path id gets a French 4xx
with the documented error body, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import start_live_server
from tests.server.conftest import FAST_HASHING
from tests.server.test_matching_helpers import World, build_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    live, server, thread = start_live_server(tmp_path_factory.mktemp("bad"), **FAST_HASHING)
    try:
        with httpx.Client(base_url=live.url, timeout=10) as client:
            w = build_world(live, client)
            assert w.apply("s1", "P1").status_code == 200
            yield w
    finally:
        server.should_exit = True
        thread.join(timeout=10)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["version", "ranked", "rejected", "post_ids", "round_id", "text",
                         "post_id", "name", "state", "settings", "thresholds", "x"]),
        inner, max_size=4),
    max_leaves=12)


def check(r: httpx.Response) -> None:
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        body = r.json()
        assert set(body) - {"current"} == {"error"}, body
        assert body["error"]["message"] and body["error"]["code"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=json_values, target=st.sampled_from([
    ("PUT", "/api/matching/posts/{P1}/ranking", "A"),
    ("PUT", "{base}/applications", "s1"),
    ("PUT", "/api/matching/posts/{P1}/observations/{s1}", "A"),
    ("PATCH", "{base}", "staff"),
    ("PATCH", "/api/matching/rounds/{r1}", "staff"),
    ("PUT", "/api/matching/rounds/{r3}/outcomes/{s6}", "coordinator"),
    ("POST", "/api/matching/waves/{wave}/posts", "staff"),
    ("POST", "/api/matching/waves/{wave}/candidates", "staff"),
]))
def test_any_json_body_is_refused_cleanly(world: World, body: Any,
                                          target: tuple[str, str, str]) -> None:
    method, template, who = target
    w = world
    path = template.format(base=w.base, P1=w.post["P1"], s1=w.cand["s1"], s6=w.cand["s6"],
                           r1=w.rounds[1], r3=w.rounds[3], wave=w.wave_id)
    headers = {"staff": w.staff, "coordinator": w.coordinator}.get(who) \
        or w.sup.get(who) or w.stu[who]
    check(w.client.request(method, path, json=body, headers=headers.h))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=st.dictionaries(
    st.sampled_from(["q", "limit", "offset", "enough", "round_id", "wave_id", "format",
                     "subdivision", "assigned", "ranking_valid", "unknown"]),
    st.text(max_size=12) | st.integers(-2**70, 2**70).map(str), max_size=4),
    path=st.sampled_from(["dashboard/students", "dashboard/posts", "exports/students",
                          "exports/results", "posts", "results", "applications"]))
def test_any_query_is_refused_cleanly(world: World, params: dict[str, str], path: str) -> None:
    who = world.stu["s1"] if path in ("posts", "applications") else world.coordinator
    check(world.client.get(f"{world.base}/{path}", params=params, headers=who.h))


@pytest.mark.parametrize("path", [
    "/api/matching/campaigns/0", "/api/matching/campaigns/99999",
    "/api/matching/campaigns/abc", "/api/matching/posts/-1/ranking",
    "/api/matching/posts/99999999999999999999", "/api/matching/candidates/99999/file",
    "/api/matching/candidates/1/documents/passport", "/api/matching/rounds/99999/run",
])
def test_unknown_ids(world: World, path: str) -> None:
    method = "POST" if path.endswith("/run") else "GET"
    r = world.client.request(method, path, headers=world.staff.h)
    check(r)
    assert r.status_code in (404, 422)
