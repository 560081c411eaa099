"""A supervisor's cards and a ranking open from the local cache when the server is down
(a fresh start of the client, same data folder), with the offline state said in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.ui.matching.posts_view import MyPostsView
from tests.desktop.conftest import RestartableServer, until
from tests.desktop.matching_helpers import close, ranking_world, service_for

Run = Any


@pytest.fixture
def world(server: RestartableServer) -> Any:
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        w = ranking_world(server.live, client)
        r = w.rank("A", "P1", ["s1", "s3"], ["s5"])
        assert r.status_code == 200, r.text
        yield w


def test_cards_and_ranking_open_from_the_cache_when_the_server_is_down(
        qtbot: Any, arun: Run, world: Any, server: RestartableServer, tmp_path: Path) -> None:
    sup = world.sup["A"]
    p1 = world.post["P1"]
    cand = world.cand

    async def online() -> None:
        service = service_for(server.url, sup.token, sup.email, tmp_path / "a")
        view = MyPostsView(service, opener=lambda _p: True)
        qtbot.addWidget(view)
        view.show()
        await until(lambda: len(view.card_widgets()) == 3, message="cards not loaded")
        assert not view.banner.isVisible()
        card = next(c for c in view.card_widgets() if c.post.id == p1)
        view.open_ranking(card.post)
        await until(lambda: view.ranking.board.ranked == [cand["s1"], cand["s3"]])
        assert "Enregistré" in view.ranking.save_state.text()
        await close(service)
        view.close()

    arun(online(), timeout=60)
    server.stop()

    async def offline() -> None:
        # The client starts again with the server down: same data folder, new everything.
        service = service_for(server.url, sup.token, sup.email, tmp_path / "a")
        view = MyPostsView(service, opener=lambda _p: True)
        qtbot.addWidget(view)
        view.show()
        await until(lambda: len(view.card_widgets()) == 3, timeout=20,
                    message="cards did not open from the cache")
        assert view.banner.isVisible() and view.banner.kind == "warning"
        assert view.banner.text.startswith("Hors ligne : dernier état connu, du ")
        assert "Vague 1" in view.schedule.text()
        card = next(c for c in view.card_widgets() if c.post.id == p1)
        assert card.post.ranking is not None and card.post.ranking.ranked == 2
        view.open_ranking(card.post)
        await until(lambda: view.ranking.board.ranked == [cand["s1"], cand["s3"]],
                    timeout=20, message="ranking did not open from the cache")
        assert view.ranking.board.rejected == [cand["s5"]]
        assert "Hors ligne" in view.ranking.save_state.text()
        assert "dernier état connu" in view.ranking.save_state.toolTip()
        await close(service)

    try:
        arun(offline(), timeout=60)
    finally:
        server.start()
