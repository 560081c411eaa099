"""My favourites of one amphitheatre: an ordered list, reordered by drag and drop.

Drag and drop follows KDAB's recipe (CRAFT.md): the view uses `InternalMove`; only the
root accepts drops, so a drop lands *between* rows and never overwrites one; the drop is
turned into one `moveRows` (begin/endMoveRows) and one call to `on_move` (the data
layer); `dropMimeData` then answers False so the view does not also remove the dragged
row. Ctrl+Up/Down in the view calls the same `move_row`.

« k disponibles - n favoris » is computed here from the posts each favourite covers and
the set of taken posts, so a choice announced live turns a favourite red at once.
« À mon tour (estimation) » comes from the server (`amphi_favourites_estimate`: the
others' favourites are private) and is matched to the rows by favourite id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.api.amphi import Favourite, FavouriteEstimateItem
from desktop.models import QT_TRANSLATE_NOOP, ItemRole, SortRole

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "AmphiFavourites"
MIME = "application/x-amphi-favourite-row"

COL_POSITION = 0
COL_WHAT = 1
COL_HEAD = 2
COL_AVAILABLE = 3
COL_ESTIMATE = 4
COLUMNS = 5

HEADERS = {
    COL_POSITION: QT_TRANSLATE_NOOP(CONTEXT, "N°"),
    COL_WHAT: QT_TRANSLATE_NOOP(CONTEXT, "Service ou poste"),
    COL_HEAD: QT_TRANSLATE_NOOP(CONTEXT, "Chef de service"),
    COL_AVAILABLE: QT_TRANSLATE_NOOP(CONTEXT, "Disponibilité"),
    COL_ESTIMATE: QT_TRANSLATE_NOOP(CONTEXT, "À mon tour (estimation)"),
}
ESTIMATE_TIP = QT_TRANSLATE_NOOP(
    CONTEXT, "Estimation : si chaque interne appelé avant vous prenait le premier poste "
    "encore libre de ses favoris, il resterait %1 place(s) pour vous ici (sur %2 libre(s) "
    "maintenant). Ce n'est pas une garantie : les autres peuvent changer d'avis.")
LIKELY_COLOUR = QColor("#b54708")
TAKEN_COLOUR = QColor("#b42318")
FREE_COLOUR = QColor("#067647")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def availability_text(available: int, count: int) -> str:
    """« 2 disponibles - 4 favoris » (0 and 1 are singular in French)."""
    free = _t("%1 disponible") if available <= 1 else _t("%1 disponibles")
    favs = _t("%1 favori") if count <= 1 else _t("%1 favoris")
    return f"{free.replace('%1', str(available))} - {favs.replace('%1', str(count))}"


def what_text(fav: Favourite, numbers: dict[int, str] | None = None) -> str:
    """« CHU de Lyon — Cardiologie » or « … — Cardiologie, poste 2003 »."""
    base = f"{fav.establishment} — {fav.service}"
    if fav.kind == "post" and fav.post_id is not None:
        number = (numbers or {}).get(fav.post_id, "")
        return base + (_t(", poste %1").replace("%1", number) if number else _t(", un poste"))
    return base + _t(" (tout le service)")


class FavouritesModel(QAbstractTableModel):
    """The ordered favourites; `on_move(key, new_position)` is the data layer's move."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Favourite] = []
        self.taken: set[int] = set()
        self.numbers: dict[int, str] = {}  # post id → post number (for the labels)
        self.on_move: Callable[[tuple[str, int], int], None] | None = None
        self.drag_enabled = True
        self.estimates: dict[int, FavouriteEstimateItem] = {}  # favourite id → estimate

    # ---------------------------------------------------------------- data in

    def set_estimates(self, items: Iterable[FavouriteEstimateItem]) -> None:
        """The server's estimate (rows it does not know yet show « … »)."""
        self.estimates = {e.favourite_id: e for e in items}
        if self._items:
            self.dataChanged.emit(self.index(0, COL_ESTIMATE),
                                  self.index(len(self._items) - 1, COL_ESTIMATE))

    def estimate_text(self, fav: Favourite) -> str:
        guess = self.estimates.get(fav.id)
        if guess is None:
            return _t("…") if self.estimates else ""
        if self.available(fav) == 0:
            return _t("pris")
        if guess.free_now == 0:
            return _t("réservé à un autre DES")
        return _t("probablement libre") if guess.likely_free else _t("probablement pris")

    def set_items(self, items: Sequence[Favourite]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def set_taken(self, taken: Iterable[int]) -> None:
        self.taken = set(taken)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1,
                                                               COLUMNS - 1))

    def mark_taken(self, post_id: int) -> None:
        if post_id in self.taken:
            return
        self.taken.add(post_id)
        for row, fav in enumerate(self._items):
            if post_id in fav.post_ids:
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    def items(self) -> list[Favourite]:
        return list(self._items)

    def keys(self) -> list[tuple[str, int]]:
        return [f.key for f in self._items]

    def available(self, fav: Favourite) -> int:
        return sum(1 for p in fav.post_ids if p not in self.taken)

    # ---------------------------------------------------------------- Qt

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            title = HEADERS.get(section)
            return _t(title) if title else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        fav = self._items[index.row()]
        column = index.column()
        if role == ItemRole:
            return fav
        available = self.available(fav)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            if column == COL_POSITION:
                return index.row() + 1 if role == SortRole else str(index.row() + 1)
            if column == COL_WHAT:
                return what_text(fav, self.numbers)
            if column == COL_HEAD:
                return fav.head
            if column == COL_AVAILABLE:
                if fav.kind == "post":
                    return _t("Disponible") if available else _t("Pourvu")
                return availability_text(available, len(fav.post_ids))
            if column == COL_ESTIMATE:
                guess = self.estimates.get(fav.id)
                if role == SortRole:
                    return guess.free_at_my_turn if guess else -1
                if role == Qt.ItemDataRole.ToolTipRole:
                    if guess is None:
                        return _t("Estimation en cours de calcul.") if self.estimates else None
                    return _t(ESTIMATE_TIP).replace("%1", str(guess.free_at_my_turn)) \
                        .replace("%2", str(guess.free_now))
                return self.estimate_text(fav)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_ESTIMATE:
            guess = self.estimates.get(fav.id)
            if guess is None:
                return None
            return QBrush(FREE_COLOUR if guess.likely_free and available else
                          LIKELY_COLOUR if available else TAKEN_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_WHAT, COL_AVAILABLE):
            return QBrush(FREE_COLOUR if available else TAKEN_COLOUR) \
                if column == COL_AVAILABLE or not available else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            # Only the root accepts drops: a drop goes between rows, never onto one.
            return Qt.ItemFlag.ItemIsDropEnabled if self.drag_enabled else Qt.ItemFlag.NoItemFlags
        return base | Qt.ItemFlag.ItemIsDragEnabled if self.drag_enabled else base

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME, QByteArray(",".join(map(str, rows[:1])).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: AnyIndex) -> bool:
        return (self.drag_enabled and action == Qt.DropAction.MoveAction
                and data.hasFormat(MIME) and not parent.isValid())

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: AnyIndex) -> bool:
        """Turn the drop into one `moveRows`; False so the view removes nothing."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        if not raw:
            return False
        source = int(raw)
        target = len(self._items) if row < 0 else row
        self.moveRows(QModelIndex(), source, 1, QModelIndex(), target)
        return False

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int,  # noqa: N802
                 destination_parent: AnyIndex, destination_child: int) -> bool:
        """Move one row before `destination_child` (Qt's convention) and tell the data layer."""
        n = len(self._items)
        if (count != 1 or source_parent.isValid() or destination_parent.isValid()
                or not (0 <= source_row < n) or not (0 <= destination_child <= n)
                or destination_child in (source_row, source_row + 1)):
            return False
        if not self.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(),
                                  destination_child):
            return False
        item = self._items.pop(source_row)
        new_row = destination_child if destination_child < source_row else destination_child - 1
        self._items.insert(new_row, item)
        self.endMoveRows()
        self.dataChanged.emit(self.index(0, COL_POSITION), self.index(n - 1, COL_POSITION))
        if self.on_move is not None:
            self.on_move(item.key, new_row + 1)
        return True

    def move_row(self, row: int, new_row: int) -> bool:
        """Put row `row` at `new_row` (0-based): Ctrl+Up/Down and « typing the number »."""
        new_row = max(0, min(new_row, len(self._items) - 1))
        if new_row == row:
            return False
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(),
                             new_row + 1 if new_row > row else new_row)
