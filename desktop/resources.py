"""Where the bundled resources (icons, style sheet) are, from source or frozen; the app icon.

`app_icon` lives here rather than in `ui/` because the notifications (sync layer) show
it in the system tray too, and nothing below `ui/` may import `ui/`.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, from a source checkout or a PyInstaller bundle.

    A frozen build unpacks its data under `sys._MEIPASS` (the installer puts
    `resources/` there); from source it is the repository's `resources/` folder.
    The path is returned whether or not the file exists: callers decide what to do.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base.joinpath("resources", *parts)


@cache
def app_icon() -> QIcon:
    """The application icon (drawn in resources/icons/amphi.svg)."""
    path = resource_path("icons", "amphi.svg")
    icon = QIcon(str(path)) if path.exists() else QIcon()
    if icon.isNull():  # no SVG support or no file: a plain blue tile rather than nothing
        pixmap = QPixmap(64, 64)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.GlobalColor.darkBlue)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(2, 2, 60, 60, 14, 14)
        painter.end()
        icon = QIcon(pixmap)
    return icon
