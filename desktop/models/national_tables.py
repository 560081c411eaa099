"""The national public tables, histories and staff lists as read-only table models.

One small generic model (`RecordModel`) driven by a column list, and the column lists
of each table: dispo finale / pour celui qui passe / pour moi, rangs limites, listing,
the holders of a cell, my changes, my receipts, rejected import lines, the next students.
Sorting goes through `SortRole` (numbers sort as numbers), filtering through the proxy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import integer
from desktop.models import FilterRole, ItemRole, SortRole

AnyIndex = QModelIndex | QPersistentModelIndex
GREY = QColor("#8a8f98")


def _tr(text: str) -> str:
    return QCoreApplication.translate("NationalTables", text)


def local_time(value: datetime | None) -> str:
    """« 14/09/2026 09:32:05 » in the computer's time zone."""
    return value.astimezone().strftime("%d/%m/%Y %H:%M:%S") if value else ""


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    numeric: bool = False
    grey: Callable[[Any], bool] | None = None


class RecordModel(QAbstractTableModel):
    """Rows of frozen dataclasses shown through `columns`."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column], rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == ItemRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == FilterRole:  # « 3674 » finds « 3 674 »: the digits ungrouped too
            text = column.text(row)
            return f"{text} {ungrouped(text)}" if column.numeric else text
        if role == SortRole:
            if column.sort is not None:
                return column.sort(row)
            return column.text(row).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.grey is not None \
                and column.grey(row):
            return QBrush(GREY)
        return None


def sort_proxy(model: RecordModel, parent: Any = None) -> QSortFilterProxyModel:
    """A proxy sorting on SortRole and filtering on every column, case-insensitively."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterRole(FilterRole)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def _num(value: int | None) -> int:
    return value if value is not None else 10**9


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _opt_int(value: int | None) -> str:
    return "" if value is None else integer(value)


def ungrouped(text: str) -> str:
    """« 3 674 » as « 3674 »: the figures without the language's group separators."""
    return re.sub(r"(?<=\d)[\s\u202f\u00a0,.](?=\d{3}\b)", "", text)


def rank_text(rank: int, demoted_behind: int | None) -> str:
    """« 1 501 (345) »: rank 345 passing behind 1 501."""
    return f"{integer(demoted_behind)} ({integer(rank)})" if demoted_behind \
        else integer(rank)


OUTCOMES = {
    "validated": "choix validé",
    "auto_assigned": "affecté (absent)",
    "staff_assigned": "affecté par l'agence",
    "no_feasible_wish": "aucun vœu réalisable",
    "skipped": "tour passé",
}
ACTIONS = {"add": "ajout", "delete": "suppression", "move": "déplacement",
           "replace": "liste remplacée"}
POOLS = {"general": "général", "cesp": "CESP"}


def _t(text: str) -> str:
    return QCoreApplication.translate("NationalTables", text)


def availability_columns() -> list[Column]:
    return [
        Column(_tr("Subdivision"), lambda r: r.subdivision),
        Column(_tr("Spécialité"), lambda r: r.specialty),
        Column(_tr("Postes"), lambda r: integer(r.capacity), lambda r: r.capacity, True),
        Column(_tr("Restants"), lambda r: integer(r.remaining), lambda r: r.remaining, True,
               lambda r: r.remaining == 0),
    ]


def rank_limit_columns() -> list[Column]:
    return [
        Column(_tr("Subdivision"), lambda r: r.subdivision),
        Column(_tr("Spécialité"), lambda r: r.specialty),
        Column(_tr("Postes"), lambda r: integer(r.capacity), lambda r: r.capacity, True),
        Column(_tr("Pris"), lambda r: integer(r.taken), lambda r: r.taken, True),
        Column(_tr("Premier rang"), lambda r: _opt_int(r.first_rank), lambda r: _num(r.first_rank),
               True),
        Column(_tr("Dernier rang"), lambda r: _opt_int(r.last_rank), lambda r: _num(r.last_rank),
               True),
    ]


def listing_columns() -> list[Column]:
    return [
        Column(_tr("Passage"), lambda r: integer(r.position), lambda r: r.position, True),
        Column(_tr("Rang"), lambda r: rank_text(r.rank, r.demoted_behind),
               lambda r: r.position, True),
        Column(_tr("Contingent"), lambda r: _t(POOLS.get(r.pool, r.pool))),
        Column(_tr("Subdivision"), lambda r: _opt(r.subdivision)),
        Column(_tr("Spécialité"), lambda r: _opt(r.specialty)),
        Column(_tr("Vœu n°"), lambda r: _opt_int(r.wish_number), lambda r: _num(r.wish_number),
               True),
        Column(_tr("État"), lambda r: listing_state(r), grey=lambda r: r.state != "assigned"),
    ]


def listing_state(row: Any) -> str:
    if row.outcome:
        text = _t(OUTCOMES.get(row.outcome, row.outcome))
    elif row.state == "simulated":
        text = _tr("simulé")
    elif row.state is None:
        text = _tr("aucun vœu réalisable (simulation)")
    else:
        text = _tr("affecté")
    return text + (_tr(" — absent") if row.absent else "")


def holder_columns() -> list[Column]:
    return [
        Column(_tr("Poste"), lambda h: integer(h.n), lambda h: h.n, True),
        Column(_tr("Rang"), lambda h: rank_text(h.rank, h.demoted_behind),
               lambda h: h.n, True),
        Column(_tr("Vœu n°"), lambda h: _opt_int(h.wish_number), lambda h: _num(h.wish_number),
               True),
        Column(_tr("État"), lambda h: h.label, grey=lambda h: h.state != "assigned"),
    ]


def change_columns() -> list[Column]:
    return [
        Column(_tr("Date et heure"), lambda c: local_time(c.at), lambda c: c.at.timestamp()),
        Column(_tr("Action"), lambda c: _t(ACTIONS.get(c.action, c.action))
               + (_tr(" (par l'agence)") if c.by_staff else "")),
        Column(_tr("Vœu"), lambda c: f"{c.subdivision} — {c.specialty}" if c.subdivision
               else ""),
        Column(_tr("De → à"), lambda c: _move_text(c)),
        Column(_tr("Nombre de vœux"), lambda c: integer(c.count), lambda c: c.count, True),
    ]


def _move_text(c: Any) -> str:
    if c.from_position and c.to_position:
        return f"{c.from_position} → {c.to_position}"
    if c.to_position:
        return f"→ {c.to_position}"
    if c.from_position:
        return f"{c.from_position} →"
    return ""


def receipt_columns() -> list[Column]:
    return [
        Column(_tr("Date et heure"), lambda r: local_time(r.at), lambda r: r.at.timestamp()),
        Column(_tr("Code du reçu"), lambda r: r.code),
        Column(_tr("Nombre de vœux"), lambda r: integer(len(r.cells)), lambda r: len(r.cells),
               True),
        Column(_tr("Version"), lambda r: integer(r.version), lambda r: r.version, True),
    ]


def rejected_columns() -> list[Column]:
    return [
        Column(_tr("Ligne"), lambda r: integer(r.line), lambda r: r.line, True),
        Column(_tr("Motif du rejet"), lambda r: r.reason),
    ]


def staff_student_columns() -> list[Column]:
    return [
        Column(_tr("Passage"), lambda s: integer(s.position), lambda s: s.position, True),
        Column(_tr("Rang"), lambda s: rank_text(s.rank, s.demoted_behind),
               lambda s: s.position, True),
        Column(_tr("Nom"), lambda s: f"{s.last_name} {s.first_name}"),
        Column(_tr("Téléphone"), lambda s: s.phone or _tr("non renseigné")),
        Column(_tr("Compte"), lambda s: _tr("oui") if s.has_account else _tr("non")),
        Column(_tr("Absent"), lambda s: _tr("oui") if s.absent else ""),
    ]
