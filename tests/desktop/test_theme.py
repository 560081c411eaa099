"""Under a dark system theme Amphi keeps its own readable light palette; the style sheet
draws every sub-control it takes over (spin box arrows)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.ui.theme import apply_light_theme, simulate_dark_system
from tests.desktop.theme_gallery import build_gallery


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


def dark_pixels(image: QImage, area: QRect) -> list[tuple[int, int]]:
    return [(x, y) for y in range(area.top(), area.bottom() + 1)
            for x in range(area.left(), area.right() + 1)
            if luminance(image.pixelColor(x, y)) < 0.45]


def test_spin_box_arrows_are_drawn_centred_in_their_buttons(qapp: QApplication,
                                                            qtbot: QtBot) -> None:
    """Issue 15, point 9: the style sheet styles the box, so it must draw the buttons'
    arrows too (they came out as broken « _| » strokes)."""
    gallery = build_gallery()
    qtbot.addWidget(gallery)
    gallery.show()
    qtbot.waitExposed(gallery)
    for name in ("gallerySpin",):
        spin = gallery.findChild(QSpinBox, name)
        assert spin is not None
        image = spin.grab().toImage()
        ratio = image.devicePixelRatio()
        width, height = int(spin.width() * ratio), int(spin.height() * ratio)
        button = int(20 * ratio)
        for top, pointing_up in ((0, True), (height // 2, False)):
            area = QRect(width - button, top + 2, button - 2, height // 2 - 4)
            dark = dark_pixels(image, area)
            assert len(dark) >= 6, f"no arrow drawn ({'up' if pointing_up else 'down'})"
            xs = [x for x, _ in dark]
            ys = [y for _, y in dark]
            assert max(xs) - min(xs) <= 14 * ratio  # an arrow, not a border stroke
            centre = (min(xs) + max(xs)) / 2
            assert abs(centre - (area.left() + area.right()) / 2) <= 3 * ratio
            first = [x for x, y in dark if y == min(ys)]
            last = [x for x, y in dark if y == max(ys)]
            spread_first, spread_last = max(first) - min(first), max(last) - min(last)
            if pointing_up:
                assert spread_first < spread_last
            else:
                assert spread_first > spread_last
