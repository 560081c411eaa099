"""The first entry's check in the intern's client: « Vérifiez vos informations » shows
his faculty and passing order until he answers; a report goes to the agency (real
server, real widgets)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.app import AmphiApp
from tests.desktop.amphi_helpers import amphi_server, intern_page, world
from tests.desktop.conftest import until

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]


def test_the_intern_checks_his_faculty_and_order_or_reports_an_error(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    me = w.interns[1]
    app = make_app(server.url)

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, app, me.email)
        card = page.details_check
        await until(lambda: card.isVisible())
        assert "UFR : UFR de Lyon" in card.details.text()
        assert "ordre de passage : 2" in card.details.text()
        # An empty report is refused in the dialog, which keeps it open.
        dialog = card.open_report()
        dialog.send_button.click()
        await until(lambda: dialog.error.isVisible())
        assert "inexact" in dialog.error.text() and dialog.isVisible()
        dialog.text.setPlainText("Je suis inscrite à l'UFR de Grenoble.")
        dialog.send_button.click()
        await until(lambda: page.intern is not None and page.intern.details_report is not None)
        assert "transmis à l'agence" in page.banner.text
        assert card.isVisible() and "Grenoble" in card.note.text()  # until she confirms
        reports = w.client.get(f"/api/staff/amphi/campaigns/{w.campaign_id}/details-reports",
                               headers=w.staff.h).json()
        assert [r["details_report"] for r in reports] == ["Je suis inscrite à l'UFR de Grenoble."]
        # Corrected by the agency, she confirms: the card goes.
        card.correct_button.click()
        await until(lambda: card.isHidden())
        assert page.intern is not None and page.intern.details_report is None
        assert "confirmées" in page.banner.text

    arun(scenario(), timeout=60)
