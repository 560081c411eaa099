"""The first-run dialog: shown once, before anything else, on a client never configured.

It asks one question — try the local demonstration, or connect to the agency's server
(address prefilled, checked with `normalize_server_url`, the French error shown under
the field and the typed text kept) — and says where the local data and the logs live,
with a button to open each folder and a link to the user guide. No HTTP here: the
sign-in dialog reports connection problems, with the address shown underneath.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import ApiError, normalize_server_url
from desktop.resources import app_icon
from desktop.ui.guide import show_guide
from desktop.ui.widgets import (
    DialogHeader,
    FormField,
    fit_height,
    hline,
    link_button,
    primary_button,
    styled_label,
)

DEMO = "demo"
SERVER = "server"


def open_folder(path: Path) -> bool:
    """Open a folder in the system's file manager (created first, so it exists)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FirstRunDialog(QDialog):
    """Demo or agency server; where data and logs live. `choice` and `server` once accepted."""

    def __init__(self, data_dir: Path, log_path: Path, default_server: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.log_path = log_path
        self.choice = SERVER
        self.server = ""
        self.setWindowTitle(self.tr("Bienvenue dans Amphi"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(620)
        self._build(default_server)
        self.server_button.setChecked(True)
        self._choice_changed()
        self.address_edit.setFocus()

    # ---------------------------------------------------------------- layout

    def _build(self, default_server: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)
        layout.addWidget(DialogHeader(
            self.tr("Bienvenue dans Amphi"),
            self.tr("Avant de commencer, dites-nous où se trouvent vos choix de postes. "
                    "Vous pourrez changer d'adresse plus tard depuis la fenêtre de "
                    "connexion."),
            app_icon(), self))

        question = styled_label(self.tr("Comment voulez-vous utiliser Amphi ?"), "section")
        layout.addWidget(question)
        self.choices = QButtonGroup(self)
        self.server_button = QRadioButton(
            self.tr("Me connecter au serveur de mon agence"), self)
        self.server_button.setAccessibleName(self.server_button.text())
        self.server_button.setAccessibleDescription(self.tr(
            "Pour les vrais choix : l'adresse est donnée par votre agence régionale "
            "de santé ou votre faculté."))
        self.choices.addButton(self.server_button)
        layout.addWidget(self.server_button)

        self.address_edit = QLineEdit(default_server, self)
        self.address_edit.setPlaceholderText(self.tr("https://amphi.mon-agence.fr"))
        self.address_edit.setAccessibleName(self.tr("Adresse du serveur"))
        self.address_edit.setClearButtonEnabled(True)
        self.address_edit.textEdited.connect(self._address_edited)
        self.address_field = FormField(
            self.tr("Adresse du serveur"), self.address_edit,
            hint=self.tr("Elle vous est donnée par votre agence ou votre faculté."),
            parent=self)
        self.address_field.setContentsMargins(26, 0, 0, 0)
        layout.addWidget(self.address_field)

        self.demo_button = QRadioButton(
            self.tr("Essayer la démonstration (serveur local sur cet ordinateur)"), self)
        self.demo_button.setAccessibleName(self.demo_button.text())
        self.demo_button.setAccessibleDescription(self.tr(
            "Des données fictives, sur cet ordinateur seulement : rien n'est envoyé à "
            "votre agence."))
        self.choices.addButton(self.demo_button)
        layout.addWidget(self.demo_button)
        demo_hint = styled_label(self.tr(
            "Des étudiants, des postes et des campagnes fictifs, pour découvrir Amphi sans "
            "risque. Rien n'est envoyé à votre agence."), "muted", wrap=True)
        demo_hint.setContentsMargins(26, 0, 0, 0)
        layout.addWidget(demo_hint)
        self.choices.buttonToggled.connect(lambda *_: self._choice_changed())

        layout.addWidget(hline(self))
        places = QGridLayout()
        places.setHorizontalSpacing(12)
        places.setVerticalSpacing(8)
        places.setColumnStretch(1, 1)
        self.data_label = styled_label(self.tr("Vos données locales :"), "field")
        self.data_path = self._path_label(str(self.data_dir),
                                          self.tr("Dossier des données locales"))
        self.data_button = self._folder_button(
            self.tr("Ouvrir le dossier des données locales"), self.data_dir)
        self.log_label = styled_label(self.tr("Journaux :"), "field")
        self.log_path_label = self._path_label(str(self.log_path),
                                              self.tr("Fichier des journaux"))
        self.log_button = self._folder_button(
            self.tr("Ouvrir le dossier des journaux"), self.log_path.parent)
        for row, (label, path, button) in enumerate((
                (self.data_label, self.data_path, self.data_button),
                (self.log_label, self.log_path_label, self.log_button))):
            label.setBuddy(path)
            places.addWidget(label, row, 0)
            places.addWidget(path, row, 1)
            places.addWidget(button, row, 2)
        layout.addLayout(places)
        layout.addWidget(styled_label(self.tr(
            "Les journaux aident l'assistance de votre agence si quelque chose ne marche "
            "pas : ils ne contiennent pas votre mot de passe."), "muted", wrap=True))

        layout.addWidget(hline(self))
        buttons = QHBoxLayout()
        self.guide_button = link_button(self.tr("Guide d'utilisation"), self)
        self.guide_button.setAccessibleName(self.tr("Ouvrir le guide d'utilisation"))
        self.guide_button.setToolTip(self.tr("Ouvre le guide dans votre navigateur (F1)"))
        self.guide_button.clicked.connect(lambda: show_guide(self))
        buttons.addWidget(self.guide_button)
        buttons.addStretch(1)
        self.continue_button = primary_button(self.tr("Continuer"), self)
        self.continue_button.setAccessibleName(self.tr("Continuer"))
        self.continue_button.clicked.connect(self.accept)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)

        for first, second in ((self.server_button, self.address_edit),
                              (self.address_edit, self.demo_button),
                              (self.demo_button, self.data_button),
                              (self.data_button, self.log_button),
                              (self.log_button, self.guide_button),
                              (self.guide_button, self.continue_button)):
            self.setTabOrder(first, second)

    def _path_label(self, text: str, accessible: str) -> QLineEdit:
        """A read-only line: the whole path, selectable and copyable, never wrapped."""
        line = QLineEdit(text, self)
        line.setReadOnly(True)
        line.setObjectName("pathLine")
        line.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        line.setAccessibleName(accessible)
        line.setToolTip(text)
        line.setMinimumWidth(240)
        line.setCursorPosition(0)
        return line

    def _folder_button(self, accessible: str, folder: Path) -> QPushButton:
        button = QPushButton(self.tr("Ouvrir le dossier"), self)
        button.setAccessibleName(accessible)
        button.setToolTip(str(folder))
        button.setAutoDefault(False)
        button.clicked.connect(lambda: open_folder(folder))
        return button

    # ---------------------------------------------------------------- behaviour

    def _choice_changed(self) -> None:
        """The address only matters for the agency server: greyed out for the demo."""
        server = self.server_button.isChecked()
        self.address_field.setEnabled(server)
        if not server:
            self.address_field.clear_error()

    def _address_edited(self, _text: str) -> None:
        self.address_field.clear_error()

    def choose_demo(self) -> None:
        self.demo_button.setChecked(True)

    def choose_server(self, address: str | None = None) -> None:
        self.server_button.setChecked(True)
        if address is not None:
            self.address_edit.setText(address)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        fit_height(self)  # wrapped texts get their full height

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter means « Continuer », wherever the focus is (even on a folder button)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        """Check the address (when it matters); on error stay open, text kept."""
        if self.demo_button.isChecked():
            self.choice, self.server = DEMO, ""
            super().accept()
            return
        try:
            server = normalize_server_url(self.address_edit.text())
        except ApiError as exc:
            self.address_field.set_error(exc.message)
            self.address_edit.setFocus()
            return
        self.choice, self.server = SERVER, server
        super().accept()
