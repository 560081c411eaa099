"""« Mes reçus »: the signed receipt of each saved application list, and their check.

Each save of a junior doctor's list gets a receipt from the server (its code, its time);
he can check any of them: the server says whether it signed it and whether it is still
his list as it stands.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import ApiError
from desktop.api.matching import Receipt
from desktop.models import ItemRole, SortRole
from desktop.models.matching_receipts import ReceiptsModel
from desktop.sync.matching import MatchingService
from desktop.tasks import spawn
from desktop.ui.matching.common import fit_columns
from desktop.ui.widgets import styled_label


class ReceiptsDialog(QDialog):
    """The receipts of one round's list (`round_id`), newest first, and « Vérifier »."""

    def __init__(self, service: MatchingService, campaign_id: int, round_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.campaign_id = campaign_id
        self.round_id = round_id
        self.setWindowTitle(self.tr("Mes reçus de candidatures"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(styled_label(self.tr(
            "Chaque enregistrement de votre liste reçoit un reçu signé par le serveur. "
            "Notez son code : il prouve ce que vous avez enregistré, et quand."),
            "muted", wrap=True))
        self.model = ReceiptsModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Vérifier le reçu sélectionné"))
        self.verify_button.setAutoDefault(False)
        self.verify_button.clicked.connect(lambda: spawn(self, self.verify_selected()))
        row.addWidget(self.verify_button)
        self.outcome = styled_label("", "field", wrap=True)
        row.addWidget(self.outcome, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    async def load(self) -> None:
        try:
            self.model.set_rows(await self.service.list_my_matching_receipts(
                self.campaign_id, self.round_id))
        except ApiError as error:
            self.outcome.setText(error.message)
            return
        fit_columns(self.table)
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.outcome.setText(self.tr("Aucun reçu : votre liste n'a pas encore été "
                                        "enregistrée dans ce tour."))

    def selected(self) -> Receipt | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ItemRole) if rows else None

    async def verify_selected(self) -> bool | None:
        """The server's word on the selected receipt (shown); None when none is chosen."""
        receipt = self.selected()
        if receipt is None:
            self.outcome.setText(self.tr("Sélectionnez d'abord un reçu."))
            return None
        try:
            check = await self.service.verify_matching_receipt(self.campaign_id, receipt)
        except ApiError as error:
            self.outcome.setText(error.message)
            return None
        self.outcome.setText(check.message)
        self.outcome.setProperty("role", "field" if check.valid else "error")
        self.outcome.style().polish(self.outcome)
        return check.current
