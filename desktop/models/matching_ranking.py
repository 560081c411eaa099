"""A post's ranking as three lists (unclassified, ranked, rejected) the supervisor drags between.

`RankingBoard` owns the three lists and the three `CandidateListModel`s that show them.
Every change goes through `RankingBoard.move(candidate_id, status, row)` — one call per
drop, per arrow press, per typed rank, per reject button — which moves the row with
`beginMoveRows/endMoveRows` inside a list and remove/insert between lists, then emits
`changed`. Validity is recomputed at once with the engine's rules
(`desktop/models/matching_rules.py`); the server's answer replaces it after each save.

Drag and drop (KDAB's recipe, CRAFT.md): the views use MoveAction, drops between rows
only (`canDropMimeData` refuses drops on an item), the mime data carries candidate ids,
`dropMimeData` makes the one board call, and `removeRows` refuses so that the view
never deletes the dragged row after a successful move.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.api.matching import Ranking, RankingCandidate
from desktop.models import ItemRole, SortRole
from desktop.models.matching_rules import ranking_violations, violation_message

MIME_TYPE = "application/x-amphi-matching-candidates"
STATUSES: tuple[str, ...] = ("unclassified", "ranked", "rejected")
Index = QModelIndex | QPersistentModelIndex

COL_CANDIDATE = 0
LocalRole = int(Qt.ItemDataRole.UserRole) + 10  # "DANS VOTRE SUBDIVISION"
OffsetRole = int(Qt.ItemDataRole.UserRole) + 11  # semestre décalé
RankRole = int(Qt.ItemDataRole.UserRole) + 12  # 1-based rank in the ranked list, else None


class CandidateListModel(QAbstractListModel):
    """One of the three lists; its rows are candidate ids in the board's order."""

    def __init__(self, board: RankingBoard, status: str) -> None:
        super().__init__(board)
        self.board = board
        self.status = status
        self.ids: list[int] = []

    # ---------------------------------------------------------------- reading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def candidate(self, row: int) -> RankingCandidate:
        return self.board.candidates[self.ids[row]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        row = index.row()
        c = self.candidate(row)
        if role == Qt.ItemDataRole.DisplayRole:
            prefix = f"{row + 1}. " if self.status == "ranked" else ""
            return f"{prefix}{c.display_name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [c.display_name, c.specialty, c.subdivision]
            if c.in_post_subdivision:
                parts.append(self.tr("DANS VOTRE SUBDIVISION"))
            if c.offset_semester:
                parts.append(self.tr("Semestre décalé"))
            return " · ".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.ToolTipRole)
        if role == ItemRole:
            return c
        if role == SortRole:
            return row
        if role == LocalRole:
            return c.in_post_subdivision
        if role == OffsetRole:
            return c.offset_semester
        if role == RankRole:
            return row + 1 if self.status == "ranked" else None
        if role == Qt.ItemDataRole.ForegroundRole and self.status == "rejected":
            return QColor("#6b7280")
        return None

    # ---------------------------------------------------------------- drag and drop

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the area below the rows: drops at the end
            return (Qt.ItemFlag.ItemIsDropEnabled if self.board.editable
                    else Qt.ItemFlag.NoItemFlags)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.board.editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [MIME_TYPE]

    def mimeData(self, indexes: Iterable[Index]) -> QMimeData:  # noqa: N802 - Qt override
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps([self.ids[r] for r in rows]).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        # Between rows only (or on the empty area below them), never onto an item.
        return (self.board.editable and data.hasFormat(MIME_TYPE)
                and action == Qt.DropAction.MoveAction and not parent.isValid())

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(MIME_TYPE).data()).decode())]
        except (ValueError, TypeError):
            return False
        if row < 0:
            row = len(self.ids)
        return self.board.move_many(ids, self.status, row)

    def moveRows(self, source_parent: Index, source_row: int, count: int,  # noqa: N802
                 destination_parent: Index, destination_child: int) -> bool:
        """What QListView calls for a drop within the list: one board move."""
        if (source_parent.isValid() or destination_parent.isValid() or count != 1
                or not 0 <= source_row < len(self.ids)):
            return False
        return self.board.move(self.ids[source_row], self.status, destination_child)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        # The board already moved the rows in dropMimeData: the view must not delete them.
        return False


class RankingBoard(QObject):
    """The three lists of one post's ranking, their validity, and the one way to change them."""

    changed = Signal()  # after every user change (the sync saves it)
    validity_changed = Signal(bool, list)  # valid, [French sentences]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.models: dict[str, CandidateListModel] = {
            s: CandidateListModel(self, s) for s in STATUSES}
        self.candidates: dict[int, RankingCandidate] = {}
        self.editable = False
        self.min_ranked_share = 0.8
        self.subdivision_first = True
        self.subdivision = ""
        self.violations: list[str] = []

    # ---------------------------------------------------------------- loading

    def load(self, ranking: Ranking, *, subdivision: str, min_ranked_share: float = 0.8,
             subdivision_first: bool = True, editable: bool | None = None) -> None:
        """Show `ranking` (from the server or the local cache); does not emit `changed`."""
        self.candidates = {c.id: c for c in ranking.candidates}
        self.subdivision = subdivision
        self.min_ranked_share = min_ranked_share
        self.subdivision_first = subdivision_first
        self.editable = ranking.can_edit if editable is None else editable
        self.set_lists(list(ranking.ranked), list(ranking.rejected))

    def set_lists(self, ranked: list[int], rejected: list[int]) -> None:
        """Replace the lists (a merge, a reload); unknown ids dropped, the rest unclassified."""
        known = self.candidates
        ranked = [c for c in dict.fromkeys(ranked) if c in known]
        rejected = [c for c in dict.fromkeys(rejected) if c in known and c not in ranked]
        placed = set(ranked) | set(rejected)
        unclassified = [c for c in known if c not in placed]
        for status, ids in (("ranked", ranked), ("rejected", rejected),
                            ("unclassified", unclassified)):
            model = self.models[status]
            model.beginResetModel()
            model.ids = ids
            model.endResetModel()
        self._revalidate()

    # ---------------------------------------------------------------- reading

    @property
    def ranked(self) -> list[int]:
        return list(self.models["ranked"].ids)

    @property
    def rejected(self) -> list[int]:
        return list(self.models["rejected"].ids)

    @property
    def unclassified(self) -> list[int]:
        return list(self.models["unclassified"].ids)

    def status_of(self, candidate_id: int) -> tuple[str, int]:
        for status, model in self.models.items():
            if candidate_id in model.ids:
                return status, model.ids.index(candidate_id)
        raise KeyError(candidate_id)

    @property
    def valid(self) -> bool:
        return not self.violations

    def messages(self) -> list[str]:
        return [violation_message(code, len(self.candidates), self.min_ranked_share,
                                  self.subdivision) for code in self.violations]

    # ---------------------------------------------------------------- changing

    def move(self, candidate_id: int, status: str, row: int | None = None) -> bool:
        """Put one candidate at `row` of list `status` (None: at the end). One user change."""
        return self.move_many([candidate_id], status, row)

    def move_many(self, ids: list[int], status: str, row: int | None = None) -> bool:
        """Move candidates (in order) to `row` of `status`; one `changed` if anything moved."""
        if not self.editable or status not in self.models:
            return False
        target = self.models[status]
        row = len(target.ids) if row is None else max(0, min(row, len(target.ids)))
        moved = False
        for cid in ids:
            if cid not in self.candidates:
                continue
            source_status, source_row = self.status_of(cid)
            source = self.models[source_status]
            if source is target:
                dest = row  # Qt's destination: the row it goes before, counted before the move
                if dest in (source_row, source_row + 1):
                    row = source_row + 1
                    continue
                target.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(), dest)
                target.ids.pop(source_row)
                insert_at = dest - 1 if dest > source_row else dest
                target.ids.insert(insert_at, cid)
                target.endMoveRows()
                row = insert_at + 1
            else:
                source.beginRemoveRows(QModelIndex(), source_row, source_row)
                source.ids.pop(source_row)
                source.endRemoveRows()
                target.beginInsertRows(QModelIndex(), row, row)
                target.ids.insert(row, cid)
                target.endInsertRows()
                row += 1
            moved = True
        if moved:
            ranked = self.models["ranked"]
            if ranked.ids:  # the rank numbers shown in the text shift
                ranked.dataChanged.emit(ranked.index(0), ranked.index(len(ranked.ids) - 1))
            self._revalidate()
            self.changed.emit()
        return moved

    def shift(self, candidate_id: int, delta: int) -> bool:
        """Up/down arrows, Ctrl+Up/Down: one place within its list."""
        status, row = self.status_of(candidate_id)
        new = row + delta
        if not 0 <= new < len(self.models[status].ids):
            return False
        return self.move(candidate_id, status, new + 1 if delta > 0 else new)

    def set_rank(self, candidate_id: int, rank: int) -> bool:
        """Typing a rank (1-based): into the ranked list at that place."""
        status, row = self.status_of(candidate_id)
        n = len(self.models["ranked"].ids)
        target = max(1, min(rank, n if status == "ranked" else n + 1)) - 1
        if status == "ranked":
            return self.move(candidate_id, "ranked", target + 1 if target > row else target)
        return self.move(candidate_id, "ranked", target)

    def _revalidate(self) -> None:
        local = {cid: c.in_post_subdivision for cid, c in self.candidates.items()}
        self.violations = ranking_violations(
            local, self.ranked, self.rejected, min_ranked_share=self.min_ranked_share,
            subdivision_first=self.subdivision_first)
        self.validity_changed.emit(self.valid, self.messages())

    def apply_server_validity(self, valid: bool, messages: list[str]) -> None:
        """The server's answer after a save: it is authoritative."""
        self.validity_changed.emit(valid, messages)
