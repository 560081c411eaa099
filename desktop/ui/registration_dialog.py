"""Account creation in three steps, as both seed systems do it.

1. Identity: birth name, first name, birth date, birth town or INE number, checked
   against what the agency imported.
2. Account: email, password (the policy ticked live), secret question and answer.
3. "Check your mail": the confirmation link was sent; resend it, or paste it here.

Errors appear next to their field; nothing typed is lost, going back and forth included.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError, Identity, Terms
from desktop.models import QT_TRANSLATE_NOOP
from desktop.resources import app_icon
from desktop.sync.account import Account, password_checklist, secret_answer_problem
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

SUGGESTED_QUESTIONS = (
    QT_TRANSLATE_NOOP("RegistrationDialog",
                      "Quel est le nom de votre premier animal de compagnie ?"),
    QT_TRANSLATE_NOOP("RegistrationDialog",
                      "Dans quelle ville vos parents se sont-ils rencontrés ?"),
    QT_TRANSLATE_NOOP("RegistrationDialog",
                      "Quel est le prénom de votre meilleur ami d'enfance ?"),
    QT_TRANSLATE_NOOP("RegistrationDialog", "Quel était le nom de votre école primaire ?"),
)


class TermsDialog(QDialog):
    """The terms of use, to read whole; « J'accepte » accepts them."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conditions d'utilisation"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(self.tr("J'accepte"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def parse_birth_date(text: str) -> date | None:
    """"14/03/2000", "14-03-2000", "14.03.2000" or "2000-03-14"; None when not a date."""
    value = text.strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


class RegistrationDialog(QDialog):
    """Creates an account through `account`; `registered_email` is set once created."""

    STEP_IDENTITY, STEP_ACCOUNT, STEP_MAIL = range(3)

    def __init__(self, account: Account, *, server: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.server = server
        self.identity: Identity | None = None
        self.registered_email: str | None = None
        self.confirmed = False
        self.setWindowTitle(self.tr("Créer mon compte — Amphi"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(640)  # the password checklist's four rules on one line
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 26, 30, 22)
        layout.setSpacing(12)
        self.header = DialogHeader(self.tr("Créer mon compte"), "", app_icon())
        layout.addWidget(self.header)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy)
        self.errors = FieldErrors(self.banner)
        self._build_identity()
        self._build_account()
        self._build_mail()
        self._go(self.STEP_IDENTITY)


    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        fit_height(self)

    # ---------------------------------------------------------------- pages

    def _field(self, name: str, label: str, editor: QWidget, hint: str = "") -> FormField:
        field = FormField(label, editor, hint=hint)
        self.errors.add(name, field)
        return field

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        return row

    def _build_identity(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(styled_label(self.tr(
            "Saisissez votre identité telle que l'agence la connaît. Indiquez votre commune de "
            "naissance ou votre numéro INE (saisissez 0000 si vous n'en avez pas)."),
            "muted", wrap=True))
        self.last_name_edit = QLineEdit(page)
        self.first_name_edit = QLineEdit(page)
        names = QHBoxLayout()
        names.setSpacing(12)
        names.addWidget(self._field("last_name", self.tr("Nom de naissance"),
                                    self.last_name_edit))
        names.addWidget(self._field("first_name", self.tr("Prénom"), self.first_name_edit))
        layout.addLayout(names)
        self.birth_date_edit = QLineEdit(page)
        self.birth_date_edit.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.birth_date_edit.setMaxLength(10)
        layout.addWidget(self._field("birth_date", self.tr("Date de naissance"),
                                     self.birth_date_edit))
        self.birth_town_edit = QLineEdit(page)
        self.ine_edit = QLineEdit(page)
        self.ine_edit.setPlaceholderText(self.tr("ex. 0123456789A"))
        places = QHBoxLayout()
        places.setSpacing(12)
        places.addWidget(self._field("birth_town", self.tr("Commune de naissance"),
                                     self.birth_town_edit))
        places.addWidget(self._field("ine", self.tr("Numéro INE"), self.ine_edit))
        layout.addLayout(places)
        layout.addStretch(1)
        cancel = QPushButton(self.tr("Annuler"), page)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.identity_button = BusyButton(self.tr("Continuer"), self.tr("Vérification…"))
        self.identity_button.clicked.connect(self._check_identity)
        layout.addLayout(self._buttons(cancel, self.identity_button))
        self.pages.addWidget(page)

    def _build_account(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.identity_summary = styled_label("", "muted", wrap=True)
        layout.addWidget(self.identity_summary)
        self.email_edit = QLineEdit(page)
        self.email_edit.setPlaceholderText(self.tr("prenom.nom@exemple.fr"))
        self.email_again_edit = QLineEdit(page)
        self.email_again_edit.setPlaceholderText(self.tr("la même adresse"))
        emails = QHBoxLayout()
        emails.setSpacing(12)
        emails.addWidget(self._field("email", self.tr("Adresse électronique"), self.email_edit,
                                     self.tr("Un lien de confirmation y sera envoyé.")), 1)
        emails.addWidget(self._field("email_again", self.tr("Recopiez l'adresse"),
                                     self.email_again_edit,
                                     self.tr("Une faute de frappe vous priverait du lien.")), 1)
        layout.addLayout(emails)
        self.password_edit = QLineEdit(page)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation_edit = QLineEdit(page)
        self.confirmation_edit.setEchoMode(QLineEdit.EchoMode.Password)
        passwords = QHBoxLayout()
        passwords.setSpacing(12)
        passwords.addWidget(self._field("password", self.tr("Mot de passe"),
                                        self.password_edit), 1)
        passwords.addWidget(self._field("confirmation", self.tr("Confirmation"),
                                        self.confirmation_edit), 1)
        layout.addLayout(passwords)
        self.checklist = PasswordChecklist([rule for rule, _ in password_checklist("")], page)
        self.password_edit.textChanged.connect(
            lambda text: self.checklist.update_rules(password_checklist(text)))
        layout.addWidget(self.checklist)
        self.question_combo = QComboBox(page)
        self.question_combo.setEditable(True)
        self.question_combo.addItems([self.tr(q) for q in SUGGESTED_QUESTIONS])
        self.question_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        layout.addWidget(self._field("secret_question", self.tr("Question secrète"),
                                     self.question_combo,
                                     self.tr("Choisissez une question ou écrivez la vôtre.")))
        self.answer_edit = QLineEdit(page)
        self.answer_edit.textChanged.connect(self._answer_changed)
        self.answer_field = self._field(
            "secret_answer", self.tr("Réponse secrète"), self.answer_edit,
            self.tr("Au moins 3 lettres ou chiffres ; majuscules et minuscules sont "
                    "équivalentes. Elle vous sera demandée à l'entrée de l'amphithéâtre."))
        layout.addWidget(self.answer_field)
        self.phone_edit = QLineEdit(page)
        layout.addWidget(self._field("phone", self.tr("Téléphone (facultatif)"),
                                     self.phone_edit))
        # « J'accepte » the server's terms of use, read in the dialog they open.
        self.terms: Terms | None = None
        self.terms_dialog: TermsDialog | None = None
        terms_row = QWidget(page)
        row = QHBoxLayout(terms_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.terms_check = QCheckBox(self.tr("J'ai lu et j'accepte les conditions "
                                             "d'utilisation"), terms_row)
        row.addWidget(self.terms_check)
        self.terms_button = QPushButton(self.tr("Lire les conditions…"), terms_row)
        self.terms_button.setAutoDefault(False)
        self.terms_button.clicked.connect(self._show_terms)
        row.addWidget(self.terms_button)
        row.addStretch(1)
        layout.addWidget(self._field("terms_accepted", "", terms_row))
        layout.addStretch(1)
        back = QPushButton(self.tr("Retour"), page)
        back.setAutoDefault(False)
        back.clicked.connect(lambda: self._go(self.STEP_IDENTITY))
        self.register_button = BusyButton(self.tr("Créer mon compte"), self.tr("Création…"))
        self.register_button.clicked.connect(self._register)
        layout.addLayout(self._buttons(back, self.register_button))
        self.pages.addWidget(page)

    def _build_mail(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.mail_text = styled_label("", wrap=True)
        layout.addWidget(self.mail_text)
        self.link_box = QWidget(page)  # resend or paste the link: gone once confirmed
        link_layout = QVBoxLayout(self.link_box)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_layout.setSpacing(10)
        layout.addWidget(self.link_box)
        self.resend_button = BusyButton(self.tr("Renvoyer le lien"), self.tr("Envoi…"),
                                        primary=False)
        self.resend_button.clicked.connect(self._resend)
        row = QHBoxLayout()
        row.addWidget(self.resend_button)
        row.addStretch(1)
        link_layout.addLayout(row)
        link_layout.addSpacing(6)
        self.link_edit = QLineEdit(page)
        self.link_edit.setPlaceholderText(self.tr("https://…/pages/confirm-email?token=…"))
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self._field(
            "token", self.tr("Lien reçu (facultatif)"), self.link_edit,
            self.tr("Ouvrir le lien dans votre navigateur suffit ; vous pouvez aussi le "
                    "coller ici.")), 1)
        self.confirm_button = BusyButton(self.tr("Confirmer"), self.tr("Confirmation…"),
                                         primary=False)
        self.confirm_button.clicked.connect(self._confirm)
        confirm_row.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignTop)
        confirm_row.setAlignment(self.confirm_button, Qt.AlignmentFlag.AlignVCenter)
        link_layout.addLayout(confirm_row)
        layout.addStretch(1)
        self.done_button = QPushButton(self.tr("Aller à la connexion"), page)
        self.done_button.setProperty("variant", "primary")
        self.done_button.clicked.connect(self.accept)
        layout.addLayout(self._buttons(self.done_button))
        self.pages.addWidget(page)

    # ---------------------------------------------------------------- navigation

    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    def _go(self, step: int) -> None:
        titles = {
            self.STEP_IDENTITY: self.tr("Votre identité"),
            self.STEP_ACCOUNT: self.tr("Votre compte"),
            self.STEP_MAIL: self.tr("Confirmez votre adresse"),
        }
        self.header.subtitle.setText(self.tr("Étape %1 sur 3 : %2")
                                     .replace("%1", str(step + 1)).replace("%2", titles[step]))
        self.header.subtitle.show()
        self.banner.clear()
        # Only the current step counts in the dialog's size: each step gets the height it
        # needs (step 2's hints no longer overlap the fields below them).
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == step \
                else QSizePolicy.Policy.Ignored
            page = self.pages.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(step)
        self.pages.adjustSize()
        fit_height(self)
        focus = {self.STEP_IDENTITY: self.last_name_edit, self.STEP_ACCOUNT: self.email_edit,
                 self.STEP_MAIL: self.done_button}[step]
        focus.setFocus()

    def _set_busy(self, button: BusyButton, busy: bool) -> None:
        button.set_busy(busy)
        self.busy.setVisible(busy)

    def _answer_changed(self, text: str) -> None:
        if self.answer_field.error_text and not secret_answer_problem(text):
            self.answer_field.clear_error()

    # ---------------------------------------------------------------- actions

    def _read_identity(self) -> Identity | None:
        birth = parse_birth_date(self.birth_date_edit.text())
        if birth is None:
            self.errors.fields["birth_date"].set_error(self.tr(
                "Date de naissance invalide : utilisez le format JJ/MM/AAAA."))
            self.birth_date_edit.setFocus()
            return None
        return Identity(last_name=self.last_name_edit.text().strip(),
                        first_name=self.first_name_edit.text().strip(), birth_date=birth,
                        birth_town=self.birth_town_edit.text().strip() or None,
                        ine=self.ine_edit.text().strip() or None)

    @asyncSlot()
    async def _check_identity(self) -> None:
        if self.identity_button.busy:
            return
        self.errors.clear()
        identity = self._read_identity()
        if identity is None:
            return
        self._set_busy(self.identity_button, True)
        try:
            await self.account.check_identity(self.server, identity)
        except ApiError as exc:
            if exc.code == "already_registered":
                self.banner.show_message(exc.message, "warning")
            else:
                self.errors.show(exc)
        else:
            self.identity = identity
            self.identity_summary.setText(self.tr(
                "Identité reconnue : %1 %2, né(e) le %3. Choisissez maintenant vos "
                "identifiants.").replace("%1", identity.first_name)
                .replace("%2", identity.last_name)
                .replace("%3", identity.birth_date.strftime("%d/%m/%Y")))
            self._go(self.STEP_ACCOUNT)
        finally:
            self._set_busy(self.identity_button, False)

    @asyncSlot()
    async def _register(self) -> None:
        if self.register_button.busy or self.identity is None:
            return
        self.errors.clear()
        self._set_busy(self.register_button, True)
        try:
            accepted = None
            if self.terms_check.isChecked():
                accepted = (self.terms or await self.account.terms(self.server)).version
            result = await self.account.register(
                self.server, self.identity, email=self.email_edit.text(),
                email_again=self.email_again_edit.text(),
                password=self.password_edit.text(),
                confirmation=self.confirmation_edit.text(),
                secret_question=self.question_combo.currentText(),
                secret_answer=self.answer_edit.text(), phone=self.phone_edit.text(),
                terms_accepted=accepted)
        except ApiError as exc:
            if exc.code in ("identity_not_found", "already_registered"):
                self._go(self.STEP_IDENTITY)
            self.errors.show(exc)
        else:
            self.registered_email = result.email
            self.mail_text.setText(self.tr(
                "Votre compte est créé. Un lien de confirmation vient d'être envoyé à %1 : "
                "ouvrez-le pour activer votre compte, puis connectez-vous. Seul le dernier "
                "lien envoyé est valide.").replace("%1", result.email))
            self._go(self.STEP_MAIL)
        finally:
            self._set_busy(self.register_button, False)

    @asyncSlot()
    async def _show_terms(self) -> None:
        """« Lire les conditions… »: the server's terms, in a dialog whose « J'accepte »
        ticks the box."""
        try:
            self.terms = await self.account.terms(self.server)
        except ApiError as exc:
            self.errors.show(exc)
            return
        if self.terms_dialog is not None:
            self.terms_dialog.deleteLater()
        self.terms_dialog = TermsDialog(self.terms.text, self)
        self.terms_dialog.accepted.connect(lambda: self.terms_check.setChecked(True))
        self.terms_dialog.open()

    @asyncSlot()
    async def _resend(self) -> None:
        if self.resend_button.busy or not self.registered_email:
            return
        self.errors.clear()
        self._set_busy(self.resend_button, True)
        try:
            await self.account.resend_confirmation(self.server, self.registered_email)
        except ApiError as exc:
            self.errors.show(exc)
        else:
            self.banner.show_message(self.tr(
                "Nouveau lien envoyé à %1. Les liens précédents ne fonctionnent plus.")
                .replace("%1", self.registered_email), "success")
        finally:
            self._set_busy(self.resend_button, False)

    def show_confirmed(self, email: str) -> None:
        """The address is confirmed: no more « ouvrez le lien » nor « Renvoyer le lien »."""
        self.header.subtitle.setText(self.tr("Étape 3 sur 3 : adresse confirmée"))
        self.mail_text.setText(self.tr(
            "Votre adresse %1 est confirmée et votre compte est actif. Connectez-vous "
            "maintenant avec cette adresse et votre mot de passe.").replace("%1", email))
        self.link_box.hide()
        self.banner.show_message(self.tr("Adresse %1 confirmée : vous pouvez vous "
                                         "connecter.").replace("%1", email), "success")
        self.done_button.setFocus()

    @asyncSlot()
    async def _confirm(self) -> None:
        if self.confirm_button.busy:
            return
        self.errors.clear()
        self._set_busy(self.confirm_button, True)
        try:
            email = await self.account.confirm_email(self.server, self.link_edit.text())
        except ApiError as exc:
            self.errors.show(exc)
        else:
            self.confirmed = True
            self.registered_email = email
            self.show_confirmed(email)
        finally:
            self._set_busy(self.confirm_button, False)
