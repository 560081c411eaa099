"""The procedures (campaigns) a person takes part in, as shown on his profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.api.client import Campaign
from desktop.models import ItemRole, SortRole, labels

COL_NAME = 0
COL_KIND = 1
COL_ROLE = 2
COL_STATE = 3
COLUMNS = 4

AnyIndex = QModelIndex | QPersistentModelIndex


class CampaignModel(QAbstractTableModel):
    """Read-only table: procedure, kind, my role in it, its state."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._campaigns: list[Campaign] = []

    def set_campaigns(self, campaigns: Sequence[Campaign]) -> None:
        self.beginResetModel()
        self._campaigns = list(campaigns)
        self.endResetModel()

    def campaigns(self) -> list[Campaign]:
        return list(self._campaigns)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._campaigns)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {
            COL_NAME: QCoreApplication.translate("CampaignModel", "Procédure"),
            COL_KIND: QCoreApplication.translate("CampaignModel", "Type"),
            COL_ROLE: QCoreApplication.translate("CampaignModel", "Mon rôle"),
            COL_STATE: QCoreApplication.translate("CampaignModel", "État"),
        }
        return titles.get(section)

    def _text(self, campaign: Campaign, column: int) -> str:
        if column == COL_NAME:
            return campaign.name
        if column == COL_KIND:
            kind = labels.campaign_kind(campaign.kind)
            return f"{kind} — {campaign.region}" if campaign.region else kind
        if column == COL_ROLE:
            return labels.role(campaign.my_role, (campaign.kind,))
        return labels.campaign_state(campaign.state)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._campaigns)):
            return None
        campaign = self._campaigns[index.row()]
        if role == ItemRole:
            return campaign
        if role == SortRole:
            return self._text(campaign, index.column()).casefold()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(campaign, index.column())
        return None
