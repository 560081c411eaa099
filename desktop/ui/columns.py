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

from collections.abc import Iterable, Mapping

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
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
from shiboken6 import Shiboken

CELL_PADDING = 28  # the style sheet's item padding (6 px each side), the grid, some air
MAX_WIDTH = 340
PRECISION = 120  # rows measured to size a column

AnyIndex = QModelIndex | QPersistentModelIndex


def header_of(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def fit_columns(view: QTableView | QTreeView, samples: Mapping[int, str] | None = None, *,
                max_width: int = MAX_WIDTH, caps: Mapping[int, int] | None = None,
                firm: Iterable[int] = (), fill: bool = True) -> None:
    """Size the visible, non-stretching columns of `view` to their content (see above).

    With `fill`, when they are wider together than the view and could all fit at their
    titles' width, the widest give way first (the `firm` ones only if nothing else can):
    every column stays on screen when it can; when they cannot, nothing is cut and the
    view scrolls sideways.
    """
    model = view.model()
    if model is None:
        return
    header = header_of(view)
    metrics = view.fontMetrics()
    samples = samples or {}
    widths: dict[int, int] = {}
    floors: dict[int, int] = {}
    stretching: list[int] = []
    titles = title_widths(header)
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        title = titles[column]
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            stretching.append(title)
            continue
        content = view.sizeHintForColumn(column)
        sample = samples.get(column)
        if sample:
            content = max(content, metrics.horizontalAdvance(sample) + CELL_PADDING)
        cap = (caps or {}).get(column, max_width)
        widths[column] = max(title, min(content, cap))
        floors[column] = title
    # Stretching columns share the rest equally: each keeps at least the widest title.
    reserved = len(stretching) * (max(stretching, default=0) + 16)
    available = view.viewport().width() - reserved
    # Shrink only when every column can then be on screen: otherwise the view scrolls
    # sideways anyway, and cutting every text as well would only lose information.
    if fill and view.isVisible() and sum(widths.values()) > available > 0 \
            and sum(floors.values()) <= available:
        kept = {c: widths[c] if c in set(firm) else floors[c] for c in widths}
        if sum(kept.values()) > available:
            kept = floors
        widths = shrink_to(widths, kept, available)
    for column, width in widths.items():
        header.resizeSection(column, width)


def title_widths(header: QHeaderView) -> dict[int, int]:
    """What each section needs for its title: Qt's size hint counts room for the sort
    arrow in every section, but only the sorted one draws it."""
    with_arrow = {c: header.sectionSizeHint(c) for c in range(header.count())}
    if not header.isSortIndicatorShown():
        return with_arrow
    header.setSortIndicatorShown(False)
    try:
        without = {c: header.sectionSizeHint(c) for c in range(header.count())}
    finally:
        header.setSortIndicatorShown(True)
    sorted_section = header.sortIndicatorSection()
    return {c: with_arrow[c] if c == sorted_section else without[c] for c in with_arrow}


def shrink_to(widths: Mapping[int, int], floors: Mapping[int, int], available: int
              ) -> dict[int, int]:
    """The widths cut at one level, as high as fits in `available` (floors kept)."""
    def total(level: int) -> int:
        return sum(max(floors[c], min(w, level)) for c, w in widths.items())

    low, high = 0, max(widths.values(), default=0)
    while low < high:  # the highest level whose total fits
        middle = (low + high + 1) // 2
        if total(middle) <= available:
            low = middle
        else:
            high = middle - 1
    return {c: max(floors[c], min(w, low)) for c, w in widths.items()}


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
                 max_width: int, caps: Mapping[int, int], firm: Iterable[int],
                 watch_rows: bool = True) -> None:
        super().__init__(view)
        self.watch_rows = watch_rows
        self.view = view
        self.samples = dict(samples)
        self.max_width = max_width
        self.caps = dict(caps)
        self.firm = tuple(firm)
        self.model: QAbstractItemModel | None = None
        self.width = -1
        self.attach()
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)  # a vertical scroll bar came or went

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) \
                and Shiboken.isValid(self.view) \
                and (watched is self.view or watched is self.view.viewport()):
            # Shown (a fit while hidden could not know the room) or resized: fit again.
            width = self.view.viewport().width()
            if width != self.width or event.type() == QEvent.Type.Show:
                self.width = width
                self.fit()
        return False

    def attach(self) -> None:
        model = self.view.model()
        if model is None or model is self.model or not self.watch_rows:
            return
        self.model = model
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)
        header_of(self.view).sortIndicatorChanged.connect(self.fit)  # the arrow moved

    def fit(self) -> None:
        if not Shiboken.isValid(self.view):  # a QTableWidget resets its model as it dies
            return
        fit_columns(self.view, self.samples, max_width=self.max_width, caps=self.caps,
                    firm=self.firm)


def install_fitting(view: QTableView | QTreeView, samples: Mapping[int, str] | None = None,
                    *, max_width: int = MAX_WIDTH, caps: Mapping[int, int] | None = None,
                    firm: Iterable[int] = (), watch_rows: bool = True) -> None:
    """Elided cells show a tooltip; columns fit now, when shown or resized, and (with
    `watch_rows`) whenever the rows are reset or re-sorted — a view whose rows change at
    every keystroke calls `fit_columns` itself when its data arrives instead."""
    if not isinstance(view.itemDelegate(), ElidedTooltipDelegate):
        view.setItemDelegate(ElidedTooltipDelegate(view))
    # Measure a screenful or so of rows, never thousands (filtering stays instant).
    header_of(view).setResizeContentsPrecision(PRECISION)
    if isinstance(view, QTableView):
        view.verticalHeader().setResizeContentsPrecision(PRECISION)
    existing = view.findChild(_Refitter)
    if isinstance(existing, _Refitter):
        existing.samples = dict(samples or {})
        existing.max_width = max_width
        existing.caps = dict(caps or {})
        existing.firm = tuple(firm)
        existing.attach()
        existing.fit()
        return
    _Refitter(view, samples or {}, max_width, caps or {}, firm, watch_rows).fit()


def refit(view: QTableView | QTreeView) -> None:
    """Fit the columns of a view `install_fitting` was given, now (its data arrived)."""
    refitter = view.findChild(_Refitter)
    if isinstance(refitter, _Refitter):
        refitter.fit()


def tooltips_for_elided_cells(root: QObject) -> None:
    """Every item view under `root` that draws with the default delegate shows the whole
    text of a cut cell as its tooltip."""
    for view in root.findChildren(QAbstractItemView):
        if type(view.itemDelegate()) is QStyledItemDelegate:
            view.setItemDelegate(ElidedTooltipDelegate(view))
