"""Amphi's own light palette, set whatever the system theme is.

The style sheet (resources/style.qss) draws Amphi's look with explicit colours; what
it does not draw (check boxes, scroll bars, some item views) takes the palette. Under
a dark system theme the palette would be dark and those parts would clash with the
light pages (black check boxes, dark scroll bars on white). One fixed palette keeps
every screen readable on any system, light or dark — on choice day, no surprises.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

COLOURS: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#f4f6fa",
    QPalette.ColorRole.WindowText: "#1c2433",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f7f9fc",
    QPalette.ColorRole.Text: "#1c2433",
    QPalette.ColorRole.PlaceholderText: "#7b8496",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#1c2433",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#1f63d1",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#14213d",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.Link: "#1849a9",
    QPalette.ColorRole.LinkVisited: "#1849a9",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e6eaf0",
    QPalette.ColorRole.Mid: "#c5cdd9",
    QPalette.ColorRole.Dark: "#8a93a5",
    QPalette.ColorRole.Shadow: "#5b6577",
}
DISABLED: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.WindowText: "#8a93a5",
    QPalette.ColorRole.Text: "#8a93a5",
    QPalette.ColorRole.ButtonText: "#8a93a5",
    QPalette.ColorRole.Base: "#eef1f5",
    QPalette.ColorRole.Button: "#eef1f5",
}


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_light_theme(app: QApplication) -> None:
    """Tell Qt the app is light (Qt ≥ 6.8 honours it) and set the palette."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(light_palette())


#: Set to 1 to start as if the desktop were dark (a dark palette handed to the app), so
#: a machine without a dark desktop (CI, offscreen) can still show how Amphi looks there.
SIMULATE_DARK_SYSTEM = "AMPHI_SIMULATE_DARK_SYSTEM"


def simulate_dark_system(app: QApplication) -> None:
    """What a dark desktop does to an application before it sets its own palette."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Dark)
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#121212"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.Button, "#303134"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
