"""The coordinators' tables: students, posts and results of a matching campaign.

One small base (`RowsModel`) turns a list of answer dataclasses into a table from a
column list; each model names its columns with `COL_…` constants, answers `SortRole`
with comparable values and `ItemRole` with the row's object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.api.matching import PostRow, ResultRow, StudentRow
from desktop.models import ItemRole, SortRole

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
PARIS = ZoneInfo("Europe/Paris")


def _date(value: datetime | None) -> str:
    return value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M") if value else "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingDashboards", text)


def _yes(value: bool | None) -> str:
    return "—" if value is None else (_tr("Oui") if value else _tr("Non"))


Column = tuple[str, Callable[[Any], Any], Callable[[Any], Any]]  # header, display, sort


class RowsModel(QAbstractTableModel, Generic[T]):
    COLUMNS: Sequence[Column] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return self.tr(self.COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) \
                or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self.rows[index.row()]
        _header, display, sort = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(row)
        if role == SortRole:
            return sort(row)
        if role == ItemRole:
            return row
        return self.extra(row, index.column(), role)

    def extra(self, row: T, column: int, role: int) -> Any:
        return None


def fold(text: str) -> str:
    """Accent- and case-insensitive sort key ("Étienne" sorts with the E)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def natural(text: str) -> str:
    """Numbers as numbers ("99" before "990"), as a string the proxy compares."""
    return f"{int(text):015d}" if text.isdigit() else "~" + fold(text)


def _name(r: Any) -> str:
    return f"{r.last_name.upper()} {r.first_name}"


def _post_text(p: Any) -> str:
    return f"{p.label} — {p.establishment}" if p else "—"


COL_S_NAME, COL_S_INE, COL_S_SPECIALTY, COL_S_SUBDIVISION, COL_S_CONNECTED, \
    COL_S_APPLICATIONS, COL_S_ENOUGH, COL_S_OFFSET, COL_S_ASSIGNED = range(9)


class StudentsModel(RowsModel[StudentRow]):
    COLUMNS = (
        ("Étudiant", _name, lambda r: fold(_name(r))),
        ("INE", lambda r: r.ine or "", lambda r: r.ine or ""),
        ("Spécialité", lambda r: r.specialty, lambda r: r.specialty),
        ("Subdivision", lambda r: r.subdivision, lambda r: r.subdivision),
        ("Connexion", lambda r: _date(r.last_seen_at),
         lambda r: r.last_seen_at.timestamp() if r.last_seen_at else 0),
        ("Candidatures", lambda r: f"{r.applications} / {r.required}",
         lambda r: r.applications),
        ("Suffisantes", lambda r: _yes(r.enough), lambda r: int(r.enough)),
        ("Décalé", lambda r: _yes(r.offset_semester), lambda r: int(r.offset_semester)),
        ("Affectation", lambda r: (_tr("Tour {n} : {post}").format(
            n=r.assigned_round, post=_post_text(r.assigned_post)) if r.assigned_post else "—"),
         lambda r: r.assigned_round or 99),
    )

    def extra(self, row: StudentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_S_ENOUGH and not row.enough:
            return QColor("#b91c1c")
        return None


COL_P_NUMBER, COL_P_LABEL, COL_P_SPECIALTY, COL_P_SUBDIVISION, COL_P_SUPERVISOR, \
    COL_P_TYPE, COL_P_PLACES, COL_P_APPLICATIONS, COL_P_ASSIGNMENTS, COL_P_CONNECTED, \
    COL_P_VALID, COL_P_VALIDATED, COL_P_CHANGE = range(13)


class PostsModel(RowsModel[PostRow]):
    COLUMNS = (
        ("Numéro", lambda r: r.number, lambda r: natural(r.number)),
        ("Poste", lambda r: f"{r.label} — {r.establishment}", lambda r: fold(r.label)),
        ("Spécialité", lambda r: r.specialty, lambda r: r.specialty),
        ("Subdivision", lambda r: r.subdivision, lambda r: r.subdivision),
        ("RTS", lambda r: r.supervisor.display_name if r.supervisor else "—",
         lambda r: r.supervisor.last_name if r.supervisor else ""),
        ("Type", lambda r: f"{r.post_type}, {r.duration_months} mois"
         + (", décalé" if r.offset_semester else ""), lambda r: r.post_type),
        ("Places", lambda r: f"{r.remaining_places} / {r.places}", lambda r: r.places),
        ("Candidatures", lambda r: str(r.applications), lambda r: r.applications),
        ("Affectations", lambda r: str(r.assignments), lambda r: r.assignments),
        ("Connexion RTS", lambda r: _date(r.supervisor_last_seen_at),
         lambda r: r.supervisor_last_seen_at.timestamp() if r.supervisor_last_seen_at else 0),
        ("Classement valide", lambda r: _yes(r.ranking_valid),
         lambda r: -1 if r.ranking_valid is None else int(r.ranking_valid)),
        ("Validé par l'ARS", lambda r: _yes(r.validated), lambda r: int(r.validated)),
        ("Derniers changements",
         lambda r: f"{r.last_change_by} le {_date(r.last_change_at)}" if r.last_change_at
         else "Aucun changement",
         lambda r: r.last_change_at.timestamp() if r.last_change_at else 0),
    )

    def extra(self, row: PostRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_P_VALID:
            if row.ranking_valid is False:
                return QColor("#b91c1c")
            if row.ranking_valid:
                return QColor("#15803d")
        return None


COL_R_ROUND, COL_R_STUDENT, COL_R_SPECIALTY, COL_R_SUBDIVISION, COL_R_POST, \
    COL_R_SUPERVISOR, COL_R_PUBLISHED = range(7)


class ResultsModel(RowsModel[ResultRow]):
    COLUMNS = (
        ("Tour", lambda r: _tr("{wave}, tour {n}").format(wave=r.wave_name, n=r.round_number),
         lambda r: r.round_number),
        ("Étudiant", lambda r: _name(r.candidate), lambda r: fold(_name(r.candidate))),
        ("Spécialité", lambda r: r.candidate.specialty, lambda r: r.candidate.specialty),
        ("Subdivision", lambda r: r.candidate.subdivision, lambda r: r.candidate.subdivision),
        ("Poste", lambda r: _post_text(r.post) if r.post else _tr("Non affecté(e)"),
         lambda r: r.post.label if r.post else "~"),
        ("RTS", lambda r: r.post.supervisor.display_name if r.post and r.post.supervisor
         else "—", lambda r: r.post.supervisor.last_name if r.post and r.post.supervisor
         else ""),
        ("Publié", lambda r: _yes(r.published), lambda r: int(r.published)),
    )
