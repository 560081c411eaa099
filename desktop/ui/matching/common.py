"""Pieces shared by the matching screens: phase labels, dates, badges, opening files."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDesktopServices, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from desktop.api.matching import Ratio
from desktop.i18n import decimal, integer
from desktop.ui.columns import install_fitting

PARIS = ZoneInfo("Europe/Paris")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Matching", text)


PHASES: dict[str, str] = {
    "upcoming": "À venir",
    "applications": "Candidatures des étudiants ouvertes",
    "awaiting_ranking": "En attente du classement",
    "ranking": "Classement des candidatures ouvert",
    "awaiting_results": "Classement clos, résultats en préparation",
    "off_platform": "Tour hors plateforme",
    "results": "Résultats publiés",
}

POST_TYPES: dict[str, str] = {"simple": "Simple", "couplé": "Couplé", "mixte": "Mixte"}
DOCUMENTS: dict[str, str] = {"cv": "CV", "letter": "Lettre de motivation",
                             "contract": "Contrat de formation"}


STUDENT_PHASES: dict[str, str] = {
    "upcoming": "candidatures bientôt ouvertes",
    "applications": "candidatures ouvertes",
    "awaiting_ranking": "candidatures closes, classement par les responsables à venir",
    "ranking": "candidatures closes, les responsables classent les candidatures",
    "awaiting_results": "candidatures closes, résultats en préparation",
    "off_platform": "tour hors plateforme",
    "results": "résultats publiés",
}


def phase_label(code: str) -> str:
    return _tr(PHASES.get(code, "Phase inconnue"))


def student_phase_label(code: str) -> str:
    """The phase as a junior doctor lives it."""
    return _tr(STUDENT_PHASES.get(code, "phase inconnue"))


def fit_columns(table: QTableView, caps: dict[int, int] | None = None,
                default_cap: int = 260, firm: tuple[int, ...] = ()) -> None:
    """Size columns to their contents, each capped, so no column crushes the others; when
    they do not all fit, the widest give way (headers never clip), and a cut cell shows
    its whole text as a tooltip (`desktop.ui.columns`); `firm` ones (identifiers) give
    way last. Fitted again when the rows or the table's width change."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    install_fitting(table, max_width=default_cap, caps=caps, firm=firm)


def document_label(kind: str) -> str:
    return _tr(DOCUMENTS.get(kind, "Document"))


def post_type_text(code: str) -> str:
    """"Simple", "Couplé", "Mixte" in the interface's language; an unknown code as is."""
    return _tr(POST_TYPES[code]) if code in POST_TYPES else code


def when(value: datetime | None, *, with_time: bool = True) -> str:
    """A date in Paris time, French style ("18/12/2026 23:59"); "—" when unknown."""
    if value is None:
        return "—"
    local = value.astimezone(PARIS)
    return local.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def remaining_text(remaining: int, places: int) -> str:
    """The seed's card line: "k poste(s) restant à attribuer sur n"."""
    return _tr("{k} poste(s) restant à attribuer sur les {n} poste(s) ouvert(s)").format(
        k=remaining, n=places)


def size_text(size: int) -> str:
    if size < 1024:
        return _tr("{n} octets").format(n=size)
    if size < 1024 * 1024:
        return _tr("{n} Ko").format(n=round(size / 1024))
    return _tr("{n} Mo").format(n=decimal(size / 1024 / 1024))


def ratio_text(label: str, r: Ratio) -> str:
    """"Connectés : 12/40 (30,0 %)", in the interface's language."""
    return _tr("{label} : {count}/{total} ({percent} %)").format(
        label=label, count=integer(r.count), total=integer(r.total),
        percent=decimal(r.percent))


def open_with_system(path: Path) -> bool:
    """Open a downloaded document with the system's viewer."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


Opener = Callable[[Path], bool]


def save_temporary(filename: str, content: bytes) -> Path:
    """Write a downloaded document under a private temporary folder (to open it)."""
    folder = Path(tempfile.mkdtemp(prefix="amphi-"))
    safe = Path(filename).name or "document"
    path = folder / safe
    path.write_bytes(content)
    return path


class BadgeDelegate(QStyledItemDelegate):
    """A list row's text followed by small coloured badges given by `badges(index)`."""

    def __init__(self, badges: Callable[[QModelIndex | QPersistentModelIndex],
                                        list[tuple[str, str]]],
                 parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.badges = badges

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:  # background, selection, focus: the style's own
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect = opt.rect.adjusted(8, 0, -6, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setFont(opt.font)
        metrics = QFontMetrics(opt.font)
        small_font = QFont(opt.font)
        small_font.setPointSizeF(max(7.0, opt.font.pointSizeF() * 0.78))
        small_font.setBold(True)
        small = QFontMetrics(small_font)
        badges = self.badges(index)
        widths = [small.horizontalAdvance(label) + 12 for label, _c in badges]
        room = rect.width() - sum(w + 6 for w in widths)
        text_width = min(metrics.horizontalAdvance(text) + 4, max(room, rect.width() // 2))
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(foreground, QColor) and not selected:
            colour = foreground
        painter.setPen(colour)
        painter.drawText(QRect(rect.left(), rect.top(), text_width, rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_width))
        painter.setFont(small_font)
        x = rect.left() + text_width + 8
        for (label, background), width in zip(badges, widths, strict=True):
            if x + width > rect.right() + 6:
                break
            badge = QRect(x, rect.center().y() - small.height() // 2 - 2, width,
                          small.height() + 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), label)
            x += width + 6
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        size.setHeight(max(size.height(), 30))
        return size
