"""« Mes favoris »: the ordered list, reordered by drag and drop, Ctrl+Up/Down or by typing
the new number; « k disponibles - n favoris » per service; taken posts stay, in red;
« À mon tour (estimation) », asked again of the server (debounced) whenever the
favourites or the choices change.

Every move is one call to the sync service (`FavouritesSync.move`) through the model's
`on_move`; dragging is on only while the list is shown unsorted and unfiltered (it always
is here: the list *is* the order).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.api.amphi import FavouriteEstimate
from desktop.api.client import ApiError
from desktop.models.amphi_favourites import (
    COL_AVAILABLE,
    COL_ESTIMATE,
    COL_POSITION,
    COL_WHAT,
    FavouritesModel,
)
from desktop.sync.amphi import FavouritesSync
from desktop.tasks import spawn
from desktop.ui.widgets import Banner, Card, styled_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiFavouritesView", text)


ESTIMATE_DELAY_MS = 700  # several events in a burst → one request


class FavouritesTable(QTableView):
    """A table whose rows move by drag and drop (between rows only) or Ctrl+Up/Down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amphiFavouritesTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragEnabled(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)

    @property
    def favourites(self) -> FavouritesModel:
        model = self.model()
        assert isinstance(model, FavouritesModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.currentIndex().row()
            if row >= 0:
                target = row - 1 if event.key() == Qt.Key.Key_Up else row + 1
                if self.favourites.move_row(row, target):
                    self.select_row(max(0, min(target, self.favourites.rowCount() - 1)))
            event.accept()
            return
        super().keyPressEvent(event)

    def select_row(self, row: int) -> None:
        index = self.favourites.index(row, COL_WHAT)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)


class FavouritesView(QWidget):
    """My favourites of the amphitheatre, edited through `sync` (offline too)."""

    show_posts_requested = Signal()  # « Aller aux postes » of the empty state
    # « Voir tous les postes de ce service »: establishment, service
    show_service_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync: FavouritesSync | None = None
        self.model = FavouritesModel(self)
        self.model.on_move = self._moved
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.intro = styled_label(_tr(
            "Classez vos favoris dans l'ordre où vous les choisiriez : glissez-déposez une "
            "ligne, ou Ctrl+↑ / Ctrl+↓, ou tapez son nouveau numéro. Pendant la séance, les "
            "postes pris restent affichés, en rouge."), "muted", wrap=True)
        layout.addWidget(self.intro)
        self.estimate_note = styled_label("", "muted", wrap=True)
        self.estimate_note.setObjectName("amphiEstimateNote")
        self._estimate: Callable[[], Awaitable[FavouriteEstimate]] | None = None
        self.last_estimate: FavouriteEstimate | None = None
        self._estimate_timer = QTimer(self)
        self._estimate_timer.setSingleShot(True)
        self._estimate_timer.setInterval(ESTIMATE_DELAY_MS)
        self._estimate_timer.timeout.connect(self._fetch_estimate)
        self.table = FavouritesTable(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_AVAILABLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_ESTIMATE, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = Card(_tr("Vous n'avez encore aucun favori"), self)
        self.empty.setObjectName("amphiFavouritesEmpty")
        self.empty_text = styled_label(_tr(
            "Pour en ajouter : ouvrez l'onglet « Postes », sélectionnez un service (tous "
            "ses postes) ou un poste précis, puis cliquez sur « Ajouter aux favoris » — ou "
            "double-cliquez sur la ligne. Classez-les ensuite ici dans l'ordre où vous les "
            "choisiriez.\n\nPendant la séance, vos favoris sont en tête de la liste des "
            "postes : ils vous font gagner du temps, mais ne choisissent jamais à votre "
            "place."), wrap=True)
        self.empty.body.addWidget(self.empty_text)
        self.empty_button = QPushButton(_tr("Aller aux postes"), self.empty)
        self.empty_button.clicked.connect(self.show_posts_requested)
        go = QHBoxLayout()
        go.addWidget(self.empty_button)
        go.addStretch(1)
        self.empty.body.addLayout(go)
        self.empty.body.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.estimate_note)
        row = QHBoxLayout()
        self.state_label = styled_label("", "muted")
        row.addWidget(self.state_label, 1)
        self.position_label = styled_label(_tr("Déplacer en position"), "muted")
        row.addWidget(self.position_label)
        self.position_spin = QSpinBox(self)
        self.position_spin.setMinimum(1)
        row.addWidget(self.position_spin)
        self.move_button = QPushButton(_tr("Déplacer"), self)
        self.move_button.clicked.connect(self._move_to_number)
        row.addWidget(self.move_button)
        self.service_button = QPushButton(_tr("Voir tous les postes de ce service"), self)
        self.service_button.setObjectName("favouriteServiceButton")
        self.service_button.setToolTip(_tr("Tous les postes du service du favori sélectionné, "
                                           "pris ou non, dans l'onglet « Postes »"))
        self.service_button.clicked.connect(self._show_current_service)
        row.addWidget(self.service_button)
        self.remove_button = QPushButton(_tr("Retirer des favoris"), self)
        self.remove_button.clicked.connect(self._remove_current)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self._update_state()
        self.set_estimator(None)

    # ---------------------------------------------------------------- wiring

    def set_sync(self, sync: FavouritesSync) -> None:
        self.sync = sync
        sync.changed.connect(self._reload)
        sync.notice.connect(lambda text, kind: self.banner.show_message(text, kind))
        sync.single_post_warning.connect(self._warn_single_post)
        self._reload()


    # ---------------------------------------------------------------- estimate

    def set_estimator(self, fetch: Callable[[], Awaitable[FavouriteEstimate]] | None) -> None:
        """Where « À mon tour (estimation) » comes from (None: not shown)."""
        self._estimate = fetch
        self.table.setColumnHidden(COL_ESTIMATE, fetch is None)
        self._show_estimate_note()
        self.refresh_estimate()

    def refresh_estimate(self) -> None:
        """Ask again soon (debounced): favourites or choices changed."""
        if self._estimate is not None:
            self._estimate_timer.start()

    def _fetch_estimate(self) -> None:
        spawn(self, self._load_estimate())

    async def _load_estimate(self) -> None:
        if self._estimate is None:
            return
        try:
            estimate = await self._estimate()
        except ApiError as exc:
            self._show_estimate_note(exc.message if not exc.offline else _tr(
                "hors ligne : l'estimation sera mise à jour au retour de la connexion"))
            return
        self.last_estimate = estimate
        self.model.set_estimates(estimate.items)
        self._show_estimate_note()

    def _show_estimate_note(self, problem: str = "") -> None:
        if self._estimate is None or (self.sync is not None and not self.model.rowCount()):
            self.estimate_note.setText("")
            self.estimate_note.hide()
            return
        self.estimate_note.show()
        before = self.last_estimate.interns_before if self.last_estimate else None
        if before is None:
            who = _tr("chaque interne appelé avant vous")
        elif before == 0:
            who = _tr("personne n'est plus appelé avant vous : c'est la disponibilité "
                      "actuelle ; sinon, chaque interne appelé avant vous")
        else:
            who = _tr("chacun des %1 internes encore appelés avant vous").replace(
                "%1", str(before))
        text = _tr("« À mon tour (estimation) » : ce qui resterait libre si %1 prenait le "
                   "premier poste encore libre de ses propres favoris (absents prévus "
                   "exclus). Une estimation, pas une garantie ; elle se met à jour à chaque "
                   "choix.").replace("%1", who)
        if problem:
            text += " " + _tr("(Estimation non mise à jour : %1.)").replace("%1", problem)
        self.estimate_note.setText(text)

    def _reload(self) -> None:
        if self.sync is None:
            return
        current = self.table.currentIndex().row()
        self.model.set_items(self.sync.items)
        if 0 <= current < self.model.rowCount():
            self.table.select_row(current)
        self._update_state()
        self.refresh_estimate()

    def _update_state(self) -> None:
        count = self.model.rowCount()
        self.position_spin.setMaximum(max(1, count))
        self.move_button.setEnabled(count > 1)
        self.remove_button.setEnabled(count > 0)
        self.service_button.setEnabled(count > 0)  # reading: even when no longer editable
        empty = not count and self.sync is not None
        self.stack.setCurrentWidget(self.empty if empty else self.table)
        # Nothing to rank or move yet: the empty state alone says what to do.
        for widget in (self.intro, self.estimate_note, self.position_label, self.position_spin,
                       self.move_button, self.remove_button, self.service_button):
            widget.setVisible(not empty and (widget is not self.estimate_note
                                             or self._estimate is not None))
        if self.sync is None:
            self.state_label.setText("")
            return
        if count == 0:
            text = _tr("Aucun favori pour l'instant.")
        elif self.sync.dirty:
            text = _tr("%1 favoris — modifications hors ligne, envoyées au retour de la "
                       "connexion").replace("%1", str(count))
        else:
            text = _tr("%1 favoris — enregistrés sur le serveur").replace("%1", str(count))
        self.state_label.setText(text)

    def set_editable(self, editable: bool, why: str = "") -> None:
        self.model.drag_enabled = editable
        for widget in (self.move_button, self.remove_button, self.position_spin):
            widget.setEnabled(editable)
        self.table.setDragEnabled(editable)
        if not editable and why:
            self.state_label.setText(why)

    # ---------------------------------------------------------------- actions

    def _moved(self, key: tuple[str, int], position: int) -> None:
        """The model moved a row (drop, Ctrl+Up/Down, number): one call to the data layer."""
        if self.sync is not None:
            self.sync.move(key, position)  # the sync sends it, as its own task

    def _move_to_number(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            self.banner.show_message(_tr("Sélectionnez d'abord un favori."), "info")
            return
        target = self.position_spin.value() - 1
        if self.model.move_row(row, target):
            self.table.select_row(target)

    def _show_current_service(self) -> None:
        row = self.table.currentIndex().row()
        items = self.model.items()
        if not 0 <= row < len(items):
            self.banner.show_message(_tr("Sélectionnez d'abord un favori."), "info")
            return
        self.show_service_requested.emit(items[row].establishment, items[row].service)

    def _remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0 or self.sync is None:
            return
        key = self.model.items()[row].key
        self.sync.remove(key)  # the sync sends it, as its own task

    def _warn_single_post(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, _tr("Un seul poste"),
                          _tr("Vous avez ajouté un poste précis, pas tout son service. Si ce "
                              "poste est pris avant votre tour, les autres postes du même "
                              "service ne seront pas proposés à sa place : pensez à ajouter "
                              "le service entier si vous l'acceptez quel que soit le poste."),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("singlePostWarning")
        self.single_post_box = box
        box.open()

    def mark_taken(self, post_id: int) -> None:
        self.model.mark_taken(post_id)
        self.refresh_estimate()

    @property
    def position_column(self) -> int:
        return COL_POSITION
