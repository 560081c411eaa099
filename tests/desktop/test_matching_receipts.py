"""Signed receipts of a junior doctor's application lists, against a real server: the code
of the list as last saved under his list, « Mes reçus… » with every save, each checkable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.ui.matching.student_view import StudentView
from tests.desktop.conftest import RestartableServer, until
from tests.desktop.matching_helpers import close, service_for
from tests.server.test_matching_helpers import build_world

Run = Any


@pytest.fixture
def world(server: RestartableServer) -> Any:
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield build_world(server.live, client)


def test_receipts_shown_and_checked(qtbot: Any, qtmodeltester: Any, arun: Run, world: Any,
                                    server: RestartableServer, tmp_path: Path) -> None:
    who = world.stu["s1"]
    service = service_for(server.url, who.token, who.email, tmp_path / "s1")
    view = StudentView(service)
    qtbot.addWidget(view)
    view.resize(1030, 640)
    view.show()

    async def scenario() -> None:
        await until(lambda: view.applications is not None, message="not loaded")
        assert "Pas encore de reçu" in view.receipt_label.text()
        assert not view.receipt_label.toolTip()
        assert world.apply("s1", "P1", "P2").status_code == 200
        await view.refresh()
        first = view.applications.receipt
        assert first is not None and first.code in view.receipt_label.text()
        assert "2 candidature(s)" in view.receipt_label.toolTip()
        assert world.apply("s1", "P2").status_code == 200
        await view.refresh()
        dialog = await view.show_receipts()
        assert dialog is not None
        qtbot.addWidget(dialog)
        qtmodeltester.check(dialog.model)
        assert dialog.model.rowCount() == 2
        assert dialog.selected().version == 2  # newest first, selected
        assert await dialog.verify_selected() is True
        assert "actuellement enregistrée" in dialog.outcome.text()
        dialog.table.selectRow(1)
        assert dialog.selected().code == first.code
        assert await dialog.verify_selected() is False
        assert "modifiée depuis" in dialog.outcome.text()
        dialog.close()

    try:
        arun(scenario(), timeout=60)
    finally:
        arun(close(service))
