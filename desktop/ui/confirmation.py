"""The last two steps of a final choice: the irrevocable page, then the last OK box.

Both procedures end a choice the same way (seed CELINE, DCI recap): step 1 is the
screen's own "JE PRENDS …" / "Choisir" button; step 2 states that the click is
irrevocable, non-repudiable and non-contestable ("Non, je reviens à mes choix" /
"Oui, je confirme"); step 3 is a last "OK / Annuler" box naming the post. Only the
third click is final. The dialogs are opened window-modal without a nested event loop
(`open()`, not `exec()`), so the qasync loop keeps running: the turn clock ticks and
live events arrive while the student reads.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import Banner, DialogHeader, primary_button, styled_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("Confirmation", text)


@dataclass(frozen=True)
class ChoiceSummary:
    """What the student is about to take, in the words the dialogs show.

    `post` names the post in one line ("Cardiologie à LYON", "CHU Nantes — Cardiologie,
    poste 3"); `details` are extra lines of the recap (wish number, rank, service head...).
    """

    post: str
    details: tuple[str, ...] = ()
    title: str = ""
    # The national choice: confirming also freezes the wish list (the amphitheatre's
    # interns have no wish list, so they are not told about one).
    freezes_wishes: bool = False


class IrrevocableDialog(QDialog):
    """Step 2: the recap and the warning that the click cannot be undone."""

    def __init__(self, summary: ChoiceSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("irrevocableDialog")
        self.setWindowTitle(_tr("Confirmation de votre choix"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(DialogHeader(summary.title or _tr("Vous allez choisir"),
                                      _tr("Lisez attentivement avant de confirmer.")))
        self.post_label = styled_label(summary.post, "section", wrap=True)
        layout.addWidget(self.post_label)
        for line in summary.details:
            layout.addWidget(styled_label(line, wrap=True))
        warning = Banner(self)
        warning.show_message(
            _tr("Attention : en confirmant, votre choix devient définitif. Ce clic est "
                "irrévocable, non répudiable et non contestable. Vous ne pourrez plus "
                "modifier vos vœux ni changer de poste.") if summary.freezes_wishes else
            _tr("Attention : en confirmant, votre choix devient définitif. Ce clic est "
                "irrévocable, non répudiable et non contestable. Vous ne pourrez plus "
                "changer de poste."), "warning")
        self.warning = warning
        layout.addWidget(warning)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back_button = QPushButton(_tr("&Non, je reviens à mes choix"), self)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.reject)
        buttons.addWidget(self.back_button)
        self.confirm_button = primary_button(_tr("&Oui, je confirme"), self)
        self.confirm_button.setDefault(False)  # Enter must not confirm by accident
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.accept)
        # Keyboard: Alt+O confirms, Alt+N or Échap goes back; Entrée does neither.
        self.confirm_button.setAccessibleName(_tr("Oui, je confirme mon choix définitif"))
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self.back_button.setFocus()


class FinalDialog(QDialog):
    """Step 3: the last OK / Annuler box naming the post. OK is the final click."""

    def __init__(self, summary: ChoiceSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finalDialog")
        self.setWindowTitle(_tr("Dernière confirmation"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setText(_tr("Confirmez-vous définitivement le choix suivant ?\n\n{post}")
                              .format(post=summary.post))
        layout.addWidget(self.question)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_tr("&OK"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(_tr("&Annuler"))
        self.ok_button.setAutoDefault(False)
        self.ok_button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.cancel_button.setFocus()


async def _answer(dialog: QDialog) -> bool:
    """Open `dialog` without a nested event loop and await whether it was accepted."""
    future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result == QDialog.DialogCode.Accepted)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    finally:
        dialog.hide()
        dialog.deleteLater()


class ConfirmationSteps:
    """Runs steps 2 and 3; `current` is the dialog on screen (tests and turn end use it).

    `cancel()` closes whatever step is open as a refusal: the screen calls it when the
    turn ends or the post is taken meanwhile, so nobody confirms a choice that no longer
    exists.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.current: QDialog | None = None

    async def run(self, summary: ChoiceSummary) -> bool:
        """True only when the student accepted step 2 AND pressed OK at step 3."""
        self.current = IrrevocableDialog(summary, self.parent)
        try:
            if not await _answer(self.current):
                return False
            self.current = FinalDialog(summary, self.parent)
            return await _answer(self.current)
        finally:
            self.current = None

    def cancel(self) -> None:
        if self.current is not None:
            self.current.reject()


async def confirm_choice(parent: QWidget | None, summary: ChoiceSummary) -> bool:
    """Steps 2 and 3 for one choice; True when the final OK was pressed."""
    return await ConfirmationSteps(parent).run(summary)
