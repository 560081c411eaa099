"""« Campagne : [picker] »: which campaign a read-only screen shows (the public space).

Shown only when there is a choice (one campaign: nothing to pick); `chosen(id)` when the
person picks another one, never when the list is (re)filled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.api.client import Campaign
from desktop.models.labels import campaign_title


def _tr(text: str) -> str:
    return QCoreApplication.translate("CampaignPicker", text)


class CampaignPicker(QWidget):
    """A label and a drop-down of campaigns; `current` is the one shown."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(_tr("Campagne :"), self)
        row.addWidget(self.label)
        self.combo = QComboBox(self)
        self.combo.setObjectName("campaignCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._picked)
        row.addWidget(self.combo)
        self.current: int | None = None
        self.setVisible(False)

    def set_campaigns(self, campaigns: Sequence[Campaign], preferred: int | None = None
                      ) -> int | None:
        """Fill the list; keep the campaign shown, else `preferred`, else the first. The one
        now shown (None: there is none)."""
        keep = self.current if self.current is not None else preferred
        self.combo.blockSignals(True)
        self.combo.clear()
        for c in campaigns:
            self.combo.addItem(campaign_title(c.name, c.region), c.id)
        index = max(0, self.combo.findData(keep))
        if campaigns:
            self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self.setVisible(len(campaigns) > 1)
        self.current = int(self.combo.itemData(index)) if campaigns else None
        return self.current

    def _picked(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data is not None and data != self.current:
            self.current = int(data)
            self.chosen.emit(self.current)
