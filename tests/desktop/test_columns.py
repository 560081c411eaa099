"""Columns that fit (issue 15, point 8): titles never clip, the widest columns give way
first, a cut cell shows its whole text as a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QToolTip
from pytestqt.qtbot import QtBot

from desktop.ui.columns import ElidedTooltipDelegate, install_fitting, shrink_to
from tests.desktop.conftest import clipped_headers, columns_off_screen

LONG = "Choix de stage en amphithéâtre — Auvergne-Rhône-Alpes, semestre de mai 2027"


def table(qtbot: QtBot, width: int) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(3, 4, view)
    model.setHorizontalHeaderLabels(["Amphithéâtre", "État", "Internes", "Postes libres"])
    for row in range(3):
        for column, text in enumerate((LONG, "Séance en cours", "380", "153 / 414")):
            model.setItem(row, column, QStandardItem(text))
    view.setModel(model)
    view.setSortingEnabled(True)
    install_fitting(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_titles_never_clip_and_the_widest_column_gives_way(qapp: QApplication,
                                                           qtbot: QtBot) -> None:
    view = table(qtbot, 560)
    assert not clipped_headers(view)
    assert not columns_off_screen(view)
    # Only the long name was cut; the short columns kept their content's width.
    assert view.columnWidth(0) < view.fontMetrics().horizontalAdvance(LONG)
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("Séance en cours")
    assert shrink_to({0: 500, 1: 120, 2: 80}, {0: 100, 1: 60, 2: 60}, 400) == \
        {0: 200, 1: 120, 2: 80}


def test_a_cut_cell_shows_its_whole_text_as_tooltip(qapp: QApplication,
                                                    qtbot: QtBot) -> None:
    view = table(qtbot, 560)
    assert isinstance(view.itemDelegate(), ElidedTooltipDelegate)
    for column, expected in ((0, LONG), (1, None)):
        rect = view.visualRect(view.model().index(0, column))
        QToolTip.hideText()
        event = QHelpEvent(QEvent.Type.ToolTip, rect.center(),
                           view.viewport().mapToGlobal(rect.center()))
        QApplication.sendEvent(view.viewport(), event)
        if expected is None:
            assert not QToolTip.isVisible() or QToolTip.text() != "Séance en cours"
        else:
            assert QToolTip.isVisible() and QToolTip.text() == expected
    QToolTip.hideText()
