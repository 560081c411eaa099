"""A junior doctor's receipts of his saved application lists (newest first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.api.matching import Receipt
from desktop.models import QT_TRANSLATE_NOOP
from desktop.models.matching_dashboards import PARIS, RowsModel

ROWS = "RowsModel"  # `RowsModel.headerData` translates the titles in its context


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingReceipts", text)


def _at(r: Receipt) -> str:
    return r.at.astimezone(PARIS).strftime("%d/%m/%Y %H:%M:%S")


class ReceiptsModel(RowsModel[Receipt]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP(ROWS, "Date et heure"), _at,
         lambda r: int(r.at.timestamp()) * 1_000_000 + r.version),  # same second: by save
        (QT_TRANSLATE_NOOP(ROWS, "Code du reçu"), lambda r: r.code, lambda r: r.code),
        (QT_TRANSLATE_NOOP(ROWS, "Enregistrement"),
         lambda r: _tr("n° {n}").format(n=r.version), lambda r: r.version),
        (QT_TRANSLATE_NOOP(ROWS, "Candidatures"), lambda r: str(len(r.post_ids)),
         lambda r: len(r.post_ids)),
    )

    def extra(self, row: Receipt, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
