"""« Mot de passe oublié ? »: a reset link by mail, then a new password.

The mailed link opens a page where the new password can be set in any browser; the
dialog also accepts the pasted link (or its code) with the new password, so the whole
reset can happen here. Every session of the account is closed by the server afterwards.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.resources import app_icon
from desktop.sync.account import Account, password_checklist
from desktop.ui.widgets import (
    Banner,
    BusyButton,
    BusyIndicator,
    DialogHeader,
    FieldErrors,
    FormField,
    PasswordChecklist,
    fit_height,
    styled_label,
)


class PasswordResetDialog(QDialog):
    """Resets a password through `account`; `reset_email` is set once done."""

    STEP_EMAIL, STEP_NEW_PASSWORD = range(2)

    def __init__(self, account: Account, *, server: str, email: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.server = server
        self.reset_email: str | None = None
        self.setWindowTitle(self.tr("Mot de passe oublié — Amphi"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 26, 30, 22)
        layout.setSpacing(12)
        layout.addWidget(DialogHeader(self.tr("Mot de passe oublié"),
                                      self.tr("Recevez un lien pour en choisir un nouveau."),
                                      app_icon()))
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy)

        # Step 1: the address.
        first = QWidget(self)
        first_layout = QVBoxLayout(first)
        first_layout.setContentsMargins(0, 0, 0, 0)
        first_layout.setSpacing(10)
        self.email_edit = QLineEdit(email, first)
        self.email_edit.setPlaceholderText(self.tr("prenom.nom@exemple.fr"))
        field = FormField(self.tr("Adresse électronique de votre compte"), self.email_edit)
        self.errors.add("email", field)
        first_layout.addWidget(field)
        first_layout.addStretch(1)
        cancel = QPushButton(self.tr("Annuler"), first)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.request_button = BusyButton(self.tr("Recevoir le lien"), self.tr("Envoi…"))
        self.request_button.clicked.connect(self._request)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.request_button)
        first_layout.addLayout(row)
        self.pages.addWidget(first)

        # Step 2: the link and the new password.
        second = QWidget(self)
        second_layout = QVBoxLayout(second)
        second_layout.setContentsMargins(0, 0, 0, 0)
        second_layout.setSpacing(10)
        self.sent_text = styled_label("", wrap=True)
        second_layout.addWidget(self.sent_text)
        self.token_edit = QLineEdit(second)
        self.token_edit.setPlaceholderText(self.tr("https://…/pages/reset-password?token=…"))
        field = FormField(self.tr("Lien ou code reçu"), self.token_edit)
        self.errors.add("token", field)
        second_layout.addWidget(field)
        self.password_edit = QLineEdit(second)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation_edit = QLineEdit(second)
        self.confirmation_edit.setEchoMode(QLineEdit.EchoMode.Password)
        passwords = QHBoxLayout()
        passwords.setSpacing(12)
        for name, label, edit in (("password", self.tr("Nouveau mot de passe"),
                                   self.password_edit),
                                  ("confirmation", self.tr("Confirmation"),
                                   self.confirmation_edit)):
            field = FormField(label, edit)
            self.errors.add(name, field)
            passwords.addWidget(field, 1)
        second_layout.addLayout(passwords)
        self.checklist = PasswordChecklist([rule for rule, _ in password_checklist("")],
                                           second)
        self.password_edit.textChanged.connect(
            lambda text: self.checklist.update_rules(password_checklist(text)))
        second_layout.addWidget(self.checklist)
        second_layout.addStretch(1)
        back = QPushButton(self.tr("Retour"), second)
        back.setAutoDefault(False)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.STEP_EMAIL))
        self.confirm_button = BusyButton(self.tr("Changer le mot de passe"),
                                         self.tr("Enregistrement…"))
        self.confirm_button.clicked.connect(self._confirm)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(back)
        row.addWidget(self.confirm_button)
        second_layout.addLayout(row)
        self.pages.addWidget(second)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        fit_height(self)

    @asyncSlot()
    async def _request(self) -> None:
        if self.request_button.busy:
            return
        self.errors.clear()
        self.request_button.set_busy(True)
        self.busy.show()
        try:
            await self.account.request_password_reset(self.server, self.email_edit.text())
        except ApiError as exc:
            self.errors.show(exc)
        else:
            self.sent_text.setText(self.tr(
                "Si un compte correspond à %1, un courriel vient de lui être envoyé. Ouvrez "
                "son lien pour choisir un nouveau mot de passe dans votre navigateur, ou "
                "collez-le ci-dessous.").replace("%1", self.email_edit.text().strip()))
            self.pages.setCurrentIndex(self.STEP_NEW_PASSWORD)
            self.token_edit.setFocus()
        finally:
            self.request_button.set_busy(False)
            self.busy.hide()

    @asyncSlot()
    async def _confirm(self) -> None:
        if self.confirm_button.busy:
            return
        self.errors.clear()
        self.confirm_button.set_busy(True)
        self.busy.show()
        try:
            email = await self.account.confirm_password_reset(
                self.server, self.token_edit.text(), self.password_edit.text(),
                self.confirmation_edit.text())
        except ApiError as exc:
            self.errors.show(exc)
        else:
            self.reset_email = email
            self.accept()
        finally:
            self.confirm_button.set_busy(False)
            self.busy.hide()
