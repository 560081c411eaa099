"""« Affectations »: the semester's choices, public and in real time, with the issue's
filters (regime, post DES, head of service, intern, group, establishment, type, intern
DES) and a table sortable on every column. An `amphi_choice` event adds its line at
once; the whole list is read again after an import or a reconnection.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.api.amphi import Assignment
from desktop.api.client import ApiError, decode
from desktop.models.amphi_assignments import (
    COL_AT,
    COL_CHOICE,
    COL_ESTABLISHMENT,
    COL_GROUP,
    COL_HEAD,
    COL_INTERN,
    COL_INTERN_DES,
    COL_POST,
    COL_POST_DES,
    COL_REGIME,
    COL_SERVICE,
    COL_TYPE,
    AssignmentsFilterProxy,
    AssignmentsModel,
)
from desktop.tasks import spawn
from desktop.ui.widgets import Banner, styled_label

Fetch = Callable[[int], Awaitable[list[Assignment]]]
COMBOS = (("regime", "Régime"), ("post_des", "DES du poste"),
          ("intern_des", "DES de l'interne"), ("post_type", "Type de poste"))
TEXTS = (("intern", "Interne"), ("head", "Chef de service"),
         ("establishment", "Établissement"), ("group", "Groupe"))
WIDTHS = {COL_AT: 110, COL_INTERN: 130, COL_POST: 70, COL_ESTABLISHMENT: 250,
          COL_SERVICE: 200, COL_HEAD: 170, COL_POST_DES: 125, COL_TYPE: 70,
          COL_INTERN_DES: 130, COL_REGIME: 210, COL_GROUP: 190, COL_CHOICE: 150}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiAssignmentsView", text)


class AssignmentsView(QWidget):
    """The assignments list of one campaign (interns, proxy holders and staff)."""

    def __init__(self, fetch: Fetch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amphiAssignments")
        self.fetch = fetch
        self.campaign_id: int | None = None
        self.model = AssignmentsModel(self)
        self.proxy = AssignmentsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        layout.addWidget(styled_label(_tr(
            "Tous les choix du semestre, dès qu'ils sont faits (le plus récent en haut). "
            "Cliquez sur un titre de colonne pour trier."), "muted", wrap=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.combos: dict[str, QComboBox] = {}
        for n, (name, label) in enumerate(COMBOS):
            combo = QComboBox(self)
            combo.setObjectName(f"assignmentFilter_{name}")
            combo.setMinimumWidth(150)
            combo.addItem(_tr("Tous"), "")
            combo.currentIndexChanged.connect(self._combo_changed)
            self.combos[name] = combo
            grid.addWidget(QLabel(_tr(label), self), 0, 2 * n)
            grid.addWidget(combo, 0, 2 * n + 1)
        self.edits: dict[str, QLineEdit] = {}
        for n, (name, label) in enumerate(TEXTS):
            edit = QLineEdit(self)
            edit.setObjectName(f"assignmentFilter_{name}")
            edit.setPlaceholderText(_tr("contient…"))
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self._text_changed)
            self.edits[name] = edit
            grid.addWidget(QLabel(_tr(label), self), 1, 2 * n)
            grid.addWidget(edit, 1, 2 * n + 1)
        for n in range(len(COMBOS)):
            grid.setColumnStretch(2 * n + 1, 1)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.count_label = styled_label("", "muted")
        row.addWidget(self.count_label, 1)
        self.clear_button = QPushButton(_tr("Effacer les filtres"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        self.table = QTableView(self)
        self.table.setObjectName("amphiAssignmentsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_AT, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._count)
        self._count()


    # ---------------------------------------------------------------- data

    def set_campaign(self, campaign_id: int | None) -> None:
        if campaign_id == self.campaign_id:
            return
        self.campaign_id = campaign_id
        self.model.set_assignments([])
        if campaign_id is not None:
            spawn(self, self.reload())

    async def reload(self) -> None:
        if self.campaign_id is None:
            return
        try:
            rows = await self.fetch(self.campaign_id)
        except ApiError as exc:
            self.banner.show_message(exc.message, "warning" if exc.offline else "error")
            return
        self.banner.clear()
        self.banner.hide()
        self.model.set_assignments(rows)
        self._fill_combos()

    def on_event(self, kind: str, payload: dict[str, Any]) -> None:
        """A choice adds its line; an import may change everything."""
        if self.campaign_id is None or payload.get("campaign_id", self.campaign_id) \
                != self.campaign_id:
            return
        if kind == "amphi_choice" and isinstance(payload.get("assignment"), dict):
            try:
                assignment = decode(Assignment, payload["assignment"])
            except ApiError:
                spawn(self, self.reload())
                return
            if assignment.campaign_id == self.campaign_id and self.model.add(assignment):
                self._fill_combos()
        elif kind == "amphi_import":
            spawn(self, self.reload())

    # ---------------------------------------------------------------- filters

    def _fill_combos(self) -> None:
        """Offer the values present in the list; keep what is chosen."""
        for name, combo in self.combos.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_tr("Tous"), "")
            for value in self.model.values(name):
                combo.addItem(value, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            if index < 0 and chosen:
                self.proxy.set_filter(name, [])

    def _combo_changed(self, _index: int) -> None:
        for name, combo in self.combos.items():
            self.proxy.set_filter(name, [str(combo.currentData() or "")])
        self._count()

    def _text_changed(self, _text: str) -> None:
        for name, edit in self.edits.items():
            self.proxy.set_filter(name, [edit.text()])
        self._count()

    def set_filter(self, name: str, value: str) -> None:
        """Choose a value in a filter (as the student would)."""
        if name in self.combos:
            combo = self.combos[name]
            combo.setCurrentIndex(max(0, combo.findData(value)))
        else:
            self.edits[name].setText(value)

    def clear_filters(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in self.edits.values():
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.proxy.clear_filters()
        self._count()

    def _count(self, *_args: object) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if total == 0:
            text = _tr("Aucune affectation pour l'instant : les choix apparaîtront ici dès "
                       "qu'ils seront faits.")
        elif shown == total:
            text = _tr("%1 affectation(s)").replace("%1", str(total))
        else:
            text = _tr("%1 affectation(s) sur %2 avec ces filtres").replace(
                "%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)
        self.clear_button.setEnabled(bool(self.proxy.filters))
