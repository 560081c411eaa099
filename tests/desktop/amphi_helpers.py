"""Helpers of the amphitheatre client tests: a small real amphitheatre on a real server
(built through the API by `tests.server.test_amphi_support.make_world`), and a client
signed in as one of its interns or as staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import AmphiApp
from desktop.ui.amphi.intern_page import AmphiInternPage
from desktop.ui.amphi.staff_page import StaffPage
from desktop.ui.main_window import MainWindow
from tests.desktop.conftest import PASSWORD, RestartableServer, until
from tests.server.test_amphi_support import World, make_world

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]


def amphi_server(server_factory: Callable[..., RestartableServer], turn: float = 30.0,
                 **overrides: Any) -> RestartableServer:
    """A server with a configurable turn time and a fast clock."""
    settings: dict[str, Any] = {"amphi_turn_seconds": turn, "amphi_clock_poll_seconds": 0.25}
    return server_factory(**{**settings, **overrides})


def world(server: RestartableServer, **kwargs: Any) -> World:
    assert server.live is not None
    client = httpx.Client(base_url=server.url, timeout=10)
    return make_world(server.live, client, **kwargs)


async def sign_in(qtbot: QtBot, app: AmphiApp, email: str, password: str = PASSWORD,
                  proxy: bool = False) -> MainWindow:
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(password)
    dialog.proxy_check.setChecked(proxy)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window is not None and app.main_window.isVisible(),
                message=dialog.banner.text + dialog.password_field.error_text)
    window = app.main_window
    assert window is not None
    await until(lambda: app.live.is_connected)
    return window


async def intern_page(qtbot: QtBot, app: AmphiApp, email: str, **kwargs: Any
                      ) -> tuple[MainWindow, AmphiInternPage]:
    """Sign in and wait until the amphitheatre page has loaded the posts."""
    window = await sign_in(qtbot, app, email, **kwargs)
    page = window.page("amphi")
    assert isinstance(page, AmphiInternPage)
    window.show_page("amphi")
    await until(lambda: page.posts_view.model.rowCount() > 0 and page.live is not None
                and page.live.state is not None, message="amphi page not loaded")
    return window, page


async def staff_page(qtbot: QtBot, app: AmphiApp, email: str) -> tuple[MainWindow, StaffPage]:
    window = await sign_in(qtbot, app, email)
    page = window.page("amphi_staff")
    assert isinstance(page, StaffPage)
    window.show_page("amphi_staff")
    await until(lambda: bool(page.amphis), message="staff page not loaded")
    return window, page
