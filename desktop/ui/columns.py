"""Columns that fit: headers never clip, cells too narrow for their text say it in a tooltip.

`fit_columns(view)` sizes every visible column that does not stretch to its content: never
narrower than its header's own size hint (title, padding, sort arrow), at least as wide as
an expected widest value (`samples`), and no wider than `max_width` (longer texts are
elided, the tooltip shows them whole). It measures the rows on screen, not thousands.
`ElidedTooltipDelegate` shows a cell's whole text as its tooltip when the cell elides it
and the model gives no tooltip of its own; `install_fitting` does both on a view and fits
again whenever its model is reset or re-sorted (call `fit_columns` after filling a
QTableWidget).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QTreeView,
)

CELL_PADDING = 28  # the style sheet's item padding (6 px each side), the grid, some air
MAX_WIDTH = 340

AnyIndex = QModelIndex | QPersistentModelIndex


def header_of(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def fit_columns(view: QTableView | QTreeView, samples: Mapping[int, str] | None = None, *,
                max_width: int = MAX_WIDTH) -> None:
    """Size the visible, non-stretching columns of `view` to their content (see above)."""
    model = view.model()
    if model is None:
        return
    header = header_of(view)
    metrics = view.fontMetrics()
    samples = samples or {}
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        title = header.sectionSizeHint(column)
        content = view.sizeHintForColumn(column)
        sample = samples.get(column)
        if sample:
            content = max(content, metrics.horizontalAdvance(sample) + CELL_PADDING)
        header.resizeSection(column, max(title, min(content, max_width)))


def elided(option: QStyleOptionViewItem, text: str) -> bool:
    """Whether `text` would be cut in the cell drawn with `option`."""
    style = option.widget.style() if option.widget is not None else None
    width = option.rect.width()
    if style is not None:
        width = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option,
                                     option.widget).width()
    return option.fontMetrics.horizontalAdvance(text) > max(0, width - 4)


class ElidedTooltipDelegate(QStyledItemDelegate):
    """The default delegate, plus: a cell whose text is elided shows it as its tooltip."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt
                  option: QStyleOptionViewItem, index: AnyIndex) -> bool:
        if event is None or not index.isValid():
            return super().helpEvent(event, view, option, index)
        own = index.data(Qt.ItemDataRole.ToolTipRole)
        if own:
            return super().helpEvent(event, view, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        if isinstance(text, str) and text and elided(full, text):
            QToolTip.showText(event.globalPos(), text, view)
            return True
        QToolTip.hideText()
        return super().helpEvent(event, view, option, index)


class _Refitter(QObject):
    """Fits a view's columns again when its rows change (kept as the view's child)."""

    def __init__(self, view: QTableView | QTreeView, samples: Mapping[int, str],
                 max_width: int) -> None:
        super().__init__(view)
        self.view = view
        self.samples = dict(samples)
        self.max_width = max_width
        self.model: QAbstractItemModel | None = None
        self.attach()

    def attach(self) -> None:
        model = self.view.model()
        if model is None or model is self.model:
            return
        self.model = model
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)

    def fit(self) -> None:
        fit_columns(self.view, self.samples, max_width=self.max_width)


def install_fitting(view: QTableView | QTreeView, samples: Mapping[int, str] | None = None,
                    *, max_width: int = MAX_WIDTH) -> None:
    """Elided cells show a tooltip; columns fit now and whenever the rows change."""
    if not isinstance(view.itemDelegate(), ElidedTooltipDelegate):
        view.setItemDelegate(ElidedTooltipDelegate(view))
    refitter = _Refitter(view, samples or {}, max_width)
    view.setProperty("columnsFitted", True)
    refitter.fit()
