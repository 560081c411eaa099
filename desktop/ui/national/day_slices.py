"""« Tranches de passage »: the days of the amphitheatre and the ranks each one covers,
with the hotline and the time the agency's desk opens, as CELINE's home page shows them.

Nobody passes before his day (the server holds the amphitheatre at the end of a day's
range); a student plans his week from this table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.api.national import NationalCampaign
from desktop.i18n import integer
from desktop.ui.national.turn_panel import moment_text
from desktop.ui.widgets import DialogHeader, styled_label


class DaySlicesDialog(QDialog):
    """The day slices of one campaign; `my_rank` (a student's) marks his day in bold."""

    def __init__(self, campaign: NationalCampaign, my_rank: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("daySlices")
        self.setWindowTitle(self.tr("Tranches de passage"))
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(DialogHeader(self.tr("Tranches de passage"), self.tr(
            "Chaque jour de l'amphithéâtre couvre une plage de rangs : personne ne passe "
            "avant son jour. L'agence peut ouvrir la tranche suivante en fin de journée "
            "pour ceux qui veulent choisir en avance.")))
        self.table = QTableWidget(len(campaign.day_slices), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Début"), self.tr("Du rang"),
                                              self.tr("Au rang")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        mine_row: int | None = None
        for row, day in enumerate(campaign.day_slices):
            mine = my_rank is not None and day.rank_from <= my_rank <= day.rank_to
            cells = (moment_text(day.starts_at), integer(day.rank_from), integer(day.rank_to))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if mine:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Votre jour de passage"))
                self.table.setItem(row, column, item)
            if mine:
                mine_row = row
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        if not campaign.day_slices:
            layout.addWidget(styled_label(self.tr(
                "L'agence n'a pas encore publié les tranches de passage."), "muted", wrap=True))
        first = self.table.item(mine_row, 0) if mine_row is not None else None
        if first is not None:
            self.table.scrollToItem(first)
        facts = []
        if campaign.day_start:
            facts.append(self.tr("La permanence de l'agence débute à %1.").replace(
                "%1", campaign.day_start))
        if campaign.hotline:
            facts.append(self.tr("Hotline de l'amphi : %1").replace("%1", campaign.hotline))
        if facts:
            hotline = styled_label(" ".join(facts), "field", wrap=True)
            hotline.setObjectName("hotline")
            hotline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(hotline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
