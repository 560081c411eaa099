"""My national wishes as a table: number, subdivision, specialty, status; one page at a time.

Reordering follows KDAB's "internal move" recipe: the view is in InternalMove mode, only
the root accepts drops (so a drop lands between rows, never on one), `dropMimeData`
calls `moveRows` (beginMoveRows/endMoveRows) and returns False so that the view never
removes the source rows itself. Every move, by drag, Ctrl+Up/Down or by typing a new
number in the first column, ends in one `move_requested(cell_id, position)` signal: one
call to the data layer (`WishesSync.move`), whose answer brings the new statuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.api.national import Wish
from desktop.models import ItemRole, SortRole

COL_NUMBER = 0
COL_SUBDIVISION = 1
COL_SPECIALTY = 2
COL_STATUS = 3
COLUMNS = 4

MIME_TYPE = "application/x-amphi-national-wish-rows"
SATISFIED_BACKGROUND = QColor("#d8f0dc")
SATISFIED_FOREGROUND = QColor("#17602a")
EXHAUSTED_FOREGROUND = QColor("#8a8f98")
PENDING_FOREGROUND = QColor("#8a5a00")

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("WishModel", text)


def status_text(wish: Wish) -> str:
    """"k / N", or "épuisé / N", in the interface's language (the server's label is French)."""
    if wish.exhausted:
        return _tr("épuisé / %1").replace("%1", str(wish.capacity))
    if wish.k is not None:
        return f"{wish.k} / {wish.capacity}"
    return wish.label


@dataclass(frozen=True, slots=True)
class WishRow:
    """One line: a wish from the server, or a pending one from the local draft."""

    number: int
    cell_id: int
    subdivision: str
    specialty: str
    capacity: int | None
    label: str
    satisfied: bool = False
    exhausted: bool = False
    assigned: bool = False
    pending: bool = False

    @classmethod
    def from_wish(cls, wish: Wish) -> WishRow:
        return cls(wish.number, wish.cell_id, wish.subdivision, wish.specialty, wish.capacity,
                   status_text(wish), wish.satisfied, wish.exhausted, wish.assigned)


class WishModel(QAbstractTableModel):
    """All my wishes, showing one page (`page_size` 0: all on one page)."""

    move_requested = Signal(int, int)  # cell_id, new 1-based position in the whole list

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[WishRow] = []
        self.page = 0
        self.page_size = 20
        self.editable = True

    # ---------------------------------------------------------------- content

    def set_rows(self, rows: Sequence[WishRow], *, editable: bool = True) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self.editable = editable
        self.page = min(self.page, max(0, self.page_count() - 1))
        self.endResetModel()

    def rows(self) -> list[WishRow]:
        return list(self._all)

    def set_page_size(self, size: int) -> None:
        self.beginResetModel()
        self.page_size = max(0, size)
        self.page = 0
        self.endResetModel()

    def set_page(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        if page != self.page:
            self.beginResetModel()
            self.page = page
            self.endResetModel()

    def page_count(self) -> int:
        if self.page_size <= 0 or not self._all:
            return 1
        return (len(self._all) + self.page_size - 1) // self.page_size

    @property
    def offset(self) -> int:
        return self.page * self.page_size if self.page_size > 0 else 0

    def _visible(self) -> list[WishRow]:
        if self.page_size <= 0:
            return self._all
        return self._all[self.offset:self.offset + self.page_size]

    def row_of_cell(self, cell_id: int) -> int | None:
        for row, item in enumerate(self._visible()):
            if item.cell_id == cell_id:
                return row
        return None

    def page_of_cell(self, cell_id: int) -> int | None:
        for i, item in enumerate(self._all):
            if item.cell_id == cell_id:
                return i // self.page_size if self.page_size > 0 else 0
        return None

    # ---------------------------------------------------------------- shape

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_NUMBER: _tr("Vœu n°"), COL_SUBDIVISION: _tr("Subdivision"),
                    COL_SPECIALTY: _tr("Spécialité"), COL_STATUS: _tr("État")}.get(section)
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_NUMBER:
            return _tr("Tapez un autre numéro pour déplacer le vœu.")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        if self.editable:
            base |= Qt.ItemFlag.ItemIsDragEnabled
            if index.column() == COL_NUMBER:
                base |= Qt.ItemFlag.ItemIsEditable
        return base

    # ---------------------------------------------------------------- data

    def _status(self, item: WishRow) -> str:
        if item.pending:
            return _tr("en attente d'envoi")
        if item.assigned:
            return _tr("%1 — votre affectation").replace("%1", item.label)
        if item.satisfied:
            return _tr("%1 — réalisable").replace("%1", item.label)
        return item.label

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self._visible()
        if not index.isValid() or not (0 <= index.row() < len(rows)):
            return None
        item = rows[index.row()]
        column = index.column()
        if role == ItemRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_NUMBER:
                return item.number
            if column == COL_SUBDIVISION:
                return item.subdivision
            if column == COL_SPECIALTY:
                return item.specialty
            return self._status(item)
        if role == SortRole:
            return (item.number, item.subdivision.casefold(), item.specialty.casefold(),
                    item.label)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.pending:
                return _tr("Modification faite hors ligne, pas encore enregistrée sur le "
                           "serveur.")
            if item.exhausted:
                return _tr("Épuisé : tous les postes seront pris par les étudiants qui "
                           "passent avant vous (vous pouvez le garder).")
            if item.satisfied:
                return _tr("Le vœu qui vous serait attribué si tout le monde gardait ses "
                           "vœux actuels.")
            return _tr("%1 : le poste que vous prendriez / le nombre de postes.").replace(
                "%1", item.label)
        if role == Qt.ItemDataRole.BackgroundRole and (item.satisfied or item.assigned):
            return QBrush(SATISFIED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.pending:
                return QBrush(PENDING_FOREGROUND)
            if item.satisfied or item.assigned:
                return QBrush(SATISFIED_FOREGROUND)
            if item.exhausted:
                return QBrush(EXHAUSTED_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if item.satisfied or item.assigned:
                font.setBold(True)
            if item.pending:
                font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Typing a number in the first column moves the wish there (one server call)."""
        if role != Qt.ItemDataRole.EditRole or index.column() != COL_NUMBER \
                or not self.editable or not index.isValid():
            return False
        try:
            position = int(str(value).strip())
        except ValueError:
            return False
        item = self._visible()[index.row()]
        position = max(1, min(position, len(self._all)))
        if position == item.number:
            return False
        self.move_requested.emit(item.cell_id, position)
        return True

    # ---------------------------------------------------------------- moving

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return (self.editable and action == Qt.DropAction.MoveAction
                and data.hasFormat(MIME_TYPE) and not parent.isValid())

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        rows = [int(r) for r in raw.split(",") if r.strip().isdigit()]
        if len(rows) != 1:
            return False  # one wish at a time: one server call per drop
        destination = self.rowCount() if row < 0 else row
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), destination)
        return False  # the move is done: the view must not remove the source row

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int,
                 destination_parent: AnyIndex, destination_child: int) -> bool:
        """Move one visible row before `destination_child`; asks the data layer once."""
        rows = self._visible()
        if (source_parent.isValid() or destination_parent.isValid() or count != 1
                or not self.editable or not (0 <= source_row < len(rows))
                or not (0 <= destination_child <= len(rows))
                or destination_child in (source_row, source_row + 1)):
            return False
        item = rows[source_row]
        if not self.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(),
                                  destination_child):
            return False
        global_source = self.offset + source_row
        target = destination_child if destination_child < source_row else destination_child - 1
        global_target = self.offset + target
        moved = self._all.pop(global_source)
        self._all.insert(global_target, moved)
        self._all = [_renumber(r, i + 1) for i, r in enumerate(self._all)]
        self.endMoveRows()
        self.move_requested.emit(item.cell_id, global_target + 1)
        return True


def _renumber(row: WishRow, number: int) -> WishRow:
    if row.number == number:
        return row
    return WishRow(number, row.cell_id, row.subdivision, row.specialty, row.capacity,
                   row.label, row.satisfied, row.exhausted, row.assigned, row.pending)
