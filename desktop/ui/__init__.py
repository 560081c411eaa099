"""Screens and dialogs: one module per screen, no HTTP or SQL in here.

Views get their data and actions through the objects passed in (`Account`, models) and
the signals they emit; `widgets.py` holds the small shared pieces.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from desktop.resources import resource_path


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
