"""The supervisor's ranking screen: three lists, the live validity banner, the candidate's file.

Everything the supervisor does — a drag within or between the lists, the arrows,
Ctrl+Up/Down, a typed rank, "Refuser" — is one `RankingBoard.move` call; the board
recomputes validity at once (red banner listing every broken rule, or "Classement
valide") and the sync saves the whole ranking with its version. The state beside the
title says "Enregistré", "Enregistrement…" or "Hors ligne" so he knows his work is safe.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.matching import CandidateFile, MyPost, Ranking, RankingCandidate
from desktop.models import ItemRole
from desktop.models.matching_ranking import (
    STATUSES,
    LocalRole,
    OffsetRole,
    RankingBoard,
)
from desktop.sync.matching import FAILED, OFFLINE, SAVED, SAVING, MatchingService
from desktop.tasks import spawn
from desktop.ui.matching.common import (
    BadgeDelegate,
    Opener,
    document_label,
    open_with_system,
    phase_label,
    save_temporary,
)
from desktop.ui.widgets import Banner, clear_layout, repolish, styled_label

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingRanking", text)

LIST_TITLES = {"unclassified": "Non classées", "ranked": "Classées",
               "rejected": "Non retenues"}
LIST_HINTS = {"unclassified": "Glissez les candidatures vers « Classées » ou « Non retenues » "
                              "(au clavier : Ctrl+→).",
              "ranked": "Du premier choix (en haut) au dernier ; Ctrl+↑/↓ déplace.",
              "rejected": "Ces candidatures ne seront pas retenues sur ce poste."}


def candidate_badges(index: QModelIndex | QPersistentModelIndex) -> list[tuple[str, str]]:
    badges: list[tuple[str, str]] = []
    if index.data(LocalRole):
        badges.append((_tr("DANS VOTRE SUBDIVISION"), "#1d4ed8"))
    if index.data(OffsetRole):
        badges.append((_tr("DÉCALÉ"), "#b45309"))
    return badges


class RankingList(QListView):
    """One of the three lists: drags move candidates, drops go between rows."""

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"ranking_{status}")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)
        self.setItemDelegate(BadgeDelegate(candidate_badges, self))
        self.setMinimumWidth(220)

    command = Signal(str)
    """Ctrl+arrow on the list: "up", "down" (within the ranking), "left", "right" (column)."""

    KEYS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left",
            Qt.Key.Key_Right: "right"}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        name = self.KEYS.get(Qt.Key(event.key()))
        if name and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.command.emit(name)
            event.accept()
            return
        super().keyPressEvent(event)


class RankingView(QWidget):
    """Ranking of one post in the current round (opened from "Mes postes")."""

    def __init__(self, service: MatchingService, parent: QWidget | None = None,
                 opener: Opener = open_with_system) -> None:
        super().__init__(parent)
        self.service = service
        self.opener = opener
        self.board = RankingBoard(self)
        self.post: MyPost | None = None
        self.ranking: Ranking | None = None
        self.round_id: int | None = None
        self.current_candidate: int | None = None
        self.file: CandidateFile | None = None
        self._moving = False
        self._observation_timer = QTimer(self)
        self._observation_timer.setSingleShot(True)
        self._observation_timer.setInterval(800)
        self._observation_timer.timeout.connect(self._save_observation)
        self._build()
        self.board.changed.connect(self._on_board_changed)
        self.board.validity_changed.connect(self._show_validity)
        sync = service.rankings
        sync.state_changed.connect(self._on_save_state)
        sync.saved.connect(self._on_saved)
        sync.merged.connect(self._on_merged)
        service.live_event.connect(self._on_event)

    # ---------------------------------------------------------------- layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        head = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Mes postes"))
        self.back_button.setAutoDefault(False)
        head.addWidget(self.back_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = styled_label("", "title", wrap=True)
        self.subtitle = styled_label("", "subtitle", wrap=True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.save_state = styled_label("", "badge")
        self.save_state.setObjectName("matchingSaveState")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head.addWidget(self.save_state, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)

        self.validity = Banner(self)
        self.validity.setObjectName("matchingValidity")
        outer.addWidget(self.validity)
        self.notice = Banner(self)
        outer.addWidget(self.notice)

        body = QHBoxLayout()
        body.setSpacing(14)
        lists = QVBoxLayout()
        self.tools = QWidget(self)
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.setSpacing(6)
        self.rank_button = QPushButton(self.tr("&Classer"))
        self.rank_button.setToolTip(self.tr("Ajouter à la fin du classement (Ctrl+→ depuis "
                                            "les non classées, Alt+C)"))
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(self.tr("Monter d'un rang (Ctrl+Haut)"))
        self.up_button.setAccessibleName(self.tr("Monter"))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(self.tr("Descendre d'un rang (Ctrl+Bas)"))
        self.down_button.setAccessibleName(self.tr("Descendre"))
        self.rank_spin = QSpinBox()
        self.rank_spin.setMinimum(1)
        self.rank_spin.setPrefix(self.tr("rang "))
        self.rank_spin.setAccessibleName(self.tr("Rang à donner"))
        self.place_button = QPushButton(self.tr("&Placer à ce rang"))
        self.reject_button = QPushButton(self.tr("&Refuser"))
        self.reject_button.setToolTip(self.tr("Refuser la candidature (Ctrl+→ depuis les "
                                              "classées, Alt+R)"))
        self.reject_button.setProperty("variant", "danger")
        self.unclassify_button = QPushButton(self.tr("Remettre en &non classé"))
        self.unclassify_button.setToolTip(self.tr("Remettre en non classé (Ctrl+← depuis les "
                                                  "classées, Alt+N)"))
        for widget in (self.rank_button, self.up_button, self.down_button, self.rank_spin,
                       self.place_button, self.reject_button, self.unclassify_button):
            if isinstance(widget, QPushButton):
                widget.setAutoDefault(False)
            tools.addWidget(widget)
        tools.addStretch(1)
        lists.addWidget(self.tools)
        columns = QHBoxLayout()
        columns.setSpacing(10)
        self.lists: dict[str, RankingList] = {}
        self.list_titles: dict[str, QLabel] = {}
        self.list_hints: dict[str, QLabel] = {}
        for status, stretch in (("unclassified", 3), ("ranked", 4), ("rejected", 3)):
            column = QVBoxLayout()
            column.setSpacing(4)
            title = styled_label("", "section")
            hint = styled_label(self.tr(LIST_HINTS[status]), "muted", wrap=True)
            view = RankingList(status, self)
            view.setModel(self.board.models[status])
            view.selectionModel().currentChanged.connect(
                lambda current, _prev, s=status: self._select(s, current))
            view.clicked.connect(lambda index, s=status: self._select(s, index))
            view.command.connect(lambda name, s=status: self.keyboard_command(s, name))
            column.addWidget(title)
            column.addWidget(hint)
            column.addWidget(view, 1)
            columns.addLayout(column, stretch)
            self.lists[status] = view
            self.list_titles[status] = title
            self.list_hints[status] = hint
        lists.addLayout(columns, 1)
        body.addLayout(lists, 3)
        body.addWidget(self._build_panel(), 1)
        outer.addLayout(body, 1)

        self.rank_button.clicked.connect(lambda: self._move_selected("ranked"))
        self.reject_button.clicked.connect(lambda: self._move_selected("rejected"))
        self.unclassify_button.clicked.connect(lambda: self._move_selected("unclassified"))
        self.up_button.clicked.connect(lambda: self.shift_selected(-1))
        self.down_button.clicked.connect(lambda: self.shift_selected(1))
        self.place_button.clicked.connect(self.place_selected)
        self.rank_spin.lineEdit().returnPressed.connect(self.place_selected)  # typing a rank
        self.board.changed.connect(self._update_titles)
        for model in self.board.models.values():
            model.modelReset.connect(self._update_titles)
        self._update_buttons()

    def _build_panel(self) -> QWidget:
        panel = QFrame(self)
        panel.setProperty("card", True)
        panel.setObjectName("candidatePanel")
        panel.setMinimumWidth(300)
        panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        self.candidate_name = styled_label(self.tr("Dossier du candidat"), "section", wrap=True)
        self.candidate_info = styled_label(
            self.tr("Choisissez une candidature pour voir le dossier."), "muted", wrap=True)
        layout.addWidget(self.candidate_name)
        layout.addWidget(self.candidate_info)
        self.presentation = QTextBrowser(panel)
        self.presentation.setOpenLinks(False)
        self.presentation.setPlaceholderText(self.tr("Pas de texte de présentation."))
        layout.addWidget(self.presentation, 2)
        self.documents = QVBoxLayout()
        self.documents.setSpacing(4)
        layout.addLayout(self.documents)
        layout.addWidget(styled_label(self.tr("Observations privées"), "field"))
        layout.addWidget(styled_label(self.tr("Visibles par les seuls responsables du poste, "
                                              "jamais par les étudiants."), "muted", wrap=True))
        self.observation = QPlainTextEdit(panel)
        self.observation.setPlaceholderText(self.tr("Vos notes sur cette candidature…"))
        self.observation.textChanged.connect(self._observation_edited)
        layout.addWidget(self.observation, 1)
        self.observation_state = styled_label("", "muted")
        layout.addWidget(self.observation_state)
        self.observation.setEnabled(False)
        return panel

    # ---------------------------------------------------------------- opening

    async def open_post(self, post: MyPost, round_id: int | None = None) -> None:
        """Load the post's ranking (from the cache when offline) and show it."""
        self.post = post
        self.round_id = round_id
        self.title.setText(post.label)
        self.subtitle.setText(" · ".join(x for x in (post.specialty, post.establishment,
                                                     post.subdivision) if x))
        self.notice.hide()
        try:
            ranking, fresh = await self.service.rankings.load(post.id, round_id)
        except ApiError as error:
            self.validity.show_message(error.message, "error")
            return
        self.show_ranking(ranking)
        if not fresh:
            self._on_save_state(post.id, OFFLINE, self.tr(
                "Hors ligne : dernier état connu affiché ; vos changements seront envoyés "
                "au retour de la connexion."))
        elif self.service.rankings.states.get(post.id) in (SAVING, OFFLINE):
            self._on_save_state(post.id, self.service.rankings.states[post.id], "")
        else:
            self._on_save_state(post.id, SAVED, self.tr("Enregistré"))

    def show_ranking(self, ranking: Ranking) -> None:
        self.ranking = ranking
        settings = getattr(self.service.campaign, "settings", None)
        share = settings.min_ranked_share if settings is not None else 0.8
        local_first = settings.subdivision_first if settings is not None else True
        assert self.post is not None
        self.board.load(ranking, subdivision=self.post.subdivision, min_ranked_share=share,
                        subdivision_first=local_first,
                        editable=ranking.can_edit and self.post.my_access == "referent")
        self.tools.setVisible(self.board.editable)
        for hint in self.list_hints.values():
            hint.setVisible(self.board.editable)
        if not self.board.editable:
            reason = (self.tr("Lecture seule : le responsable référent classe ce poste.")
                      if self.post.my_access != "referent" else
                      self.tr("Lecture seule : {phase}.").format(
                          phase=phase_label(ranking.phase).lower()))
            self.notice.show_message(reason, "info")
        capacity = self.tr("{n} place(s) à pourvoir dans ce tour").format(n=ranking.capacity)
        self.subtitle.setText(" · ".join(x for x in (
            self.post.specialty, self.post.establishment, self.post.subdivision,
            self.tr("Tour {n}").format(n=ranking.round_number), capacity) if x))
        self._update_titles()
        self._update_buttons()

    # ---------------------------------------------------------------- changes

    def _selected(self) -> tuple[str, int] | None:
        """(status, candidate id) of the selected row in any list."""
        if self.current_candidate is None:
            return None
        try:
            status, _row = self.board.status_of(self.current_candidate)
        except KeyError:
            return None
        return status, self.current_candidate

    def _change(self, action: Callable[[int], bool]) -> None:
        """Apply one board change to the selected candidate and keep him selected.

        Rows moving make the views move their current index to a neighbour; that must
        not change whose file is shown, so selection signals are ignored meanwhile.
        """
        selected = self._selected()
        if selected is None:
            return
        cid = selected[1]
        self._moving = True
        try:
            moved = action(cid)
        finally:
            self._moving = False
        self.current_candidate = cid
        if moved:
            self._reselect()

    def keyboard_command(self, status: str, name: str) -> None:
        """Ctrl+arrows on a list: ↑/↓ change the rank, ←/→ move to the next column
        (non classées ⇄ classées ⇄ refusées); the focus follows the candidate."""
        if name in ("up", "down"):
            self.shift_selected(-1 if name == "up" else 1)
        else:
            step = -1 if name == "left" else 1
            target = STATUSES.index(status) + step
            if 0 <= target < len(STATUSES):
                self._move_selected(STATUSES[target])
        selected = self._selected()
        if selected is not None:
            self.lists[selected[0]].setFocus()

    def _move_selected(self, status: str) -> None:
        self._change(lambda cid: self.board.move(cid, status))

    def shift_selected(self, delta: int) -> None:
        self._change(lambda cid: self.board.shift(cid, delta))

    def place_selected(self) -> None:
        self._change(lambda cid: self.board.set_rank(cid, self.rank_spin.value()))

    def _reselect(self) -> None:
        """Keep the moved candidate selected (in whichever list it now is)."""
        if self.current_candidate is None:
            return
        status, row = self.board.status_of(self.current_candidate)
        view = self.lists[status]
        self._moving = True
        try:
            for other in self.lists.values():
                if other is not view:
                    other.selectionModel().clearCurrentIndex()
                    other.clearSelection()
            index = self.board.models[status].index(row)
            view.setCurrentIndex(index)
            view.scrollTo(index)
            if status == "ranked":
                self.rank_spin.setValue(row + 1)
        finally:
            self._moving = False
        self._update_buttons()

    def _on_board_changed(self) -> None:
        if self.post is None or self.ranking is None:
            return
        self.service.rankings.save(self.post.id, self.ranking.round_id, self.board.ranked,
                                   self.board.rejected)

    def _update_titles(self) -> None:
        for status in STATUSES:
            n = self.board.models[status].rowCount()
            self.list_titles[status].setText(f"{self.tr(LIST_TITLES[status])} ({n})")
        self.rank_spin.setMaximum(max(1, len(self.board.ranked) + 1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self._selected()
        editable = self.board.editable and selected is not None
        status = selected[0] if selected else None
        self.rank_button.setEnabled(editable and status != "ranked")
        self.reject_button.setEnabled(editable and status != "rejected")
        self.unclassify_button.setEnabled(editable and status != "unclassified")
        self.up_button.setEnabled(editable)
        self.down_button.setEnabled(editable)
        self.place_button.setEnabled(editable)
        self.rank_spin.setEnabled(editable)
        for view in self.lists.values():
            view.setDragEnabled(self.board.editable)
            view.setAcceptDrops(self.board.editable)

    # ---------------------------------------------------------------- validity, saving

    def _show_validity(self, valid: bool, messages: list[str]) -> None:
        if self.ranking is not None and not self.board.candidates:
            self.validity.show_message(self.tr("Aucune candidature sur ce poste pour ce tour."),
                                       "info")
            return
        if valid:
            self.validity.show_message(self.tr("✓ Classement valide : il sera pris en compte "
                                               "pour l'appariement."), "success")
        else:
            lines = "\n".join(f"• {m}" for m in messages)
            self.validity.show_message(
                self.tr("Classement non valide — ce poste ne participera pas à l'appariement "
                        "tant que ces règles ne sont pas respectées :") + "\n" + lines, "error")

    def _on_save_state(self, post_id: int, state: str, text: str) -> None:
        if self.post is None or post_id != self.post.id:
            return
        labels = {SAVED: self.tr("✓ Enregistré"), SAVING: self.tr("Enregistrement…"),
                  OFFLINE: self.tr("Hors ligne — gardé sur cet ordinateur"),
                  FAILED: self.tr("Non enregistré")}
        self.save_state.setText(labels.get(state, state))
        self.save_state.setProperty("state", state)
        self.save_state.setToolTip(text)
        repolish(self.save_state)
        if state == FAILED:
            self.notice.show_message(text, "error")

    def _on_saved(self, ranking: Ranking) -> None:
        if self.post is None or ranking.post_id != self.post.id:
            return
        self.ranking = ranking
        if list(ranking.ranked) == self.board.ranked and \
                list(ranking.rejected) == self.board.rejected:
            self.board.apply_server_validity(ranking.valid,
                                             [v.message for v in ranking.violations])

    def _on_merged(self, ranking: Ranking, text: str) -> None:
        if self.post is None or ranking.post_id != self.post.id:
            return
        self.ranking = ranking
        self.board.candidates = {c.id: c for c in ranking.candidates}
        self.board.set_lists(list(ranking.ranked), list(ranking.rejected))
        self.notice.show_message(text, "warning")
        self._reselect_if_present()

    def _reselect_if_present(self) -> None:
        if self.current_candidate is not None and self.current_candidate in self.board.candidates:
            self._reselect()

    @asyncSlot(str, dict)
    async def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if kind != "matching_ranking_saved" or self.post is None:
            return
        if payload.get("post_id") != self.post.id:
            return
        sync = self.service.rankings
        version = payload.get("version")
        if not isinstance(version, int) or version <= sync.versions.get(self.post.id, 0):
            return
        if sync.has_pending(self.post.id):
            return  # our save will meet the new version and merge
        try:
            ranking = await self.service.get_post_ranking(self.post.id, self.round_id)
        except ApiError:
            return
        sync.versions[self.post.id] = ranking.version
        self.show_ranking(ranking)
        if payload.get("by"):
            self.notice.show_message(self.tr("Classement mis à jour par {by}.").format(
                by=payload["by"]), "info")

    # ---------------------------------------------------------------- candidate's file

    def _select(self, status: str, index: QModelIndex) -> None:
        if self._moving or not index.isValid():
            return
        candidate: RankingCandidate = index.data(ItemRole)
        for other_status, view in self.lists.items():
            if other_status != status:
                view.selectionModel().clearCurrentIndex()
                view.clearSelection()
        if candidate.id == self.current_candidate:
            self._update_buttons()
            return
        self._flush_observation()
        self.current_candidate = candidate.id
        if status == "ranked":
            self.rank_spin.setValue(index.row() + 1)
        self._update_buttons()
        self._show_candidate(candidate)
        spawn(self, self._load_file(candidate.id))

    def _show_candidate(self, c: RankingCandidate) -> None:
        self.candidate_name.setText(c.display_name)
        parts = [c.specialty, c.subdivision]
        if c.in_post_subdivision:
            parts.append(self.tr("DANS VOTRE SUBDIVISION"))
        if c.offset_semester:
            parts.append(self.tr("semestre décalé"))
        self.candidate_info.setText(" · ".join(parts))
        self.presentation.setPlainText("")
        self.observation.blockSignals(True)
        self.observation.setPlainText(c.observation or "")
        self.observation.blockSignals(False)
        self.observation.setEnabled(True)
        self.observation_state.setText("")
        clear_layout(self.documents)

    async def _load_file(self, candidate_id: int) -> None:
        try:
            file = await self.service.get_candidate_file(candidate_id)
        except ApiError as error:
            if candidate_id == self.current_candidate:
                self.presentation.setPlainText(error.message)
            return
        if candidate_id != self.current_candidate:
            return
        self.file = file
        self.presentation.setPlainText(file.presentation or "")
        if not file.documents:
            self.documents.addWidget(styled_label(self.tr("Aucun document déposé."), "muted"))
        for doc in file.documents:
            button = QPushButton(self.tr("Ouvrir : {kind} ({name})").format(
                kind=document_label(doc.kind), name=doc.filename))
            button.setAutoDefault(False)
            button.setProperty("variant", "link")
            button.clicked.connect(lambda _=False, k=doc.kind: self.open_document(k))
            self.documents.addWidget(button)

    @asyncSlot()
    async def open_document(self, kind: str) -> None:
        if self.current_candidate is None:
            return
        try:
            download = await self.service.download_candidate_document(
                self.current_candidate, kind)
        except ApiError as error:
            self.notice.show_message(error.message, "error")
            return
        self.opener(save_temporary(download.filename, download.content))

    def _observation_edited(self) -> None:
        self.observation_state.setText(self.tr("Modification…"))
        self._observation_timer.start()

    def _flush_observation(self) -> None:
        if self._observation_timer.isActive():
            self._observation_timer.stop()
            self._save_observation()

    @asyncSlot()
    async def _save_observation(self) -> None:
        if self.post is None or self.current_candidate is None:
            return
        post_id, cid = self.post.id, self.current_candidate
        text = self.observation.toPlainText()
        try:
            await self.service.save_candidate_observation(post_id, cid, text)
        except ApiError as error:
            if cid == self.current_candidate:
                self.observation_state.setText(error.message)
            return
        old = self.board.candidates.get(cid)
        if old is not None:
            from dataclasses import replace

            self.board.candidates[cid] = replace(old, observation=text or None)
        if cid == self.current_candidate:
            self.observation_state.setText(self.tr("✓ Observation enregistrée"))
