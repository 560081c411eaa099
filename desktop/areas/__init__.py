"""Where each procedure's screens plug into the main window.

The app builds one `AppContext` (the shared API client, account, live stream, local
store, connection monitor) and calls every area's `install(window, context)` once per
main window. An area module (`desktop/areas/national.py`, `amphi.py`, `matching.py`)
is the composition root of its screens: it wires the area's API extension, sync
helpers and models to its `ui/` views and adds pages with `window.add_page(...)`.
Keeping the wiring here means `app.py` never changes when a screen is added.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.account import Account
    from desktop.api import ApiClient
    from desktop.connection import ConnectionMonitor
    from desktop.live import LiveClient
    from desktop.store import LocalStore
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The procedure areas, in navigation order (after the profile pages).
AREAS: tuple[str, ...] = ("national", "amphi", "matching")


@dataclass(frozen=True)
class AppContext:
    """What a screen may use: services, never widgets of other areas."""

    api: ApiClient
    account: Account
    live: LiveClient
    store: LocalStore
    monitor: ConnectionMonitor


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
