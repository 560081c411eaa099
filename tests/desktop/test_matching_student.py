"""The junior doctor's screen against a real server: browse with filters, apply, reorder
by drag and drop (saved on every change), "candidatures suffisantes", his file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.models import ItemRole
from desktop.models.matching_posts import ApplicationsModel, PostsTableModel
from desktop.sync.matching import SAVED
from desktop.ui.matching.student_view import StudentView
from tests.desktop.conftest import RestartableServer, until
from tests.desktop.matching_helpers import close, service_for
from tests.server.test_matching_helpers import build_world

Run = Any
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def world(server: RestartableServer) -> Any:
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield build_world(server.live, client, phase="applications")


def labels(view: StudentView) -> list[str]:
    proxy = view.proxy
    return sorted(proxy.index(r, 0).data(ItemRole).label for r in range(proxy.rowCount()))


def select_post(view: StudentView, label: str) -> None:
    proxy = view.proxy
    for r in range(proxy.rowCount()):
        if proxy.index(r, 0).data(ItemRole).label == label:
            view.table.setCurrentIndex(proxy.index(r, 0))
            return
    raise AssertionError(label)


def test_student_applies_reorders_and_sees_when_he_has_enough(
        qtbot: Any, qtmodeltester: Any, arun: Run, world: Any, server: RestartableServer,
        tmp_path: Path) -> None:
    who = world.stu["s1"]
    service = service_for(server.url, who.token, who.email, tmp_path / "s1")
    view = StudentView(service, opener=lambda _p: True)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    document = tmp_path / "cv.pdf"
    document.write_bytes(PDF)
    view.choose_file = lambda: document

    async def scenario() -> None:
        await until(lambda: view.applications is not None, message="not loaded")
        # His specialty only (P5 is Pneumologie), his subdivision first (P3 is GRENOBLE).
        assert labels(view) == ["Poste P1", "Poste P2", "Poste P4"]
        view.subdivision.setCurrentIndex(0)
        assert labels(view) == ["Poste P1", "Poste P2", "Poste P3", "Poste P4"]
        view.search.setText("p3")
        assert labels(view) == ["Poste P3"]
        view.search.setText("")
        qtmodeltester.check(view.posts_model)
        # One application: not enough yet (2 required in round 1).
        select_post(view, "Poste P1")
        view.add_button.click()
        assert view.enough.kind == "warning" and "1 sur 2" in view.enough.text
        await until(lambda: service.applications.state == SAVED
                    and view.save_state.text() == "✓ Enregistré")
        select_post(view, "Poste P2")
        view.add_button.click()
        assert view.enough.kind == "success"
        assert "Candidatures suffisantes : 2 sur 2" in view.enough.text
        await until(lambda: service.applications.state == SAVED)
        stored = world.client.get(f"{world.base}/applications", headers=who.h).json()
        assert [a["post"]["label"] for a in stored["applications"]] == ["Poste P1",
                                                                        "Poste P2"]
        assert stored["enough"] is True
        # Drag P2 above P1 (one drop, one save).
        mine: ApplicationsModel = view.mine
        qtmodeltester.check(mine)
        mime = mine.mimeData([mine.index(1)])
        assert mine.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
        assert not mine.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, mine.index(0))
        assert mine.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
        assert not mine.removeRows(1, 1)
        assert [p.label for p in mine.posts] == ["Poste P2", "Poste P1"]
        await until(lambda: service.applications.state == SAVED and [
            a["post"]["label"] for a in world.client.get(
                f"{world.base}/applications", headers=who.h).json()["applications"]]
            == ["Poste P2", "Poste P1"])
        # The browse table shows his order.
        posts: PostsTableModel = view.posts_model
        mine_col = {posts.posts[r].label: posts.index(r, 6).data() for r in range(
            posts.rowCount())}
        assert mine_col["Poste P2"] == "n° 1" and mine_col["Poste P1"] == "n° 2"
        # Ctrl+Down equivalent, then removal.
        view.list.setCurrentIndex(mine.index(0))
        view.down_button.click()
        assert [p.label for p in mine.posts] == ["Poste P1", "Poste P2"]
        view.list.setCurrentIndex(mine.index(1))
        view.remove_button.click()
        assert view.enough.kind == "warning"
        await until(lambda: service.applications.state == SAVED and len(world.client.get(
            f"{world.base}/applications", headers=who.h).json()["applications"]) == 1)
        # His file: presentation and a CV.
        view.presentation.setPlainText("Interne motivé en cardiologie.")
        view.presentation_button.click()
        await until(lambda: "enregistré" in view.presentation_state.text())
        view.upload("cv")
        await until(lambda: view.banner.kind == "success")
        file = world.client.get(f"{world.base}/my-file", headers=who.h).json()
        assert file["presentation"] == "Interne motivé en cardiologie."
        assert [d["kind"] for d in file["documents"]] == ["cv"]
        await close(service)

    arun(scenario(), timeout=60)


def test_a_refused_list_is_said_and_the_stored_one_comes_back(
        qtbot: Any, arun: Run, world: Any, server: RestartableServer, tmp_path: Path) -> None:
    """Applications closed meanwhile: the French refusal shows, the list is read again."""
    who = world.stu["s1"]
    service = service_for(server.url, who.token, who.email, tmp_path / "s1")
    view = StudentView(service, opener=lambda _p: True)
    qtbot.addWidget(view)
    view.show()
    said: list[tuple[str, str]] = []
    service.applications.state_changed.connect(lambda s, t: said.append((s, t)))

    async def scenario() -> None:
        await until(lambda: view.applications is not None)
        world.phase(1, "awaiting_ranking")
        select_post(view, "Poste P1")
        view.add_button.click()
        await until(lambda: said and said[-1][0] == "failed")
        assert said[-1][1].startswith("Non enregistré : ") and len(said[-1][1]) > 20
        await until(lambda: view.mine.posts == [] and view.applications is not None
                    and not view.applications.can_edit)
        assert view.add_button.isHidden() and view.banner.kind == "info"
        assert "ne peut plus être modifiée" in view.banner.text
        await close(service)

    arun(scenario(), timeout=60)


def test_view_drop_path_and_offline_applications_are_replayed(
        qtbot: Any, arun: Run, world: Any, server: RestartableServer, tmp_path: Path) -> None:
    """QListView moves rows itself with moveRow() on a drop within it: that saves too.
    Offline, the list is kept locally and sent when the connection is back."""
    who = world.stu["s2"]
    service = service_for(server.url, who.token, who.email, tmp_path / "s2")
    view = StudentView(service, opener=lambda _p: True)
    qtbot.addWidget(view)
    view.show()

    def stored() -> list[str]:
        r = world.client.get(f"{world.base}/applications", headers=who.h)
        return [a["post"]["label"] for a in r.json()["applications"]]

    async def scenario() -> None:
        await until(lambda: view.applications is not None)
        for label in ("Poste P1", "Poste P2", "Poste P4"):
            select_post(view, label)
            view.add_button.click()
        await until(lambda: service.applications.state == SAVED
                    and stored() == ["Poste P1", "Poste P2", "Poste P4"])
        assert view.mine.moveRow(QModelIndex(), 2, QModelIndex(), 0)  # what the view does
        await until(lambda: service.applications.state == SAVED
                    and stored() == ["Poste P4", "Poste P1", "Poste P2"])
        server.stop()
        view.list.setCurrentIndex(view.mine.index(0))
        view.remove_button.click()
        await until(lambda: service.applications.state == "offline", timeout=15)
        assert "Hors ligne" in view.save_state.text()
        server.start()
        await service.replay()
        assert service.applications.state == SAVED
        await close(service)

    arun(scenario(), timeout=60)
    assert stored() == ["Poste P1", "Poste P2"]
