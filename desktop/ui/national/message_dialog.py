"""« Envoyer un message »: the agency writes to a student whose turn is coming and who cannot
be reached. The server pushes it to his client, emails it and keeps it in his history.

The dialog sends through the callable it is given (the staff screen's source); a refusal
is shown in the dialog, in French, and what was typed stays there.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.national import MessageSent, StaffStudent
from desktop.i18n import integer
from desktop.ui.widgets import BusyButton, DialogHeader, styled_label

MAX_LENGTH = 2000  # the server's limit (NationalStudentMessage.text)


class MessageDialog(QDialog):
    """Write one message to `student`; `sent` holds the server's answer once it is sent."""

    def __init__(self, student: StaffStudent,
                 send: Callable[[int, str], Awaitable[MessageSent]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.student = student
        self._send = send
        self.sent: MessageSent | None = None
        name = f"{student.first_name} {student.last_name.upper()}"
        self.setWindowTitle(self.tr("Envoyer un message"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 22)
        layout.setSpacing(12)
        layout.addWidget(DialogHeader(
            self.tr("Message à %1").replace("%1", name),
            self.tr("Classé %1 · passage n° %2 · %3").replace("%1", integer(student.rank))
            .replace("%2", integer(student.position))
            .replace("%3", student.email or self.tr("pas d'adresse électronique"))))
        layout.addWidget(styled_label(self.tr(
            "Il le verra dans Amphi dès maintenant (notification), le recevra par courriel et "
            "le retrouvera dans « Mon activité passée »."), "muted", wrap=True))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("messageText")
        self.text_edit.setPlaceholderText(self.tr(
            "Par exemple : votre tour approche, connectez-vous à Amphi ou appelez l'agence."))
        self.text_edit.setMinimumHeight(140)
        self.text_edit.textChanged.connect(self._update)
        layout.addWidget(self.text_edit)
        self.count_label = styled_label("", "muted")
        layout.addWidget(self.count_label)
        self.error_label = styled_label("", "error", wrap=True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.cancel_button)
        self.send_button = BusyButton(self.tr("Envoyer"), self.tr("Envoi…"), parent=self)
        self.send_button.clicked.connect(self.send)
        row.addWidget(self.send_button)
        layout.addLayout(row)
        self._update()

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def _update(self) -> None:
        length = len(self.text_edit.toPlainText())
        self.count_label.setText(self.tr("%1 / %2 caractères").replace("%1", integer(length))
                                 .replace("%2", integer(MAX_LENGTH)))
        self.count_label.setProperty("role", "error" if length > MAX_LENGTH else "muted")
        if not self.send_button.busy:
            self.send_button.setEnabled(bool(self.text()) and length <= MAX_LENGTH)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    @asyncSlot()
    async def send(self) -> None:
        """Send; on success close, on refusal say why and keep the text."""
        if self.send_button.busy or not self.text():
            return
        self.error_label.hide()
        self.send_button.set_busy(True)
        self.text_edit.setReadOnly(True)
        try:
            self.sent = await self._send(self.student.candidate_id, self.text())
        except ApiError as exc:
            self.show_error(exc.message)
            return
        finally:
            self.text_edit.setReadOnly(False)
            self.send_button.set_busy(False)
            self._update()
        self.accept()

