"""« Postes »: the offer grouped by service (default) or one row per post, with the quick
filters Tous / Pourvus / Non pourvus, a free text, an advanced search with several values
per field, and saved searches. « Voir tous les postes de ce service » (right click, or
`show_service`) narrows the list to one service's posts.

The view holds no HTTP: saved searches go through the async callables it is given
(`SavedSearches`), favourites through the `add_requested` signal.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.amphi import Post, SavedSearch, Service
from desktop.api.client import ApiError
from desktop.models import ItemRole
from desktop.models.amphi_posts import (
    COL_ACTION,
    COL_ESTABLISHMENT,
    COL_HEAD,
    COL_NUMBER,
    COL_REGIME,
    COL_SERVICE,
    COL_STATE,
    FILTER_FIELDS,
    GCOL_ESTABLISHMENT,
    GCOL_HEAD,
    GCOL_NAME,
    GCOL_SUMMARY,
    QUICK_ALL,
    QUICK_FREE,
    QUICK_TAKEN,
    PostsFilterProxy,
    PostsModel,
    ServiceGroup,
    ServiceTreeModel,
)
from desktop.ui.columns import install_fitting, refit
from desktop.ui.widgets import Banner, link_button, styled_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiPostsView", text)


@dataclass
class SavedSearches:
    """The saved-search calls the view may make (the area wires them to the API)."""

    list: Callable[[], Awaitable[list[SavedSearch]]]
    create: Callable[[str, dict[str, Any]], Awaitable[SavedSearch]]
    update: Callable[[int, str, dict[str, Any]], Awaitable[SavedSearch]]
    delete: Callable[[int], Awaitable[None]]


class AdvancedSearchDialog(QDialog):
    """Several values per field: one checkable list per field; empty means « tous »."""

    @classmethod
    def ask(cls, model: PostsModel, criteria: dict[str, list[str]], parent: QWidget,
            apply: Callable[[dict[str, list[str]]], None]) -> AdvancedSearchDialog:
        """Open it (window-modal); `apply` gets the criteria if accepted. Returns it (tests
        and screenshots reach it)."""
        dialog = cls(model, criteria, parent)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                apply(dialog.criteria())
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def __init__(self, model: PostsModel, criteria: dict[str, list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Recherche avancée"))
        self.setMinimumSize(1100, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(styled_label(_tr("Cochez une ou plusieurs valeurs par critère. Un "
                                          "critère sans case cochée ne filtre rien."),
                                      "muted", wrap=True))
        grid = QGridLayout()
        self.lists: dict[str, QListWidget] = {}
        for n, (name, (_column, label)) in enumerate(FILTER_FIELDS.items()):
            box = QVBoxLayout()
            box.addWidget(styled_label(QCoreApplication.translate("AmphiPosts", label),
                                       "field"))
            values = QListWidget(self)
            values.setObjectName(f"criteria_{name}")
            chosen = set(criteria.get(name, []))
            for value in model.values(name):
                item = QListWidgetItem(value or _tr("(aucun)"), values)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if value in chosen
                                   else Qt.CheckState.Unchecked)
            box.addWidget(values)
            self.lists[name] = values
            grid.addLayout(box, n // 4, n % 4)
        layout.addLayout(grid, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Reset, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Appliquer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Annuler"))
        reset = buttons.button(QDialogButtonBox.StandardButton.Reset)
        reset.setText(_tr("Tout décocher"))
        reset.clicked.connect(self.clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def clear(self) -> None:
        for values in self.lists.values():
            for row in range(values.count()):
                values.item(row).setCheckState(Qt.CheckState.Unchecked)

    def criteria(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name, values in self.lists.items():
            checked = [values.item(r).data(Qt.ItemDataRole.UserRole)
                       for r in range(values.count())
                       if values.item(r).checkState() == Qt.CheckState.Checked]
            if checked:
                found[name] = checked
        return found


class PostsView(QWidget):
    """The offer of one amphitheatre; emits `add_requested(Post | ServiceGroup)`."""

    add_requested = Signal(object)  # a Post or a ServiceGroup

    def __init__(self, searches: SavedSearches | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.searches = searches
        self.services: list[Service] = []
        self.saved: list[SavedSearch] = []
        self.model = PostsModel(self)
        self.proxy = PostsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree_model = ServiceTreeModel(self)
        self._tree_stale = False
        self._build()
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(0)
        self._text_timer.timeout.connect(self._apply_text)

    # ---------------------------------------------------------------- layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        top = QHBoxLayout()
        self.quick_group = QButtonGroup(self)
        self.quick_buttons: dict[str, QRadioButton] = {}
        for key, label in ((QUICK_ALL, _tr("Tous")), (QUICK_TAKEN, _tr("Pourvus")),
                           (QUICK_FREE, _tr("Non pourvus"))):
            button = QRadioButton(label, self)
            self.quick_group.addButton(button)
            self.quick_buttons[key] = button
            top.addWidget(button)
        self.quick_buttons[QUICK_ALL].setChecked(True)
        for key, button in self.quick_buttons.items():
            button.toggled.connect(partial(self._quick_toggled, key))
        top.addSpacing(12)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(_tr("Rechercher : établissement, service, chef, "
                                                "DES, n° de poste…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._text_timer.start())
        top.addWidget(self.search_edit, 1)
        self.advanced_button = QPushButton(_tr("Recherche avancée…"), self)
        self.advanced_button.clicked.connect(self.open_advanced)
        top.addWidget(self.advanced_button)
        layout.addLayout(top)

        second = QHBoxLayout()
        self.grouped_button = QRadioButton(_tr("Par service"), self)
        self.flat_button = QRadioButton(_tr("Un poste par ligne"), self)
        self.grouped_button.setChecked(True)
        self.grouped_button.toggled.connect(self._show_mode)
        second.addWidget(self.grouped_button)
        second.addWidget(self.flat_button)
        second.addSpacing(16)
        self.saved_label = QLabel(_tr("Recherches enregistrées :"), self)
        second.addWidget(self.saved_label)
        self.saved_combo = QComboBox(self)
        self.saved_combo.setMinimumWidth(200)
        self.saved_combo.activated.connect(self._saved_chosen)
        second.addWidget(self.saved_combo)
        self.save_button = QPushButton(_tr("Enregistrer…"), self)
        self.save_button.setToolTip(_tr("Enregistrer les filtres actuels sous un nom"))
        self.save_button.clicked.connect(self._save_search)
        second.addWidget(self.save_button)
        self.delete_button = QPushButton(_tr("Supprimer"), self)
        self.delete_button.clicked.connect(self._delete_search)
        second.addWidget(self.delete_button)
        second.addStretch(1)
        layout.addLayout(second)
        criteria_row = QHBoxLayout()
        self.criteria_label = styled_label("", "muted", wrap=True)
        self.criteria_label.hide()
        criteria_row.addWidget(self.criteria_label, 1)
        self.clear_criteria_button = link_button(_tr("Afficher tous les postes"), self)
        self.clear_criteria_button.setObjectName("clearCriteriaButton")
        self.clear_criteria_button.hide()
        self.clear_criteria_button.clicked.connect(lambda: self.set_criteria({}))
        criteria_row.addWidget(self.clear_criteria_button)
        layout.addLayout(criteria_row)

        self.stack = QStackedWidget(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("amphiPostsTree")
        self.tree.setModel(self.tree_model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        # Not ResizeToContents (measuring thousands of rows at every keystroke would cost
        # more than the filter itself): fitted to the rows on screen, the name stretching.
        tree_header = self.tree.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        tree_header.setSectionResizeMode(GCOL_NAME, QHeaderView.ResizeMode.Stretch)
        install_fitting(self.tree, {GCOL_SUMMARY: "44 postes - 44 disponibles"},
                        caps={GCOL_ESTABLISHMENT: 260, GCOL_HEAD: 200}, firm=(GCOL_SUMMARY,),
                        watch_rows=False)
        self.tree.doubleClicked.connect(self._add_current)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.table = QTableView(self)
        self.table.setObjectName("amphiPostsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (COL_ESTABLISHMENT, COL_SERVICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        install_fitting(self.table, caps={COL_HEAD: 180, COL_REGIME: 200, COL_STATE: 200},
                        firm=(COL_NUMBER,), watch_rows=False)
        self.table.setColumnHidden(COL_ACTION, True)  # choosing is on the live screen
        self.table.doubleClicked.connect(self._add_current)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.table)
        self.proxy.set_deferred(True)  # the grouped tree is shown first
        layout.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.service_button = QPushButton(_tr("Voir tous les postes de ce service"), self)
        self.service_button.setObjectName("showServiceButton")
        self.service_button.setToolTip(_tr("N'afficher que les postes du service sélectionné "
                                           "(clic droit sur un poste ou un service)"))
        self.service_button.clicked.connect(self._show_current_service)
        self.hint = styled_label(_tr("Double-cliquez sur un service ou un poste pour "
                                     "l'ajouter à vos favoris."), "muted")
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.service_button)
        self.count_label = styled_label("", "muted")
        bottom.addWidget(self.count_label)
        self.add_button = QPushButton(_tr("Ajouter aux favoris"), self)
        self.add_button.clicked.connect(self._add_current)
        bottom.addWidget(self.add_button)
        layout.addLayout(bottom)
        self._refresh_saved_combo()

    # ---------------------------------------------------------------- data in

    def set_offer(self, services: list[Service], posts: list[Post]) -> None:
        self.services = list(services)
        self.model.set_posts(posts)
        self.tree_model.set_offer(self.services, posts)
        self._regroup()
        self._fit_shown()

    def _fit_shown(self) -> None:
        """Fit the columns of the view on screen to the offer (once per offer, not per
        keystroke); the other view fits when it is shown."""
        refit(self.tree if self.grouped_button.isChecked() else self.table)

    def update_post(self, post: Post) -> None:
        """A post changed live (taken): both views and the filters follow."""
        if self.model.update_post(post):
            self.tree_model.update_post(post)
            if self.proxy.quick != QUICK_ALL:
                self.proxy.refilter()
                self._regroup()
            self._update_count()

    def set_can_add(self, can: bool, why: str = "") -> None:
        self.add_button.setEnabled(can)
        self.add_button.setToolTip(why)
        self.hint.setText(_tr("Double-cliquez sur un service ou un poste pour l'ajouter à "
                              "vos favoris.") if can else why)

    def set_public(self, hint: str) -> None:
        """Read-only, for someone without an account: no saved searches, no favourites;
        `hint` replaces the favourites' one."""
        self.searches = None
        for widget in (self.saved_combo, self.save_button, self.delete_button,
                       self.saved_label, self.add_button):
            widget.hide()
        self.hint.setText(hint)

    # ---------------------------------------------------------------- one service

    def _selected_post(self) -> Post | None:
        """The post selected, or the first post of the service selected (None: nothing)."""
        view = self.tree if self.grouped_button.isChecked() else self.table
        index = view.currentIndex()
        item = index.siblingAtColumn(0).data(ItemRole) if index.isValid() else None
        if isinstance(item, Post):
            return item
        if isinstance(item, ServiceGroup) and item.posts:
            return item.posts[0]
        return None

    def _context_menu(self, pos: QPoint) -> None:
        view = self.tree if self.grouped_button.isChecked() else self.table
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        menu = QMenu(self)
        action = QAction(_tr("Voir tous les postes de ce service"), menu)
        action.triggered.connect(self._show_current_service)
        menu.addAction(action)
        if self.add_button.isVisible() and self.add_button.isEnabled():
            add = QAction(_tr("Ajouter aux favoris"), menu)
            add.triggered.connect(self._add_current)
            menu.addAction(add)
        menu.popup(view.viewport().mapToGlobal(pos))

    def _show_current_service(self) -> None:
        post = self._selected_post()
        if post is None:
            self.banner.show_message(_tr("Sélectionnez d'abord un service ou un poste."),
                                     "info")
            return
        self.show_service(post.establishment, post.service)

    def show_service(self, establishment: str, service: str) -> None:
        """« Voir tous les postes de ce service »: every post of that service, filled or
        not, whatever the filters were (« Recherche avancée » shows the criteria; emptying
        them there shows everything again)."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.proxy.text = ""
        if not self.quick_buttons[QUICK_ALL].isChecked():
            self.quick_buttons[QUICK_ALL].blockSignals(True)
            self.quick_buttons[QUICK_ALL].setChecked(True)
            self.quick_buttons[QUICK_ALL].blockSignals(False)
            self.proxy.quick = QUICK_ALL
        self.set_criteria({"establishment": [establishment], "service": [service]})
        if self.grouped_button.isChecked():
            self.tree.expandAll()

    # ---------------------------------------------------------------- filters

    def _quick_toggled(self, key: str, on: bool) -> None:
        # A named slot returning None: a lambda returning a bool can crash PySide6.
        if on:
            self.set_quick(key)

    def set_quick(self, quick: str) -> None:
        if not self.quick_buttons[quick].isChecked():
            self.quick_buttons[quick].setChecked(True)
            return
        self.proxy.set_quick(quick)
        self._regroup()

    def _apply_text(self) -> None:
        self.proxy.set_text(self.search_edit.text())
        self._regroup()

    def set_criteria(self, criteria: dict[str, list[str]]) -> None:
        self.proxy.set_criteria(criteria)
        self._show_criteria()
        self._regroup()

    def _show_criteria(self) -> None:
        parts = []
        for name, values in self.proxy.criteria.items():
            label = QCoreApplication.translate("AmphiPosts", FILTER_FIELDS[name][1])
            parts.append(_tr("{label} : {values}").format(
                label=label, values=", ".join(v or _tr("(aucun)") for v in values)))
        self.criteria_label.setText(_tr("Recherche avancée — ") + " · ".join(parts))
        self.criteria_label.setVisible(bool(parts))
        self.clear_criteria_button.setVisible(bool(parts))

    def _regroup(self) -> None:
        """The grouped view shows the services of the posts the filters accept.

        Rebuilt only while it is shown (switching to it rebuilds it if stale).
        """
        self._update_count()
        if not self.grouped_button.isChecked():
            self._tree_stale = True
            return
        self._tree_stale = False
        if not self.proxy.is_filtered():
            self.tree_model.show_only(None)
            return
        accepted = set(self.proxy.accepted_ids())
        self.tree_model.show_only(accepted)
        if len(accepted) < 200:
            self.tree.expandAll()

    def _update_count(self) -> None:
        shown = self.proxy.accepted_count()
        total = self.model.rowCount()
        free = sum(1 for t in self.model.taken if not t)
        self.count_label.setText(_tr("%1 postes affichés sur %2 · %3 libres").replace(
            "%1", str(shown)).replace("%2", str(total)).replace("%3", str(free)))

    def _show_mode(self) -> None:
        grouped = self.grouped_button.isChecked()
        self.proxy.set_deferred(grouped)
        self.stack.setCurrentWidget(self.tree if grouped else self.table)
        if self.grouped_button.isChecked() and self._tree_stale:
            self._regroup()

    def open_advanced(self) -> None:
        self.advanced_dialog = AdvancedSearchDialog.ask(self.model, self.proxy.criteria, self,
                                                        self.set_criteria)

    # ---------------------------------------------------------------- saved searches

    def current_criteria(self) -> dict[str, Any]:
        """What a saved search keeps: quick filter, text and the advanced criteria."""
        criteria: dict[str, Any] = dict(self.proxy.criteria)
        if self.proxy.quick != QUICK_ALL:
            criteria["quick"] = self.proxy.quick
        if self.search_edit.text().strip():
            criteria["text"] = self.search_edit.text().strip()
        return criteria

    def apply_saved(self, criteria: dict[str, Any]) -> None:
        quick = criteria.get("quick", QUICK_ALL)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(str(criteria.get("text", "")))
        self.search_edit.blockSignals(False)
        self.proxy.text = self.search_edit.text()
        fields = {k: (v if isinstance(v, list) else [v]) for k, v in criteria.items()
                  if k in FILTER_FIELDS}
        self.proxy.quick = quick if quick in self.quick_buttons else QUICK_ALL
        self.quick_buttons[self.proxy.quick].blockSignals(True)
        self.quick_buttons[self.proxy.quick].setChecked(True)
        self.quick_buttons[self.proxy.quick].blockSignals(False)
        self.set_criteria({k: [str(x) for x in v] for k, v in fields.items()})

    def _refresh_saved_combo(self) -> None:
        self.saved_combo.clear()
        self.saved_combo.addItem(_tr("— Choisir —") if self.saved else _tr("(aucune)"), None)
        for search in self.saved:
            self.saved_combo.addItem(search.name, search)
        enabled = self.searches is not None
        self.saved_combo.setEnabled(enabled and bool(self.saved))
        self.save_button.setEnabled(enabled)
        self.delete_button.setEnabled(enabled and bool(self.saved))

    @asyncSlot()
    async def load_saved(self) -> None:
        if self.searches is None:
            return
        try:
            self.saved = await self.searches.list()
        except ApiError as exc:
            if not exc.offline:
                self.banner.show_message(exc.message, "error")
            return
        self._refresh_saved_combo()

    def _saved_chosen(self, index: int) -> None:
        search = self.saved_combo.itemData(index)
        if isinstance(search, SavedSearch):
            self.apply_saved(search.criteria)

    @asyncSlot()
    async def _save_search(self) -> None:
        name, ok = QInputDialog.getText(self, _tr("Enregistrer la recherche"),
                                        _tr("Nom de la recherche :"))
        if ok and name.strip():
            await self.save_search(name.strip())

    async def save_search(self, name: str) -> SavedSearch | None:
        """Create (or replace, same name) a saved search with the current filters."""
        if self.searches is None:
            return None
        criteria = self.current_criteria()
        try:
            existing = next((s for s in self.saved if s.name == name), None)
            if existing is not None:
                saved = await self.searches.update(existing.id, name, criteria)
            else:
                saved = await self.searches.create(name, criteria)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return None
        self.saved = sorted([s for s in self.saved if s.id != saved.id] + [saved],
                            key=lambda s: s.name.casefold())
        self._refresh_saved_combo()
        self.saved_combo.setCurrentIndex(self.saved_combo.findText(saved.name))
        self.banner.show_message(_tr("Recherche « %1 » enregistrée.").replace("%1", name),
                                 "success")
        return saved

    @asyncSlot()
    async def _delete_search(self) -> None:
        search = self.saved_combo.currentData()
        if not isinstance(search, SavedSearch) or self.searches is None:
            return
        try:
            await self.searches.delete(search.id)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.saved = [s for s in self.saved if s.id != search.id]
        self._refresh_saved_combo()

    # ---------------------------------------------------------------- favourites

    def _add_current(self) -> None:
        if not self.add_button.isEnabled():
            return
        view = self.tree if self.grouped_button.isChecked() else self.table
        index = view.currentIndex()
        if not index.isValid():
            self.banner.show_message(_tr("Sélectionnez d'abord un service ou un poste."),
                                     "info")
            return
        item = index.siblingAtColumn(0).data(ItemRole)
        if isinstance(item, Post | ServiceGroup):
            self.add_requested.emit(item)
