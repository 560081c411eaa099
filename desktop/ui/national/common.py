"""Small pieces shared by the national screens: the page frame and a searchable combo."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
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


def fold(text: str) -> str:
    """Accents, ligatures and case away: « Pédiatrie », « PEDIATRIE » and « pediatrie »
    compare equal."""
    for ligature, letters in (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE")):
        text = text.replace(ligature, letters)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


WHOLE, WORDS, INSIDE = 0, 1, 2  # how well an item matches what is typed (best first)


def match_rank(item: str, query: str) -> int | None:
    """How `item` matches `query`, accents and case aside: WHOLE (it starts with it),
    WORDS (each word typed starts one of its words: "pedia" → « Chirurgie pédiatrique »),
    INSIDE (each word typed is somewhere in it), or None (no match)."""
    wanted = fold(query).split()
    if not wanted:
        return WHOLE
    folded = fold(item)
    if folded.startswith(" ".join(wanted)):
        return WHOLE
    words = [w for w in re.split(r"[\W_]+", folded) if w]
    if all(any(word.startswith(part) for word in words) for part in wanted):
        return WORDS
    if all(part in folded for part in wanted):
        return INSIDE
    return None


class PickerFilter(QSortFilterProxyModel):
    """The items matching what is typed (`set_query`), the best matches first, then in
    their own order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""
        self.setDynamicSortFilter(True)

    def set_query(self, text: str) -> None:
        self.query = text
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex  # noqa: N802
                         | QPersistentModelIndex) -> bool:
        item = self.sourceModel().index(source_row, 0, source_parent).data()
        return match_rank(str(item or ""), self.query) is not None

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        ranks = [match_rank(str(index.data() or ""), self.query) for index in (left, right)]
        return ((ranks[0] if ranks[0] is not None else 9, left.row())
                < (ranks[1] if ranks[1] is not None else 9, right.row()))


class SearchCombo(QComboBox):
    """An editable combo whose list shows the items matching what is typed, accents and
    case aside, the best first (a word starting with it before a word containing it).

    Return only completes: choosing an item never does anything more (the page's own
    button does, deliberately).
    """

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
        self.matches = PickerFilter(self)
        self.matches.setSourceModel(self.model())
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.editor.textEdited.connect(self._typed)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)

    def _typed(self, text: str) -> None:
        self.matches.set_query(text)
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if completer is None or popup is None:
            return
        if text.strip() and self.matches.rowCount():
            completer.complete()  # nothing highlighted yet: Down goes to the best match
        else:
            popup.hide()

    def suggestions(self) -> list[str]:
        """What the list proposes for what is typed, best first (tests read it)."""
        return [str(self.matches.index(row, 0).data()) for row in range(self.matches.rowCount())]

    def set_items(self, items: Sequence[str]) -> None:
        """The list to choose from; what is typed stays (the list is refreshed by live
        events while the student types: nothing typed is lost)."""
        items = list(items)
        if items == [self.itemText(i) for i in range(self.count())]:
            return
        keep = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(items)
        self.setCurrentIndex(-1)
        self.setEditText(keep)
        self.blockSignals(False)
        self.matches.set_query(keep)

    def value(self) -> str:
        """The chosen item: exactly one of the list (accents and case aside), else ""."""
        text = fold(self.currentText()).strip()
        if not text:
            return ""
        for i in range(self.count()):
            if fold(self.itemText(i)) == text:
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
