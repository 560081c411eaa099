"""Small pieces shared by the national screens: the page frame and a searchable combo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import styled_label


def page_layout(owner: QWidget, title: str, subtitle: str = "", *, width: int = 1040,
                scroll: bool = True) -> tuple[QVBoxLayout, QLabel]:
    """A (scrolling) page with a title, its content kept to a readable width.

    Returns the content column and the subtitle label (hidden when empty).
    """
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    page = QWidget()
    page.setObjectName("page")
    row = QHBoxLayout(page)
    row.setContentsMargins(24, 18, 24, 20)
    column = QVBoxLayout()
    column.setSpacing(12)
    holder = QWidget(page)
    holder.setLayout(column)
    holder.setMaximumWidth(width)
    row.addWidget(holder, 1)
    if scroll:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(page)
        outer.addWidget(area)
    else:
        outer.addWidget(page)
    column.addWidget(styled_label(title, "title"))
    sub = styled_label(subtitle, "subtitle", wrap=True)
    sub.setVisible(bool(subtitle))
    column.addWidget(sub)
    return column, sub


class SearchCombo(QComboBox):
    """An editable combo whose list filters on any part of what is typed."""

    @property
    def editor(self) -> QLineEdit:
        """The line the person types in (an editable combo always has one)."""
        edit = self.lineEdit()
        assert edit is not None
        return edit

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.editor.setPlaceholderText(placeholder)
        self.editor.setClearButtonEnabled(True)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)

    def set_items(self, items: Sequence[str]) -> None:
        keep = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(list(items))
        self.setCurrentIndex(-1)
        self.setEditText(keep if keep in items else "")
        self.blockSignals(False)

    def value(self) -> str:
        """The chosen item: exactly one of the list (case-insensitive), else ""."""
        text = self.currentText().strip().casefold()
        for i in range(self.count()):
            if self.itemText(i).casefold() == text:
                return self.itemText(i)
        return ""


def table_view(proxy: QSortFilterProxyModel | None = None, *, sortable: bool = True,
               parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table view (sorted through `proxy`)."""
    view = QTableView(parent)
    if proxy is not None:
        view.setModel(proxy)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    if sortable:
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return view


def fit_columns(view: QTableView, stretch_title: str = "Spécialité") -> None:
    """Every column as wide as its content; the specialty (long names) takes the rest."""
    header = view.horizontalHeader()
    model = view.model()
    header.setStretchLastSection(False)
    stretched = False
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        if title == stretch_title:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            stretched = True
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if not stretched and model.columnCount():
        header.setSectionResizeMode(model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
