"""Saving and printing documents: the save dialog opens in the user's Documents folder,
printing goes through a preview and Qt's print dialog (never « open the PDF »).

- `documents_folder()`: where documents are saved by default (QStandardPaths' Documents,
  created if the system names it but it does not exist yet — Qt's file dialog would
  otherwise open in the program's working folder —, else the home folder).
- `ask_save_path()`: a non-native-blocking « Enregistrer » dialog in that folder, awaited.
- `PrintPreviewDialog`: the pages as they will print (`QPrintPreviewWidget`), « Imprimer… »
  opens `QPrintDialog` (printer, copies, pages) and prints; « Enregistrer en PDF… » is
  offered when the caller can save.
- `paint_page(painter, printer, items)`: draws `desktop.attestation`'s texts and boxes
  (the same page reportlab writes) on a printer — PySide6 has no QtPdf here to render the
  PDF itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import ApiError
from desktop.api.matching import Download
from desktop.attestation import Box, Text
from desktop.ui.widgets import Banner, primary_button

MM_PER_INCH = 25.4
FONT_FAMILY = "DejaVu Sans"


def documents_folder(*, create: bool = True) -> Path:
    """The user's Documents folder (made if missing, unless `create` is False), else the
    home folder."""
    home = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.HomeLocation) or Path.home())
    named = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if named:
        folder = Path(named)
        try:
            if create:
                folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return home
        if folder.is_dir():
            return folder
    return home


def save_dialog(parent: QWidget | None, title: str, name: str, file_filter: str,
                suffix: str = "pdf") -> QFileDialog:
    """An « Enregistrer » dialog in Documents with `name` proposed (not shown yet)."""
    dialog = QFileDialog(parent, title, str(documents_folder()), file_filter)
    dialog.setObjectName("saveDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(name)
    return dialog


async def ask_save_path(parent: QWidget | None, title: str, name: str, file_filter: str,
                        suffix: str = "pdf") -> Path | None:
    """Ask where to save `name` (None: cancelled), without a nested event loop."""
    dialog = save_dialog(parent, title, name, file_filter, suffix)
    future: asyncio.Future[Path | None] = asyncio.get_running_loop().create_future()

    def done(result: int) -> None:
        files = dialog.selectedFiles()
        if not future.done():
            future.set_result(Path(files[0]) if result and files else None)
        dialog.deleteLater()

    dialog.finished.connect(done)
    dialog.open()
    return await future


async def save_file(parent: QWidget | None, title: str, name: str, content: bytes,
                    file_filter: str, suffix: str, folder: Path | None = None) -> Path | None:
    """Write `content` where the user says (the save dialog opens in Documents with
    `name`), or as `folder/name` without asking when `folder` is given (tests). None when
    cancelled. Raises OSError when it cannot be written."""
    if folder is not None:
        path: Path | None = folder / name
    else:
        path = await ask_save_path(parent, title, name, file_filter, suffix)
    if path is None:
        return None
    await asyncio.to_thread(path.write_bytes, content)
    return path


async def fetch_and_save(parent: QWidget, banner: Banner,
                         fetch: Callable[[], Awaitable[Download]], title: str,
                         file_filter: str, suffix: str, folder: Path | None = None
                         ) -> tuple[Path, Download] | None:
    """Fetch a file from the server, then `save_file` it. A refusal, the server out of
    reach or a write error is said in `banner`; None then, or when cancelled."""
    try:
        download = await fetch()
        path = await save_file(parent, title, download.filename, download.content,
                               file_filter, suffix, folder)
    except ApiError as exc:
        banner.show_message(exc.message, "warning" if exc.offline else "error")
        return None
    except OSError as exc:
        banner.show_message(QCoreApplication.translate(
            "Printing", "Le fichier n'a pas pu être enregistré : %1").replace("%1", str(exc)),
            "error")
        return None
    return (path, download) if path is not None else None


# --------------------------------------------------------------------------- painting


def paint_page(painter: QPainter, printer: QPrinter, items: Sequence[Text | Box]) -> None:
    """Draw one page given in millimetres from the paper's top left (full page)."""
    dots = printer.resolution() / MM_PER_INCH  # device pixels per millimetre
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for item in items:
        if isinstance(item, Box):
            rect = QRectF(item.x * dots, item.y * dots, item.width * dots, item.height * dots)
            if item.filled:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(item.colour))
            else:
                pen = QPen(QColor(item.colour))
                pen.setWidthF(item.line_width / 72 * printer.resolution())
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            if item.radius:
                painter.drawRoundedRect(rect, item.radius * dots, item.radius * dots)
            else:
                painter.drawRect(rect)
            continue
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(item.size)
        font.setBold(item.bold)
        painter.setFont(font)
        painter.setPen(QColor(item.colour))
        painter.drawText(QPointF(item.x * dots, item.y * dots), item.text)


def a4_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)  # the page's millimetres start at the paper's corner
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait, QMarginsF()))
    return printer


class PrintPreviewDialog(QDialog):
    """The document as it will print; « Imprimer… » goes through `QPrintDialog`."""

    def __init__(self, title: str, pages: Callable[[], Sequence[Sequence[Text | Box]]],
                 *, save: Callable[[], object] | None = None, file_name: str = "document.pdf",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Aperçu avant impression — %1").replace("%1", title))
        self.resize(760, 680)
        self.pages = pages
        self.printer = a4_printer(title)
        # Without a printer Qt prints to a PDF file: propose one in Documents (a name set
        # on a real printer would turn it into a file, so only then).
        if self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            self.printer.setOutputFileName(str(documents_folder(create=False) / file_name))
        self.print_dialog: QPrintDialog | None = None
        layout = QVBoxLayout(self)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self.paint)
        self.preview.fitInView()
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button: QPushButton | None = None
        if save is not None:
            self.save_button = QPushButton(self.tr("Enregistrer en PDF…"), self)
            self.save_button.setAutoDefault(False)
            self.save_button.clicked.connect(save)
            row.addWidget(self.save_button)
        self.close_button = QPushButton(self.tr("Fermer"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        self.print_button = primary_button(self.tr("Imprimer…"), self)
        self.print_button.clicked.connect(self.ask_printer)
        row.addWidget(self.print_button)
        layout.addLayout(row)

    def paint(self, printer: QPrinter) -> None:
        """Draw every page on `printer` (the preview's, or the one chosen to print)."""
        painter = QPainter(printer)
        try:
            for number, items in enumerate(self.pages()):
                if number:
                    printer.newPage()
                paint_page(painter, printer, items)
        finally:
            painter.end()

    def ask_printer(self) -> None:
        """Qt's print dialog (printer, copies, pages); printing follows its « Imprimer »."""
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Imprimer"))
        dialog.accepted.connect(self.preview.print_)
        dialog.accepted.connect(self.accept)
        self.print_dialog = dialog
        QDialog.open(dialog)  # window-modal, no nested event loop
