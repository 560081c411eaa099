"""Helpers of the national client tests: a small campaign built by the staff API, sign-in.

The campaign is made the way staff make it (the server tests' `build_campaign`: create,
import the offer and the ranked students as CSV, set the state); the desktop client then
signs in through its real sign-in dialog.
"""

from __future__ import annotations

from typing import Any

import httpx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import AmphiApp
from desktop.areas.national import NationalArea
from desktop.ui.main_window import MainWindow
from tests.desktop.conftest import PASSWORD, RestartableServer, until
from tests.server.test_national import Campaign, Student, build_campaign

__all__ = ["Campaign", "Student", "campaign", "open_main", "area", "SECRET"]

SECRET = "Brest"  # the secret answer of the server tests' people


def campaign(server: RestartableServer, students: list[tuple[int, str, bool]],
             **kwargs: Any) -> Campaign:
    """A national campaign on `server` (students: (rank, pool, has_account))."""
    assert server.live is not None
    client = httpx.Client(base_url=server.url, timeout=30)
    return build_campaign(server.live, client, students=students, **kwargs)


async def open_main(qtbot: QtBot, app: AmphiApp, email: str) -> MainWindow:
    """Start the client, sign in through the dialog, wait for the live stream."""
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window is not None and app.main_window.isVisible())
    window = app.main_window
    assert window is not None
    await until(lambda: app.live.is_connected)
    return window


def area(window: MainWindow) -> NationalArea:
    found = window.national_area  # type: ignore[attr-defined]
    assert isinstance(found, NationalArea)
    return found
