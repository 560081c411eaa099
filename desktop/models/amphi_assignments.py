"""The public assignments list (« liste des affectations ») of a semester, in real time.

`AssignmentsModel` holds every choice (newest first, an `amphi_choice` event adds one);
`AssignmentsFilterProxy` applies the issue's filters on keys computed once per row:
exact choices (regime, post DES, intern DES, type) and parts of text (head of service,
intern, group, establishment), ignoring case and accents, like the server's filters.
"""

from __future__ import annotations

from collections.abc import Iterable
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

from desktop.api.amphi import Assignment
from desktop.models import QT_TRANSLATE_NOOP, ItemRole, SortRole
from desktop.models.amphi_live import choice_type_label, local_time
from desktop.models.amphi_posts import normalise

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "AmphiAssignments"

COL_AT = 0
COL_INTERN = 1
COL_POST = 2
COL_ESTABLISHMENT = 3
COL_SERVICE = 4
COL_HEAD = 5
COL_POST_DES = 6
COL_TYPE = 7
COL_INTERN_DES = 8
COL_REGIME = 9
COL_GROUP = 10
COL_CHOICE = 11
COLUMNS = 12

HEADERS = {
    COL_AT: QT_TRANSLATE_NOOP(CONTEXT, "Choisi le"),
    COL_INTERN: QT_TRANSLATE_NOOP(CONTEXT, "Interne"),
    COL_INTERN_DES: QT_TRANSLATE_NOOP(CONTEXT, "DES de l'interne"),
    COL_REGIME: QT_TRANSLATE_NOOP(CONTEXT, "Régime"),
    COL_POST: QT_TRANSLATE_NOOP(CONTEXT, "Poste"),
    COL_ESTABLISHMENT: QT_TRANSLATE_NOOP(CONTEXT, "Établissement"),
    COL_SERVICE: QT_TRANSLATE_NOOP(CONTEXT, "Service"),
    COL_HEAD: QT_TRANSLATE_NOOP(CONTEXT, "Chef de service"),
    COL_POST_DES: QT_TRANSLATE_NOOP(CONTEXT, "DES du poste"),
    COL_TYPE: QT_TRANSLATE_NOOP(CONTEXT, "Type"),
    COL_GROUP: QT_TRANSLATE_NOOP(CONTEXT, "Groupe"),
    COL_CHOICE: QT_TRANSLATE_NOOP(CONTEXT, "Type de choix"),
}

# filter name → how it matches and which field it reads (the server's names)
EXACT_FILTERS = {"regime": "intern_regime", "post_des": "post_des",
                 "intern_des": "intern_des", "post_type": "post_type"}
TEXT_FILTERS = {"head": "head", "intern": "intern_name", "group": "group",
                "establishment": "establishment"}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def cell_text(a: Assignment, column: int) -> str:
    if column == COL_AT:  # today (the usual case): the time only
        local = a.chosen_at.astimezone()
        if local.date() == datetime.now().astimezone().date():
            return local.strftime("%H:%M:%S")
        return local_time(a.chosen_at)
    if column == COL_INTERN:
        return a.intern_name
    if column == COL_INTERN_DES:
        return a.intern_des
    if column == COL_REGIME:
        return a.intern_regime
    if column == COL_POST:
        return a.post_number
    if column == COL_ESTABLISHMENT:
        return a.establishment
    if column == COL_SERVICE:
        return a.service
    if column == COL_HEAD:
        return a.head
    if column == COL_POST_DES:
        return a.post_des
    if column == COL_TYPE:
        return a.post_type
    if column == COL_GROUP:
        return a.group
    if column == COL_CHOICE:
        label = choice_type_label(a.choice_type)
        if a.by_proxy:
            label += _t(" (procuration)")
        if a.by_staff:
            label += _t(" (par l'agence)")
        return label
    return ""


def _sort_key(a: Assignment, column: int) -> Any:
    if column == COL_AT:
        return a.chosen_at.timestamp()
    if column == COL_POST:
        digits = "".join(c for c in a.post_number if c.isdigit())
        return f"{int(digits):012d}{a.post_number}" if digits else a.post_number
    return normalise(cell_text(a, column))


class AssignmentsModel(QAbstractTableModel):
    """Every choice of the semester; `add` puts a new one first (no duplicates)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Assignment] = []
        self._keys: list[dict[str, str]] = []
        self._ids: set[int] = set()

    @staticmethod
    def _keys_of(a: Assignment) -> dict[str, str]:
        return {name: normalise(str(getattr(a, field) or ""))
                for name, field in {**EXACT_FILTERS, **TEXT_FILTERS}.items()}

    def set_assignments(self, rows: Iterable[Assignment]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda a: (a.chosen_at, a.id), reverse=True)
        self._keys = [self._keys_of(a) for a in self._rows]
        self._ids = {a.id for a in self._rows}
        self.endResetModel()

    def add(self, a: Assignment) -> bool:
        """A choice announced live (False when already listed)."""
        if a.id in self._ids:
            return False
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, a)
        self._keys.insert(0, self._keys_of(a))
        self._ids.add(a.id)
        self.endInsertRows()
        return True

    def assignments(self) -> list[Assignment]:
        return list(self._rows)

    def keys(self, row: int) -> dict[str, str]:
        return self._keys[row]

    def values(self, name: str) -> list[str]:
        """The distinct values of an exact filter (for its drop-down), sorted."""
        field = EXACT_FILTERS[name]
        return sorted({str(getattr(a, field)) for a in self._rows if getattr(a, field)},
                      key=normalise)

    # ---------------------------------------------------------------- Qt

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            title = HEADERS.get(section)
            return _t(title) if title else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        a = self._rows[index.row()]
        if role == ItemRole:
            return a
        if role == SortRole:
            return _sort_key(a, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(a, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (COL_POST, COL_SERVICE, COL_ESTABLISHMENT):
                tip = f"{a.establishment} — {a.service} ({a.head}), {a.amphi_name}"
                return tip + (f" · {a.earmark}" if a.earmark else "")
            return cell_text(a, index.column()) or None
        return None


class AssignmentsFilterProxy(QSortFilterProxyModel):
    """The issue's filters; several values in one filter mean "any of them"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.filters: dict[str, list[str]] = {}
        self.setSortRole(SortRole)

    def set_filter(self, name: str, values: Iterable[str]) -> None:
        """Set one filter (empty: no filter on that field)."""
        if name not in EXACT_FILTERS and name not in TEXT_FILTERS:
            raise KeyError(name)
        wanted = [normalise(v.strip()) for v in values if v.strip()]
        if wanted == self.filters.get(name, []):
            return
        self.beginFilterChange()
        if wanted:
            self.filters[name] = wanted
        else:
            self.filters.pop(name, None)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def clear_filters(self) -> None:
        self.beginFilterChange()
        self.filters = {}
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, AssignmentsModel)
        keys = model.keys(source_row)
        for name, wanted in self.filters.items():
            value = keys[name]
            if name in EXACT_FILTERS:
                if value not in wanted:
                    return False
            elif not any(w in value for w in wanted):
                return False
        return True
