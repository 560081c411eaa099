"""Saving and printing (issue 15, point 11): the save dialog opens in the user's Documents
folder, Qt's own labels are French, printing goes through a preview and QPrintDialog."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.api.national import Assignment
from desktop.attestation import AttestationData, attestation_page
from desktop.ui.printing import PrintPreviewDialog, documents_folder, save_dialog
from tests.desktop.test_i18n import LRELEASE


@pytest.fixture(scope="module", autouse=True)
def qt_complement(qapp: QApplication) -> None:
    """Our complement to qtbase_fr, built as `make translations` does, then installed."""
    qm = i18n.qt_complement_file("fr")
    ts = qm.with_suffix(".ts")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(qm)], check=True)
    i18n.install_translations(qapp, "fr")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user whose home has no Documents folder yet (a fresh account)."""
    folder = tmp_path / "maison"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def test_the_save_dialog_opens_in_documents_and_speaks_french(
        qapp: QApplication, qtbot: QtBot, home: Path) -> None:
    assert documents_folder() == home / "Documents"  # made: Qt would fall back to the cwd
    assert (home / "Documents").is_dir()
    dialog = save_dialog(None, "Enregistrer l'attestation", "attestation.pdf",
                         "Document PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    assert Path(dialog.directory().absolutePath()) == home / "Documents"
    assert dialog.selectedFiles()[0].endswith("attestation.pdf")
    labels = " ".join(label.text().replace("&", "") for label in dialog.findChildren(QLabel))
    # Qt's own strings (qtbase_fr): « Voir dans : », « Fichiers de type : ».
    assert "Voir dans" in labels and "Fichiers de type" in labels, labels
    assert "Look in" not in labels and "Files of type" not in labels
    dialog.reject()


def test_qt_standard_strings_are_french(qapp: QApplication) -> None:
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "Look in:").startswith("Voir dans")
    assert translate("QPrintDialog", "Print") == "Imprimer"
    assert translate("QPlatformTheme", "Cancel") == "Annuler"
    # Those Qt's own French catalogue misses (completed by qtbase_complement_fr).
    assert translate("QFileDialog", "&Look in:") == "&Voir dans\xa0:"
    assert translate("QFileDialog", "Files of &type:") == "Fichiers de &type\xa0:"


def assignment() -> Assignment:
    return Assignment(cell_id=1, subdivision="REIMS", specialty="Médecine générale", k=1,
                      capacity=3, wish_number=2, assigned_at=datetime(2026, 9, 14, 7, 30,
                                                                      tzinfo=UTC),
                      how="validated", code="ABCD-1234")


def test_printing_goes_through_a_preview_and_qt_print_dialog(
        qapp: QApplication, qtbot: QtBot, home: Path) -> None:
    data = AttestationData(last_name="Lefèvre", first_name="Élise", birth_date="14/03/2000",
                           rank=2, campaign="EDN 2026", assignment=assignment())
    saved: list[bool] = []
    preview = PrintPreviewDialog("Attestation d'affectation",
                                 lambda: [attestation_page(data)],
                                 save=lambda: saved.append(True))
    qtbot.addWidget(preview)
    preview.show()
    assert preview.preview.pageCount() == 1
    assert preview.windowTitle().startswith("Aperçu avant impression")
    preview.print_button.click()
    assert isinstance(preview.print_dialog, QPrintDialog)
    assert preview.print_dialog.isVisible()
    preview.print_dialog.reject()
    assert preview.save_button is not None
    preview.save_button.click()
    assert saved == [True]
