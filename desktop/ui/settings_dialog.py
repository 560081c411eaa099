"""« Préférences »: the language of the interface (applied at the next start).

Changing the language of windows already open would need every screen to rebuild its
text on `LanguageChange`; restarting is simpler and says so plainly.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.store import LocalStore
from desktop.ui.widgets import styled_label


class SettingsDialog(QDialog):
    """Choose French, English or the system's language; saved in the local store."""

    def __init__(self, store: LocalStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Préférences"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(styled_label(self.tr("Langue de l'interface"), "section"))
        system = i18n.resolve(i18n.SYSTEM)
        system_name = self.tr("français") if system == i18n.FRENCH else self.tr("anglais")
        self.buttons: dict[str, QRadioButton] = {
            i18n.SYSTEM: QRadioButton(
                self.tr("Celle du système (%1)").replace("%1", system_name), self),
            i18n.FRENCH: QRadioButton("Français", self),
            i18n.ENGLISH: QRadioButton("English", self),
        }
        self.group = QButtonGroup(self)
        for choice, button in self.buttons.items():
            button.setObjectName(f"language_{choice}")
            self.group.addButton(button)
            layout.addWidget(button)
        self.buttons[i18n.stored_choice(store)].setChecked(True)
        self.note = styled_label(self.tr(
            "Le changement de langue s'applique au prochain démarrage d'Amphi."),
            "muted", wrap=True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def choice(self) -> str:
        """The language choice ticked now."""
        return next(c for c, b in self.buttons.items() if b.isChecked())

    def accept(self) -> None:
        i18n.save_choice(self.store, self.choice())
        super().accept()
