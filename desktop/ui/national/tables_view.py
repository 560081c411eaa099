"""The public tables of the national choice, my histories and my receipts.

Tables: « dispo finale », « dispo pour celui qui passe », « dispo pour moi », « rangs
limites » and the « listing intégral », each a sortable view with a filter box; a click on
a line opens the cell view (who holds its posts, « affecté » or « simulé »). The radar
line on top says who passes now and the pace. Live events refresh what is shown (at most
once a second); there is no refresh button to press.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.national import CellView, NationalCampaign, Radar, Receipt
from desktop.i18n import integer
from desktop.models import ItemRole
from desktop.models.national_tables import (
    RecordModel,
    availability_columns,
    change_columns,
    holder_columns,
    listing_columns,
    rank_limit_columns,
    receipt_columns,
    sort_proxy,
)
from desktop.ui.national.common import fit_columns, page_layout, table_view
from desktop.ui.national.day_slices import DaySlicesDialog
from desktop.ui.national.turn_panel import moment_text
from desktop.ui.widgets import Banner, BusyIndicator, DialogHeader, styled_label

LISTING_PAGE = 500
LISTING_REFRESH_MS = 10_000


def is_deleted(widget: QWidget) -> bool:
    """The C++ widget is gone (the window closed while a request was in flight)."""
    return not shiboken6.isValid(widget)


@dataclass(frozen=True)
class TableSource:
    """The reads the tables page needs (bound to one campaign by the area module)."""

    table: Callable[[str, str], Awaitable[list[Any]]]  # kind, pool → rows
    listing: Callable[[int, int], Awaitable[Any]]  # offset, limit → Listing
    cell_view: Callable[[int], Awaitable[CellView]]
    radar: Callable[[], Awaitable[Radar]]
    campaign: Callable[[], Awaitable[NationalCampaign]] | None = None  # day slices, hotline
    my_rank: Callable[[], int | None] = lambda: None  # a student's, to mark his day


def radar_text(radar: Radar, tr: Callable[[str], str]) -> str:
    """« Passe maintenant : le 4246 · 4245 / 9000 passés · 312 choix aujourd'hui · … »."""
    parts: list[str] = []
    if radar.amphi_status == "not_started":
        parts.append(tr("L'amphithéâtre n'a pas commencé"))
    elif radar.amphi_status == "paused":
        parts.append(tr("Amphithéâtre en pause"))
    elif radar.amphi_status == "finished":
        parts.append(tr("Amphithéâtre terminé"))
    if radar.waiting_until is not None and radar.amphi_status == "running":
        parts.append(tr("Rangs du jour passés : l'amphithéâtre reprend %1").replace(
            "%1", moment_text(radar.waiting_until)))
        if radar.current is not None:
            parts.append(tr("passera le premier : l'étudiant classé %1").replace(
                "%1", integer(radar.current.rank)))
    elif radar.current is not None:
        parts.append(tr("Passe maintenant : l'étudiant classé %1").replace(
            "%1", integer(radar.current.rank)))
    parts.append(tr("%1 / %2 passés").replace("%1", integer(radar.passed))
                 .replace("%2", integer(radar.total)))
    parts.append(tr("%1 choix aujourd'hui, %2 dans la dernière heure")
                 .replace("%1", integer(radar.chosen_today))
                 .replace("%2", integer(radar.chosen_last_hour)))
    if radar.pace is not None:
        parts.append(tr("il en passe %1-%2 à l'heure").replace("%1", integer(radar.pace.low))
                     .replace("%2", integer(radar.pace.high)))
    elif radar.amphi_status in ("running", "paused"):
        parts.append(tr("trop tôt pour estimer le rythme"))
    elif radar.amphi_status == "not_started" and radar.expected_pace_per_hour:
        low, high = radar.expected_pace_per_hour[0], radar.expected_pace_per_hour[-1]
        parts.append(tr("rythme attendu : %1 à %2 par heure").replace("%1", integer(low))
                     .replace("%2", integer(high)))
    return " · ".join(parts)


class CellDialog(QDialog):
    """The cell view: where the posts of one subdivision × specialty go."""

    def __init__(self, view: CellView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cellDialog")
        self.setWindowTitle(self.tr("Qui est placé dans cette cellule"))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        cell = view.cell
        layout.addWidget(DialogHeader(f"{cell.subdivision} — {cell.specialty}", self.tr(
            "%1 poste(s) · %2 resteront libres une fois que tout le monde aura choisi "
            "(simulation)").replace("%1", str(cell.capacity)).replace("%2",
                                                                       str(view.remaining))))
        self.model = RecordModel(holder_columns(), self)
        self.model.set_rows(view.holders)
        self.proxy = sort_proxy(self.model, self)
        self.table = table_view(self.proxy, parent=self)
        fit_columns(self.table, "Rang")
        layout.addWidget(self.table, 1)
        layout.addWidget(styled_label(self.tr(
            "« affecté » : poste déjà attribué ; « simulé » : le poste que prendrait cet "
            "étudiant si chacun gardait ses vœux actuels. « 501 (345) » : le classé 345 passe "
            "derrière le 501."), "muted", wrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class TablesView(QWidget):
    """« Tableaux publics »: pick a table and a pool; sort, filter, click a cell."""

    KINDS = ("final", "current", "mine", "rank_limits", "listing")

    def __init__(self, parent: QWidget | None = None, *, signed_in_candidate: bool = True
                 ) -> None:
        super().__init__(parent)
        self.source: TableSource | None = None
        self.dialog: CellDialog | None = None
        layout, self.subtitle = page_layout(self, self.tr("Tableaux publics"), self.tr(
            "Disponibilités et rangs limites calculés par la simulation (chacun garde ses "
            "vœux actuels). Cliquez sur une ligne pour voir qui est placé dans la cellule."),
            scroll=False)
        self.radar_label = styled_label("", "field", wrap=True)
        self.radar_label.setObjectName("radarLine")
        layout.addWidget(self.radar_label)
        row = QHBoxLayout()
        self.kind_combo = QComboBox(self)
        titles = {"final": self.tr("Dispo finale"),
                  "current": self.tr("Dispo pour celui qui passe"),
                  "mine": self.tr("Dispo pour moi"),
                  "rank_limits": self.tr("Rangs limites"),
                  "listing": self.tr("Listing intégral")}
        for kind in self.KINDS:
            if kind == "mine" and not signed_in_candidate:
                continue
            self.kind_combo.addItem(titles[kind], kind)
        row.addWidget(self.kind_combo)
        self.pool_combo = QComboBox(self)
        self.pool_combo.addItem(self.tr("Contingent général"), "general")
        self.pool_combo.addItem(self.tr("Contingent CESP"), "cesp")
        row.addWidget(self.pool_combo)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filtrer (subdivision, spécialité, rang…)"))
        self.filter_edit.setClearButtonEnabled(True)
        row.addWidget(self.filter_edit, 1)
        self.slices_button = QPushButton(self.tr("Tranches de passage…"), self)
        self.slices_button.setObjectName("daySlicesButton")
        self.slices_button.setToolTip(self.tr("Les jours de l'amphithéâtre et les rangs de "
                                              "chaque jour ; la hotline"))
        self.slices_button.clicked.connect(self.show_day_slices)
        row.addWidget(self.slices_button)
        layout.addLayout(row)
        self.slices_dialog: DaySlicesDialog | None = None
        self.progress = BusyIndicator(self)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.model = RecordModel(availability_columns(), self)
        self.proxy = sort_proxy(self.model, self)
        self.table = table_view(self.proxy, parent=self)
        self.table.clicked.connect(self._row_clicked)
        layout.addWidget(self.table, 1)
        self.count_label = styled_label("", "muted")
        layout.addWidget(self.count_label)
        self.kind_combo.currentIndexChanged.connect(self._choice_changed)
        self.pool_combo.currentIndexChanged.connect(self._choice_changed)
        self.filter_edit.textChanged.connect(self._filter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.reload)
        self._loading = False

    def attach(self, source: TableSource) -> None:
        self.source = source
        self.slices_button.setVisible(source.campaign is not None)
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.reload()

    def _choice_changed(self, _index: int) -> None:
        self.reload()

    def refresh_soon(self) -> None:
        """A live event moved the figures: reload within a second (the whole listing,
        many pages, every ten seconds at most), if shown."""
        if self.isVisible() and not self._timer.isActive():
            self._timer.start(LISTING_REFRESH_MS if self.kind == "listing" else 1000)

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("%1 ligne(s) affichée(s) sur %2").replace(
            "%1", integer(shown)).replace("%2", integer(total)))

    @asyncSlot()
    async def reload(self) -> None:
        if self.source is None or self._loading:
            return
        self._loading = True
        self.progress.show()
        kind, pool = self.kind, str(self.pool_combo.currentData())
        self.pool_combo.setEnabled(kind != "mine")
        try:
            radar = await self.source.radar()
            self.radar_label.setText(radar_text(radar, self.tr))
            if kind == "listing":
                rows = await self._listing(pool)
                columns = listing_columns()
            else:
                rows = await self.source.table(kind, pool)
                columns = rank_limit_columns() if kind == "rank_limits" \
                    else availability_columns()
        except ApiError as exc:
            if not exc.offline:  # offline: the window's banner says so already
                self.banner.show_message(exc.message, "error")
            return
        finally:
            self._loading = False
            if not is_deleted(self.progress):
                self.progress.hide()
        self.banner.clear()
        sort_column = self.table.horizontalHeader().sortIndicatorSection()
        order = self.table.horizontalHeader().sortIndicatorOrder()
        same = [c.title for c in columns] == [c.title for c in self.model.columns]
        self.model.set_columns(columns, rows)
        if same and 0 <= sort_column < len(columns):
            self.proxy.sort(sort_column, order)
        else:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)
            fit_columns(self.table)
        self._count()

    @asyncSlot()
    async def show_day_slices(self) -> None:
        """« Tranches de passage… »: the days and their ranks, read now (staff may have
        opened the next one early)."""
        if self.source is None or self.source.campaign is None:
            return
        try:
            campaign = await self.source.campaign()
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        if is_deleted(self):
            return
        if self.slices_dialog is not None:
            self.slices_dialog.deleteLater()
        self.slices_dialog = DaySlicesDialog(campaign, self.source.my_rank(), self)
        self.slices_dialog.open()

    async def _listing(self, pool: str) -> list[Any]:
        assert self.source is not None
        rows: list[Any] = []
        offset = 0
        while True:
            page = await self.source.listing(offset, LISTING_PAGE)
            rows.extend(r for r in page.rows if r.pool == pool)
            offset += len(page.rows)
            self.count_label.setText(self.tr("Chargement… %1 / %2").replace(
                "%1", integer(offset)).replace("%2", integer(page.total)))
            if not page.rows or offset >= page.total:
                return rows

    def _row_clicked(self, index: QModelIndex) -> None:
        item = self.proxy.data(index, ItemRole)
        cell_id = getattr(item, "cell_id", None)
        if isinstance(cell_id, int):
            self.open_cell(cell_id)

    @asyncSlot(int)
    async def open_cell(self, cell_id: int) -> None:
        if self.source is None:
            return
        try:
            view = await self.source.cell_view(cell_id)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = CellDialog(view, self)
        self.dialog.open()


@dataclass(frozen=True)
class HistorySource:
    changes: Callable[[], Awaitable[list[Any]]]
    receipts: Callable[[], Awaitable[list[Receipt]]]
    verify: Callable[[Receipt], Awaitable[Any]]


class HistoryView(QWidget):
    """« Mes changements passés » and « Mes reçus » (each saved list's signed receipt)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: HistorySource | None = None
        layout, _sub = page_layout(self, self.tr("Mes historiques"), self.tr(
            "Chaque modification de vos vœux, avec son heure, et le reçu signé par le serveur "
            "de chaque liste enregistrée. Votre activité complète est dans « Mon activité »."),
            scroll=False)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.empty_label = styled_label(self.tr(
            "Aucun changement de vœux enregistré pour l'instant : chaque ajout, suppression "
            "ou déplacement de vœu apparaîtra ici avec son heure."),
            "muted", wrap=True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.tabs = QTabWidget(self)
        self.changes_model = RecordModel(change_columns(), self)
        self.changes_table = table_view(sort_proxy(self.changes_model, self), parent=self)
        self.tabs.addTab(self.changes_table, self.tr("Mes changements passés"))
        receipts = QWidget(self)
        box = QVBoxLayout(receipts)
        box.setContentsMargins(0, 8, 0, 0)
        self.receipts_model = RecordModel(receipt_columns(), self)
        self.receipts_proxy = sort_proxy(self.receipts_model, self)
        self.receipts_table = table_view(self.receipts_proxy, parent=self)
        box.addWidget(self.receipts_table, 1)
        row = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Vérifier le reçu sélectionné"), self)
        self.verify_button.clicked.connect(self._verify)
        row.addWidget(self.verify_button)
        self.verify_label = styled_label("", "field", wrap=True)
        row.addWidget(self.verify_label, 1)
        box.addLayout(row)
        self.tabs.addTab(receipts, self.tr("Mes reçus"))
        layout.addWidget(self.tabs, 1)

    def attach(self, source: HistorySource) -> None:
        self.source = source
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.reload()

    @asyncSlot()
    async def reload(self) -> None:
        if self.source is None:
            return
        problem = ""
        try:
            self.changes_model.set_rows(await self.source.changes())
        except ApiError as exc:
            problem = exc.message
        try:
            self.receipts_model.set_rows(await self.source.receipts())  # kept ones offline
        except ApiError as exc:
            problem = exc.message
        if problem:
            self.banner.show_message(problem, "warning")
        else:
            self.banner.clear()
        for table in (self.changes_table, self.receipts_table):
            table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
            fit_columns(table, "Vœu" if table is self.changes_table else "Code du reçu")
        empty = self.changes_model.rowCount() == 0
        self.empty_label.setVisible(empty)

    @asyncSlot()
    async def _verify(self) -> None:
        rows = self.receipts_table.selectionModel().selectedRows()
        if self.source is None or not rows:
            self.verify_label.setText(self.tr("Sélectionnez d'abord un reçu."))
            return
        receipt = self.receipts_proxy.data(rows[0], ItemRole)
        try:
            check = await self.source.verify(receipt)
        except ApiError as exc:
            self.verify_label.setText(exc.message)
            return
        self.verify_label.setText(check.message)
