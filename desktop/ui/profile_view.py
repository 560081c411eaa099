"""« Mon profil » and « Mon activité passée ».

The profile shows who I am for the agency (read only), the procedures I take part in,
and lets me change my contact details (a new email waits for its confirmation link),
my secret question and my password. While a national amphitheatre runs, the server freezes
email, password and secret (the profile's `credentials_frozen` says why): those fields are
disabled and the reason shown above them; the other contact details stay editable. The
activity page lists every action on my account.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError, Campaign, Profile
from desktop.models import SortRole, labels
from desktop.models.activity import COL_ACTION, COL_ADDRESS, COL_AT, COL_DETAIL, ActivityModel
from desktop.models.campaigns import COL_KIND, COL_NAME, CampaignModel
from desktop.sync.account import Account, password_checklist
from desktop.tasks import spawn
from desktop.ui.columns import install_fitting
from desktop.ui.registration_dialog import SUGGESTED_QUESTIONS
from desktop.ui.widgets import (
    Banner,
    BusyButton,
    Card,
    FieldErrors,
    FormField,
    PasswordChecklist,
    styled_label,
)

ACTIVITY_PAGE = 100


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


def _page_layout(owner: QWidget, title: str, subtitle: str) -> tuple[QWidget, QVBoxLayout]:
    """A scrolling page with a title, its content kept to a readable width."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    page = QWidget()
    page.setObjectName("page")
    row = QHBoxLayout(page)
    row.setContentsMargins(28, 20, 28, 28)
    column = QVBoxLayout()
    column.setSpacing(14)
    holder = QWidget(page)
    holder.setLayout(column)
    holder.setMaximumWidth(920)
    row.addWidget(holder, 1)
    outer.addWidget(_scrolling(page))
    column.addWidget(styled_label(title, "title"))
    if subtitle:
        column.addWidget(styled_label(subtitle, "subtitle", wrap=True))
    return holder, column


class ProfileView(QWidget):
    """My identity, roles and procedures; my contact details, secret and password."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        _holder, layout = _page_layout(self, self.tr("Mon profil"), "")
        self.subtitle = styled_label("", "subtitle", wrap=True)
        layout.addWidget(self.subtitle)
        self.pending_banner = Banner(self)
        layout.addWidget(self.pending_banner)
        self.frozen_banner = Banner(self)
        self.frozen_banner.setObjectName("credentialsFrozen")
        layout.addWidget(self.frozen_banner)
        self.frozen_reason: str | None = None
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self._build_identity(layout)
        self._build_campaigns(layout)
        self._build_contact(layout)
        self._build_secret(layout)
        self._build_password(layout)
        layout.addStretch(1)
        account.profile_changed.connect(self.set_profile)
        if account.profile is not None:
            self.set_profile(account.profile)

    # ---------------------------------------------------------------- sections

    def _build_identity(self, layout: QVBoxLayout) -> None:
        card = Card(self.tr("Identité"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        self.identity_values: dict[str, QWidget] = {}
        rows = [("last_name", self.tr("Nom")), ("first_name", self.tr("Prénom")),
                ("birth_date", self.tr("Date de naissance")),
                ("birth_town", self.tr("Commune de naissance")),
                ("ine", self.tr("Numéro INE")), ("role", self.tr("Rôle"))]
        for index, (key, title) in enumerate(rows):
            row, col = divmod(index, 2)
            grid.addWidget(styled_label(title, "field"), row * 2, col)
            value = styled_label("—", "value")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value, row * 2 + 1, col)
            self.identity_values[key] = value
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        card.body.addLayout(grid)
        card.body.addWidget(styled_label(self.tr(
            "Ces informations viennent de l'agence : pour les corriger, contactez-la."),
            "muted", wrap=True))
        layout.addWidget(card)

    def _build_campaigns(self, layout: QVBoxLayout) -> None:
        card = Card(self.tr("Mes procédures"))
        self.campaigns_card = card
        self._campaigns_task: asyncio.Future[None] | None = None
        self.campaign_model = CampaignModel(self)
        self.campaign_table = QTableView(card)
        self.campaign_table.setModel(self.campaign_model)
        self.campaign_table.verticalHeader().hide()
        self.campaign_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.campaign_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.campaign_table.setAlternatingRowColors(True)
        # Long names wrap on two lines rather than end in « … » (« EDN 2026 — choix des
        # po… »): the name fits its content up to a cap, the kind takes the rest.
        self.campaign_table.setWordWrap(True)
        self.campaign_table.setShowGrid(False)
        header = self.campaign_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        install_fitting(self.campaign_table, caps={COL_NAME: 360})
        header.sectionResized.connect(lambda *_a: self._fit_campaign_rows())
        self.campaign_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.campaign_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        card.body.addWidget(self.campaign_table)
        self.no_campaign = styled_label(self.tr(
            "Vous ne participez à aucune procédure pour le moment."), "muted", wrap=True)
        card.body.addWidget(self.no_campaign)
        layout.addWidget(card)

    def _build_contact(self, layout: QVBoxLayout) -> None:
        card = Card(self.tr("Coordonnées"))
        self.contact_errors = FieldErrors(self.banner)
        self.email_edit = QLineEdit(card)
        self.phone_edit = QLineEdit(card)
        self.address_edit = QLineEdit(card)
        self.faculty_edit = QLineEdit(card)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        fields = [
            ("email", self.tr("Adresse électronique"), self.email_edit,
             self.tr("Une nouvelle adresse ne sert qu'une fois confirmée par le lien qui lui "
                     "est envoyé.")),
            ("phone", self.tr("Téléphone"), self.phone_edit, ""),
            ("address", self.tr("Adresse postale"), self.address_edit, ""),
            ("faculty", self.tr("UFR"), self.faculty_edit, ""),
        ]
        for index, (name, title, editor, hint) in enumerate(fields):
            field = FormField(title, editor, hint=hint)
            self.contact_errors.add(name, field)
            if name == "faculty":
                self.faculty_field = field
            row, col = divmod(index, 2)
            grid.addWidget(field, row, col, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        card.body.addLayout(grid)
        self.email_frozen_note = styled_label(self.tr(
            "Pendant l'amphi, l'adresse électronique ne peut pas changer ; le téléphone, "
            "l'adresse postale et l'UFR restent modifiables."), "muted", wrap=True)
        self.email_frozen_note.hide()
        card.body.addWidget(self.email_frozen_note)
        self.contact_button = BusyButton(self.tr("Enregistrer les coordonnées"),
                                         self.tr("Enregistrement…"))
        self.contact_button.setDefault(False)
        self.contact_button.clicked.connect(self._save_contact)
        card.body.addLayout(_right(self.contact_button))
        layout.addWidget(card)

    def _build_secret(self, layout: QVBoxLayout) -> None:
        card = Card(self.tr("Question secrète"))
        self.secret_errors = FieldErrors(self.banner)
        self.current_question = styled_label("", "muted", wrap=True)
        card.body.addWidget(self.current_question)
        self.question_combo = QComboBox(card)
        self.question_combo.setEditable(True)
        self.question_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.question_combo.addItems([self.tr(q) for q in SUGGESTED_QUESTIONS])
        self.answer_edit = QLineEdit(card)
        self.secret_password_edit = QLineEdit(card)
        self.secret_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        field = FormField(self.tr("Nouvelle question"), self.question_combo)
        self.secret_errors.add("secret_question", field)
        card.body.addWidget(field)
        row = QHBoxLayout()
        row.setSpacing(16)
        for name, title, editor, hint in (
                ("secret_answer", self.tr("Réponse"), self.answer_edit,
                 self.tr("Au moins 3 lettres ou chiffres.")),
                ("password", self.tr("Mot de passe actuel"), self.secret_password_edit, "")):
            field = FormField(title, editor, hint=hint)
            self.secret_errors.add(name, field)
            row.addWidget(field, 1, Qt.AlignmentFlag.AlignTop)
        card.body.addLayout(row)
        self.secret_frozen_note = styled_label(self.tr(
            "Non modifiable pendant l'amphi (voir en haut de la page)."), "muted", wrap=True)
        self.secret_frozen_note.hide()
        card.body.addWidget(self.secret_frozen_note)
        self.secret_button = BusyButton(self.tr("Modifier la question secrète"),
                                        self.tr("Enregistrement…"))
        self.secret_button.setDefault(False)
        self.secret_button.clicked.connect(self._save_secret)
        card.body.addLayout(_right(self.secret_button))
        layout.addWidget(card)

    def _build_password(self, layout: QVBoxLayout) -> None:
        card = Card(self.tr("Mot de passe"))
        self.password_errors = FieldErrors(self.banner)
        self.current_password_edit = QLineEdit(card)
        self.new_password_edit = QLineEdit(card)
        self.confirm_password_edit = QLineEdit(card)
        row = QHBoxLayout()
        row.setSpacing(16)
        for name, title, editor in (
                ("current_password", self.tr("Mot de passe actuel"), self.current_password_edit),
                ("new_password", self.tr("Nouveau mot de passe"), self.new_password_edit),
                ("confirmation", self.tr("Confirmation"), self.confirm_password_edit)):
            editor.setEchoMode(QLineEdit.EchoMode.Password)
            field = FormField(title, editor)
            self.password_errors.add(name, field)
            row.addWidget(field, 1, Qt.AlignmentFlag.AlignTop)
        card.body.addLayout(row)
        self.checklist = PasswordChecklist([rule for rule, _ in password_checklist("")], card)
        self.new_password_edit.textChanged.connect(
            lambda text: self.checklist.update_rules(password_checklist(text)))
        card.body.addWidget(self.checklist)
        card.body.addWidget(styled_label(self.tr(
            "Vos autres connexions ouvertes seront fermées."), "muted", wrap=True))
        self.password_frozen_note = styled_label(self.tr(
            "Non modifiable pendant l'amphi (voir en haut de la page)."), "muted", wrap=True)
        self.password_frozen_note.hide()
        card.body.addWidget(self.password_frozen_note)
        self.password_button = BusyButton(self.tr("Changer le mot de passe"),
                                          self.tr("Enregistrement…"))
        self.password_button.setDefault(False)
        self.password_button.clicked.connect(self._change_password)
        card.body.addLayout(_right(self.password_button))
        layout.addWidget(card)

    # ---------------------------------------------------------------- data

    def set_profile(self, profile: Profile) -> None:
        self.subtitle.setText(self.tr("%1 — identifiant : %2")
                              .replace("%1", profile.display_name)
                              .replace("%2", profile.email or "—"))
        values = {
            "last_name": profile.last_name, "first_name": profile.first_name,
            "birth_date": profile.birth_date.strftime("%d/%m/%Y") if profile.birth_date else "",
            "birth_town": profile.birth_town or "", "ine": profile.ine or "",
            "role": labels.role(profile.role, profile.kinds_as(profile.role)),
        }
        for key, value in values.items():
            self.identity_values[key].setText(value or "—")  # type: ignore[attr-defined]
        if profile.role == "staff":
            # The agency takes part in no procedure: it runs them all.
            self.campaigns_card.title.setText(self.tr("Procédures de l'agence"))
            self.no_campaign.setText(self.tr("Aucune procédure en cours."))
            if self._campaigns_task is None or self._campaigns_task.done():
                self._campaigns_task = spawn(self, self._load_all_campaigns())
        else:
            self.campaigns_card.title.setText(self.tr("Mes procédures"))
            self.no_campaign.setText(self.tr(
                "Vous ne participez à aucune procédure pour le moment."))
            self._show_campaigns(list(profile.campaigns))
        self.faculty_field.setVisible(profile.role in ("student", "proxy_holder"))
        self.email_edit.setText(profile.email or "")
        self.phone_edit.setText(profile.phone or "")
        self.address_edit.setText(profile.address or "")
        self.faculty_edit.setText(profile.faculty or "")
        if profile.pending_email:
            self.pending_banner.show_message(self.tr(
                "Nouvelle adresse en attente de confirmation : %1. Suivez le lien qui lui a "
                "été envoyé ; d'ici là, %2 reste votre adresse.")
                .replace("%1", profile.pending_email).replace("%2", profile.email or "—"),
                "info")
        else:
            self.pending_banner.clear()
        self.current_question.setText(
            self.tr("Question actuelle : %1").replace("%1", profile.secret_question)
            if profile.secret_question else self.tr("Aucune question secrète enregistrée."))
        self.set_frozen(profile.credentials_frozen)

    def _credential_widgets(self) -> list[QWidget]:
        return [self.email_edit, self.question_combo, self.answer_edit,
                self.secret_password_edit, self.secret_button, self.current_password_edit,
                self.new_password_edit, self.confirm_password_edit, self.password_button]

    def set_frozen(self, reason: str | None) -> None:
        """Disable email, secret and password with the server's reason (None: enable)."""
        self.frozen_reason = reason
        if reason:
            self.frozen_banner.show_message(reason, "warning")
        else:
            self.frozen_banner.clear()
        for widget in self._credential_widgets():
            busy = isinstance(widget, BusyButton) and widget.busy
            if not busy:
                widget.setEnabled(not reason)
            widget.setToolTip(reason or "")
        for note in (self.email_frozen_note, self.secret_frozen_note,
                     self.password_frozen_note):
            note.setVisible(bool(reason))

    def _refused(self, errors: FieldErrors, exc: ApiError,
                 aliases: dict[str, str] | None = None) -> None:
        """Show a refusal by its field; a freeze learnt from the server disables the rest
        at once (what was typed stays)."""
        errors.show(exc, aliases=aliases)
        if exc.code == "credentials_frozen" and not self.frozen_reason:
            self.set_frozen(exc.message)

    def _show_campaigns(self, campaigns: list[Campaign]) -> None:
        self.campaign_model.set_campaigns(campaigns)
        self.campaign_table.setVisible(bool(campaigns))
        self.no_campaign.setVisible(not campaigns)
        if campaigns:
            self._fit_campaign_rows()

    def _fit_campaign_rows(self) -> None:
        """Every row as tall as its wrapped text, the table as tall as its rows."""
        count = self.campaign_model.rowCount()
        if not count:
            return
        self.campaign_table.resizeRowsToContents()
        header = self.campaign_table.horizontalHeader().sizeHint().height()
        rows = sum(self.campaign_table.rowHeight(r) for r in range(count))
        self.campaign_table.setFixedHeight(header + rows + 4)

    async def _load_all_campaigns(self) -> None:
        try:
            campaigns = await self.account.campaigns()
        except ApiError as exc:
            self.no_campaign.setText(exc.message)
            self._show_campaigns([])
        else:
            self._show_campaigns(campaigns)

    def _clear_feedback(self) -> None:
        for errors in (self.contact_errors, self.secret_errors, self.password_errors):
            errors.clear()

    # ---------------------------------------------------------------- actions

    @asyncSlot()
    async def _save_contact(self) -> None:
        if self.contact_button.busy:
            return
        self._clear_feedback()
        self.contact_button.set_busy(True)
        try:
            profile = await self.account.update_contact(
                email=self.email_edit.text(), phone=self.phone_edit.text(),
                address=self.address_edit.text(), faculty=self.faculty_edit.text())
        except ApiError as exc:
            self._refused(self.contact_errors, exc)
        else:
            if profile.pending_email:
                self.banner.show_message(self.tr(
                    "Coordonnées enregistrées. Un lien de confirmation a été envoyé à %1.")
                    .replace("%1", profile.pending_email), "success")
            else:
                self.banner.show_message(self.tr("Coordonnées enregistrées."), "success")
        finally:
            self.contact_button.set_busy(False)

    @asyncSlot()
    async def _save_secret(self) -> None:
        if self.secret_button.busy:
            return
        self._clear_feedback()
        self.secret_button.set_busy(True)
        try:
            await self.account.update_secret(self.secret_password_edit.text(),
                                             self.question_combo.currentText(),
                                             self.answer_edit.text())
        except ApiError as exc:
            self._refused(self.secret_errors, exc)
        else:
            self.answer_edit.clear()
            self.secret_password_edit.clear()
            self.banner.show_message(self.tr("Question secrète modifiée."), "success")
        finally:
            self.secret_button.set_busy(False)
            self.secret_button.setEnabled(not self.frozen_reason)

    @asyncSlot()
    async def _change_password(self) -> None:
        if self.password_button.busy:
            return
        self._clear_feedback()
        self.password_button.set_busy(True)
        try:
            await self.account.change_password(self.current_password_edit.text(),
                                               self.new_password_edit.text(),
                                               self.confirm_password_edit.text())
        except ApiError as exc:
            self._refused(self.password_errors, exc, {"password": "current_password"})
        else:
            for edit in (self.current_password_edit, self.new_password_edit,
                         self.confirm_password_edit):
                edit.clear()
            self.banner.show_message(self.tr("Mot de passe changé. Vos autres connexions ont "
                                             "été fermées."), "success")
        finally:
            self.password_button.set_busy(False)
            self.password_button.setEnabled(not self.frozen_reason)


class ActivityView(QWidget):
    """« Mon activité passée »: every action on my account, newest first, page by page."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self._loaded = False
        self._task: asyncio.Future[None] | None = None
        _holder, layout = _page_layout(self, self.tr("Mon activité passée"), self.tr(
            "Toutes les actions sur votre compte (connexions, changements), les plus récentes "
            "en premier."))
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.model = ActivityModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_AT, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setMinimumHeight(360)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_AT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.more_button = BusyButton(self.tr("Afficher les actions plus anciennes"),
                                      self.tr("Chargement…"), primary=False)
        self.more_button.clicked.connect(self._load_more)
        self.more_button.hide()
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        self.refresh_button = BusyButton(self.tr("Actualiser"), self.tr("Chargement…"),
                                         primary=False)
        self.refresh_button.clicked.connect(self._refresh_clicked)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded and (self._task is None or self._task.done()):
            self._task = spawn(self, self.reload())

    async def reload(self) -> None:
        """Load the newest page (again)."""
        self.refresh_button.set_busy(True)
        self.banner.clear()
        try:
            entries = await self.account.activity(limit=ACTIVITY_PAGE)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
        else:
            self._loaded = True
            self.model.set_entries(entries)
            self.more_button.setVisible(len(entries) >= ACTIVITY_PAGE)
        finally:
            self.refresh_button.set_busy(False)

    @asyncSlot()
    async def _refresh_clicked(self) -> None:
        await self.reload()

    @asyncSlot()
    async def _load_more(self) -> None:
        oldest = self.model.oldest_id()
        if oldest is None or self.more_button.busy:
            return
        self.more_button.set_busy(True)
        try:
            entries = await self.account.activity(before_id=oldest, limit=ACTIVITY_PAGE)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
        else:
            self.model.append_entries(entries)
            self.more_button.setVisible(len(entries) >= ACTIVITY_PAGE)
        finally:
            self.more_button.set_busy(False)


def _right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row
