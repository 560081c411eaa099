"""The agency's amphitheatre screens: imports with the report of rejected lines, creating
amphitheatres and cutting them into sessions, the state changes (validate with the
opening date, open, start, pause, resume, finish), supernumerary decisions, messages to
the amphitheatre (the bell), call lists (CSV / PDF) and watching the live session.

Calls go through the `AmphiStaff` sync object given by the area (desktop/sync/amphi.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.amphi import Amphi, ImportReport, InternStaff
from desktop.api.client import ApiError, Campaign
from desktop.models.amphi_live import choice_type_label, local_time, state_label
from desktop.sync.amphi import AmphiStaff, LiveSession
from desktop.tasks import spawn
from desktop.ui.amphi.assignments_view import AssignmentsView
from desktop.ui.amphi.live_view import LiveView, start_live
from desktop.ui.columns import fit_columns, install_fitting, title_widths
from desktop.ui.printing import documents_folder
from desktop.ui.widgets import Banner, Card, py_datetime, qt_datetime, styled_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiStaff", text)


IMPORT_KINDS = (("interns", "Internes"), ("services", "Services"), ("posts", "Postes"))
PHASES = (("socle", "Phase socle"), ("approfondissement", "Phase d'approfondissement"),
          ("consolidation", "Phase de consolidation"))
# The import report names the values read by their field: shown in French.
VALUE_LABELS = {
    "number": "Numéro", "service_number": "N° service", "des": "DES",
    "des_label": "Libellé DES", "specialty_group": "Groupe", "group": "Groupe",
    "post_type": "Type", "regime": "Régime", "earmark": "Fléchage", "reserved": "Réservé",
    "establishment": "Établissement", "service": "Service", "name": "Service",
    "head": "Chef de service", "department": "Département", "last_name": "Nom",
    "first_name": "Prénom", "birth_date": "Date de naissance", "ine": "INE",
    "phase": "Phase", "faculty": "UFR", "cohort": "Promotion", "seniority": "Ancienneté",
    "local_rank": "Rang local", "local_cohort_size": "Effectif promo local",
    "choice_type": "Type de choix", "planned_absence": "Absence prévue", "amphi": "Amphi",
}
# Which actions make sense in each state (the server refuses the others anyway).
ACTIONS: dict[str, tuple[str, ...]] = {
    "not_validated": ("validate",),
    "validated": ("invalidate", "open"),
    "open": ("start", "finish", "invalidate"),
    "in_progress": ("pause", "finish"),
    "paused": ("resume", "finish"),
    "finished": (),
}
ACTION_LABELS = {"validate": "Valider (ouverture le…)", "invalidate": "Invalider",
                 "open": "Ouvrir maintenant", "start": "Démarrer la séance",
                 "pause": "Pause", "resume": "Reprendre", "finish": "Terminer"}


class StaffPage(QWidget):
    """Runs the amphitheatres of one campaign."""

    def __init__(self, staff: AmphiStaff,
                 list_campaigns: Callable[[], Awaitable[list[Campaign]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amphiStaffPage")
        self.staff = staff
        self.list_campaigns = list_campaigns
        self.campaign_id: int | None = None
        self.amphis: list[Amphi] = []
        self.requests: list[InternStaff] = []
        self.report: ImportReport | None = None
        self.live: LiveSession | None = None
        self.live_view: LiveView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(styled_label(_tr("Amphithéâtres — gestion"), "title"))
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("Campagne :"), self))
        self.campaign_combo = QComboBox(self)
        self.campaign_combo.setMinimumWidth(520)
        self.campaign_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.campaign_combo.currentIndexChanged.connect(self._campaign_chosen)
        row.addWidget(self.campaign_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_amphis(), _tr("Amphithéâtres et séances"))
        self.tabs.addTab(self._build_imports(), _tr("Imports"))
        self.tabs.addTab(self._build_requests(), _tr("Demandes de surnombre"))
        self.live_tab = QWidget(self)
        live_layout = QVBoxLayout(self.live_tab)
        live_layout.setContentsMargins(0, 0, 0, 0)
        self.live_holder = QWidget(self.live_tab)
        QVBoxLayout(self.live_holder).setContentsMargins(0, 0, 0, 0)
        live_layout.addWidget(self.live_holder, 1)
        requeue_row = QHBoxLayout()
        requeue_row.addWidget(styled_label(_tr(
            "Un interne absent, hors délai ou en absence prévue se présente ? Sélectionnez-le "
            "dans l'ordre de passage :"), "muted", wrap=True), 1)
        self.requeue_button = QPushButton(_tr("Le replacer après l'interne qui choisit"),
                                          self.live_tab)
        self.requeue_button.clicked.connect(self._requeue)
        requeue_row.addWidget(self.requeue_button)
        self.assign_button = QPushButton(_tr("Affecter le poste sélectionné"), self.live_tab)
        self.assign_button.setToolTip(_tr("Pour un interne dont le tour est passé : "
                                          "sélectionnez-le, puis le poste."))
        self.assign_button.clicked.connect(self._assign)
        requeue_row.addWidget(self.assign_button)
        live_layout.addLayout(requeue_row)
        absence_row = QHBoxLayout()
        absence_row.addWidget(styled_label(_tr("Absence prévue de l'interne sélectionné :"),
                                           "muted"))
        self.absence_reason = QLineEdit(self.live_tab)
        self.absence_reason.setObjectName("amphiAbsenceReason")
        self.absence_reason.setPlaceholderText(_tr("motif (facultatif), ex. disponibilité"))
        absence_row.addWidget(self.absence_reason, 1)
        self.absence_button = QPushButton(_tr("Marquer absent prévu"), self.live_tab)
        self.absence_button.setToolTip(_tr("Il sera sauté à son tour (il peut être replacé "
                                           "s'il se présente)."))
        self.absence_button.clicked.connect(self._mark_absent)
        absence_row.addWidget(self.absence_button)
        self.present_button = QPushButton(_tr("Annuler l'absence prévue"), self.live_tab)
        self.present_button.clicked.connect(self._unmark_absent)
        absence_row.addWidget(self.present_button)
        live_layout.addLayout(absence_row)
        self.tabs.addTab(self.live_tab, _tr("Séance en direct"))
        self.assignments_view = AssignmentsView(self.staff.list_assignments, self)
        self.tabs.addTab(self.assignments_view, _tr("Affectations"))
        layout.addWidget(self.tabs, 1)


    # ---------------------------------------------------------------- layout

    def _build_amphis(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(page)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 8, 0, 0)
        self.amphi_table = QTableWidget(0, 4, left)
        self.amphi_table.setObjectName("amphiStaffList")
        self.amphi_table.setHorizontalHeaderLabels([_tr("Amphithéâtre"), _tr("État"),
                                                    _tr("Internes"), _tr("Postes libres")])
        self.amphi_table.verticalHeader().hide()
        self.amphi_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.amphi_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.amphi_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.amphi_table.horizontalHeader().setStretchLastSection(False)
        self.amphi_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.amphi_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        # The name wraps (two lines) rather than end in « Médeci… »; the other columns fit
        # their content and their title; the list is never narrower than all of them.
        self.amphi_table.setWordWrap(True)
        install_fitting(self.amphi_table)
        self.amphi_table.horizontalHeader().sectionResized.connect(
            lambda *_a: self.amphi_table.resizeRowsToContents())
        self.amphi_table.currentCellChanged.connect(lambda *_a: self._amphi_selected())
        ll.addWidget(self.amphi_table, 1)
        create = Card(_tr("Créer un amphithéâtre"), left)
        form = QFormLayout()
        self.new_name = QLineEdit(left)
        self.new_group = QLineEdit(left)
        self.new_group.setPlaceholderText(_tr("ex. Médecine générale"))
        self.new_phase = QComboBox(left)
        for value, label in PHASES:
            self.new_phase.addItem(_tr(label), value)
        form.addRow(_tr("Nom"), self.new_name)
        form.addRow(_tr("Groupe de spécialités"), self.new_group)
        form.addRow(_tr("Phase"), self.new_phase)
        create.body.addLayout(form)
        self.create_button = QPushButton(_tr("Créer"), left)
        self.create_button.clicked.connect(self._create_amphi)
        create.body.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        ll.addWidget(create)

        right = QWidget(page)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 8, 0, 0)
        self.detail_title = styled_label(_tr("Sélectionnez un amphithéâtre"), "section")
        rl.addWidget(self.detail_title)
        self.detail_state = styled_label("", "muted", wrap=True)
        rl.addWidget(self.detail_state)
        actions = QHBoxLayout()
        self.opens_edit = QDateTimeEdit(right)
        self.opens_edit.setCalendarPopup(True)
        self.opens_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        # Python's clock, as everywhere in the client (one clock, the one tests control).
        self.opens_edit.setDateTime(qt_datetime(datetime.now(UTC) + timedelta(days=1)))
        actions.addWidget(self.opens_edit)
        self.action_buttons: dict[str, QPushButton] = {}
        for action, label in ACTION_LABELS.items():
            button = QPushButton(_tr(label), right)
            button.clicked.connect(lambda _c=False, a=action: self._transition(a))
            self.action_buttons[action] = button
            actions.addWidget(button)
        actions.addStretch(1)
        rl.addLayout(actions)
        rl.addWidget(styled_label(_tr("Séances (rangs consécutifs à partir de 1)"), "section"))
        self.sessions_table = QTableWidget(0, 4, right)
        self.sessions_table.setObjectName("amphiStaffSessions")
        self.sessions_table.setHorizontalHeaderLabels([_tr("Début"), _tr("Fin"),
                                                       _tr("Du rang"), _tr("Au rang")])
        self.sessions_table.verticalHeader().hide()
        self.sessions_table.horizontalHeader().setStretchLastSection(False)
        for column, width in ((0, 170), (1, 170), (2, 100), (3, 100)):
            self.sessions_table.horizontalHeader().resizeSection(column, width)
        self.sessions_table.verticalHeader().setDefaultSectionSize(34)
        rl.addWidget(self.sessions_table, 1)
        srow = QHBoxLayout()
        self.add_session_button = QPushButton(_tr("Ajouter une séance"), right)
        self.add_session_button.clicked.connect(lambda: self.add_session_row())
        srow.addWidget(self.add_session_button)
        self.remove_session_button = QPushButton(_tr("Retirer la dernière"), right)
        self.remove_session_button.clicked.connect(
            lambda: self.sessions_table.setRowCount(max(0, self.sessions_table.rowCount() - 1)))
        srow.addWidget(self.remove_session_button)
        srow.addStretch(1)
        self.save_sessions_button = QPushButton(_tr("Enregistrer les séances"), right)
        self.save_sessions_button.clicked.connect(self._save_sessions)
        srow.addWidget(self.save_sessions_button)
        for button in (self.add_session_button, self.remove_session_button,
                       self.save_sessions_button):  # never squeezed under their text
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        rl.addLayout(srow)
        drow = QHBoxLayout()
        self.csv_button = QPushButton(_tr("Liste d'appel (CSV)"), right)
        self.csv_button.clicked.connect(lambda: self._download("csv"))
        drow.addWidget(self.csv_button)
        self.pdf_button = QPushButton(_tr("Liste d'appel (PDF)"), right)
        self.pdf_button.clicked.connect(lambda: self._download("pdf"))
        drow.addWidget(self.pdf_button)
        drow.addStretch(1)
        rl.addLayout(drow)
        mrow = QHBoxLayout()
        self.message_edit = QLineEdit(right)
        self.message_edit.setPlaceholderText(_tr("Message à tous les internes de cet "
                                                 "amphithéâtre (la cloche)"))
        mrow.addWidget(self.message_edit, 1)
        self.message_button = QPushButton(_tr("Envoyer"), right)
        self.message_button.clicked.connect(self._send_message)
        mrow.addWidget(self.message_button)
        rl.addLayout(mrow)
        page.addWidget(left)
        page.addWidget(right)
        page.setSizes([440, 590])  # the sessions' editors and buttons keep their width
        self._amphi_selected()
        return page

    def _build_imports(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(styled_label(_tr(
            "Fichiers CSV (séparateur ; , ou tabulation, UTF-8 ou Windows-1252) ou XLSX. Les "
            "lignes correctes sont enregistrées, les autres listées ci-dessous avec leur "
            "motif. Importez les services avant les postes."), "muted", wrap=True))
        row = QHBoxLayout()
        self.import_buttons: dict[str, QPushButton] = {}
        for kind, label in IMPORT_KINDS:
            button = QPushButton(_tr("Importer : %1…").replace("%1", _tr(label)), page)
            button.clicked.connect(lambda _c=False, k=kind: self._choose_import(k))
            self.import_buttons[kind] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.report_label = styled_label("", "value", wrap=True)
        layout.addWidget(self.report_label)
        self.rejected_table = QTableWidget(0, 3, page)
        self.rejected_table.setObjectName("amphiRejectedLines")
        self.rejected_table.setHorizontalHeaderLabels([_tr("Ligne"), _tr("Motif du rejet"),
                                                       _tr("Valeurs lues")])
        self.rejected_table.verticalHeader().hide()
        self.rejected_table.horizontalHeader().setStretchLastSection(True)
        self.rejected_table.setWordWrap(True)
        layout.addWidget(self.rejected_table, 1)
        return page

    def _build_requests(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        self.requests_table = QTableWidget(0, 5, page)
        self.requests_table.setObjectName("amphiSupernumerary")
        self.requests_table.setHorizontalHeaderLabels([
            _tr("Interne"), _tr("DES"), _tr("Type actuel"), _tr("Demande"), _tr("Décision")])
        self.requests_table.verticalHeader().hide()
        self.requests_table.horizontalHeader().setStretchLastSection(True)
        self.requests_table.verticalHeader().setDefaultSectionSize(40)
        layout.addWidget(self.requests_table, 1)
        self.requests_empty = styled_label(_tr("Aucune demande en attente."), "muted")
        layout.addWidget(self.requests_empty)
        return page

    def reset(self) -> None:
        """Signed out: stop watching; the next staff member loads his own campaigns."""
        if self.live_view is not None:
            self.live_view.stop()
            self.live_view.deleteLater()
        self.live_view = self.live = None
        self.campaign_id = None
        self.assignments_view.set_campaign(None)
        self.amphis = []
        self.amphi_table.setRowCount(0)

    # ---------------------------------------------------------------- loading

    async def load(self) -> None:
        try:
            campaigns = [c for c in await self.list_campaigns() if c.kind == "amphi"]
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        for c in campaigns:
            self.campaign_combo.addItem(f"{c.name}" + (f" — {c.region}" if c.region else ""),
                                        c.id)
        self.campaign_combo.blockSignals(False)
        if campaigns:
            index = max(0, self.campaign_combo.findData(self.campaign_id))
            self.campaign_combo.setCurrentIndex(index)
            self.campaign_id = int(self.campaign_combo.itemData(index))
            await self.reload()
        else:
            self.banner.show_message(_tr("Aucune campagne d'amphithéâtre sur ce serveur."),
                                     "info")

    def _campaign_chosen(self, index: int) -> None:
        data = self.campaign_combo.itemData(index)
        if data is not None and data != self.campaign_id:
            self.campaign_id = int(data)
            spawn(self, self.reload())

    async def reload(self) -> None:
        if self.campaign_id is None:
            return
        try:
            amphis, requests = await asyncio.gather(
                self.staff.list_amphis(self.campaign_id),
                self.staff.list_supernumerary_requests(self.campaign_id))
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.amphis, self.requests = amphis, requests
        self.assignments_view.set_campaign(self.campaign_id)
        selected = self.selected_amphi()
        self.amphi_table.setRowCount(len(self.amphis))
        for row, a in enumerate(self.amphis):
            self.amphi_table.setItem(row, 0, QTableWidgetItem(a.name))
            self.amphi_table.setItem(row, 1, QTableWidgetItem(state_label(a.state)))
            self.amphi_table.setItem(row, 2, QTableWidgetItem(str(a.intern_count)))
            self.amphi_table.setItem(row, 3, QTableWidgetItem(
                f"{a.free_post_count} / {a.post_count}"))
        fit_columns(self.amphi_table)
        self._fit_amphi_list()
        if self.amphis:
            row = next((i for i, a in enumerate(self.amphis)
                        if selected is not None and a.id == selected.id), 0)
            self.amphi_table.setCurrentCell(row, 0)
        self._amphi_selected()
        self._fill_requests()

    def _fit_amphi_list(self) -> None:
        """The list is at least as wide as its titles and a name on a few lines (a cut
        state shows in full as a tooltip); the sessions beside keep their room."""
        header = self.amphi_table.horizontalHeader()
        titles = title_widths(header)
        others = sum(titles[c] for c in range(1, header.count()))
        self.amphi_table.setMinimumWidth(others + max(header.sectionSizeHint(0), 120)
                                         + 2 * self.amphi_table.frameWidth() + 4)
        self.amphi_table.resizeRowsToContents()

    def selected_amphi(self) -> Amphi | None:
        row = self.amphi_table.currentRow()
        return self.amphis[row] if 0 <= row < len(self.amphis) else None

    def _amphi_selected(self) -> None:
        amphi = self.selected_amphi()
        for button in (*self.action_buttons.values(), self.save_sessions_button,
                       self.csv_button, self.pdf_button, self.message_button,
                       self.add_session_button, self.remove_session_button):
            button.setEnabled(amphi is not None)
        if amphi is None:
            self.detail_title.setText(_tr("Sélectionnez un amphithéâtre"))
            self.detail_state.setText("")
            return
        self.detail_title.setText(amphi.name)
        text = _tr("État : %1 · %2 internes · %3 postes dont %4 libres").replace(
            "%1", state_label(amphi.state)).replace("%2", str(amphi.intern_count)).replace(
            "%3", str(amphi.post_count)).replace("%4", str(amphi.free_post_count))
        if amphi.opens_at:
            text += " · " + _tr("ouverture le %1").replace("%1", local_time(amphi.opens_at))
        self.detail_state.setText(text)
        allowed = ACTIONS.get(amphi.state, ())
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)
        self.opens_edit.setVisible("validate" in allowed)
        started = amphi.state in ("in_progress", "paused", "finished")
        for button in (self.save_sessions_button, self.add_session_button,
                       self.remove_session_button):
            button.setEnabled(not started)
        self.sessions_table.setRowCount(0)
        for s in amphi.sessions:
            self.add_session_row(s.starts_at, s.ends_at, s.rank_from, s.rank_to)
        self._watch(amphi)

    def add_session_row(self, start: datetime | None = None, end: datetime | None = None,
                        rank_from: int | None = None, rank_to: int | None = None) -> None:
        row = self.sessions_table.rowCount()
        self.sessions_table.insertRow(row)
        if start is None:
            previous = self.sessions_table.cellWidget(row - 1, 1) if row else None
            start = (py_datetime(previous.dateTime())
                     if isinstance(previous, QDateTimeEdit)
                     else datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
                     + timedelta(days=2))
        if end is None:
            end = start + timedelta(hours=1)
        for column, moment in ((0, start), (1, end)):
            edit = QDateTimeEdit(self.sessions_table)
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
            edit.setDateTime(qt_datetime(moment))
            self.sessions_table.setCellWidget(row, column, edit)
        amphi = self.selected_amphi()
        last = 0
        if row:
            previous_to = self.sessions_table.cellWidget(row - 1, 3)
            last = previous_to.value() if isinstance(previous_to, QSpinBox) else 0
        for column, rank in ((2, rank_from or last + 1),
                             (3, rank_to or (amphi.intern_count if amphi else last + 1))):
            spin = QSpinBox(self.sessions_table)
            spin.setRange(1, 100_000)
            spin.setValue(rank)
            self.sessions_table.setCellWidget(row, column, spin)

    def session_rows(self) -> list[tuple[datetime, datetime, int, int]]:
        rows = []
        for r in range(self.sessions_table.rowCount()):
            cells = [self.sessions_table.cellWidget(r, c) for c in range(4)]
            start, end, a, b = cells
            assert isinstance(start, QDateTimeEdit) and isinstance(end, QDateTimeEdit)
            assert isinstance(a, QSpinBox) and isinstance(b, QSpinBox)
            rows.append((py_datetime(start.dateTime()), py_datetime(end.dateTime()),
                         a.value(), b.value()))
        return rows

    def _fill_requests(self) -> None:
        self.requests_table.setRowCount(len(self.requests))
        for row, intern in enumerate(self.requests):
            self.requests_table.setItem(row, 0, QTableWidgetItem(
                f"{intern.last_name.upper()} {intern.first_name}"))
            self.requests_table.setItem(row, 1, QTableWidgetItem(intern.des))
            self.requests_table.setItem(row, 2, QTableWidgetItem(
                choice_type_label(intern.choice_type)))
            self.requests_table.setItem(row, 3, QTableWidgetItem(
                choice_type_label(intern.supernumerary_request or "")))
            cell = QWidget(self.requests_table)
            box = QHBoxLayout(cell)
            box.setContentsMargins(2, 0, 2, 0)
            for accept, label in ((True, _tr("Accepter")), (False, _tr("Refuser"))):
                button = QPushButton(label, cell)
                button.clicked.connect(lambda _c=False, i=intern.id, a=accept:
                                       self._decide(i, a))
                box.addWidget(button)
            self.requests_table.setCellWidget(row, 4, cell)
        self.requests_table.resizeColumnsToContents()
        self.requests_empty.setVisible(not self.requests)
        self.tabs.setTabText(2, _tr("Demandes de surnombre (%1)").replace(
            "%1", str(len(self.requests))) if self.requests else _tr("Demandes de surnombre"))

    def _watch(self, amphi: Amphi) -> None:
        """The live tab follows the selected amphitheatre (spectator: no presence)."""
        if self.live is not None and self.live.amphi_id == amphi.id:
            return
        if self.live_view is not None:
            self.live_view.stop()
            self.live_view.deleteLater()
        self.live = self.staff.live_session(amphi.id, parent=self)
        self.live_view = LiveView(self.live, amphi_name=amphi.name, parent=self.live_holder)
        self.live_view.queue_table.setSelectionMode(
            QAbstractItemView.SelectionMode.SingleSelection)
        self.live_view.queue_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows)
        holder = self.live_holder.layout()
        assert holder is not None  # (made with its layout)
        holder.addWidget(self.live_view)
        if amphi.state in ("validated", "open", "in_progress", "paused", "finished"):
            spawn(self, self._start_watch(self.live_view, amphi.id))

    async def _start_watch(self, view: LiveView, amphi_id: int) -> None:
        try:
            offer = await self.staff.list_amphi_posts(amphi_id)
            view.set_posts(list(offer.posts))
            await start_live(view)
        except ApiError as exc:
            view.banner.show_message(exc.message, "info")

    async def on_event(self, kind: str, event: dict[str, Any]) -> None:
        payload = event.get("payload") or {}
        self.assignments_view.on_event(kind, payload)
        if kind in ("amphi_state", "amphi_sessions", "amphi_import", "amphi_intern"):
            spawn(self, self.reload())
        if kind == "amphi_intern" and self.live is not None:
            spawn(self, self.live.refresh())  # a planned absence shows in the queue
        if self.live is not None:
            await self.live.on_event(kind, payload)

    # ---------------------------------------------------------------- actions

    def _error(self, exc: ApiError) -> None:
        self.banner.show_message(exc.message, "error")

    @asyncSlot()
    async def _create_amphi(self) -> None:
        if self.campaign_id is None:
            return
        try:
            amphi = await self.staff.create_amphi(self.campaign_id, self.new_name.text().strip(),
                                                  self.new_group.text().strip(),
                                                  str(self.new_phase.currentData()))
        except ApiError as exc:
            self._error(exc)
            return
        self.banner.show_message(_tr("Amphithéâtre créé : %1 internes et %2 postes y sont "
                                     "rattachés.").replace("%1", str(amphi.intern_count))
                                 .replace("%2", str(amphi.post_count)), "success")
        await self.reload()

    async def transition(self, action: str) -> Amphi | None:
        amphi = self.selected_amphi()
        if amphi is None:
            return None
        opens_at = None
        if action == "validate":
            opens_at = py_datetime(self.opens_edit.dateTime())
        try:
            changed = await self.staff.change_amphi_state(amphi.id, action, opens_at)
        except ApiError as exc:
            self._error(exc)
            return None
        self.banner.show_message(_tr("%1 : %2").replace("%1", changed.name).replace(
            "%2", state_label(changed.state)), "success")
        await self.reload()
        return changed

    @asyncSlot()
    async def _transition(self, action: str) -> None:
        await self.transition(action)

    async def requeue(self, intern_id: int) -> bool:
        amphi = self.selected_amphi()
        if amphi is None or self.live is None:
            return False
        try:
            await self.staff.requeue_intern(amphi.id, intern_id)
        except ApiError as exc:
            self._error(exc)
            return False
        await self.live.refresh()
        self.banner.show_message(_tr("Interne replacé juste après l'interne qui choisit."),
                                 "success")
        return True

    async def assign(self, intern_id: int, post_id: int) -> bool:
        amphi = self.selected_amphi()
        if amphi is None:
            return False
        try:
            choice = await self.staff.assign_post(amphi.id, intern_id, post_id)
        except ApiError as exc:
            self._error(exc)
            return False
        self.banner.show_message(_tr("Poste %1 affecté à %2.").replace(
            "%1", choice.post.number).replace("%2", choice.assignment.intern_name), "success")
        if self.live is not None:
            await self.live.refresh()
        return True

    @asyncSlot()
    async def _assign(self) -> None:
        view = self.live_view
        if view is None:
            return
        row = view.queue_table.currentIndex().row()
        rows = view.queue_model.rows()
        post = view.selected_post()
        if not 0 <= row < len(rows) or post is None:
            self.banner.show_message(_tr("Sélectionnez l'interne dans l'ordre de passage et "
                                         "le poste dans la liste des postes."), "info")
            return
        await self.assign(rows[row].intern_id, post.id)

    async def set_absence(self, intern_id: int, absent: bool, reason: str = "") -> bool:
        """Mark (or clear) a planned absence: the intern is skipped at his turn."""
        try:
            intern = await self.staff.update_amphi_intern(
                intern_id, planned_absence=absent,
                absence_reason=reason.strip() if absent and reason.strip() else None)
        except ApiError as exc:
            self._error(exc)
            return False
        name = f"{intern.first_name} {intern.last_name}"
        self.banner.show_message(
            (_tr("%1 : absence prévue enregistrée, il sera sauté à son tour.") if absent
             else _tr("%1 : absence prévue annulée.")).replace("%1", name), "success")
        self.absence_reason.clear()
        if self.live is not None:
            await self.live.refresh()
        return True

    def _selected_queue_intern(self) -> int | None:
        view = self.live_view
        if view is None:
            return None
        row = view.queue_table.currentIndex().row()
        rows = view.queue_model.rows()
        if not 0 <= row < len(rows):
            self.banner.show_message(_tr("Sélectionnez d'abord l'interne dans l'ordre de "
                                         "passage."), "info")
            return None
        return rows[row].intern_id

    @asyncSlot()
    async def _mark_absent(self) -> None:
        intern_id = self._selected_queue_intern()
        if intern_id is not None:
            await self.set_absence(intern_id, True, self.absence_reason.text())

    @asyncSlot()
    async def _unmark_absent(self) -> None:
        intern_id = self._selected_queue_intern()
        if intern_id is not None:
            await self.set_absence(intern_id, False)

    @asyncSlot()
    async def _requeue(self) -> None:
        view = self.live_view
        if view is None:
            return
        row = view.queue_table.currentIndex().row()
        rows = view.queue_model.rows()
        if not 0 <= row < len(rows):
            self.banner.show_message(_tr("Sélectionnez d'abord l'interne dans l'ordre de "
                                         "passage."), "info")
            return
        await self.requeue(rows[row].intern_id)

    @asyncSlot()
    async def _save_sessions(self) -> None:
        amphi = self.selected_amphi()
        if amphi is None:
            return
        try:
            await self.staff.set_amphi_sessions(amphi.id, self.session_rows())
        except ApiError as exc:
            self._error(exc)
            return
        self.banner.show_message(_tr("Séances enregistrées."), "success")
        await self.reload()

    @asyncSlot()
    async def _send_message(self) -> None:
        amphi = self.selected_amphi()
        text = self.message_edit.text().strip()
        if amphi is None or not text:
            return
        try:
            await self.staff.post_amphi_message(amphi.id, text)
        except ApiError as exc:
            self._error(exc)
            return
        self.message_edit.clear()
        self.banner.show_message(_tr("Message envoyé aux internes de l'amphithéâtre."),
                                 "success")

    @asyncSlot()
    async def _decide(self, intern_id: int, accept: bool) -> None:
        try:
            await self.staff.decide_supernumerary(intern_id, accept)
        except ApiError as exc:
            self._error(exc)
        await self.reload()

    @asyncSlot()
    async def _download(self, kind: str) -> None:
        amphi = self.selected_amphi()
        if amphi is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, _tr("Enregistrer la liste d'appel"),
            str(documents_folder() / f"liste-appel-{amphi.id}.{kind}"),
            "CSV (*.csv)" if kind == "csv" else "PDF (*.pdf)")
        if path:
            await self.save_call_list(kind, Path(path))

    async def save_call_list(self, kind: str, path: Path) -> bool:
        amphi = self.selected_amphi()
        if amphi is None:
            return False
        try:
            content = await (self.staff.download_call_list_csv(amphi.id) if kind == "csv"
                             else self.staff.download_call_list_pdf(amphi.id))
        except ApiError as exc:
            self._error(exc)
            return False
        path.write_bytes(content)
        self.banner.show_message(_tr("Liste d'appel enregistrée : %1").replace("%1", str(path)),
                                 "success")
        return True

    def _choose_import(self, kind: str) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _tr("Fichier à importer"), str(Path.home()),
                                               _tr("Tableaux (*.csv *.xlsx *.txt)"))
        if path:
            spawn(self, self.import_file(kind, Path(path)))

    async def import_file(self, kind: str, path: Path) -> ImportReport | None:
        if self.campaign_id is None:
            return None
        for button in self.import_buttons.values():
            button.setEnabled(False)
        self.report_label.setText(_tr("Import de %1 en cours…").replace("%1", path.name))
        try:
            report = await self.staff.import_amphi_file(self.campaign_id, kind, path.name,
                                                        path.read_bytes())
        except ApiError as exc:
            self.report_label.setText("")
            self._error(exc)
            return None
        except OSError as exc:
            self.report_label.setText("")
            self.banner.show_message(_tr("Fichier illisible : %1").replace("%1", str(exc)),
                                     "error")
            return None
        finally:
            for button in self.import_buttons.values():
                button.setEnabled(True)
        self.show_report(report, path.name)
        await self.reload()
        return report

    def show_report(self, report: ImportReport, name: str = "") -> None:
        self.report = report
        self.report_label.setText(_tr("%1 : %2 lignes lues, %3 créées, %4 mises à jour, %5 "
                                      "rejetées.").replace("%1", name or report.kind)
                                  .replace("%2", str(report.lines))
                                  .replace("%3", str(report.created))
                                  .replace("%4", str(report.updated))
                                  .replace("%5", str(len(report.rejected))))
        self.rejected_table.setRowCount(len(report.rejected))
        for row, line in enumerate(report.rejected):
            self.rejected_table.setItem(row, 0, QTableWidgetItem(str(line.line)))
            self.rejected_table.setItem(row, 1, QTableWidgetItem(line.reason))
            values = " ; ".join(f"{_tr(VALUE_LABELS.get(k, k))} = {v}"
                                for k, v in line.values.items() if v)
            self.rejected_table.setItem(row, 2, QTableWidgetItem(values))
        self.rejected_table.resizeColumnsToContents()
        self.rejected_table.resizeRowsToContents()
