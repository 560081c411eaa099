"""The turn in one line above every page, so a student reading the public tables or
his profile still sees his turn coming (the full panel lives on « Mes vœux »).

It mirrors the `TurnPanel`: same words, same colour (never the colour alone).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.national.turn_panel import TurnPanel, turn_colour


class TurnStrip(QFrame):
    """A compact, clickable summary of the turn; `open_requested` leads to the panel."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("turnStrip")
        self.setAccessibleName(self.tr("Mon tour à l'amphithéâtre"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = QLabel(self)
        self.title.setObjectName("turnStripTitle")
        self.detail = QLabel(self)
        self.detail.setObjectName("turnStripDetail")
        self.detail.setWordWrap(True)
        texts.addWidget(self.title)
        texts.addWidget(self.detail)
        layout.addLayout(texts, 1)
        self.button = QPushButton(self)
        self.button.setObjectName("turnStripButton")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.open_requested)
        layout.addWidget(self.button)
        self.hide()

    def mirror(self, panel: TurnPanel) -> None:
        """Copy the panel's state: its title, its pace or current chooser, its colour."""
        self.title.setText(panel.title.text())
        # At my turn the panel's line speaks of « the button below »: not here.
        detail = self.tr("Merci de valider rapidement votre choix sur « Mes vœux » : "
                         "d'autres attendent après vous.") if panel.my_turn \
            else panel.pace_label.text()
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.button.setText(self.tr("Choisir maintenant") if panel.my_turn
                            else self.tr("Voir mes vœux"))
        colour = turn_colour(panel.people_before, panel.my_turn).name()
        self.setStyleSheet(
            f"#turnStrip {{ background: {colour}; border-radius: 8px; }}"
            "#turnStrip QLabel { color: white; background: transparent; }"
            "#turnStripTitle { font-weight: 700; font-size: 11pt; }"
            "#turnStripButton { background: white; color: #1d2a3a; font-weight: 600; "
            "border: none; border-radius: 6px; padding: 6px 12px; }")
