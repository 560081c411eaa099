"""The sign-in dialog: email and password, or a code mailed on request; links to the
registration and password-reset dialogs; the server address underneath.

Whatever goes wrong, what was typed stays and the French message appears next to the
field it concerns (or in the banner on top). While a request runs, its button is
disabled and a thin progress bar moves. A throttled sign-in shows the wait, counting down.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError, DemoAccount, Profile
from desktop.resources import app_icon
from desktop.sync.account import Account
from desktop.sync.amphi import proxy_sign_in
from desktop.ui.password_reset_dialog import PasswordResetDialog
from desktop.ui.registration_dialog import RegistrationDialog
from desktop.ui.widgets import (
    Banner,
    BusyButton,
    BusyIndicator,
    DialogHeader,
    FieldErrors,
    FormField,
    fit_height,
    hline,
    link_button,
    styled_label,
)


def format_wait(seconds: int) -> str:
    """`305` → "5 min 05 s", `42` → "42 s"."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


class SignInDialog(QDialog):
    """Signs a person in through `account`; emits `signed_in(Profile)` and accepts."""

    signed_in = Signal(object)  # Profile
    browse_requested = Signal()  # « Consulter sans compte », the server set (account.api)
    request_done = Signal()  # a request to the server ended, whatever its outcome

    def __init__(self, account: Account, *, server: str, email: str = "", message: str = "",
                 message_kind: str = "warning", demo_accounts: Sequence[DemoAccount] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.profile: Profile | None = None
        self._demo_accounts = list(demo_accounts)
        self._wait_left = 0
        self.is_busy = False
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick_wait)
        self.setWindowTitle(self.tr("Connexion — Amphi"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(470)
        self._build(server, email)
        if message:
            self.banner.show_message(message, message_kind)
        (self.password_edit if email else self.email_edit).setFocus()


    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        fit_height(self)

    # ---------------------------------------------------------------- layout

    def _build(self, server: str, email: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 22)
        layout.setSpacing(12)
        layout.addWidget(DialogHeader(
            self.tr("Amphi"),
            self.tr("Choix des postes d'internat et des stages, appariement des docteurs "
                    "juniors"), app_icon()))
        layout.addSpacing(4)
        self.banner = Banner(self)
        self.banner.action_clicked.connect(self._banner_action)
        layout.addWidget(self.banner)

        self.demo_combo = QComboBox(self)
        self.demo_combo.hide()
        if self._demo_accounts:
            self.demo_combo.show()
            self.demo_combo.addItem(self.tr("Choisir un compte de démonstration…"), None)
            for demo in self._demo_accounts:
                self.demo_combo.addItem(f"{demo.label} — {demo.email}", demo)
            self.demo_combo.currentIndexChanged.connect(self._demo_chosen)
            layout.addWidget(FormField(self.tr("Compte de démonstration"), self.demo_combo))

        self.email_edit = QLineEdit(email, self)
        self.email_edit.setPlaceholderText(self.tr("prenom.nom@exemple.fr"))
        self.email_edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.email_field = FormField(self.tr("Adresse électronique"), self.email_edit)
        layout.addWidget(self.email_field)

        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field = FormField(self.tr("Mot de passe"), self.password_edit)
        layout.addWidget(self.password_field)

        self.remember_check = QCheckBox(self.tr("Se souvenir de moi"), self)
        layout.addWidget(self.remember_check)
        self.proxy_check = QCheckBox(self.tr("Procuration : je choisis pour un interne"), self)
        self.proxy_check.setToolTip(self.tr(
            "Adresse indiquée par l'interne et mot de passe choisi sur la page de "
            "validation de la procuration."))
        layout.addWidget(self.proxy_check)
        self.remember_note = styled_label("", "muted", wrap=True)
        self.remember_note.hide()
        layout.addWidget(self.remember_note)
        if self.account.can_remember:
            self.remember_check.setToolTip(self.tr(
                "Garde la session dans le trousseau sécurisé de cet ordinateur (jamais le "
                "mot de passe)."))
        else:
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(self.account.cannot_remember_reason)
            self.remember_note.setText(self.account.cannot_remember_reason)
            self.remember_note.show()

        self.sign_in_button = BusyButton(self.tr("Se connecter"), self.tr("Connexion…"))
        self.sign_in_button.clicked.connect(self._sign_in)
        layout.addWidget(self.sign_in_button)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy)

        links = QHBoxLayout()
        self.forgot_button = link_button(self.tr("Mot de passe oublié ?"))
        self.forgot_button.clicked.connect(self._forgot_password)
        links.addWidget(self.forgot_button)
        links.addStretch(1)
        self.link_button = link_button(self.tr("Recevoir un lien de connexion par e-mail"))
        self.link_button.clicked.connect(self._request_link)
        links.addWidget(self.link_button)
        layout.addLayout(links)

        # Sign-in by mailed link: the mail's page shows a code to paste here.
        self.code_panel = QWidget(self)
        code_layout = QVBoxLayout(self.code_panel)
        code_layout.setContentsMargins(0, 4, 0, 0)
        code_layout.setSpacing(8)
        self.code_info = styled_label("", "muted", wrap=True)
        code_layout.addWidget(self.code_info)
        row = QHBoxLayout()
        self.code_edit = QLineEdit(self.code_panel)
        self.code_edit.setPlaceholderText(self.tr("Code ou lien reçu par courriel"))
        self.code_field = FormField(self.tr("Code de connexion"), self.code_edit)
        row.addWidget(self.code_field, 1)
        self.code_button = BusyButton(self.tr("Valider le code"), self.tr("Connexion…"),
                                      primary=False)
        self.code_button.clicked.connect(self._sign_in_with_code)
        row.addWidget(self.code_button, 0, Qt.AlignmentFlag.AlignBottom)
        code_layout.addLayout(row)
        self.code_panel.hide()
        layout.addWidget(self.code_panel)

        layout.addWidget(hline(self))
        create_row = QHBoxLayout()
        create_row.addWidget(styled_label(self.tr("Première connexion ?"), "muted"))
        self.create_button = link_button(self.tr("Créer mon compte"))
        self.create_button.clicked.connect(self._create_account)
        create_row.addWidget(self.create_button)
        create_row.addStretch(1)
        layout.addLayout(create_row)
        browse_row = QHBoxLayout()
        browse_row.addWidget(styled_label(self.tr("Sans compte ?"), "muted"))
        self.browse_button = link_button(self.tr("Consulter sans compte"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setToolTip(self.tr(
            "Les informations publiques de ce serveur, en direct : tableaux du choix national, "
            "amphithéâtres, postes, affectations, calendrier de l'appariement"))
        self.browse_button.clicked.connect(self._browse)
        browse_row.addWidget(self.browse_button)
        browse_row.addStretch(1)
        layout.addLayout(browse_row)

        server_row = QHBoxLayout()
        self.server_label = styled_label("", "muted")
        server_row.addWidget(self.server_label, 1)
        self.server_change = link_button(self.tr("Changer de serveur"))
        self.server_change.clicked.connect(self._show_server)
        server_row.addWidget(self.server_change)
        layout.addLayout(server_row)
        self.server_edit = QLineEdit(server, self)
        self.server_edit.setPlaceholderText("https://amphi.exemple.fr")
        self.server_edit.textChanged.connect(self._server_text_changed)
        self.server_field = FormField(self.tr("Adresse du serveur"), self.server_edit)
        self.server_field.hide()
        layout.addWidget(self.server_field)
        self._server_text_changed(server)

        self.errors = FieldErrors(self.banner, {
            "email": self.email_field, "password": self.password_field,
            "server": self.server_field, "token": self.code_field,
        })
        self._banner_handler: str | None = None

    # ---------------------------------------------------------------- helpers

    @property
    def server(self) -> str:
        return self.server_edit.text().strip()

    def _server_text_changed(self, text: str) -> None:
        self.server_label.setText(self.tr("Serveur : %1").replace("%1", text.strip() or "—"))

    def _show_server(self) -> None:
        self.server_field.show()
        self.server_change.hide()
        self.server_label.hide()
        self.server_edit.setFocus()

    def _set_busy(self, busy: bool, button: BusyButton | None = None) -> None:
        """One request at a time: its button shows it works, the other actions wait."""
        self.is_busy = busy
        if button is not None:
            button.set_busy(busy)
        self.busy.setVisible(busy)
        for widget in (self.sign_in_button, self.code_button, self.link_button,
                       self.forgot_button, self.create_button, self.browse_button):
            if widget is not button:
                widget.setEnabled(not busy)
        if not busy and self._wait_left > 0:
            self.sign_in_button.setEnabled(False)
            self._update_wait_text()
        if not busy:
            self.request_done.emit()

    def _show_error(self, error: ApiError) -> None:
        self._banner_handler = None
        if error.field == "server":
            self._show_server()
        if error.code == "too_many_attempts" and error.retry_after:
            self._start_wait(error.retry_after, error.message)
            return
        if error.code == "email_not_confirmed":
            self._banner_handler = "resend"
            self.banner.show_message(error.message, "warning",
                                     self.tr("Renvoyer le lien de confirmation"))
            return
        if error.code == "bad_credentials":
            self.password_field.set_error(error.message)
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        self.errors.show(error)

    def _start_wait(self, seconds: int, message: str) -> None:
        """Throttled: say so, and keep "Se connecter" off until the wait is over."""
        self._wait_left = seconds
        self.banner.show_message(message, "warning")
        self.sign_in_button.setEnabled(False)
        self._update_wait_text()
        self._wait_timer.start()

    def _tick_wait(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self._wait_left = 0
            self.sign_in_button.setText(self.sign_in_button.idle_text)
            self.sign_in_button.setEnabled(True)
            self.banner.clear()
            return
        self._update_wait_text()

    def _update_wait_text(self) -> None:
        self.sign_in_button.setText(
            self.tr("Nouvel essai possible dans %1").replace("%1", format_wait(self._wait_left)))

    @property
    def wait_left(self) -> int:
        """Seconds before signing in is allowed again (0 when it is)."""
        return self._wait_left

    def _done(self, profile: Profile) -> None:
        self.profile = profile
        self.signed_in.emit(profile)
        self.accept()

    def _demo_chosen(self, index: int) -> None:
        demo = self.demo_combo.itemData(index)
        if isinstance(demo, DemoAccount):
            self.email_edit.setText(demo.email)
            self.password_edit.setText(demo.password)
            self.sign_in_button.setFocus()

    # ---------------------------------------------------------------- actions

    @asyncSlot()
    async def _sign_in(self) -> None:
        if self.is_busy or self._wait_left > 0:
            return
        self.errors.clear()
        self._set_busy(True, self.sign_in_button)
        try:
            sign_in = proxy_sign_in if self.proxy_check.isChecked() else None
            if sign_in is not None:  # « Procuration »: same form, the holder's session
                profile = await sign_in(self.account, self.server, self.email_edit.text(),
                                        self.password_edit.text(),
                                        remember=self.remember_check.isChecked())
            else:
                profile = await self.account.sign_in(
                    self.server, self.email_edit.text(), self.password_edit.text(),
                    remember=self.remember_check.isChecked())
        except ApiError as exc:
            self._show_error(exc)
        else:
            self._done(profile)
        finally:
            self._set_busy(False, self.sign_in_button)

    @asyncSlot()
    async def _request_link(self) -> None:
        if self.is_busy:
            return
        self.errors.clear()
        self._set_busy(True)
        try:
            await self.account.request_signin_link(self.server, self.email_edit.text())
        except ApiError as exc:
            self._show_error(exc)
        else:
            email = self.email_edit.text().strip()
            self.code_info.setText(self.tr(
                "Si un compte correspond à %1, un lien de connexion valable 30 minutes vient "
                "de lui être envoyé. Ouvrez-le, puis collez ici le code affiché.")
                .replace("%1", email))
            self.code_panel.show()
            self.code_edit.setFocus()
        finally:
            self._set_busy(False)

    @asyncSlot()
    async def _sign_in_with_code(self) -> None:
        if self.is_busy:
            return
        self.errors.clear()
        self._set_busy(True, self.code_button)
        try:
            profile = await self.account.sign_in_with_code(
                self.server, self.code_edit.text(), remember=self.remember_check.isChecked())
        except ApiError as exc:
            self._show_error(exc)
        else:
            self._done(profile)
        finally:
            self._set_busy(False, self.code_button)

    @asyncSlot()
    async def _banner_action(self) -> None:
        if self._banner_handler != "resend":
            return
        email = self.email_edit.text().strip()
        self.banner.action.setEnabled(False)
        try:
            await self.account.resend_confirmation(self.server, email)
        except ApiError as exc:
            self._banner_handler = None
            self.errors.show(exc)
        else:
            self._banner_handler = None
            self.banner.show_message(self.tr(
                "Un nouveau lien de confirmation a été envoyé à %1 : ouvrez-le, puis "
                "connectez-vous.").replace("%1", email), "success")
        finally:
            self.banner.action.setEnabled(True)

    def _browse(self) -> None:
        """« Consulter sans compte »: for the server shown (a bad address is said here)."""
        if self.is_busy:
            return
        self.errors.clear()
        try:
            self.account.use_server(self.server)
        except ApiError as exc:
            self._show_error(exc)
            return
        self.browse_requested.emit()

    def _create_account(self) -> None:
        self.errors.clear()
        dialog = RegistrationDialog(self.account, server=self.server, parent=self)
        dialog.finished.connect(lambda _result: self._after_registration(dialog))
        dialog.open()

    def _after_registration(self, dialog: RegistrationDialog) -> None:
        if dialog.registered_email:
            self.email_edit.setText(dialog.registered_email)
            self.password_edit.clear()
            self.password_edit.setFocus()
            text = (self.tr("Adresse confirmée : vous pouvez vous connecter.")
                    if dialog.confirmed else
                    self.tr("Compte créé. Confirmez votre adresse avec le lien reçu par "
                            "courriel, puis connectez-vous."))
            self.banner.show_message(text, "success")
        if dialog.server:
            self.server_edit.setText(dialog.server)
        dialog.deleteLater()

    def _forgot_password(self) -> None:
        self.errors.clear()
        dialog = PasswordResetDialog(self.account, server=self.server,
                                     email=self.email_edit.text().strip(), parent=self)
        dialog.finished.connect(lambda _result: self._after_reset(dialog))
        dialog.open()

    def _after_reset(self, dialog: PasswordResetDialog) -> None:
        if dialog.reset_email:
            self.email_edit.setText(dialog.reset_email)
            self.password_edit.clear()
            self.password_edit.setFocus()
            self.banner.show_message(self.tr("Mot de passe changé : connectez-vous avec le "
                                             "nouveau."), "success")
        dialog.deleteLater()
