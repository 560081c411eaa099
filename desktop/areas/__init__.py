"""Where each procedure's screens plug into the main window.

The app builds one `AppContext` (the shared API client, account, live stream, local
store, connection monitor) and calls every area's `install(window, context)` once per
main window. An area module (`desktop/areas/national.py`, `amphi.py`, `matching.py`)
is the composition root of its screens: it wires the area's API extension, sync
helpers and models to its `ui/` views and adds pages with `window.add_page(...)`.
Keeping the wiring here means `app.py` never changes when a screen is added.

The shared services outlive the window (signing out keeps them for the next person);
the window and everything it shows are deleted. So an area connects a service's signal
to its screens with `context.connect(signal, slot)`, never `signal.connect(slot)`: the
app cuts those connections before it deletes the window (`Links.cut`), and a slot of a
deleted window never runs (« RuntimeError: ... already deleted »). The area's objects
that work in the background (sync helpers, services) are parented to the window, so
they go with it, and their tasks are the window's (see `desktop.tasks.tasks_of`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMetaObject, QObject, SignalInstance

if TYPE_CHECKING:
    from desktop.api.client import ApiClient
    from desktop.api.live import LiveClient
    from desktop.store import LocalStore
    from desktop.sync.account import Account
    from desktop.sync.connection import ConnectionMonitor
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The procedure areas, in navigation order (after the profile pages).
AREAS: tuple[str, ...] = ("national", "amphi", "matching")


class Links:
    """The connections from the shared services to one main window, cut in one call."""

    def __init__(self) -> None:
        self._connections: list[QMetaObject.Connection] = []
        self.cut_off = False

    def connect(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """`signal.connect(slot)` until `cut`; nothing once cut (the window is going)."""
        if not self.cut_off:
            self._connections.append(signal.connect(slot))

    def cut(self) -> None:
        """Disconnect them all: the window hears nothing more from the services."""
        self.cut_off = True
        connections, self._connections = self._connections, []
        for connection in connections:
            QObject.disconnect(connection)


@dataclass(frozen=True)
class AppContext:
    """What a screen may use: services, never widgets of other areas."""

    api: ApiClient
    account: Account
    live: LiveClient
    store: LocalStore
    monitor: ConnectionMonitor
    links: Links = field(default_factory=Links)  # this window's connections to them

    def connect(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect a service's `signal` to this window's `slot` (see the module's doc)."""
        self.links.connect(signal, slot)


Installer = Callable[["MainWindow", AppContext], None]


def installers(areas: tuple[str, ...] = AREAS) -> list[Installer]:
    """The `install` function of every area module present in this build."""
    found: list[Installer] = []
    for area in areas:
        name = f"{__name__}.{area}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency inside the module: say so
                raise
            log.debug("area %s not in this build", area)
            continue
        found.append(module.install)
    return found


def install_areas(window: MainWindow, context: AppContext) -> None:
    """Add every area's pages to `window`."""
    for install in installers():
        install(window, context)
