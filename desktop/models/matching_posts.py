"""Tables of the matching area: posts a student browses, his ordered applications.

`ApplicationsModel` is reordered by drag and drop the KDAB way (CRAFT.md): InternalMove,
drops between rows only, `moveRows` with `beginMoveRows/endMoveRows`, `removeRows`
refusing (the move already happened), and `reordered` emitted once per drop so the
sync makes one call.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.api.matching import Post
from desktop.models import ItemRole, SortRole

Index = QModelIndex | QPersistentModelIndex
APPLICATION_MIME = "application/x-amphi-matching-applications"

COL_LABEL = 0
COL_ESTABLISHMENT = 1
COL_SUBDIVISION = 2
COL_TYPE = 3
COL_DURATION = 4
COL_PLACES = 5
COL_MINE = 6
# Short titles: five columns share half a 1280-pixel window without scrolling sideways.
HEADERS = ("Poste", "Établissement", "Subdivision", "Type", "Durée", "Places libres",
           "Mon choix")
TYPES = {"simple": "Simple", "couplé": "Couplé", "mixte": "Mixte"}


class PostsTableModel(QAbstractTableModel):
    """Posts open to the student; `COL_MINE` shows his rank for the ones he applied to."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.posts: list[Post] = []
        self.mine: dict[int, int] = {}  # post id -> position (1-based)

    def set_posts(self, posts: list[Post]) -> None:
        self.beginResetModel()
        self.posts = list(posts)
        self.endResetModel()

    def set_mine(self, post_ids: list[int]) -> None:
        self.mine = {pid: i + 1 for i, pid in enumerate(post_ids)}
        if self.posts:
            self.dataChanged.emit(self.index(0, COL_MINE),
                                  self.index(len(self.posts) - 1, COL_MINE))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.posts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.posts):
            return None
        p = self.posts[index.row()]
        col = index.column()
        if role == ItemRole:
            return p
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            mine = self.mine.get(p.id)
            values: dict[int, tuple[Any, Any]] = {
                COL_LABEL: (p.label + (f" — {p.indication}" if p.indication else ""),
                            p.label.lower()),
                COL_ESTABLISHMENT: (p.establishment, p.establishment.lower()),
                COL_SUBDIVISION: (p.subdivision, p.subdivision),
                COL_TYPE: (TYPES.get(p.post_type, p.post_type)
                           + (" · " + self.tr("décalé") if p.offset_semester else ""),
                           p.post_type),
                COL_DURATION: (self.tr("{n} mois").format(n=p.duration_months),
                               p.duration_months),
                COL_PLACES: (f"{p.remaining_places} / {p.places}", p.remaining_places),
                COL_MINE: (self.tr("n° {n}").format(n=mine) if mine else "",
                           mine if mine else 10**6),
            }
            display, sort = values.get(col, ("", ""))
            return display if role == Qt.ItemDataRole.DisplayRole else sort
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (p.label, p.indication, p.establishment,
                                         p.description) if x)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_DURATION, COL_PLACES,
                                                                  COL_MINE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ApplicationsModel(QAbstractListModel):
    """The student's applications, first choice on top; reorder by drag or Ctrl+Up/Down."""

    reordered = Signal()  # one per effective user move (the sync saves the list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.posts: list[Post] = []
        self.editable = False

    def set_posts(self, posts: list[Post]) -> None:
        self.beginResetModel()
        self.posts = list(posts)
        self.endResetModel()

    @property
    def post_ids(self) -> list[int]:
        return [p.id for p in self.posts]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.posts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.posts):
            return None
        p = self.posts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {p.label}\n      {p.establishment} · {p.subdivision}"
        if role == ItemRole:
            return p
        if role == SortRole:
            return index.row()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (p.label, p.indication, p.establishment) if x)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self.editable else flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [APPLICATION_MIME]

    def mimeData(self, indexes: Iterable[Index]) -> QMimeData:  # noqa: N802 - Qt override
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(APPLICATION_MIME, QByteArray(json.dumps(rows).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return (self.editable and data.hasFormat(APPLICATION_MIME)
                and action == Qt.DropAction.MoveAction and not parent.isValid())

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            rows = json.loads(bytes(data.data(APPLICATION_MIME).data()).decode())
            source = int(rows[0])
        except (ValueError, TypeError, IndexError):
            return False
        if row < 0:
            row = len(self.posts)
        return self.move_row(source, row)

    def move_row(self, source: int, destination: int) -> bool:
        """Move one row before `destination` (Qt's convention); one `reordered` if it moved."""
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), destination)

    def moveRows(self, source_parent: Index, source_row: int, count: int,  # noqa: N802
                 destination_parent: Index, destination_child: int) -> bool:
        if (source_parent.isValid() or destination_parent.isValid() or count != 1
                or not 0 <= source_row < len(self.posts)
                or not 0 <= destination_child <= len(self.posts)
                or destination_child in (source_row, source_row + 1)):
            return False
        self.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(),
                           destination_child)
        post = self.posts.pop(source_row)
        self.posts.insert(destination_child - 1 if destination_child > source_row
                          else destination_child, post)
        self.endMoveRows()
        self.dataChanged.emit(self.index(0), self.index(len(self.posts) - 1))  # numbers
        # QListView calls moveRow() itself for drops within the view: say it here, once.
        self.reordered.emit()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return False  # moves happen in dropMimeData; the view must not delete the source

    def shift(self, row: int, delta: int) -> bool:
        """Ctrl+Up/Down and the arrows."""
        target = row + delta
        if not 0 <= target < len(self.posts):
            return False
        return self.move_row(row, target + 1 if delta > 0 else target)
