"""The call list and the live queue of an amphitheatre, and the turn arithmetic.

Colours of the live screen (PROCEDURES.md §2): the intern choosing is blue, me green,
taken posts red. « C'est bientôt votre tour » when at most `soon_threshold` *present*
interns (the chooser included) are before me: `get_live.me.soon` says it, and between two
reads `desktop.sync.amphi.soon_from_upcoming` recomputes it from the `amphi_turn` event's
`upcoming`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.api.amphi import CallListEntry, LiveIntern
from desktop.models import QT_TRANSLATE_NOOP, ItemRole, SortRole

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "AmphiLive"

CHOOSER_COLOUR = QColor("#d6e6fb")  # blue: the intern choosing
ME_COLOUR = QColor("#d3f0dc")  # green: me
CHOSEN_COLOUR = QColor("#b42318")
MUTED_COLOUR = QColor("#6b7280")

STATUS_LABELS = {
    "waiting": QT_TRANSLATE_NOOP(CONTEXT, "En attente"),
    "choosing": QT_TRANSLATE_NOOP(CONTEXT, "Choisit en ce moment"),
    "chosen": QT_TRANSLATE_NOOP(CONTEXT, "A choisi"),
    "absent": QT_TRANSLATE_NOOP(CONTEXT, "Absent"),
    "timed_out": QT_TRANSLATE_NOOP(CONTEXT, "Temps écoulé"),
    "skipped": QT_TRANSLATE_NOOP(CONTEXT, "Absence prévue"),
    "not_reached": QT_TRANSLATE_NOOP(CONTEXT, "Non appelé"),
}
STATE_LABELS = {
    "not_validated": QT_TRANSLATE_NOOP(CONTEXT, "En préparation"),
    "validated": QT_TRANSLATE_NOOP(CONTEXT, "Validé — ouverture prévue"),
    "open": QT_TRANSLATE_NOOP(CONTEXT, "Ouvert (favoris)"),
    "in_progress": QT_TRANSLATE_NOOP(CONTEXT, "Séance en cours"),
    "paused": QT_TRANSLATE_NOOP(CONTEXT, "Séance en pause"),
    "finished": QT_TRANSLATE_NOOP(CONTEXT, "Terminé"),
}
CHOICE_TYPE_LABELS = {
    "classique": QT_TRANSLATE_NOOP(CONTEXT, "Classique"),
    "surnombre validant": QT_TRANSLATE_NOOP(CONTEXT, "Surnombre validant"),
    "surnombre non validant": QT_TRANSLATE_NOOP(CONTEXT, "Surnombre non validant"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: str) -> str:
    return _t(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def state_label(state: str) -> str:
    return _t(STATE_LABELS[state]) if state in STATE_LABELS else state


def choice_type_label(choice_type: str) -> str:
    return _t(CHOICE_TYPE_LABELS[choice_type]) if choice_type in CHOICE_TYPE_LABELS \
        else choice_type


def local_time(value: datetime | None, with_date: bool = True) -> str:
    """« 14/09/2026 09:30 » in the computer's time zone."""
    if value is None:
        return "—"
    local = value.astimezone()
    return local.strftime("%d/%m/%Y %H:%M" if with_date else "%H:%M")


def countdown_text(seconds: float | None) -> str:
    """« 1:05 » (never negative); « — » without a running clock."""
    if seconds is None:
        return "—"
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"


# --------------------------------------------------------------------------- call list

CL_RANK = 0
CL_NAME = 1
CL_DES = 2
CL_COHORT = 3
CL_SENIORITY = 4
CL_LOCAL = 5
CL_UPDATED = 6
CL_TYPE = 7
CL_SESSION = 8
CL_COLUMNS = 9
CL_HEADERS = {
    CL_RANK: QT_TRANSLATE_NOOP(CONTEXT, "Rang d'appel"),
    CL_NAME: QT_TRANSLATE_NOOP(CONTEXT, "Interne"),
    CL_DES: QT_TRANSLATE_NOOP(CONTEXT, "DES"),
    CL_COHORT: QT_TRANSLATE_NOOP(CONTEXT, "Promotion (théorique)"),
    CL_SENIORITY: QT_TRANSLATE_NOOP(CONTEXT, "Ancienneté"),
    CL_LOCAL: QT_TRANSLATE_NOOP(CONTEXT, "Rang local / effectif"),
    CL_UPDATED: QT_TRANSLATE_NOOP(CONTEXT, "Rang actualisé"),
    CL_TYPE: QT_TRANSLATE_NOOP(CONTEXT, "Type de choix"),
    CL_SESSION: QT_TRANSLATE_NOOP(CONTEXT, "Séance"),
}


class CallListModel(QAbstractTableModel):
    """« Liste d'appel » in call order; my line in green."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CallListEntry] = []
        self.me: int | None = None

    def set_entries(self, entries: Iterable[CallListEntry], me: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.me = me
        self.endResetModel()

    def entries(self) -> list[CallListEntry]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else CL_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            title = CL_HEADERS.get(section)
            return _t(title) if title else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        e = self._rows[index.row()]
        c = index.column()
        if role == ItemRole:
            return e
        if role == SortRole:
            return {CL_RANK: e.call_rank, CL_UPDATED: e.updated_rank,
                    CL_SENIORITY: e.seniority, CL_COHORT: e.theoretical_cohort}.get(
                c, str(self.data(index)))
        if role == Qt.ItemDataRole.DisplayRole:
            if c == CL_RANK:
                return str(e.call_rank)
            if c == CL_NAME:
                absent = _t(" (absence prévue)") if e.planned_absence else ""
                return f"{e.last_name.upper()} {e.first_name}{absent}"
            if c == CL_DES:
                return e.des
            if c == CL_COHORT:
                return f"{e.cohort} ({e.theoretical_cohort})"
            if c == CL_SENIORITY:
                return _t("%1 sem.").replace("%1", str(e.seniority))
            if c == CL_LOCAL:
                return f"{e.local_rank} / {e.local_cohort_size}"
            if c == CL_UPDATED:
                return e.updated_rank_display
            if c == CL_TYPE:
                return choice_type_label(e.choice_type)
            if c == CL_SESSION:
                if e.session_no is None:
                    return "—"
                return _t("n° %1 — %2").replace("%1", str(e.session_no)).replace(
                    "%2", local_time(e.session_starts_at))
        if role == Qt.ItemDataRole.BackgroundRole and e.intern_id == self.me:
            return QBrush(ME_COLOUR)
        return None


# --------------------------------------------------------------------------- live queue

LQ_POSITION = 0
LQ_NAME = 1
LQ_DES = 2
LQ_TYPE = 3
LQ_STATUS = 4
LQ_POST = 5
LQ_COLUMNS = 6
LQ_HEADERS = {
    LQ_POSITION: QT_TRANSLATE_NOOP(CONTEXT, "Ordre"),
    LQ_NAME: QT_TRANSLATE_NOOP(CONTEXT, "Interne"),
    LQ_DES: QT_TRANSLATE_NOOP(CONTEXT, "DES"),
    LQ_TYPE: QT_TRANSLATE_NOOP(CONTEXT, "Type de choix"),
    LQ_STATUS: QT_TRANSLATE_NOOP(CONTEXT, "Statut / poste"),
    LQ_POST: QT_TRANSLATE_NOOP(CONTEXT, "Poste"),
}


def post_text(q: LiveIntern) -> str:
    """« 2311 — Cabinet médical … »: the post a co-intern took."""
    return f"{q.post_number} — {q.post_label or ''}".rstrip(" —")


class LiveQueueModel(QAbstractTableModel):
    """Every intern in passing order: the chooser in blue, me in green, choices as made."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LiveIntern] = []
        self.current: int | None = None
        self.me: int | None = None

    def set_queue(self, queue: Iterable[LiveIntern], current: int | None,
                  me: int | None) -> None:
        self.beginResetModel()
        self._rows = sorted(queue, key=lambda q: q.position)
        self.current = current
        self.me = me
        self.endResetModel()

    def rows(self) -> list[LiveIntern]:
        return list(self._rows)

    @staticmethod
    def status_sample() -> str:
        """The widest status text (the column is sized for it: no « Choisit en ce … »)."""
        texts = [status_label(s) for s in STATUS_LABELS] + [
            _t("Non connecté")]
        return max(texts, key=len)

    def row_of(self, intern_id: int) -> int | None:
        for i, q in enumerate(self._rows):
            if q.intern_id == intern_id:
                return i
        return None

    def set_current(self, intern_id: int | None) -> None:
        self.current = intern_id
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               LQ_COLUMNS - 1))

    def record_choice(self, intern_id: int, post_number: str, post_label: str) -> None:
        """A co-intern's choice as it happens (the `amphi_choice` event)."""
        row = self.row_of(intern_id)
        if row is None:
            return
        old = self._rows[row]
        self._rows[row] = replace(old, status="chosen", post_id=None, post_number=post_number,
                                  post_label=post_label)
        self.dataChanged.emit(self.index(row, 0), self.index(row, LQ_COLUMNS - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else LQ_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            title = LQ_HEADERS.get(section)
            return _t(title) if title else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        q = self._rows[index.row()]
        c = index.column()
        if role == ItemRole:
            return q
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if c == LQ_POSITION:
                return q.position if role == SortRole else str(q.position)
            if c == LQ_NAME:  # « #87 Pierre J. », as in the original
                if role == SortRole:
                    return q.position
                return f"#{q.position} {q.name}" + (_t(" (moi)") if q.intern_id == self.me
                                                    else "")
            if c == LQ_DES:
                return q.des
            if c == LQ_TYPE:
                return choice_type_label(q.choice_type)
            if c == LQ_STATUS:
                if q.intern_id == self.current:
                    return status_label("choosing")
                if q.status == "waiting" and not q.present:
                    return _t("Non connecté")  # waiting, not connected: short, it is a column
                if q.status == "chosen" and q.post_number:
                    return post_text(q)  # the post taken, in red, says « a choisi »
                if q.status == "choosing" and self.current is not None:
                    # The snapshot is older than the turn: his turn is over, its outcome
                    # (chosen, time up…) arrives with the next state.
                    return _t("Tour terminé")
                return status_label(q.status)
            if c == LQ_POST:
                return post_text(q) if q.post_number else ""
        if role == Qt.ItemDataRole.ToolTipRole and c == LQ_NAME:
            return _t("%1 — n° %2 de l'ordre de passage · %3").replace("%1", q.name).replace(
                "%2", str(q.position)).replace("%3", choice_type_label(q.choice_type))
        if role == Qt.ItemDataRole.ToolTipRole and c in (LQ_STATUS, LQ_POST) \
                and q.post_number:
            return _t("A choisi le poste %1").replace("%1", post_text(q))
        if role == Qt.ItemDataRole.BackgroundRole:
            if q.intern_id == self.current:
                return QBrush(CHOOSER_COLOUR)
            if q.intern_id == self.me:
                return QBrush(ME_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole:
            if c in (LQ_POST, LQ_STATUS) and q.post_number and q.status == "chosen" \
                    or c == LQ_POST and q.post_number:
                return QBrush(CHOSEN_COLOUR)
            if q.status in ("absent", "timed_out", "skipped", "not_reached"):
                return QBrush(MUTED_COLOUR)
        if role == Qt.ItemDataRole.FontRole and q.intern_id in (self.current, self.me):
            font = QFont()
            font.setBold(True)
            return font
        return None
