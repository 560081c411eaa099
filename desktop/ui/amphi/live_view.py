"""« Séance en direct »: who is choosing (blue), me (green), how many before me, each
co-intern's choice as it happens, « C'est bientôt votre tour », the 90-second countdown
against the server's deadline, « Choisir ce poste » only on posts I may take, the
three-step confirmation, then the post sheet.

Everything arrives by push (`LiveSession` applies the SSE events); the presence signal
runs every 10 s while the screen exists and is shown.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QMouseEvent, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.amphi import Choice, Post
from desktop.api.client import ApiError
from desktop.models import ItemRole
from desktop.models.amphi_live import (
    LQ_DES,
    LQ_NAME,
    LQ_POSITION,
    LQ_POST,
    LQ_STATUS,
    LQ_TYPE,
    LiveQueueModel,
    choice_type_label,
    countdown_text,
    state_label,
    status_label,
)
from desktop.models.amphi_posts import (
    COL_ACTION,
    COL_DEPARTMENT,
    COL_EARMARK,
    COL_ESTABLISHMENT,
    COL_HEAD,
    COL_NUMBER,
    COL_REGIME,
    COL_SERVICE,
    COL_STATE,
    COL_TYPE,
    FILTER_FIELDS,
    QUICK_ALL,
    QUICK_FREE,
    QUICK_TAKEN,
    PostsFilterProxy,
    PostsModel,
)
from desktop.sync.amphi import LiveSession
from desktop.sync.notifications import Notifier
from desktop.tasks import spawn
from desktop.ui.amphi.posts_view import AdvancedSearchDialog
from desktop.ui.columns import install_fitting
from desktop.ui.confirmation import ChoiceSummary, ConfirmationSteps
from desktop.ui.widgets import Banner, Card, clear_layout, primary_button, styled_label

AnyIndex = QModelIndex | QPersistentModelIndex
ACCENT = QColor("#1f63d1")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiLiveView", text)


def post_sheet_lines(post: Post) -> list[tuple[str, str]]:
    """The post sheet (« fiche de poste ») as label / value lines."""
    return [(_tr("Poste"), post.number), (_tr("Établissement"), post.establishment),
            (_tr("Service"), post.service), (_tr("Chef de service"), post.head),
            (_tr("Département"), post.department), (_tr("DES"), post.des),
            (_tr("Type"), post.post_type), (_tr("Régime"), post.regime),
            (_tr("Fléchage"), post.earmark or "—")]


def passed_turn_text(status: str, running: bool) -> tuple[str, str] | None:
    """What happened to my turn and what I can do now (the seeds' rule: connected again
    while the amphitheatre runs, an absent intern is placed right after the intern
    choosing; otherwise the agency has him choose among the posts still free), as
    (short line, explanation); None when my turn has not passed."""
    if status == "timed_out":
        short = _tr("Votre temps est écoulé : aucun poste ne vous a été attribué.")
        if running:
            return short, _tr(
                "Votre tour s'est terminé sans choix validé et la séance continue avec "
                "l'interne suivant. Appelez l'agence sans attendre : tant que la séance est "
                "en cours, elle peut vous replacer juste après l'interne qui choisit. "
                "Gardez cet écran ouvert.")
        return short, _tr(
            "Votre tour s'est terminé sans choix validé et la séance est terminée. "
            "Contactez l'agence : vous choisirez avec elle parmi les postes restés libres.")
    if status == "absent":
        short = _tr("Vous n'étiez pas connecté à votre tour : vous avez été compté absent.")
        if running:
            return short, _tr(
                "Gardez cet écran ouvert : tant que la séance est en cours, vous êtes replacé "
                "automatiquement juste après l'interne qui choisit. Si rien ne change dans "
                "la minute, appelez l'agence.")
        return short, _tr(
            "La séance est terminée : contactez l'agence pour choisir parmi les postes "
            "restés libres.")
    if status == "skipped":
        short = _tr("Vous êtes noté en absence prévue : votre tour est passé.")
        if running:
            return short, _tr(
                "Si vous êtes là et voulez choisir, appelez l'agence : tant que la séance "
                "est en cours, elle peut vous replacer juste après l'interne qui choisit.")
        return short, _tr(
            "La séance est terminée : contactez l'agence pour choisir parmi les postes "
            "restés libres.")
    if status == "not_reached":
        return (_tr("La séance s'est terminée avant votre tour."),
                _tr("Aucun poste ne vous a été attribué. Contactez l'agence : elle vous dira "
                    "quand et comment choisir parmi les postes restés libres."))
    return None


class ChooseButtonDelegate(QStyledItemDelegate):
    """A « Choisir » button drawn in the cells whose text says so (the posts I may take
    now); a click on it emits `clicked(index)`. Other cells stay empty."""

    clicked = Signal(QModelIndex)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: AnyIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT.darker(115) if hover else ACCENT)
        painter.drawRoundedRect(rect, 4, 4)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 16, size.height())

    def button_rect(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(4, 3, -4, -3)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,  # noqa: N802 - Qt
                    option: QStyleOptionViewItem, index: AnyIndex) -> bool:
        if (isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
                and index.data(Qt.ItemDataRole.DisplayRole)
                and self.button_rect(option).contains(event.position().toPoint())):
            self.clicked.emit(index.sibling(index.row(), index.column()))
            return True
        return super().editorEvent(event, model, option, index)


class PostSheet(Card):
    """What I chose: shown after the choice (and in « Mon internat »)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Votre poste"), parent)
        self.setObjectName("amphiPostSheet")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.body.addLayout(self.grid)
        self.note = styled_label("", "muted", wrap=True)
        self.body.addWidget(self.note)

    def show_choice(self, choice: Choice) -> None:
        clear_layout(self.grid)
        for row, (label, value) in enumerate(post_sheet_lines(choice.post)):
            self.grid.addWidget(styled_label(label, "field"), row, 0)
            self.grid.addWidget(styled_label(value, "value", wrap=True), row, 1)
        when = choice.assignment.chosen_at.astimezone().strftime("%d/%m/%Y à %H:%M:%S")
        note = _tr("Choix enregistré le %1.").replace("%1", when)
        if choice.mailed_to:
            note += " " + _tr("Une confirmation a été envoyée à %1 ; l'attestation est dans "
                              "« Mon internat ».").replace("%1", choice.mailed_to)
        self.note.setText(note)
        self.show()


class LiveView(QWidget):
    """The live session of one amphitheatre, for an intern (or his proxy) or a spectator."""

    chosen = Signal(object)  # Choice

    def __init__(self, session: LiveSession, *, my_des: str = "", choice_type: str =
                 "classique", amphi_name: str = "", call_rank: int | None = None,
                 notifier: Notifier | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.my_des = my_des
        self.choice_type = choice_type
        self.amphi_name = amphi_name
        self.call_rank = call_rank
        self.notifier = notifier
        self.steps: ConfirmationSteps | None = None
        self.choosing_post: Post | None = None
        self.choice: Choice | None = None
        self.favourite_ids: set[int] = set()
        self.queue_model = LiveQueueModel(self)
        self.posts_model = PostsModel(self)
        self.posts_proxy = PostsFilterProxy(self)
        self.posts_proxy.setSourceModel(self.posts_model)
        self._build()
        self.favourites_only.setVisible(session.intern)
        session.changed.connect(self._on_changed)
        session.turn_changed.connect(self._on_turn_changed)
        session.choice_seen.connect(self._on_choice)
        session.notice.connect(self._notice)
        # A message about my place (« Vous êtes de retour… ») holds while my status is
        # the one it was shown under; any change of status clears it (no stale banner).
        self._banner_status: str | None = None
        self._was_my_turn = False
        self.clock = QTimer(self)
        self.clock.setInterval(250)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(int(session.PRESENCE_SECONDS * 1000))
        self.presence_timer.timeout.connect(self._presence)
        if session.intern:
            self.presence_timer.start()

    # ---------------------------------------------------------------- layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.soon_banner = Banner(self)
        self.soon_banner.setObjectName("amphiSoonBanner")
        layout.addWidget(self.soon_banner)
        self.banner = Banner(self)
        layout.addWidget(self.banner)

        head = QFrame(self)
        head.setObjectName("amphiLiveHead")
        grid = QHBoxLayout(head)
        grid.setContentsMargins(14, 10, 14, 10)
        left = QVBoxLayout()
        self.state_label = styled_label("", "section")
        left.addWidget(self.state_label)
        self.chooser_label = styled_label("", wrap=True)
        self.chooser_label.setObjectName("amphiChooserLabel")
        left.addWidget(self.chooser_label)
        self.before_label = styled_label("", wrap=True)
        self.before_label.setObjectName("amphiBeforeLabel")
        left.addWidget(self.before_label)
        grid.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(styled_label(_tr("Temps restant pour ce tour"), "muted"),
                        0, Qt.AlignmentFlag.AlignRight)
        self.countdown = QLabel("—", self)
        self.countdown.setObjectName("amphiCountdown")
        self.countdown.setAccessibleName(_tr("Temps restant pour ce tour"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        right.addWidget(self.countdown)
        grid.addLayout(right)
        layout.addWidget(head)
        legend = styled_label(_tr("Légende : en bleu l'interne qui choisit, en vert vous, en "
                                  "rouge les postes pris."), "muted", wrap=True)
        layout.addWidget(legend)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        queue_box = QWidget(splitter)
        qlayout = QVBoxLayout(queue_box)
        qlayout.setContentsMargins(0, 0, 0, 0)
        qlayout.addWidget(styled_label(_tr("Ordre de passage"), "section"))
        self.queue_table = QTableView(queue_box)
        self.queue_table.setObjectName("amphiQueueTable")
        self.queue_table.setModel(self.queue_model)
        self.queue_table.verticalHeader().hide()
        self.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.queue_table.verticalHeader().setDefaultSectionSize(26)
        header = self.queue_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LQ_STATUS, QHeaderView.ResizeMode.Stretch)
        self.queue_table.setColumnHidden(LQ_DES, True)  # one DES group per amphitheatre
        self.queue_table.setWordWrap(False)
        # The place is before each name (« #87 Pierre J. ») and the choice type in its
        # tooltip; the status column shows the post taken (in red) once chosen: whole
        # names and « Choisit en ce moment » fit beside the posts at 1280×720.
        self.queue_table.setColumnHidden(LQ_TYPE, True)
        self.queue_table.setColumnHidden(LQ_POSITION, True)
        self.queue_table.setColumnHidden(LQ_POST, True)
        install_fitting(self.queue_table, max_width=220, firm=(LQ_NAME,))
        qlayout.addWidget(self.queue_table)

        posts_box = QWidget(splitter)
        playout = QVBoxLayout(posts_box)
        playout.setContentsMargins(0, 0, 0, 0)
        ptitle = QHBoxLayout()
        ptitle.addWidget(styled_label(_tr("Postes"), "section"))
        ptitle.addStretch(1)
        filters = QHBoxLayout()
        self.count_label = styled_label("", "muted")
        self.count_label.setObjectName("amphiLiveCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
        # The same quick search and filters as « Postes » (accents and case ignored).
        self.search_edit = QLineEdit(posts_box)
        self.search_edit.setObjectName("amphiLiveSearch")
        self.search_edit.setPlaceholderText(_tr("Rechercher : ville, établissement, service, "
                                                "chef, n° de poste…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(_tr("Rechercher un poste"))
        self.search_edit.textChanged.connect(self._search)
        self.search_edit.setMinimumWidth(140)
        filters.addWidget(self.search_edit, 1)
        self.quick_group = QButtonGroup(self)
        self.quick_buttons: dict[str, QRadioButton] = {}
        for key, label in ((QUICK_ALL, _tr("Tous")), (QUICK_FREE, _tr("Non pourvus")),
                           (QUICK_TAKEN, _tr("Pourvus"))):
            button = QRadioButton(label, posts_box)
            self.quick_group.addButton(button)
            self.quick_buttons[key] = button
            filters.addWidget(button)
        self.quick_buttons[QUICK_ALL].setChecked(True)
        for key, button in self.quick_buttons.items():
            button.toggled.connect(partial(self._quick_toggled, key))
        self.favourites_only = QCheckBox(_tr("Mes favoris uniquement"), posts_box)
        self.favourites_only.setEnabled(False)
        self.favourites_only.toggled.connect(self._favourites_filter)
        ptitle.addWidget(self.favourites_only)
        self.advanced_button = QPushButton(_tr("Recherche avancée…"), posts_box)
        self.advanced_button.clicked.connect(self.open_advanced)
        ptitle.addWidget(self.advanced_button)
        playout.addLayout(ptitle)
        playout.addLayout(filters)
        self.criteria_label = styled_label("", "muted", wrap=True)
        self.criteria_label.hide()
        playout.addWidget(self.criteria_label)
        self.posts_table = QTableView(posts_box)
        self.posts_table.setObjectName("amphiLivePosts")
        self.posts_table.setModel(self.posts_proxy)
        self.posts_model.priority_order = True
        self.posts_table.setSortingEnabled(True)
        # No column sorted: free posts first, my favourites on top (a header click sorts
        # by that column instead).
        self.posts_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.posts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.posts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.posts_table.verticalHeader().hide()
        self.posts_table.verticalHeader().setDefaultSectionSize(28)
        self.choose_delegate = ChooseButtonDelegate(self.posts_table)
        self.choose_delegate.clicked.connect(self._choose_row)
        self.posts_table.setItemDelegateForColumn(COL_ACTION, self.choose_delegate)
        pheader = self.posts_table.horizontalHeader()
        pheader.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (COL_ESTABLISHMENT, COL_SERVICE):
            pheader.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        pheader.moveSection(pheader.visualIndex(COL_ACTION), 0)  # first, as in the original
        # Kept to what the choice needs; the rest is in the tooltips, the recap and the
        # post sheet.
        for column in (COL_DEPARTMENT, COL_HEAD, COL_TYPE, COL_REGIME, COL_EARMARK):
            self.posts_table.setColumnHidden(column, True)
        self.posts_table.setWordWrap(False)  # one line per post; a cut text has a tooltip
        self._fit_posts()
        self.posts_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_choose_button())
        self.posts_table.doubleClicked.connect(lambda _i: self.choose_selected())
        playout.addWidget(self.posts_table, 1)
        row = QHBoxLayout()
        self.choose_hint = styled_label("", "muted", wrap=True)
        row.addWidget(self.choose_hint, 1)
        row.addWidget(self.count_label)
        self.choose_button = primary_button(_tr("Choisir ce poste"), posts_box)
        self.choose_button.setObjectName("amphiChooseButton")
        self.choose_button.setDefault(False)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_selected)
        self.choose_button.setToolTip(_tr("Raccourci clavier : Ctrl+Entrée"))
        row.addWidget(self.choose_button)
        # Choosing from the keyboard: arrows in the posts table, then Ctrl+Entrée;
        # the confirmation steps then take Alt+O / Alt+N / Échap.
        self.choose_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.choose_shortcut.activated.connect(self._choose_by_keyboard)
        playout.addLayout(row)
        self.sheet = PostSheet(posts_box)
        self.sheet.hide()
        playout.addWidget(self.sheet)
        splitter.addWidget(queue_box)
        splitter.addWidget(posts_box)
        splitter.setSizes([400, 620])
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self._update_choose_button()

    # ---------------------------------------------------------------- data in

    def set_posts(self, posts: list[Post]) -> None:
        self.posts_model.set_posts(posts)
        self._reorder()
        self._update_allowed()

    def set_favourite_posts(self, post_ids: list[int]) -> None:
        """The posts my favourites cover, in my order: on top of the list, in bold, and
        offered as a filter."""
        self.favourite_ids = set(post_ids)
        self.posts_model.set_favourites(post_ids)
        self.favourites_only.setEnabled(bool(post_ids))
        self.favourites_only.setToolTip("" if post_ids else _tr(
            "Aucun favori : ajoutez-en depuis l'onglet « Postes »."))
        if self.favourites_only.isChecked():
            self._favourites_filter(True)
        self._reorder()

    def _fit_posts(self) -> None:
        install_fitting(self.posts_table, {COL_ACTION: "   " + _tr("Choisir") + "   ",
                                           COL_NUMBER: "00000", COL_STATE: _tr("Libre")},
                        firm=(COL_ACTION, COL_NUMBER))

    def _reorder(self) -> None:
        """The default order (no column sorted): free posts first, my favourites on top.

        Not during my turn: a row must not move under the pointer while I choose.
        """
        me = self.session.me
        if me is not None and me.my_turn:
            return
        if self.posts_table.horizontalHeader().sortIndicatorSection() == -1:
            self.posts_model.sort(-1)

    def _favourites_filter(self, on: bool) -> None:
        self.posts_proxy.set_only(self.favourite_ids if on else None)
        self._update_count()

    # ---------------------------------------------------------------- filters

    def _search(self, text: str) -> None:
        self.posts_proxy.set_text(text)
        self._update_count()

    def _quick_toggled(self, key: str, on: bool) -> None:
        if on:  # a named slot returning None (a lambda returning a bool can crash PySide6)
            self.set_quick(key)

    def set_quick(self, quick: str) -> None:
        """Tous / Non pourvus / Pourvus, as on « Postes »."""
        if not self.quick_buttons[quick].isChecked():
            self.quick_buttons[quick].setChecked(True)
            return
        if self.posts_proxy.quick != quick:
            self.posts_proxy.set_quick(quick)
        self._update_count()

    def open_advanced(self) -> None:
        self.advanced_dialog = AdvancedSearchDialog.ask(
            self.posts_model, self.posts_proxy.criteria, self, self.set_criteria)

    def set_criteria(self, criteria: dict[str, list[str]]) -> None:
        self.posts_proxy.set_criteria(criteria)
        parts = []
        for name, values in self.posts_proxy.criteria.items():
            label = QCoreApplication.translate("AmphiPosts", FILTER_FIELDS[name][1])
            parts.append(f"{label} : " + ", ".join(values))
        self.criteria_label.setText(_tr("Recherche avancée — ") + " · ".join(parts))
        self.criteria_label.setVisible(bool(parts))
        self._update_count()

    def _update_count(self) -> None:
        total = self.posts_model.rowCount()
        free = sum(1 for taken in self.posts_model.taken if not taken)
        self.count_label.setText(_tr("%1 affichés sur %2").replace(
            "%1", str(self.posts_proxy.accepted_count())).replace("%2", str(total)))
        self.count_label.setToolTip(_tr("%1 postes libres").replace("%1", str(free)))

    def _on_changed(self) -> None:
        state = self.session.state
        if state is None:
            return
        me = state.me
        # A refresh resets the model: keep the staff's current intern (absence, requeue)
        # on the same person, not on a row number or nowhere.
        current = self.queue_table.currentIndex()
        rows = self.queue_model.rows()
        kept = rows[current.row()].intern_id if 0 <= current.row() < len(rows) else None
        self.queue_model.set_queue(state.queue, self.session.current,
                                   me.intern_id if me else None)
        row = self.queue_model.row_of(kept) if kept is not None else None
        if row is not None:
            self.queue_table.setCurrentIndex(self.queue_model.index(row, current.column()))
        self.state_label.setText(state_label(state.state) +
                                 (f" — {self.amphi_name}" if self.amphi_name else ""))
        chooser = next((q for q in state.queue if q.intern_id == self.session.current), None)
        if chooser is not None:
            # « #268 », as in the list below (its place in the order of passing).
            self.chooser_label.setText(_tr("Choisit en ce moment : #%3 %1 (rang d'appel %2)")
                                       .replace("%3", str(chooser.position))
                                       .replace("%1", chooser.name)
                                       .replace("%2", str(chooser.call_rank)))
        elif state.state in ("in_progress", "paused"):
            self.chooser_label.setText(_tr("Personne ne choisit en ce moment."))
        else:
            self.chooser_label.setText("")
        self._update_me()
        self._update_allowed()
        self._scroll_to_chooser()

    def _scroll_to_chooser(self) -> None:
        """Keep the chooser (else me) in sight: 380 interns do not fit on screen."""
        for intern_id in (self.session.current, self.queue_model.me):
            row = self.queue_model.row_of(intern_id) if intern_id is not None else None
            if row is not None:
                self.queue_table.scrollTo(self.queue_model.index(row, LQ_NAME),
                                          QAbstractItemView.ScrollHint.PositionAtCenter)
                return

    def _notice(self, text: str, kind: str) -> None:
        """A message of the live session about my place (« Vous êtes de retour… »)."""
        self.banner.show_message(text, kind)
        self._banner_status = "waiting"

    def _clear_stale_banner(self, status: str | None) -> None:
        if self._banner_status is not None and status != self._banner_status:
            self.banner.hide()
            self._banner_status = None

    def _update_me(self) -> None:
        me = self.session.me
        state = self.session.state
        self._clear_stale_banner(me.status if me is not None else None)
        if me is None or state is None:
            self.before_label.setText(_tr("Vous suivez la séance en spectateur."))
            if state is not None and state.state == "paused":
                self.soon_banner.show_message(_tr("La séance est en pause."), "info")
            else:
                self.soon_banner.hide()
            return
        if me.status == "chosen":
            self.before_label.setText(_tr("Vous avez choisi votre poste."))
        elif me.my_turn:
            self.before_label.setText(_tr("C'EST VOTRE TOUR : choisissez un poste."))
        elif me.status == "waiting":
            text = _tr("Avant vous : %1 interne(s), dont %2 connecté(s).").replace(
                "%1", str(me.before)).replace("%2", str(me.present_before))
            if me.acting_as_proxy:
                text += " " + _tr("(vous agissez par procuration)")
            self.before_label.setText(text)
        passed = None if me.my_turn else passed_turn_text(
            me.status, state.state in ("in_progress", "paused"))
        if passed is not None:  # my turn went by: what happened, what I can do
            self.before_label.setText(passed[0])
        elif me.status not in ("chosen", "waiting") and not me.my_turn:
            self.before_label.setText(_tr("Votre statut : %1").replace(
                "%1", status_label(me.status)))
        if passed is not None:
            self.soon_banner.show_message(passed[1], "warning")
        elif state.state == "paused":
            self.soon_banner.show_message(_tr("La séance est en pause : le temps est arrêté "
                                              "et reprendra où il en était."), "info")
        elif state.state == "finished":
            self.soon_banner.show_message(_tr("La séance est terminée."), "info")
        elif me.my_turn and state.state in ("in_progress", "paused"):
            self.soon_banner.show_message(_tr("C'est votre tour : choisissez votre poste "
                                              "avant la fin du temps."), "success")
            if self.notifier is not None:
                self.notifier.notify(_tr("Amphi — c'est votre tour"),
                                     _tr("Choisissez votre poste maintenant."),
                                     once_key=f"turn-{state.turn_no}")
        elif self.session.soon and me.status == "waiting" and state.state in (
                "in_progress", "paused"):
            self.soon_banner.show_message(_tr("C'est bientôt votre tour"), "warning")
            if self.notifier is not None:
                self.notifier.notify(_tr("Amphi"), _tr("C'est bientôt votre tour."),
                                     once_key="soon")
        else:
            self.soon_banner.hide()
        if me.proxy_active and not me.acting_as_proxy:
            self.banner.show_message(_tr("Vous avez donné une procuration : seule la personne "
                                         "désignée peut choisir pour vous."), "info")

    def _update_allowed(self) -> None:
        allowed = {p.id for p in self.posts_model.posts()
                   if self.session.may_take(p, self.my_des, self.choice_type)}
        self.posts_model.set_allowed(allowed if allowed else None)
        # The « Choix » column only while I may choose (it would be empty otherwise).
        if self.posts_table.isColumnHidden(COL_ACTION) == bool(allowed):
            self.posts_table.setColumnHidden(COL_ACTION, not allowed)
            self._fit_posts()
        me = self.session.me
        my_turn = me is not None and me.my_turn
        if my_turn and not self._was_my_turn and self.choice_type == "classique":
            self.set_quick(QUICK_FREE)  # my turn starts: only what I can take (I may undo)
        self._was_my_turn = my_turn
        self._update_count()
        self._update_choose_button()

    def selected_post(self) -> Post | None:
        index = self.posts_table.currentIndex()
        item = index.siblingAtColumn(0).data(ItemRole) if index.isValid() else None
        return item if isinstance(item, Post) else None

    def _update_choose_button(self) -> None:
        allowed = self.posts_model.allowed or set()
        me = self.session.me
        post = self.selected_post()
        can = bool(allowed) and self.choice is None and self.steps is None
        self.choose_button.setVisible(bool(allowed) and self.choice is None)
        self.choose_button.setEnabled(can and post is not None and post.id in allowed)
        if self.choice is not None:
            self.choose_hint.setText("")
        elif me is not None and me.my_turn and not me.can_choose:
            self.choose_hint.setText(me.cannot_choose_reason or "")
        elif allowed:
            self.choose_hint.setText(_tr("« Choisir » sur la ligne du poste, ou Ctrl+Entrée "
                                         "sur le poste sélectionné."))
        else:
            self.choose_hint.setText("")

    # ---------------------------------------------------------------- clock

    def _tick(self) -> None:
        remaining = self.session.remaining()
        self.countdown.setText(countdown_text(remaining))
        self.countdown.setAccessibleDescription(self.countdown.text())
        urgent = remaining is not None and remaining <= 15
        if self.countdown.property("urgent") != urgent:
            self.countdown.setProperty("urgent", urgent)
            self.countdown.style().unpolish(self.countdown)
            self.countdown.style().polish(self.countdown)

    @asyncSlot()
    async def _presence(self) -> None:
        await self.session.presence()

    # ---------------------------------------------------------------- live events

    def _on_turn_changed(self, current: Any) -> None:
        me = self.session.me
        if self.steps is not None and (me is None or current != me.intern_id):
            self.steps.cancel()  # the turn is over: nobody confirms a stale choice
            self.banner.show_message(_tr("Votre tour est terminé : le choix n'a pas été "
                                         "enregistré."), "warning")

    def _on_choice(self, payload: dict[str, Any]) -> None:
        post_id = payload.get("post_id")
        intern_id = payload.get("intern_id")
        if isinstance(intern_id, int):
            self.queue_model.record_choice(intern_id, str(payload.get("post_number") or ""),
                                           str(payload.get("post_label") or ""))
        if isinstance(post_id, int):
            post = self.posts_model.post(post_id)
            if post is not None and payload.get("post_taken", True):
                self.posts_model.update_post(replace(
                    post, taken=True, taken_by_intern_id=intern_id,
                    taken_by_name=payload.get("name")))
                self._reorder()
                self.posts_proxy.refilter()
            if (self.choosing_post is not None and self.choosing_post.id == post_id
                    and self.steps is not None and self.choice_type == "classique"):
                self.steps.cancel()
                self.banner.show_message(_tr("Ce poste vient d'être pris : choisissez-en un "
                                             "autre."), "warning")
        self._update_allowed()

    # ---------------------------------------------------------------- choosing

    def _choose_row(self, index: QModelIndex) -> None:
        """The « Choisir » button of a row: select it and start the confirmation."""
        self.posts_table.setCurrentIndex(index)
        spawn(self, self.choose_selected())

    def _choose_by_keyboard(self) -> None:
        if self.choose_button.isVisible() and self.choose_button.isEnabled():
            self.choose_button.click()

    @asyncSlot()
    async def choose_selected(self) -> None:
        post = self.selected_post()
        allowed = self.posts_model.allowed or set()
        if post is None or post.id not in allowed or self.steps is not None:
            return
        await self.choose(post)

    async def choose(self, post: Post) -> Choice | None:
        """Steps 2 and 3 of the confirmation, then `choose_post`; the sheet after."""
        details = [_tr("Amphithéâtre : %1").replace("%1", self.amphi_name)]
        if self.call_rank is not None:
            details.append(_tr("Rang d'appel : %1").replace("%1", str(self.call_rank)))
        details += [_tr("Chef de service : %1").replace("%1", post.head),
                    _tr("DES du poste : %1 · %2 · %3").replace("%1", post.des).replace(
                        "%2", post.post_type).replace("%3", post.regime),
                    _tr("Type de choix : %1").replace("%1", choice_type_label(self.choice_type))]
        summary = ChoiceSummary(post=post.label, details=tuple(details),
                                title=_tr("Vous allez choisir ce poste"))
        self.steps = ConfirmationSteps(self)
        self.choosing_post = post
        self._update_choose_button()
        try:
            confirmed = await self.steps.run(summary)
        finally:
            self.steps = None
            self.choosing_post = None
            self._update_choose_button()
        if not confirmed:
            return None
        self.choose_button.setEnabled(False)
        try:
            choice = await self.session.choose(post.id)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            self._update_choose_button()
            return None
        self.choice = choice
        self.banner.show_message(_tr("Choix enregistré : %1").replace("%1", post.label),
                                 "success")
        self.sheet.show_choice(choice)
        self._update_choose_button()
        self.chosen.emit(choice)
        return choice

    def stop(self) -> None:
        self.clock.stop()
        self.presence_timer.stop()


async def start_live(view: LiveView) -> None:
    """First read and first presence signal (the screen just opened)."""
    await asyncio.gather(view.session.refresh(), view.session.presence())
