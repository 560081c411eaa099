"""Under a dark system theme Amphi keeps its own readable light palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from desktop.ui.theme import apply_light_theme, simulate_dark_system


def luminance(colour: QColor) -> float:
    return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()


def test_a_dark_system_palette_is_replaced_by_amphis(qapp: QApplication,
                                                     qtbot: QtBot) -> None:
    simulate_dark_system(qapp)  # what a dark desktop hands the application
    assert luminance(qapp.palette().color(QPalette.ColorRole.Base)) < 0.2
    try:
        apply_light_theme(qapp)
        palette = qapp.palette()
        for background in (QPalette.ColorRole.Base, QPalette.ColorRole.Window,
                           QPalette.ColorRole.Button):
            assert luminance(palette.color(background)) > 0.9
        for text in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            assert luminance(palette.color(text)) < 0.2
        box = QCheckBox("tous mes vœux sur une même page")
        qtbot.addWidget(box)
        assert luminance(box.palette().color(QPalette.ColorRole.Base)) > 0.9
    finally:
        apply_light_theme(qapp)
