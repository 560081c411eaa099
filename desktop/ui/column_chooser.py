"""Which columns a wide table shows: a menu of its columns (the header's right-click, or a
« Colonnes » button), each checked when shown, remembered between sessions (QSettings).

A table of thirteen columns cannot show them all at 1280 pixels without scrolling
sideways or cutting every text; the less used ones start hidden (`hidden_by_default`) and
the person brings back what he needs. The first column always stays (a table with no
column would leave nothing to right-click).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QTableView, QWidget

SETTINGS_PREFIX = "columns/"


class ColumnChooser(QMenu):
    """The menu of `view`'s columns; toggling one shows or hides it and is remembered
    under `key`; `changed` (e.g. fitting the columns again) runs after each toggle."""

    def __init__(self, view: QTableView, key: str, hidden_by_default: Iterable[int], *,
                 changed: Callable[[], None] | None = None) -> None:
        super().__init__(view)
        self.setObjectName("columnChooser")
        self.view = view
        self.key = SETTINGS_PREFIX + key
        self.changed = changed
        saved = QSettings().value(self.key)
        hidden = self.parse(saved) if saved is not None else set(hidden_by_default)
        model = view.model()
        self.actions_by_column: dict[int, QAction] = {}
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = self.addAction(title)
            action.setCheckable(True)
            action.setChecked(column not in hidden or column == 0)
            action.setEnabled(column != 0)
            action.toggled.connect(lambda shown, c=column: self.set_shown(c, shown))
            self.actions_by_column[column] = action
            view.setColumnHidden(column, not action.isChecked())
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda at: self.popup(header.mapToGlobal(at)))

    @staticmethod
    def parse(saved: object) -> set[int]:
        """The hidden columns as stored (« 4,5,9 »; anything unreadable: none)."""
        text = saved if isinstance(saved, str) else ""
        return {int(part) for part in text.split(",") if part.strip().isdigit()}

    def hidden(self) -> set[int]:
        return {c for c, a in self.actions_by_column.items() if not a.isChecked()}

    def set_shown(self, column: int, shown: bool) -> None:
        self.view.setColumnHidden(column, not shown)
        QSettings().setValue(self.key, ",".join(str(c) for c in sorted(self.hidden())))
        if self.changed is not None:
            self.changed()

    def button(self, parent: QWidget) -> QPushButton:
        """« Colonnes… »: the same menu, for those who never right-click a header."""
        button = QPushButton(self.tr("Colonnes…"), parent)
        button.setObjectName("columnChooserButton")
        button.setAutoDefault(False)
        button.setToolTip(self.tr("Choisir les colonnes affichées (aussi par un clic droit "
                                  "sur les titres des colonnes)"))
        button.clicked.connect(lambda: self.popup(button.mapToGlobal(
            QPoint(0, button.height()))))
        return button
