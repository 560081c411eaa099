"""Bad input on every amphitheatre route, with real ids in the paths: French 4xx, never a 500,
and nothing written by a refusal."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select

from server_stub.amphi.models import AmphiAssignment, AmphiFavourite, AmphiProxy, SavedSearch
from tests.server.conftest import ServerFactory, error
from tests.server.test_amphi_support import amphi_server, make_world

GARBAGE: list[Any] = [None, [], {}, "", "x" * 300, 0, -1, 10**40, 1.5, True,
                      {"a": {"b": [1, {"c": None}]}}, ["\u0000"], {"post_id": None},
                      {"post_id": 10**12, "idempotency_key": "k" * 8},
                      {"service_id": -5}, {"email": "\u0000@x", "phone": "1" * 40},
                      {"action": "start", "opens_at": "hier"}, {"criteria": {"x": [[1]]}},
                      [{"starts_at": "x", "ends_at": None, "rank_from": 0, "rank_to": -1}]]


def test_garbage_on_amphi_routes_never_500(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=30)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2)
        a, _ = w.interns
        ids = {"amphi_id": w.amphi_id, "campaign_id": w.campaign_id, "intern_id": a.intern_id,
               "favourite_id": 1, "search_id": 1, "assignment_id": 1, "kind": "posts"}
        paths = client.get("/openapi.json").json()["paths"]
        routes = [(m, p.format(**ids)) for p, ops in paths.items() for m in ops
                  if "/amphi" in p]
        assert len(routes) >= 40
        with live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
            def counts() -> list[int]:
                return [session.scalar(select(func.count()).select_from(t)) or 0
                        for t in (AmphiAssignment, AmphiFavourite, AmphiProxy, SavedSearch)]
            before = counts()
        for who in (w.staff, a):
            for method, path in routes:
                for body in GARBAGE:
                    r = client.request(method, path, json=body, headers=who.h)
                    assert r.status_code < 500, (method, path, body, r.text)
                    if r.status_code >= 400:
                        assert error(r)["message"]
            # Multipart garbage on the import.
            r = client.post(f"/api/staff/amphi/campaigns/{w.campaign_id}/imports/posts",
                            headers=who.h, files={"file": ("x.csv", b"\xff\x00\x01;;\n;\n")})
            assert r.status_code < 500, r.text
        with live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
            assert counts() == before
        r = client.get(f"{w.base}/live", params={"x": "\u0000"})
        assert r.status_code == 200
