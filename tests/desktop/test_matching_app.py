"""The matching area inside the real application: pages shown to the right people, and a
supervisor's cards and open ranking following a change made elsewhere, by live push."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from desktop.app import AmphiApp
from desktop.ui.matching.posts_view import MyPostsView
from tests.desktop.conftest import PASSWORD, RestartableServer, until
from tests.desktop.matching_helpers import ranking_world

Run = Any


@pytest.fixture
def world(server: RestartableServer) -> Any:
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield ranking_world(server.live, client)


async def open_main(qtbot: Any, app: AmphiApp, email: str) -> Any:
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window is not None and app.main_window.isVisible())
    await until(lambda: app.live.is_connected)
    return app.main_window


def test_pages_by_part_and_live_updates(qtbot: Any, arun: Run, make_app: Any, world: Any,
                                        server: RestartableServer) -> None:
    app = make_app(server.url)

    async def scenario() -> None:
        window = await open_main(qtbot, app, world.sup["A"].email)
        pages = window.visible_pages()
        assert "matching_posts" in pages
        assert "matching_student" not in pages and "matching_follow" not in pages
        window.show_page("matching_posts")
        view: MyPostsView = window.page("matching_posts")
        await until(lambda: len(view.card_widgets()) == 3, message="cards")
        p1 = world.post["P1"]
        card = next(c for c in view.card_widgets() if c.post.id == p1)
        assert "0 classée(s)" in card.ranking_label.text()
        view.open_ranking(card.post)
        await until(lambda: view.ranking.ranking is not None
                    and len(view.ranking.board.candidates) == 5)
        # The same supervisor ranks on another computer: this screen follows by push.
        r = world.rank("A", "P1", ["s1", "s3", "s2", "s4"], ["s5"])
        assert r.status_code == 200, r.text
        await until(lambda: view.ranking.board.ranked == [
            world.cand[s] for s in ("s1", "s3", "s2", "s4")], timeout=15,
            message="open ranking not refreshed by the live event")
        assert view.ranking.validity.kind == "success"
        view.ranking.back_button.click()
        await until(lambda: any("4 classée(s)" in c.ranking_label.text()
                                for c in view.card_widgets() if c.post.id == p1))

    arun(scenario(), timeout=60)

    student = make_app(server.url)

    async def as_student() -> None:
        window = await open_main(qtbot, student, world.stu["s1"].email)
        pages = window.visible_pages()
        assert "matching_student" in pages and "matching_posts" not in pages

    arun(as_student(), timeout=60)
