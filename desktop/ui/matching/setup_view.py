"""The agency's set-up of a matching campaign: calendar, imports, posts, people.

Four tabs over the newest matching campaign (a new one is created here when there is
none): « Calendrier » (waves, rounds and their dated phases, the campaign's state),
« Imports » (supervisors, posts, junior doctors from CSV or Excel, with every rejected
line and its reason), « Postes » (« validé par l'ARS ») and « Coordonnateurs et RTS »
(invitations mailed by the server). Dates are typed in Paris time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QSortFilterProxyModel,
    Qt,
    QTime,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.matching import ImportReport, MatchingCampaign, Member, Post, Round, Wave
from desktop.models import QT_TRANSLATE_NOOP, ItemRole, SortRole
from desktop.models.matching_setup import (
    COL_V_DURATION,
    COL_V_TYPE,
    MembersModel,
    RejectedLinesModel,
    SetupPostsModel,
)
from desktop.sync.matching import MatchingService
from desktop.tasks import spawn
from desktop.ui.column_chooser import ColumnChooser
from desktop.ui.matching.common import PARIS, fit_columns, phase_label, when
from desktop.ui.widgets import Banner, BusyButton, BusyIndicator, Card, styled_label

CONTEXT = "MatchingSetup"
STATES = (
    ("draft", QT_TRANSLATE_NOOP(CONTEXT, "Brouillon (invisible hors de l'agence)")),
    ("open", QT_TRANSLATE_NOOP(CONTEXT, "Ouverte")),
    ("closed", QT_TRANSLATE_NOOP(CONTEXT, "Close (plus aucune modification)")),
)
ROUND_DATES = (
    ("applications_opens_at", QT_TRANSLATE_NOOP(CONTEXT, "Ouverture des candidatures")),
    ("applications_closes_at", QT_TRANSLATE_NOOP(CONTEXT, "Clôture des candidatures")),
    ("ranking_opens_at", QT_TRANSLATE_NOOP(CONTEXT, "Ouverture du classement")),
    ("ranking_closes_at", QT_TRANSLATE_NOOP(CONTEXT, "Clôture du classement")),
    ("results_at", QT_TRANSLATE_NOOP(CONTEXT, "Résultats")),
)
OFF_PLATFORM_DATES = (
    ("opens_at", QT_TRANSLATE_NOOP(CONTEXT, "Début du tour hors plateforme")),
    ("closes_at", QT_TRANSLATE_NOOP(CONTEXT, "Fin du tour hors plateforme")),
)
WAVE_DATES = (
    ("posts_opens_at", QT_TRANSLATE_NOOP(CONTEXT, "Ouverture de « Mes postes »")),
    ("posts_closes_at", QT_TRANSLATE_NOOP(CONTEXT, "Clôture de « Mes postes »")),
)
IMPORTS = (
    ("supervisors", QT_TRANSLATE_NOOP(CONTEXT, "Importer les RTS…"),
     QT_TRANSLATE_NOOP(CONTEXT, "RTS : nom, prénom, adresse électronique. Chaque nouveau RTS "
                                "reçoit une invitation.")),
    ("posts", QT_TRANSLATE_NOOP(CONTEXT, "Importer les postes…"),
     QT_TRANSLATE_NOOP(CONTEXT, "Postes : numéro, spécialité, libellé, établissement, "
                                "subdivision, adresse du RTS ; facultatifs : option, type "
                                "(simple, couplé, mixte), second RTS, accès du second RTS, "
                                "durée (6 ou 12 mois), places, semestre décalé, validé par "
                                "l'ARS (oui / non).")),
    ("candidates", QT_TRANSLATE_NOOP(CONTEXT, "Importer les internes…"),
     QT_TRANSLATE_NOOP(CONTEXT, "Internes : INE ou adresse électronique, spécialité, "
                                "subdivision ; facultatif : semestre décalé (oui / non). Les "
                                "identités doivent être importées auparavant.")),
)
# The less used columns of the posts table start hidden (« Colonnes… » brings them back).
HIDDEN_POST_COLUMNS = (COL_V_TYPE, COL_V_DURATION)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def to_qt(value: datetime | None) -> QDateTime:
    """A UTC time as the Paris wall-clock time a date edit shows."""
    if value is None:
        return QDateTime()
    local = value.astimezone(PARIS)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qt(value: QDateTime) -> datetime:
    """What a date edit shows, read as Paris time."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=PARIS)


def short(value: datetime | None, year: int) -> str:
    """« 07/12 21:40 » (Paris time), with the year only when it is not `year`."""
    if value is None:
        return "—"
    local = value.astimezone(PARIS)
    return local.strftime("%d/%m %H:%M") if local.year == year else when(value)


def span(start: datetime | None, end: datetime | None, year: int) -> str:
    """« 07/12 21:40 → 08/12 01:40 », « 07/12 21:40 → 23:40 » within a day (Paris time;
    the year shown only when it is not `year`)."""
    if start is not None and end is not None and \
            start.astimezone(PARIS).date() == end.astimezone(PARIS).date():
        return f"{short(start, year)} → {end.astimezone(PARIS):%H:%M}"
    return f"{short(start, year)} → {short(end, year)}"


class DatesDialog(QDialog):
    """Dates to set, each with a box to leave it empty; a name and a round's kind too."""

    def __init__(self, title: str, dates: tuple[tuple[str, str], ...],
                 values: dict[str, datetime | None], parent: QWidget | None = None, *,
                 name: str | None = None, number: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.name_edit: QLineEdit | None = None
        self.number_spin: QSpinBox | None = None
        if name is not None:
            self.name_edit = QLineEdit(name)
            self.name_edit.setMaxLength(120)
            form.addRow(self.tr("Nom"), self.name_edit)
        if number is not None:
            self.number_spin = QSpinBox()
            self.number_spin.setRange(1, 9)
            self.number_spin.setValue(number)
            form.addRow(self.tr("Tour n°"), self.number_spin)
        form.addRow(styled_label(self.tr(
            "Heure de Paris. Décochez une date pour la laisser vide."), "muted", wrap=True))
        self.edits: dict[str, tuple[QCheckBox, QDateTimeEdit]] = {}
        now = QDateTime.currentDateTime()
        for key, label in dates:
            row = QHBoxLayout()
            used = QCheckBox()
            edit = QDateTimeEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
            value = values.get(key)
            used.setChecked(value is not None)
            edit.setDateTime(to_qt(value) if value is not None else now)
            edit.setEnabled(value is not None)
            used.toggled.connect(edit.setEnabled)
            row.addWidget(used)
            row.addWidget(edit, 1)
            form.addRow(_tr(label), row)
            self.edits[key] = (used, edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def dates(self) -> dict[str, datetime | None]:
        return {key: from_qt(edit.dateTime()) if used.isChecked() else None
                for key, (used, edit) in self.edits.items()}


class InviteDialog(QDialog):
    """« Inviter un coordonnateur ou un RTS »: address, names, part."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inviter un coordonnateur ou un RTS"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("prenom.nom@chu.example.org"))
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.role = QComboBox()
        self.role.addItem(self.tr("Responsable de terrain de stage (RTS)"), "supervisor")
        self.role.addItem(self.tr("Coordonnateur"), "coordinator")
        form.addRow(self.tr("Adresse électronique"), self.email)
        form.addRow(self.tr("Prénom"), self.first_name)
        form.addRow(self.tr("Nom"), self.last_name)
        form.addRow(self.tr("Rôle"), self.role)
        form.addRow(styled_label(self.tr(
            "Une invitation avec un lien de connexion est envoyée par courriel. Le nom et le "
            "prénom ne servent que si l'adresse n'a pas encore de compte."), "muted", wrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Inviter"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class PostsProxy(QSortFilterProxyModel):
    """Text, wave and « non validés » filters over the set-up posts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.wave_id: int | None = None
        self.pending_only = False
        self.setSortRole(SortRole)

    def set_filters(self, text: str, wave_id: int | None, pending_only: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
        self.text, self.wave_id, self.pending_only = text.casefold().strip(), wave_id, \
            pending_only
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Any) -> bool:  # noqa: N802 - Qt override
        post: Post = self.sourceModel().index(row, 0, parent).data(ItemRole)
        if self.wave_id is not None and post.wave_id != self.wave_id:
            return False
        if self.pending_only and post.validated:
            return False
        if self.text:
            sup = post.supervisor
            hay = " ".join(x for x in (post.number, post.label, post.establishment,
                                       post.specialty, post.subdivision,
                                       sup.last_name if sup else "",
                                       sup.first_name if sup else "") if x).casefold()
            return self.text in hay
        return True


def _table(model: Any, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SetupView(QWidget):
    """« Paramétrage de l'appariement » (agency staff)."""

    def __init__(self, service: MatchingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.campaign: MatchingCampaign | None = None
        self.last_report: ImportReport | None = None
        self._loaded = False
        # Where an import's file comes from (tests replace it): the « Ouvrir » dialog.
        self.choose_file: Callable[[], Path | None] = self._ask_file
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        outer.addWidget(styled_label(self.tr("Appariement — paramétrage de la campagne"),
                                     "title"))
        self.subtitle = styled_label("", "subtitle", wrap=True)
        outer.addWidget(self.subtitle)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.busy = BusyIndicator(self)
        outer.addWidget(self.busy)
        self.empty = Card(self.tr("Aucune campagne d'appariement"))
        self.empty.body.addWidget(styled_label(self.tr(
            "Créez la campagne : elle reste un brouillon, invisible des internes et des "
            "responsables, jusqu'à ce que vous l'ouvriez."), "muted", wrap=True))
        self.create_button = QPushButton(self.tr("Créer une campagne…"))
        self.create_button.setProperty("variant", "primary")
        self.create_button.clicked.connect(self._ask_new_campaign)
        self.empty.body.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_page = QWidget(self)
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty)
        empty_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_calendar(), self.tr("Calendrier"))
        self.tabs.addTab(self._build_imports(), self.tr("Imports"))
        self.tabs.addTab(self._build_posts(), self.tr("Postes"))
        self.tabs.addTab(self._build_members(), self.tr("Coordonnateurs et RTS"))
        # The tabs, or (no campaign yet) the card that creates one.
        self.body = QStackedWidget(self)
        self.body.addWidget(self.tabs)
        self.body.addWidget(empty_page)
        outer.addWidget(self.body, 1)
        service.campaign_changed.connect(self._show_campaign)
        service.live_event.connect(self._on_event)

    # ---------------------------------------------------------------- building

    def _build_calendar(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        state_row = QHBoxLayout()
        state_row.addWidget(styled_label(self.tr("État de la campagne :"), "field"))
        self.state_combo = QComboBox()
        for code, text in STATES:
            self.state_combo.addItem(_tr(text), code)
        self.state_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        state_row.addWidget(self.state_combo)
        self.state_button = QPushButton(self.tr("Appliquer"))
        self.state_button.clicked.connect(self._apply_state)
        state_row.addWidget(self.state_button)
        state_row.addStretch(1)
        layout.addLayout(state_row)
        self.tree = QTreeWidget(page)
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("Vague / tour"), self.tr("Phase actuelle"),
                                   self.tr("« Mes postes » / candidatures"),
                                   self.tr("Classement"), self.tr("Résultats")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemDoubleClicked.connect(lambda *_: self._edit_selected())
        layout.addWidget(self.tree, 1)
        self.calendar_empty = styled_label(self.tr(
            "Aucune vague : ajoutez-en une, puis ses tours (1 et 2 sur la plateforme, 3 hors "
            "plateforme) avec leurs dates."), "muted", wrap=True)
        layout.addWidget(self.calendar_empty)
        buttons = QHBoxLayout()
        self.add_wave_button = QPushButton(self.tr("Ajouter une vague…"))
        self.add_wave_button.clicked.connect(self._ask_wave)
        self.add_round_button = QPushButton(self.tr("Ajouter un tour…"))
        self.add_round_button.clicked.connect(self._ask_round)
        self.edit_button = QPushButton(self.tr("Modifier les dates…"))
        self.edit_button.clicked.connect(self._edit_selected)
        for b in (self.add_wave_button, self.add_round_button, self.edit_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_imports(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        row = QHBoxLayout()
        row.addWidget(styled_label(self.tr("Vague des postes et des internes :"), "field"))
        self.import_wave = QComboBox()
        self.import_wave.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self.import_wave)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_buttons: dict[str, BusyButton] = {}
        buttons = QHBoxLayout()
        for kind, label, help_text in IMPORTS:
            button = BusyButton(_tr(label), self.tr("Import…"), primary=False)
            button.setToolTip(_tr(help_text))
            button.clicked.connect(partial(self._pick_and_import, kind))
            buttons.addWidget(button)
            self.import_buttons[kind] = button
        self.dry_run = QCheckBox(self.tr("Vérifier seulement (ne rien importer)"))
        buttons.addWidget(self.dry_run)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for _kind, _label, help_text in IMPORTS:
            layout.addWidget(styled_label(_tr(help_text), "muted", wrap=True))
        layout.addWidget(styled_label(self.tr(
            "Fichiers CSV (séparateur « ; », « , » ou tabulation ; UTF-8 ou Windows) ou Excel "
            "(.xlsx), la première ligne donnant les colonnes. Les lignes refusées sont "
            "listées avec leur motif et ne changent rien ; les autres sont importées."),
            "muted", wrap=True))
        self.report_label = styled_label("", "field", wrap=True)
        layout.addWidget(self.report_label)
        self.rejected_model = RejectedLinesModel(self)
        self.rejected_table = _table(self.rejected_model, page)
        self.rejected_table.hide()
        layout.addWidget(self.rejected_table, 1)
        layout.addStretch(0)
        return page

    def _build_posts(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        filters = QHBoxLayout()
        self.post_search = QLineEdit()
        self.post_search.setClearButtonEnabled(True)
        self.post_search.setPlaceholderText(self.tr("Numéro, libellé, établissement, RTS…"))
        self.post_wave = QComboBox()
        self.post_wave.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.pending_only = QCheckBox(self.tr("Non validés seulement"))
        filters.addWidget(self.post_search, 2)
        filters.addWidget(self.post_wave)
        filters.addWidget(self.pending_only)
        layout.addLayout(filters)
        self.posts_model = SetupPostsModel(self)
        self.posts_proxy = PostsProxy(self)
        self.posts_proxy.setSourceModel(self.posts_model)
        self.posts_table = _table(self.posts_proxy, page)
        self.posts_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.posts_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.posts_table, 1)
        self.post_columns = ColumnChooser(self.posts_table, "matching/setup-posts",
                                          HIDDEN_POST_COLUMNS, changed=self._fit_posts)
        bottom = QHBoxLayout()
        self.posts_count = styled_label("", "muted")
        bottom.addWidget(self.posts_count, 1)
        bottom.addWidget(self.post_columns.button(self))
        self.validate_button = QPushButton(self.tr("Valider par l'ARS"))
        self.unvalidate_button = QPushButton(self.tr("Retirer la validation"))
        for b in (self.validate_button, self.unvalidate_button):
            b.setAutoDefault(False)
            bottom.addWidget(b)
        self.validate_button.clicked.connect(lambda: spawn(self, self.validate_selected(True)))
        self.unvalidate_button.clicked.connect(
            lambda: spawn(self, self.validate_selected(False)))
        layout.addLayout(bottom)
        self.post_search.textChanged.connect(self._filter_posts)
        self.post_wave.currentIndexChanged.connect(self._filter_posts)
        self.pending_only.toggled.connect(self._filter_posts)
        return page

    def _build_members(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.addWidget(styled_label(self.tr(
            "Les coordonnateurs suivent la campagne et publient les résultats ; les RTS "
            "décrivent et classent leurs postes. Chacun reçoit par courriel une invitation "
            "avec un lien de connexion."), "muted", wrap=True))
        self.members_model = MembersModel(self)
        self.members_table = _table(self.members_model, page)
        self.members_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.members_table, 1)
        bottom = QHBoxLayout()
        self.members_count = styled_label("", "muted")
        bottom.addWidget(self.members_count, 1)
        self.invite_button = QPushButton(self.tr("Inviter un coordonnateur ou un RTS…"))
        self.invite_button.setAutoDefault(False)
        self.invite_button.clicked.connect(self._ask_invite)
        bottom.addWidget(self.invite_button)
        layout.addLayout(bottom)
        return page

    # ---------------------------------------------------------------- loading

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            spawn(self, self.refresh())

    async def refresh(self) -> None:
        """Read the campaign, its posts and its people again."""
        self.busy.show()
        try:
            campaign = await self.service.load_campaign(force=True)
            if campaign is None:
                self._show_campaign(None)
                return
            await self._reload_tables(campaign)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
        finally:
            self.busy.hide()

    async def _reload_tables(self, campaign: MatchingCampaign) -> None:
        page = await self.service.list_matching_posts(campaign.id, limit=10_000)
        self.posts_model.set_rows(page.rows)
        self.members_model.set_rows(await self.service.list_matching_members(campaign.id))
        self._fit_posts()
        fit_columns(self.members_table)
        self._count()

    def _show_campaign(self, campaign: MatchingCampaign | None) -> None:
        self.campaign = campaign
        self.body.setCurrentIndex(1 if campaign is None else 0)
        if campaign is None:
            self.subtitle.setText(self.tr("Aucune campagne d'appariement pour l'instant."))
            return
        state = dict(STATES).get(campaign.state, campaign.state)
        self.subtitle.setText(self.tr("{name} — {state}").format(
            name=campaign.name, state=_tr(state).split(" (")[0].lower()))
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(campaign.state)))
        self._fill_tree(campaign)
        for combo, everything in ((self.import_wave, None),
                                  (self.post_wave, self.tr("Toutes les vagues"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if everything is not None:
                combo.addItem(everything, None)
            for wave in campaign.waves:
                combo.addItem(wave.name, wave.id)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
        has_waves = bool(campaign.waves)
        for button in self.import_buttons.values():
            button.setEnabled(campaign.state != "closed")
        for kind in ("posts", "candidates"):
            self.import_buttons[kind].setEnabled(has_waves and campaign.state != "closed")
        self.add_round_button.setEnabled(has_waves)
        self._filter_posts()

    def _fill_tree(self, campaign: MatchingCampaign) -> None:
        self.tree.clear()
        year = campaign.server_time.astimezone(PARIS).year
        self.tree.headerItem().setToolTip(2, self.tr("Heure de Paris ; l'année n'est écrite "
                                                     "que si ce n'est pas {year}.").format(
            year=year))
        for wave in sorted(campaign.waves, key=lambda w: w.position):
            if wave.posts_opens_at is None and wave.posts_closes_at is None:
                window = self.tr("« Mes postes » : sans dates")
            else:
                window = self.tr("« Mes postes » : {span}").format(
                    span=span(wave.posts_opens_at, wave.posts_closes_at, year))
            item = QTreeWidgetItem([
                wave.name,
                self.tr("« Mes postes » ouvert") if wave.posts_open
                else self.tr("« Mes postes » fermé"), window, "", ""])
            item.setData(0, ItemRole, ("wave", wave.id))
            self.tree.addTopLevelItem(item)
            for rnd in sorted(wave.rounds, key=lambda r: r.number):
                if rnd.off_platform:
                    texts = [self.tr("Tour {n} (hors plateforme)").format(n=rnd.number),
                             phase_label(rnd.phase), span(rnd.opens_at, rnd.closes_at, year),
                             "—", "—"]
                else:
                    texts = [self.tr("Tour {n}").format(n=rnd.number), phase_label(rnd.phase),
                             span(rnd.applications_opens_at, rnd.applications_closes_at,
                                  year),
                             span(rnd.ranking_opens_at, rnd.ranking_closes_at, year),
                             short(rnd.results_at, year)]
                child = QTreeWidgetItem(texts)
                child.setData(0, ItemRole, ("round", rnd.id))
                item.addChild(child)
            item.setExpanded(True)
        self.calendar_empty.setVisible(not campaign.waves)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)

    def _fit_posts(self) -> None:
        fit_columns(self.posts_table, firm=(0,))

    def _filter_posts(self, *_args: object) -> None:
        self.posts_proxy.set_filters(self.post_search.text(), self.post_wave.currentData(),
                                     self.pending_only.isChecked())
        self._count()

    def _count(self) -> None:
        rows = self.posts_model.rows
        validated = sum(1 for p in rows if p.validated)
        self.posts_count.setText(self.tr("{shown} poste(s) affiché(s) sur {total} ; {ok} "
                                         "validé(s) par l'ARS").format(
            shown=self.posts_proxy.rowCount(), total=len(rows), ok=validated))
        members = self.members_model.rows
        coordinators = sum(1 for m in members if m.role == "coordinator")
        never = sum(1 for m in members if m.last_seen_at is None)
        self.members_count.setText(self.tr(
            "{c} coordonnateur(s), {s} RTS ; {n} jamais connecté(s)").format(
            c=coordinators, s=len(members) - coordinators, n=never))

    def _on_event(self, kind: str, _payload: dict[str, Any]) -> None:
        if self._loaded and kind in ("matching_setup_changed", "matching_post_updated"):
            spawn(self, self.refresh())

    # ---------------------------------------------------------------- campaign, calendar

    def _selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        return (str(data[0]), int(data[1])) if isinstance(data, tuple | list) else None

    def selected_wave(self) -> Wave | None:
        """The wave chosen in the tree (or the wave of the chosen round)."""
        selected = self._selected()
        if selected is None:
            return None
        if selected[0] == "wave":
            return self._wave(selected[1])
        found = self._round(selected[1])
        return found[0] if found else None

    def _wave(self, wave_id: int) -> Wave | None:
        if self.campaign is None:
            return None
        return next((w for w in self.campaign.waves if w.id == wave_id), None)

    def _round(self, round_id: int) -> tuple[Wave, Round] | None:
        if self.campaign is None:
            return None
        for wave in self.campaign.waves:
            for rnd in wave.rounds:
                if rnd.id == round_id:
                    return wave, rnd
        return None

    async def _call(self, call: Any, success: str) -> bool:
        """Await one change; say how it went in the banner."""
        self.busy.show()
        try:
            await call
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return False
        finally:
            self.busy.hide()
        self.banner.show_message(success, "success")
        return True

    @asyncSlot()
    async def _ask_new_campaign(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Nouvelle campagne d'appariement"),
                                        self.tr("Nom de la campagne :"))
        if ok and name.strip():
            await self.create_campaign(name.strip())

    async def create_campaign(self, name: str) -> bool:
        if await self._call(self.service.create_matching_campaign(name),
                            self.tr("Campagne créée (brouillon).")):
            await self.refresh()
            return True
        return False

    @asyncSlot()
    async def _apply_state(self) -> None:
        await self.set_state(str(self.state_combo.currentData()))

    async def set_state(self, state: str) -> bool:
        if self.campaign is None:
            return False
        return await self._call(
            self.service.update_matching_campaign(self.campaign.id, state=state),
            self.tr("État de la campagne modifié."))

    @asyncSlot()
    async def _ask_wave(self) -> None:
        if self.campaign is None:
            return
        dialog = DatesDialog(self.tr("Nouvelle vague"), WAVE_DATES, {}, self,
                             name=self.tr("Vague {n}").format(n=len(self.campaign.waves) + 1))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.name_edit is not None:
            await self.add_wave(dialog.name_edit.text().strip(), **dialog.dates())

    async def add_wave(self, name: str, **dates: datetime | None) -> bool:
        if self.campaign is None:
            return False
        return await self._call(
            self.service.create_matching_wave(self.campaign.id, name=name, **dates),
            self.tr("Vague « {name} » ajoutée.").format(name=name))

    @asyncSlot()
    async def _ask_round(self) -> None:
        if self.campaign is None or not self.campaign.waves:
            return
        wave = self.selected_wave() or self.campaign.waves[-1]
        number = max((r.number for r in wave.rounds), default=0) + 1
        off_platform = number >= 3
        dialog = DatesDialog(
            self.tr("Nouveau tour — {wave}").format(wave=wave.name),
            OFF_PLATFORM_DATES if off_platform else ROUND_DATES, {}, self, number=number)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.number_spin is not None:
            await self.add_round(wave.id, dialog.number_spin.value(), off_platform,
                                 **dialog.dates())

    async def add_round(self, wave_id: int, number: int, off_platform: bool,
                        **dates: datetime | None) -> bool:
        sent = {k: v for k, v in dates.items() if v is not None}
        return await self._call(
            self.service.create_matching_round(wave_id, number, off_platform, **sent),
            self.tr("Tour {n} ajouté.").format(n=number))

    @asyncSlot()
    async def _edit_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            self.banner.show_message(self.tr("Choisissez d'abord une vague ou un tour."), "info")
            return
        kind, item_id = selected
        if kind == "wave":
            wave = self._wave(item_id)
            if wave is None:
                return
            dialog = DatesDialog(self.tr("Vague « {name} »").format(name=wave.name),
                                 WAVE_DATES, {"posts_opens_at": wave.posts_opens_at,
                                              "posts_closes_at": wave.posts_closes_at},
                                 self, name=wave.name)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.name_edit is not None:
                await self.change_wave(wave.id, name=dialog.name_edit.text().strip(),
                                       **dialog.dates())
            return
        found = self._round(item_id)
        if found is None:
            return
        wave, rnd = found
        fields = OFF_PLATFORM_DATES if rnd.off_platform else ROUND_DATES
        dialog = DatesDialog(self.tr("{wave} — tour {n}").format(wave=wave.name, n=rnd.number),
                             fields, {k: getattr(rnd, k) for k, _label in fields}, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            await self.change_round(rnd.id, **dialog.dates())

    async def change_wave(self, wave_id: int, **fields: Any) -> bool:
        return await self._call(self.service.update_matching_wave(wave_id, **fields),
                                self.tr("Vague modifiée."))

    async def change_round(self, round_id: int, **dates: datetime | None) -> bool:
        return await self._call(self.service.update_matching_round(round_id, **dates),
                                self.tr("Dates du tour modifiées."))

    # ---------------------------------------------------------------- imports

    def _ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir le fichier à importer"), "",
            self.tr("Tableaux (*.csv *.xlsx *.txt);;Tous les fichiers (*)"))
        return Path(name) if name else None

    def _pick_and_import(self, kind: str, _checked: bool = False) -> None:
        path = self.choose_file()
        if path is not None:
            spawn(self, self.import_file(kind, path))

    async def import_file(self, kind: str, path: Path) -> ImportReport | None:
        """Send one file; show what was imported and every rejected line."""
        if self.campaign is None:
            return None
        target = self.campaign.id if kind == "supervisors" else self.import_wave.currentData()
        if target is None:
            self.banner.show_message(self.tr("Ajoutez d'abord une vague."), "info")
            return None
        button = self.import_buttons[kind]
        button.set_busy(True)
        dry_run = self.dry_run.isChecked()
        try:
            report = await self.service.import_matching_file(kind, int(target), path, dry_run)
        except ApiError as error:
            self.report_label.setText(self.tr("{file} : {message}").format(
                file=path.name, message=error.message))
            self.report_label.setProperty("role", "error")
            self.report_label.style().polish(self.report_label)
            self.rejected_table.hide()
            return None
        finally:
            button.set_busy(False)
        self.last_report = report
        text = self.tr("{file} : {lines} ligne(s) lue(s), {created} créée(s), {updated} mise(s) "
                       "à jour, {unchanged} inchangée(s), {rejected} refusée(s).").format(
            file=path.name, lines=report.lines, created=report.created, updated=report.updated,
            unchanged=report.unchanged, rejected=len(report.rejected))
        if report.invited:
            text += self.tr(" {n} invitation(s) envoyée(s).").format(n=report.invited)
        if report.dry_run:
            text += self.tr(" Vérification seulement : rien n'a été importé.")
        self.report_label.setText(text)
        self.report_label.setProperty("role", "error" if report.rejected else "field")
        self.report_label.style().polish(self.report_label)
        self.rejected_model.set_rows(report.rejected)
        self.rejected_table.setVisible(bool(report.rejected))
        fit_columns(self.rejected_table)
        if not dry_run:
            await self._reload_tables(self.campaign)
        return report

    # ---------------------------------------------------------------- posts, people

    def selected_posts(self) -> list[Post]:
        rows = self.posts_table.selectionModel().selectedRows()
        return [r.data(ItemRole) for r in rows]

    async def validate_selected(self, validated: bool) -> int:
        """Mark the selected posts « validé par l'ARS » (or not); the count changed."""
        posts = [p for p in self.selected_posts() if p.validated != validated]
        if not posts:
            self.banner.show_message(self.tr("Sélectionnez des postes dans le tableau."), "info")
            return 0
        done = 0
        self.busy.show()
        try:
            for post in posts:
                self.posts_model.replace(
                    await self.service.update_matching_post(post.id, validated=validated))
                done += 1
        except ApiError as error:
            self.banner.show_message(error.message, "error")
        finally:
            self.busy.hide()
            self._count()
        if done:
            self.banner.show_message(
                (self.tr("{n} poste(s) validé(s) par l'ARS.") if validated
                 else self.tr("Validation retirée pour {n} poste(s).")).format(n=done),
                "success")
        return done

    @asyncSlot()
    async def _ask_invite(self) -> None:
        dialog = InviteDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            await self.invite(dialog.email.text().strip(), str(dialog.role.currentData()),
                              dialog.first_name.text().strip() or None,
                              dialog.last_name.text().strip() or None)

    async def invite(self, email: str, role: str, first_name: str | None = None,
                     last_name: str | None = None) -> Member | None:
        if self.campaign is None:
            return None
        self.busy.show()
        try:
            member = await self.service.invite_matching_member(
                self.campaign.id, email, role, first_name, last_name)
            self.members_model.set_rows(
                await self.service.list_matching_members(self.campaign.id))
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return None
        finally:
            self.busy.hide()
            self._count()
        self.banner.show_message(self.tr("Invitation envoyée à {email}.").format(
            email=member.email or email), "success")
        return member
