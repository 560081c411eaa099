"""The agency's national screen: site state, imports, day slices, running the amphitheatre,
exports of the assignments.

Running the amphitheatre shows the current student with his phone number in large
type (the agency calls him when he does not choose), how long he has been waiting, the
next five, the radar; and the three staff decisions: assign his first feasible wish,
skip his turn, demote him into the next day slice. « Envoyer un message… » writes to the
current student or to the one selected among the next (he cannot be reached). « Exporter »
saves the assignments (by subdivision, UFR or specialty; CSV or Excel) for the agencies
and the faculties. Live events refresh it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from pathlib import Path
from time import monotonic
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.national import (
    DaySlice,
    Download,
    ImportReport,
    MessageSent,
    NationalCampaign,
    StaffAmphi,
    StaffStudent,
)
from desktop.i18n import integer
from desktop.models import ItemRole
from desktop.models.national_tables import (
    RecordModel,
    rejected_columns,
    sort_proxy,
    staff_student_columns,
)
from desktop.tasks import spawn
from desktop.ui.national.common import page_layout, table_view
from desktop.ui.national.message_dialog import MessageDialog
from desktop.ui.national.tables_view import radar_text
from desktop.ui.printing import ask_save_path
from desktop.ui.widgets import Banner, BusyButton, BusyIndicator, Card, repolish, styled_label

STATES = (("closed", "Fermé pour travaux"),
          ("details_only", "Saisie des coordonnées et mot de passe"),
          ("wishes_open", "Ouvert pour choix avec simulation"),
          ("amphi", "En période d'amphi"),
          ("finished", "Terminé"))
AMPHI_STATUS = {"not_started": "pas commencé", "running": "en cours", "paused": "en pause",
                "finished": "terminé"}
EXPORT_GROUPS = (("subdivision", "Par subdivision"), ("faculty", "Par UFR (faculté)"),
                 ("specialty", "Par spécialité"))
EXPORT_FORMATS = (("xlsx", "Excel (.xlsx)"), ("csv", "CSV (Excel, séparateur « ; »)"))
# Site states in which the assignments may be exported (during the amphi and after).
EXPORT_STATES = frozenset({"amphi", "finished"})


@dataclass(frozen=True)
class StaffSource:
    """The staff calls, bound to one campaign by the area module."""

    campaign: Callable[[], Awaitable[NationalCampaign]]
    set_state: Callable[[str], Awaitable[NationalCampaign]]
    set_day_slices: Callable[[list[DaySlice]], Awaitable[list[DaySlice]]]
    import_offer: Callable[[Path, bool], Awaitable[ImportReport]]
    import_students: Callable[[Path, bool], Awaitable[ImportReport]]
    amphi: Callable[[], Awaitable[StaffAmphi]]
    command: Callable[[str, int | None], Awaitable[Any]]  # start/pause/resume/assign/...
    export: Callable[[str, str], Awaitable[Download]]  # (group_by, format)
    message: Callable[[int, str], Awaitable[MessageSent]]  # (candidate_id, text)


class StaffNationalView(QWidget):
    """« Choix national (agence) »."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: StaffSource | None = None
        self.campaign: NationalCampaign | None = None
        self.amphi: StaffAmphi | None = None
        self.last_report: ImportReport | None = None
        self.message_dialog: MessageDialog | None = None
        self.last_export: Path | None = None
        # Where to save an export (tests replace it): the « Enregistrer » dialog, in Documents.
        self.ask_path: Callable[[str, str], Awaitable[Path | None]] = self._ask_export_path
        layout, self.subtitle = page_layout(self, self.tr("Choix national — agence"))
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self._build_amphi(layout)
        self._build_exports(layout)
        self._build_state(layout)
        self._build_imports(layout)
        self._build_slices(layout)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.reload_amphi)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._waiting_base: tuple[float, int] | None = None

    # ---------------------------------------------------------------- building

    def _build_amphi(self, layout: Any) -> None:
        card = Card(self.tr("Amphithéâtre"))
        self.amphi_status = styled_label("", "field", wrap=True)
        card.body.addWidget(self.amphi_status)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Démarrer l'amphi"))
        self.pause_button = QPushButton(self.tr("Mettre en pause"))
        self.resume_button = QPushButton(self.tr("Reprendre"))
        # Shown while the amphitheatre waits for the next day's slice (its ranks may choose
        # the evening before, as the seed allows).
        self.open_slice_button = QPushButton(self.tr("Ouvrir la tranche suivante maintenant"))
        self.open_slice_button.setObjectName("openNextSlice")
        self.open_slice_button.hide()
        for button, command in ((self.start_button, "start"), (self.pause_button, "pause"),
                                (self.resume_button, "resume"),
                                (self.open_slice_button, "open_next_slice")):
            button.clicked.connect(partial(self._run_command, command))
            row.addWidget(button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.current_title = styled_label(self.tr("Étudiant qui choisit maintenant"), "section")
        card.body.addWidget(self.current_title)
        grid = QGridLayout()
        self.current_name = styled_label("—", "value")
        self.current_name.setObjectName("staffCurrentName")
        self.current_phone = styled_label("—", "value")
        self.current_phone.setObjectName("staffCurrentPhone")
        self.current_details = styled_label("", "muted", wrap=True)
        self.current_waiting = styled_label("", "field")
        grid.addWidget(styled_label(self.tr("Nom, rang"), "field"), 0, 0)
        grid.addWidget(self.current_name, 0, 1)
        grid.addWidget(styled_label(self.tr("Téléphone"), "field"), 1, 0)
        grid.addWidget(self.current_phone, 1, 1)
        grid.addWidget(self.current_waiting, 2, 0, 1, 2)
        grid.addWidget(self.current_details, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        card.body.addLayout(grid)
        actions = QHBoxLayout()
        self.assign_button = QPushButton(self.tr("Affecter son premier vœu réalisable"))
        self.skip_button = QPushButton(self.tr("Passer son tour"))
        self.demote_button = QPushButton(self.tr("Déclasser dans la tranche suivante"))
        for button, command in ((self.assign_button, "assign"), (self.skip_button, "skip"),
                                (self.demote_button, "demote")):
            button.clicked.connect(partial(self._run_decision, command))
            actions.addWidget(button)
        self.message_current_button = QPushButton(self.tr("Envoyer un message…"))
        self.message_current_button.setToolTip(self.tr(
            "Il le voit dans Amphi, le reçoit par courriel et le garde dans son historique."))
        self.message_current_button.clicked.connect(self._message_current)
        actions.addWidget(self.message_current_button)
        actions.addStretch(1)
        card.body.addLayout(actions)
        card.body.addWidget(styled_label(self.tr("Les suivants"), "section"))
        self.next_model = RecordModel(staff_student_columns(), self)
        self.next_table = table_view(sort_proxy(self.next_model, self), sortable=False,
                                     parent=self)
        self.next_table.setMinimumHeight(190)
        self.next_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.next_table.doubleClicked.connect(lambda _index: self._message_selected())
        self.next_table.selectionModel().selectionChanged.connect(self._selection_changed)
        card.body.addWidget(self.next_table)
        row = QHBoxLayout()
        self.message_next_button = QPushButton(self.tr("Envoyer un message à l'étudiant "
                                                       "sélectionné…"))
        self.message_next_button.setEnabled(False)
        self.message_next_button.clicked.connect(self._message_selected)
        row.addWidget(self.message_next_button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.radar_label = styled_label("", "muted", wrap=True)
        card.body.addWidget(self.radar_label)
        layout.addWidget(card)

    def _build_exports(self, layout: Any) -> None:
        card = Card(self.tr("Exports pour les agences et les facultés"))
        card.body.addWidget(styled_label(self.tr(
            "Les affectations (étudiants ayant un poste), avec leur rang et le vœu obtenu, "
            "groupées par subdivision, par UFR ou par spécialité. Disponible pendant l'amphi "
            "et après."), "muted", wrap=True))
        row = QHBoxLayout()
        self.export_group_combo = QComboBox(self)
        for key, label in EXPORT_GROUPS:
            self.export_group_combo.addItem(self.tr(label), key)
        self.export_format_combo = QComboBox(self)
        for key, label in EXPORT_FORMATS:
            self.export_format_combo.addItem(self.tr(label), key)
        self.export_button = BusyButton(self.tr("Exporter…"), self.tr("Export…"),
                                        primary=False)
        self.export_button.clicked.connect(self._export_clicked)
        row.addWidget(self.export_group_combo)
        row.addWidget(self.export_format_combo)
        row.addWidget(self.export_button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.export_progress = BusyIndicator(self)
        self.export_progress.hide()
        card.body.addWidget(self.export_progress)
        self.export_label = styled_label("", "muted", wrap=True)
        self.export_label.hide()
        card.body.addWidget(self.export_label)
        layout.addWidget(card)

    def _build_state(self, layout: Any) -> None:
        card = Card(self.tr("État du site"))
        row = QHBoxLayout()
        self.state_label = styled_label("", "field", wrap=True)
        row.addWidget(self.state_label, 1)
        self.state_combo = QComboBox(self)
        for key, label in STATES:
            self.state_combo.addItem(self.tr(label), key)
        row.addWidget(self.state_combo)
        self.state_button = QPushButton(self.tr("Appliquer"))
        self.state_button.clicked.connect(self._set_state)
        row.addWidget(self.state_button)
        card.body.addLayout(row)
        layout.addWidget(card)

    def _build_imports(self, layout: Any) -> None:
        card = Card(self.tr("Imports (CSV ou XLSX)"))
        card.body.addWidget(styled_label(self.tr(
            "Offre : colonnes subdivision, spécialité, postes, contingent (facultatif). "
            "Étudiants : rang, nom, prénom, date de naissance, INE, contingent. Les lignes "
            "refusées sont listées ; les autres sont importées."), "muted", wrap=True))
        row = QHBoxLayout()
        self.offer_button = BusyButton(self.tr("Importer l'offre…"), self.tr("Import…"),
                                       primary=False)
        self.offer_button.clicked.connect(partial(self._run_import, "offer"))
        self.students_button = BusyButton(self.tr("Importer les étudiants classés…"),
                                          self.tr("Import…"), primary=False)
        self.students_button.clicked.connect(partial(self._run_import, "students"))
        self.dry_run_check = QCheckBox(self.tr("Vérifier seulement (ne rien importer)"))
        row.addWidget(self.offer_button)
        row.addWidget(self.students_button)
        row.addWidget(self.dry_run_check)
        row.addStretch(1)
        card.body.addLayout(row)
        self.report_label = styled_label("", "field", wrap=True)
        card.body.addWidget(self.report_label)
        self.rejected_model = RecordModel(rejected_columns(), self)
        self.rejected_table = table_view(sort_proxy(self.rejected_model, self), parent=self)
        self.rejected_table.setMinimumHeight(150)
        self.rejected_table.hide()
        card.body.addWidget(self.rejected_table)
        layout.addWidget(card)

    def _build_slices(self, layout: Any) -> None:
        card = Card(self.tr("Tranches journalières"))
        self.slices_table = QTableWidget(0, 4, self)
        self.slices_table.setHorizontalHeaderLabels(
            [self.tr("Jour (AAAA-MM-JJ)"), self.tr("Du rang"), self.tr("Au rang"),
             self.tr("Début (HH:MM)")])
        header = self.slices_table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.slices_table.verticalHeader().hide()
        self.slices_table.setMinimumHeight(200)
        card.body.addWidget(self.slices_table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Ajouter une tranche"))
        add.clicked.connect(self._add_slice)
        remove = QPushButton(self.tr("Retirer la tranche sélectionnée"))
        remove.clicked.connect(self._remove_slice)
        self.save_slices_button = BusyButton(self.tr("Enregistrer les tranches"),
                                             self.tr("Enregistrement…"))
        self.save_slices_button.clicked.connect(self._save_slices)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.save_slices_button)
        card.body.addLayout(row)
        self.slices_error = styled_label("", "error", wrap=True)
        self.slices_error.hide()
        card.body.addWidget(self.slices_error)
        layout.addWidget(card)

    # ---------------------------------------------------------------- loading

    def attach(self, source: StaffSource) -> None:
        self.source = source
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.reload()

    def refresh_soon(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @asyncSlot()
    async def reload(self) -> None:
        if self.source is None:
            return
        try:
            self.show_campaign(await self.source.campaign())
        except ApiError as exc:
            if not exc.offline:  # offline: the window's banner says so already
                self.banner.show_message(exc.message, "error")
            return
        await self.reload_amphi()

    async def _reload_campaign(self) -> None:
        if self.source is None:
            return
        try:
            self.show_campaign(await self.source.campaign())
        except ApiError as exc:
            if not exc.offline:
                self.banner.show_message(exc.message, "error")

    @asyncSlot()
    async def reload_amphi(self) -> None:
        if self.source is None:
            return
        try:
            self.show_amphi(await self.source.amphi())
        except ApiError as exc:
            if not exc.offline:
                self.banner.show_message(exc.message, "error")

    def show_campaign(self, campaign: NationalCampaign) -> None:
        self.campaign = campaign
        accounts = (self.tr("%1 a défini son compte") if campaign.registered <= 1
                    else self.tr("%1 ont défini leur compte")).replace(
            "%1", integer(campaign.registered))
        self.subtitle.setText(self.tr("%1 — %2 étudiants classés (%3), %4 cellules, %5 postes")
                              .replace("%1", campaign.name)
                              .replace("%2", integer(campaign.students))
                              .replace("%3", accounts)
                              .replace("%4", integer(campaign.cells))
                              .replace("%5", integer(campaign.posts)))
        self.subtitle.show()
        self.state_label.setText(self.tr("État actuel : %1").replace("%1", campaign.state_label))
        index = self.state_combo.findData(campaign.state)
        if index >= 0:
            self.state_combo.setCurrentIndex(index)
        self._update_export(campaign.state)
        self.slices_table.setRowCount(0)
        for s in campaign.day_slices:
            self._add_slice(s)

    def show_amphi(self, amphi: StaffAmphi) -> None:
        self.amphi = amphi
        status = amphi.amphi_status
        site = dict(STATES).get(amphi.site_state)
        self.amphi_status.setText(self.tr("Amphi %1 · site : %2").replace(
            "%1", self.tr(AMPHI_STATUS.get(status, status))).replace(
            "%2", self.tr(site) if site else amphi.site_state))
        if self.campaign is not None and self.campaign.state != amphi.site_state:
            # The site moved on by itself (everybody passed: « Terminé »): the state card too.
            spawn(self, self._reload_campaign())
        self.start_button.setEnabled(status == "not_started")
        self.pause_button.setEnabled(status == "running")
        self.resume_button.setEnabled(status == "paused")
        current = amphi.current
        waiting = amphi.radar.waiting_until is not None and status == "running"
        self.open_slice_button.setVisible(waiting)
        for button in (self.assign_button, self.skip_button):
            button.setEnabled(current is not None and not waiting)
        for button in (self.demote_button, self.message_current_button):
            button.setEnabled(current is not None)
        if current is None:
            self.current_name.setText(self.tr("Personne ne choisit en ce moment."))
            self.current_phone.setText("—")
            self.current_details.setText("")
            self._waiting_base = None
        else:
            self.current_name.setText(self.tr("%1 %2 — classé %3").replace(
                "%1", current.last_name.upper()).replace("%2", current.first_name)
                .replace("%3", integer(current.rank)))
            self.current_phone.setText(current.phone or self.tr(
                "non renseigné — écrivez-lui ou passez son tour"))
            self.current_phone.setProperty("missing", not current.phone)
            repolish(self.current_phone)
            facts = [current.email or self.tr("pas d'adresse"),
                     self.tr("a un compte") if current.has_account else self.tr("sans compte"),
                     self.tr("entré dans l'amphi") if current.entered_amphi
                     else self.tr("pas encore entré dans l'amphi"),
                     self.tr("ABSENT") if current.absent else self.tr("présent"),
                     current.headline.text]
            self.current_details.setText(" · ".join(facts))
            self._waiting_base = ((monotonic(), amphi.waiting_seconds)
                                  if amphi.waiting_seconds is not None else None)
        self._tick()
        selected = self.selected_student()
        self.next_model.set_rows(amphi.next)
        self.next_table.resizeColumnsToContents()
        if selected is not None:  # the same student stays selected when the list moves
            self.select_student(selected.candidate_id)
        self._selection_changed()
        self.radar_label.setText(radar_text(amphi.radar, self.tr))

    def _tick(self) -> None:
        if self._waiting_base is None or self.amphi is None \
                or self.amphi.amphi_status != "running":
            self.current_waiting.setText("")
            return
        started, seconds = self._waiting_base
        waited = seconds + int(monotonic() - started)
        minutes, secs = divmod(waited, 60)
        self.current_waiting.setText(self.tr("Choisit depuis %1 min %2 s").replace(
            "%1", str(minutes)).replace("%2", f"{secs:02d}"))
        self.current_waiting.setProperty("late", waited > 60)

    def _update_export(self, state: str) -> None:
        ready = state in EXPORT_STATES
        self.export_button.setEnabled(ready and not self.export_button.busy)
        if not self.export_button.busy and not ready:
            self._export_note(self.tr("Les exports seront disponibles dès le début de "
                                      "l'amphi."))
        elif not self.export_button.busy and self.last_export is None:
            self.export_label.hide()

    # ---------------------------------------------------------------- selection

    def selected_student(self) -> StaffStudent | None:
        """The student selected among the next ones, if any."""
        rows = self.next_table.selectionModel().selectedRows()
        if not rows:
            return None
        student = rows[0].data(ItemRole)
        return student if isinstance(student, StaffStudent) else None

    def select_student(self, candidate_id: int) -> bool:
        """Select the row of this student among the next ones; False when he is not there."""
        proxy = self.next_table.model()
        for row in range(proxy.rowCount()):
            student = proxy.index(row, 0).data(ItemRole)
            if isinstance(student, StaffStudent) and student.candidate_id == candidate_id:
                self.next_table.selectRow(row)
                return True
        self.next_table.clearSelection()
        return False

    def _selection_changed(self, *_args: object) -> None:
        self.message_next_button.setEnabled(self.selected_student() is not None)

    # ---------------------------------------------------------------- actions

    # Slots return None (a value returned to Qt by a Python slot can corrupt refcounts).
    def _run_command(self, command: str, _checked: bool = False) -> None:
        self._command(command)

    def _run_decision(self, command: str, _checked: bool = False) -> None:
        self._decide(command)

    def _run_import(self, what: str, _checked: bool = False) -> None:
        self._pick_and_import(what)

    @asyncSlot(str)
    async def _command(self, command: str) -> None:
        if self.source is None:
            return
        try:
            result = await self.source.command(command, None)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.banner.clear()
        if isinstance(result, StaffAmphi):
            self.show_amphi(result)
        await self.reload()

    @asyncSlot(str)
    async def _decide(self, command: str) -> None:
        if self.source is None or self.amphi is None or self.amphi.current is None:
            return
        current = self.amphi.current
        question = {
            "assign": self.tr("Affecter %1 sur son premier vœu réalisable ?"),
            "skip": self.tr("Passer le tour de %1 ? Il ne prendra aucun poste."),
            "demote": self.tr("Déclasser %1 derrière le dernier rang de la tranche suivante ?"),
        }[command].replace("%1", f"{current.first_name} {current.last_name.upper()} "
                                 f"({current.rank})")
        if not await self.ask(question):
            return
        try:
            await self.source.command(command, current.candidate_id)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.banner.show_message(self.tr("Décision enregistrée."), "success")
        await self.reload_amphi()

    async def ask(self, question: str) -> bool:
        """A Oui/Non box without a nested event loop (tests replace it)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Confirmation"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Oui"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Non"))
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not future.done():
                future.set_result(result == QMessageBox.StandardButton.Yes)

        box.finished.connect(finished)
        box.open()
        return await future

    def _message_current(self) -> None:
        if self.amphi is not None and self.amphi.current is not None:
            self.open_message(self.amphi.current)

    def _message_selected(self) -> None:
        student = self.selected_student()
        if student is not None:
            self.open_message(student)

    def open_message(self, student: StaffStudent) -> MessageDialog | None:
        """« Envoyer un message » to `student` (window-modal, no nested event loop)."""
        if self.source is None:
            return None
        if self.message_dialog is not None:
            self.message_dialog.deleteLater()
        dialog = MessageDialog(student, self.source.message, self)
        dialog.accepted.connect(partial(self._message_sent, dialog))
        self.message_dialog = dialog
        dialog.open()
        return dialog

    def _message_sent(self, dialog: MessageDialog) -> None:
        student, sent = dialog.student, dialog.sent
        if sent is None:
            return
        name = f"{student.first_name} {student.last_name.upper()}"
        text = (self.tr("Message envoyé à %1 : il s'affiche dans son Amphi et lui a été "
                        "envoyé par courriel.") if sent.emailed
                else self.tr("Message envoyé à %1 : il s'affiche dans son Amphi (pas "
                             "d'adresse électronique : aucun courriel)."))
        self.banner.show_message(text.replace("%1", name), "success")

    async def _ask_export_path(self, name: str, fmt: str) -> Path | None:
        kinds = {"csv": self.tr("Fichier CSV (*.csv)"),
                 "xlsx": self.tr("Classeur Excel (*.xlsx)")}
        return await ask_save_path(self, self.tr("Enregistrer l'export des affectations"),
                                   name, kinds[fmt], fmt)

    @asyncSlot()
    async def _export_clicked(self) -> None:
        await self.export(str(self.export_group_combo.currentData()),
                          str(self.export_format_combo.currentData()))

    async def export(self, group_by: str, fmt: str) -> Path | None:
        """Ask where, fetch the file (progress shown), write it; the path, or None."""
        if self.source is None or self.export_button.busy:
            return None
        stem = {"subdivision": "subdivision", "faculty": "ufr", "specialty": "specialite"}
        name = f"affectations-par-{stem.get(group_by, group_by)}.{fmt}"
        path = await self.ask_path(name, fmt)
        if path is None:
            return None
        self.export_button.set_busy(True)
        self.export_progress.show()
        self._export_note(self.tr("Préparation du fichier…"))
        try:
            download = await self.source.export(group_by, fmt)
            self._export_note(self.tr("Enregistrement…"))
            await asyncio.to_thread(path.write_bytes, download.content)
        except ApiError as exc:
            self._export_note(exc.message, "error")
            return None
        except OSError as exc:
            self._export_note(self.tr("Enregistrement impossible : %1").replace(
                "%1", exc.strerror or str(exc)), "error")
            return None
        finally:
            self.export_progress.hide()
            self.export_button.set_busy(False)
            if self.campaign is not None:
                self.export_button.setEnabled(self.campaign.state in EXPORT_STATES)
        self.last_export = path
        rows = integer(download.rows) if download.rows is not None else "?"
        self._export_note(self.tr("Exporté : %1 affectation(s) dans %2")
                          .replace("%1", rows).replace("%2", str(path)))
        return path

    def _export_note(self, text: str, role: str = "muted") -> None:
        self.export_label.setProperty("role", role)
        repolish(self.export_label)
        self.export_label.setText(text)
        self.export_label.show()

    @asyncSlot()
    async def _set_state(self) -> None:
        if self.source is None:
            return
        try:
            self.show_campaign(await self.source.set_state(str(self.state_combo.currentData())))
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.banner.show_message(self.tr("État du site modifié."), "success")

    @asyncSlot(str)
    async def _pick_and_import(self, what: str) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir le fichier à importer"), "",
            self.tr("Tableaux (*.csv *.xlsx *.txt);;Tous les fichiers (*)"))
        if name:
            await self.import_file(what, Path(name))

    async def import_file(self, what: str, path: Path) -> ImportReport | None:
        """Send one file; show the report with every rejected line."""
        if self.source is None:
            return None
        button = self.offer_button if what == "offer" else self.students_button
        button.set_busy(True)
        dry_run = self.dry_run_check.isChecked()
        try:
            call = self.source.import_offer if what == "offer" else self.source.import_students
            report = await call(path, dry_run)
        except ApiError as exc:
            self.report_label.setText(exc.message)
            self.report_label.setProperty("role", "error")
            self.rejected_table.hide()
            return None
        finally:
            button.set_busy(False)
        self.last_report = report
        self.report_label.setProperty("role", "field")
        text = self.tr("%1 : %2 ligne(s) lue(s), %3 créée(s), %4 mise(s) à jour, %5 refusée(s)."
                       ).replace("%1", path.name).replace("%2", str(report.lines)).replace(
            "%3", str(report.created)).replace("%4", str(report.updated)).replace(
            "%5", str(len(report.rejected)))
        if report.dry_run:
            text += self.tr(" Vérification seulement : rien n'a été importé.")
        self.report_label.setText(text)
        self.rejected_model.set_rows(report.rejected)
        self.rejected_table.setVisible(bool(report.rejected))
        self.rejected_table.resizeColumnsToContents()
        if not dry_run:
            await self.reload()
        return report

    def _add_slice(self, s: DaySlice | None = None) -> None:
        row = self.slices_table.rowCount()
        self.slices_table.insertRow(row)
        if s is None:
            values = ["", "", "", "09:00"]
        else:
            local = s.starts_at.astimezone()
            values = [s.day.isoformat(), str(s.rank_from), str(s.rank_to),
                      local.strftime("%H:%M")]
        for column, value in enumerate(values):
            self.slices_table.setItem(row, column, QTableWidgetItem(value))

    def _remove_slice(self) -> None:
        if self.slices_table.currentRow() >= 0:
            self.slices_table.removeRow(self.slices_table.currentRow())

    def slices(self) -> list[DaySlice]:
        """The table's slices; raises ValueError (French) at the first bad cell."""
        result: list[DaySlice] = []
        for row in range(self.slices_table.rowCount()):
            cells = [self.slices_table.item(row, c) for c in range(4)]
            texts = [cell.text().strip() if cell is not None else "" for cell in cells]
            try:
                day = date.fromisoformat(texts[0])
                start = time.fromisoformat(texts[3])
                rank_from, rank_to = int(texts[1]), int(texts[2])
            except ValueError:
                raise ValueError(self.tr("Ligne %1 : jour (AAAA-MM-JJ), rangs (nombres) et "
                                         "heure (HH:MM) sont attendus.")
                                 .replace("%1", str(row + 1))) from None
            starts_at = datetime.combine(day, start).astimezone()
            result.append(DaySlice(day=day, rank_from=rank_from, rank_to=rank_to,
                                   starts_at=starts_at))
        return result

    @asyncSlot()
    async def _save_slices(self) -> None:
        if self.source is None:
            return
        try:
            slices = self.slices()
        except ValueError as exc:
            self.slices_error.setText(str(exc))
            self.slices_error.show()
            return
        self.save_slices_button.set_busy(True)
        try:
            await self.source.set_day_slices(slices)
        except ApiError as exc:
            self.slices_error.setText(exc.message)
            self.slices_error.show()
            return
        finally:
            self.save_slices_button.set_busy(False)
        self.slices_error.hide()
        self.banner.show_message(self.tr("Tranches enregistrées."), "success")
        await self.reload()
