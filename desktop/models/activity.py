"""« Mon activité passée »: the audit entries of my account, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.api.client import AuditEntry
from desktop.models import ItemRole, SortRole, labels

COL_AT = 0
COL_ACTION = 1
COL_DETAIL = 2
COL_ADDRESS = 3
COLUMNS = 4

AnyIndex = QModelIndex | QPersistentModelIndex


def format_when(entry: AuditEntry) -> str:
    """Local date and time, French style ("14/03/2026 07:02")."""
    return entry.at.astimezone().strftime("%d/%m/%Y %H:%M")


class ActivityModel(QAbstractTableModel):
    """Read-only table of audit entries (date, action, detail, address)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

    # ---------------------------------------------------------------- data

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def append_entries(self, entries: Sequence[AuditEntry]) -> None:
        """Add an older page (entries already shown are skipped)."""
        known = {e.id for e in self._entries}
        new = [e for e in entries if e.id not in known]
        if not new:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._entries.extend(new)
        self.endInsertRows()

    def entries(self) -> list[AuditEntry]:
        return list(self._entries)

    def oldest_id(self) -> int | None:
        return min((e.id for e in self._entries), default=None)

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {
            COL_AT: QCoreApplication.translate("ActivityModel", "Date"),
            COL_ACTION: QCoreApplication.translate("ActivityModel", "Action"),
            COL_DETAIL: QCoreApplication.translate("ActivityModel", "Détail"),
            COL_ADDRESS: QCoreApplication.translate("ActivityModel", "Adresse IP"),
        }
        return titles.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == ItemRole:
            return entry
        if role == SortRole:
            return {COL_AT: entry.at.timestamp(), COL_ACTION: labels.audit_action(entry.action),
                    COL_DETAIL: labels.audit_detail(entry.action, entry.detail),
                    COL_ADDRESS: entry.address or ""}.get(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_AT:
                return format_when(entry)
            if column == COL_ACTION:
                return labels.audit_action(entry.action)
            if column == COL_DETAIL:
                return labels.audit_detail(entry.action, entry.detail)
            if column == COL_ADDRESS:
                return entry.address or ""
        return None
