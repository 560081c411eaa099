"""The first entry's check, as DCI asks it: « Vérifiez vos informations ».

Not shown once the session has begun: the live screen needs the room then, and the
agency's corrections can no longer change the order.

At his first entry in a semester, an intern sees his faculty (UFR) and his passing order
and answers « C'est exact » or « Signaler une erreur… » (what is wrong goes to the
agency, which corrects it before the amphitheatre). The card stays until he answers; a
report he sent is recalled until he confirms.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.amphi import InternSelf
from desktop.api.client import ApiError
from desktop.i18n import integer
from desktop.models.amphi_live import local_time
from desktop.ui.widgets import Card, primary_button, styled_label

LIVE_STATES = frozenset({"in_progress", "paused", "finished"})
# (intern id, correct, report) → the intern's record as the server now has it
CheckDetails = Callable[[int, bool, str | None], Awaitable[InternSelf]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DetailsCheckCard", text)


def details_text(intern: InternSelf) -> str:
    """« UFR de Lyon · rang de classement local 4 sur 10 · rang d'appel 12 »."""
    parts = [_tr("UFR : %1").replace("%1", intern.faculty),
             _tr("rang de classement local : %1 sur %2").replace(
                 "%1", integer(intern.local_rank)).replace("%2",
                                                           integer(intern.local_cohort_size)),
             _tr("promotion %1, %2 semestre(s) validé(s)").replace(
                 "%1", str(intern.cohort)).replace("%2", str(intern.seniority))]
    if intern.call_rank is not None:
        parts.append(_tr("ordre de passage : %1").replace("%1", integer(intern.call_rank)))
    return " · ".join(parts)


class ReportDialog(QDialog):
    """« Signaler une erreur »: what is wrong, in the intern's words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Signaler une erreur à l'agence"))
        self.resize(520, 300)
        layout = QVBoxLayout(self)
        layout.addWidget(styled_label(_tr(
            "Dites ce qui est inexact (votre UFR, votre rang, votre promotion…) : l'agence "
            "le corrigera avant l'amphithéâtre."), "muted", wrap=True))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(_tr("Par exemple : je suis inscrit à l'UFR de Grenoble."))
        layout.addWidget(self.text, 1)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.send_button = buttons.addButton(_tr("Envoyer"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class DetailsCheckCard(Card):
    """Shown until the intern has checked his details; `answered` once the server took
    his answer (with the record it returned)."""

    answered = Signal(object)

    def __init__(self, check: CheckDetails, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Vérifiez vos informations"), parent)
        self.setObjectName("detailsCheck")
        self.check = check
        self.intern: InternSelf | None = None
        self.dialog: ReportDialog | None = None
        self.details = styled_label("", "value", wrap=True)
        self.body.addWidget(self.details)
        self.note = styled_label("", "muted", wrap=True)
        self.body.addWidget(self.note)
        row = QHBoxLayout()
        self.correct_button = primary_button(_tr("C'est exact"), self)
        self.correct_button.clicked.connect(self._correct)
        row.addWidget(self.correct_button)
        self.report_button = QPushButton(_tr("Signaler une erreur…"), self)
        self.report_button.clicked.connect(self.open_report)
        row.addWidget(self.report_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.hide()

    def set_intern(self, intern: InternSelf | None) -> None:
        """Shown to the intern himself (not his proxy holder) until he has answered, or
        while a report of his waits for the agency."""
        self.intern = intern
        live = intern is not None and intern.amphi is not None \
            and intern.amphi.state in LIVE_STATES
        if intern is None or intern.acting_as_proxy or live or (
                intern.details_checked_at is not None and intern.details_report is None):
            self.hide()  # (once the session runs, the live screen needs the room)
            return
        self.details.setText(details_text(intern))
        if intern.details_report:
            self.note.setText(_tr("Erreur signalée le %1 : « %2 » — l'agence a été prévenue ; "
                                  "une fois corrigé, confirmez ici.").replace(
                "%1", local_time(intern.details_checked_at)).replace("%2",
                                                                     intern.details_report))
        else:
            self.note.setText(_tr("Avant l'amphithéâtre, vérifiez votre UFR et votre ordre "
                                  "de passage : une erreur se corrige maintenant, pas le "
                                  "jour du choix."))
        self.show()

    @asyncSlot()
    async def _correct(self) -> None:
        await self.send(True, None)

    def open_report(self) -> ReportDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ReportDialog(self)
        self.dialog.accepted.connect(self._report)
        self.dialog.open()
        return self.dialog

    @asyncSlot()
    async def _report(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        text = dialog.text.toPlainText()
        if not await self.send(False, text):
            dialog.open()  # refused: the dialog comes back with what he typed

    async def send(self, correct: bool, report: str | None) -> bool:
        if self.intern is None:
            return False
        self.correct_button.setEnabled(False)
        self.report_button.setEnabled(False)
        try:
            intern = await self.check(self.intern.id, correct, report)
        except ApiError as exc:
            if self.dialog is not None and not correct:
                self.dialog.show_error(exc.message)
            else:
                self.note.setText(exc.message)
            return False
        finally:
            self.correct_button.setEnabled(True)
            self.report_button.setEnabled(True)
        self.set_intern(intern)
        self.answered.emit(intern)
        return True
