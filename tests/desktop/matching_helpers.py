"""Helpers of the matching client tests: a small campaign built over real HTTP, and a
`MatchingService` signed in as one of its people (a real `ApiClient`, a real local store).

The world is the server tests' (tests/server/test_matching_helpers.py): five posts,
six students, supervisors A, B, C, a coordinator and staff.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from desktop.api.client import ApiClient
from desktop.api.matching import MatchingApi
from desktop.store import LocalStore
from desktop.sync.matching import MatchingService
from tests.conftest import LiveServer
from tests.server.test_matching_helpers import World, build_world

__all__ = ["World", "ranking_world", "service_for"]


def ranking_world(live: LiveServer, client: httpx.Client) -> World:
    """Round 1 in its ranking phase; P1 (LYON, supervisor A) has five candidates:
    s1, s2, s4 from LYON, s3 and s5 from GRENOBLE."""
    world = build_world(live, client, phase="applications")
    for student in ("s1", "s2", "s3", "s4", "s5"):
        r = world.apply(student, "P1", "P2")
        assert r.status_code == 200, r.text
    world.phase(1, "ranking")
    return world


def service_for(server_url: str, token: str, email: str, data_dir: Path) -> MatchingService:
    """A matching service signed in with `token`, its local store under `data_dir`."""
    api = ApiClient(server_url)
    api.token = token
    store = LocalStore(data_dir / "store.sqlite3")
    return MatchingService(MatchingApi(api), store, lambda: (api.server, email))


async def close(service: MatchingService) -> None:
    await service.rankings.wait_idle()
    await service.applications.wait_idle()
    await service.api.api.aclose()
    service.store.close()
