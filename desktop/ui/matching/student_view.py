"""The junior doctor's screen: browse posts, apply and order applications, his file, results.

Applications are saved on every change (add, remove, drag, Ctrl+Up/Down) by
`ApplicationsSync`; the strip above them says whether they are enough
("candidatures suffisantes": the count the server requires for this round).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.matching import DOCUMENT_KINDS, Applications, CandidateFile, Post
from desktop.models import ItemRole, SortRole
from desktop.models.matching_posts import (
    COL_DURATION,
    COL_ESTABLISHMENT,
    COL_LABEL,
    COL_TYPE,
    ApplicationsModel,
    PostsTableModel,
)
from desktop.sync.matching import FAILED, OFFLINE, SAVED, SAVING, MatchingService
from desktop.tasks import spawn
from desktop.ui.matching.closed_page import ClosedPage, is_closed, reopen
from desktop.ui.matching.common import (
    Opener,
    document_label,
    fit_columns,
    open_with_system,
    save_temporary,
    size_text,
    student_phase_label,
    when,
)
from desktop.ui.matching.receipts_dialog import ReceiptsDialog
from desktop.ui.widgets import (
    Banner,
    BusyIndicator,
    Card,
    clear_layout,
    primary_button,
    repolish,
    styled_label,
)


class PostFilterProxy(QSortFilterProxyModel):
    """Text (label, establishment, subdivision), subdivision and places filters."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.subdivision = ""
        self.with_places = False
        self.setSortRole(SortRole)

    def set_filters(self, text: str, subdivision: str, with_places: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
        self.text, self.subdivision, self.with_places = text.lower().strip(), subdivision, \
            with_places
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Any) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        post: Post = model.index(row, 0, parent).data(ItemRole)
        if self.subdivision and post.subdivision != self.subdivision:
            return False
        if self.with_places and post.remaining_places <= 0:
            return False
        if self.text:
            hay = " ".join(x for x in (post.label, post.indication, post.establishment,
                                       post.subdivision, post.number,
                                       post.supervisor.display_name if post.supervisor
                                       else "") if x).lower()
            return self.text in hay
        return True


class StudentView(QWidget):
    """Tabs: Candidatures (browse + my ordered list), Mon dossier, Résultats."""

    def __init__(self, service: MatchingService, parent: QWidget | None = None,
                 opener: Opener = open_with_system) -> None:
        super().__init__(parent)
        self.service = service
        self.opener = opener
        self.choose_file = self._ask_file
        self.applications: Applications | None = None
        self.file: CandidateFile | None = None
        self._loaded = False
        self.posts_model = PostsTableModel(self)
        self.proxy = PostFilterProxy(self)
        self.proxy.setSourceModel(self.posts_model)
        self.mine = ApplicationsModel(self)
        self.mine.reordered.connect(self._save)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        outer.addWidget(styled_label(self.tr("Appariement — mes candidatures"), "title"))
        self.schedule = styled_label("", "subtitle", wrap=True)
        outer.addWidget(self.schedule)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.busy = BusyIndicator(self)
        outer.addWidget(self.busy)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_applications(), self.tr("Candidatures"))
        self.tabs.addTab(self._build_file(), self.tr("Mon dossier"))
        self.tabs.addTab(self._build_results(), self.tr("Mes résultats"))
        # « Application fermée » takes the tabs' place while nothing is open to him.
        self.closed = ClosedPage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.closed)
        outer.addWidget(self.pages, 1)
        self.closed.refresh_requested.connect(lambda: spawn(self, self.reopen()))
        self.closed.due.connect(lambda: spawn(self, self.reopen()))
        service.applications.state_changed.connect(self._on_save_state)
        service.applications.saved.connect(self._on_saved)
        service.applications.refused.connect(lambda _e: spawn(self, self.refresh()))
        service.live_event.connect(self._on_event)

    # ---------------------------------------------------------------- layout

    def _build_applications(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(14)
        left = QVBoxLayout()
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher un poste, un établissement, un "
                                               "responsable…"))
        self.search.setClearButtonEnabled(True)
        self.subdivision = QComboBox()
        self.subdivision.addItem(self.tr("Toutes les subdivisions"), "")
        self.with_places = QCheckBox(self.tr("Avec des places restantes"))
        filters.addWidget(self.search, 2)
        filters.addWidget(self.subdivision, 1)
        filters.addWidget(self.with_places)
        left.addLayout(filters)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_LABEL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setColumnHidden(COL_TYPE, True)  # in the line below the table
        self.table.setColumnHidden(COL_DURATION, True)
        self.table.doubleClicked.connect(lambda _i: self.add_selected())
        left.addWidget(self.table, 1)
        self.post_info = styled_label("", "muted", wrap=True)
        left.addWidget(self.post_info)
        self.add_button = primary_button(self.tr("Ajouter à mes candidatures"))
        self.add_button.clicked.connect(self.add_selected)
        left.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        head = QHBoxLayout()
        self.mine_title = styled_label(self.tr("Mes candidatures"), "section")
        head.addWidget(self.mine_title, 1)
        self.save_state = styled_label("", "badge")
        self.save_state.setObjectName("matchingSaveState")
        self.save_state.hide()  # an empty badge drew a bare blue pill: shown once it says something
        head.addWidget(self.save_state)
        right.addLayout(head)
        self.enough = Banner(self)
        right.addWidget(self.enough)
        self.drag_hint = styled_label(self.tr("Votre premier choix en haut. Glissez pour "
                                              "réordonner (ou Ctrl+Haut / Ctrl+Bas)."),
                                      "muted", wrap=True)
        right.addWidget(self.drag_hint)
        self.list = QListView()
        self.list.setObjectName("matchingApplications")
        self.list.setModel(self.mine)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setDragDropOverwriteMode(False)
        self.list.setDropIndicatorShown(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for keys, delta in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=delta: self.shift_selected(d))
        right.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(self.tr("Monter (Ctrl+Haut)"))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(self.tr("Descendre (Ctrl+Bas)"))
        self.remove_button = QPushButton(self.tr("Retirer"))
        for b in (self.up_button, self.down_button, self.remove_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        # The signed receipt of the list as last saved, and all of them (« Mes reçus… »).
        self.receipts_button = QPushButton(self.tr("Mes reçus…"))
        self.receipts_button.setAutoDefault(False)
        self.receipts_button.clicked.connect(lambda: spawn(self, self.show_receipts()))
        buttons.addWidget(self.receipts_button)
        right.addLayout(buttons)
        self.receipt_label = styled_label("", "muted", wrap=True)
        self.receipt_label.setObjectName("matchingReceipt")
        self.receipt_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.receipt_label)
        self.up_button.clicked.connect(lambda: self.shift_selected(-1))
        self.down_button.clicked.connect(lambda: self.shift_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addLayout(right, 2)

        self.search.textChanged.connect(self._filter)
        self.subdivision.currentIndexChanged.connect(self._filter)
        self.with_places.toggled.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(self._show_post_info)
        return page

    def _build_file(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        card = Card(self.tr("Texte de présentation"))
        card.body.addWidget(styled_label(self.tr("Lu par les responsables des postes auxquels "
                                                 "vous candidatez."), "muted", wrap=True))
        self.presentation = QPlainTextEdit()
        card.body.addWidget(self.presentation, 1)
        row = QHBoxLayout()
        self.presentation_button = primary_button(self.tr("Enregistrer le texte"))
        self.presentation_button.clicked.connect(self.save_presentation)
        self.presentation_state = styled_label("", "muted")
        row.addWidget(self.presentation_button)
        row.addWidget(self.presentation_state, 1)
        card.body.addLayout(row)
        layout.addWidget(card, 1)
        docs = Card(self.tr("Documents"))
        docs.body.addWidget(styled_label(self.tr("PDF ou document bureautique, 1,9 Mo au "
                                                 "plus."), "muted", wrap=True))
        self.document_rows = QVBoxLayout()
        docs.body.addLayout(self.document_rows)
        layout.addWidget(docs)
        return page

    def _build_results(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        self.results = QVBoxLayout()
        layout.addLayout(self.results)
        layout.addStretch(1)
        return page

    # ---------------------------------------------------------------- loading

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            spawn(self, self.refresh())

    async def refresh(self) -> None:
        self.busy.setVisible(True)
        try:
            campaign = self.service.campaign or await self.service.load_campaign()
            if campaign is None:
                self.banner.show_message(self.tr("Aucune campagne d'appariement en cours."),
                                         "info")
                return
            if is_closed(campaign, supervisor=False):
                self.closed.show_campaign(campaign, supervisor=False)
                self.pages.setCurrentWidget(self.closed)
                self.schedule.setText(campaign.name)
                return
            self.pages.setCurrentWidget(self.tabs)
            cid = campaign.id
            applications, file, page, results = await asyncio.gather(
                self.service.get_my_applications(cid),
                self.service.get_my_candidate_file(cid),
                self.service.list_matching_posts(cid, limit=10_000),
                self.service.list_matching_results(cid))
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        finally:
            self.busy.setVisible(False)
        specialty = file.candidate.specialty
        posts = [p for p in page.rows if p.specialty == specialty]
        first = not self.posts_model.posts
        self.posts_model.set_posts(posts)
        if first:
            fit_columns(self.table, {COL_LABEL: 340, COL_ESTABLISHMENT: 220})
        subs = sorted({p.subdivision for p in posts})
        current = self.subdivision.currentData()
        self.subdivision.blockSignals(True)
        self.subdivision.clear()
        self.subdivision.addItem(self.tr("Toutes les subdivisions"), "")
        for sub in subs:
            self.subdivision.addItem(sub, sub)
        wanted = current if current in subs else (
            file.candidate.subdivision if file.candidate.subdivision in subs else "")
        self.subdivision.setCurrentIndex(max(0, self.subdivision.findData(wanted)))
        self.subdivision.blockSignals(False)
        self._filter()
        self.show_applications(applications)
        self.show_file(file)
        self.show_results(results.rows)
        wave = campaign.wave()
        rnd = campaign.round(applications.round_id)
        parts = [f"{campaign.name} — {wave.name if wave else ''}",
                 self.tr("Tour {n} : {phase}").format(
                     n=applications.round_number,
                     phase=student_phase_label(applications.phase)),
                 self.tr("{spec}, {sub}").format(spec=specialty,
                                                 sub=file.candidate.subdivision)]
        if rnd is not None and rnd.applications_closes_at:
            parts.append(self.tr("candidatures jusqu'au {d}").format(
                d=when(rnd.applications_closes_at)))
        self.schedule.setText(" · ".join(parts))

    async def reopen(self) -> None:
        """The calendar read again, then the screen (from the closed page)."""
        await reopen(self.service, self.refresh,
                     lambda message: self.banner.show_message(message, "error"))

    def show_applications(self, applications: Applications) -> None:
        self.applications = applications
        self.mine.editable = applications.can_edit
        self.mine.set_posts([a.post for a in applications.applications])
        self.posts_model.set_mine(self.mine.post_ids)
        self._update_enough()
        receipt = applications.receipt
        self.receipt_label.setText(self.tr("Reçu : {code} · {at}").format(
            code=receipt.code, at=when(receipt.at)) if receipt is not None
            else self.tr("Pas encore de reçu : liste non enregistrée."))
        self.receipt_label.setToolTip(self.tr(
            "Reçu signé par le serveur de votre liste enregistrée le {at} ({n} "
            "candidature(s)) : notez ce code.").format(at=when(receipt.at),
                                                       n=len(receipt.post_ids))
            if receipt is not None else "")
        for w in (self.add_button, self.up_button, self.down_button, self.remove_button):
            w.setEnabled(applications.can_edit)
            w.setVisible(applications.can_edit)
        self.drag_hint.setVisible(applications.can_edit)
        if not applications.eligible:
            self.enough.show_message(self.tr("Vous avez déjà été affecté(e) lors d'un tour "
                                             "précédent."), "info")
        if applications.can_edit:
            self.banner.hide()
        else:
            self.save_state.setText(self.tr("Lecture seule"))
            self.save_state.show()
            self.save_state.setProperty("state", "")
            repolish(self.save_state)
            rnd = self.service.campaign.round(applications.round_id) \
                if self.service.campaign is not None else None
            closes = rnd.applications_closes_at if rnd is not None else None
            self.banner.show_message(self.tr(
                "Votre liste du tour {n} ne peut plus être modifiée ({phase}{since}). Elle "
                "est présentée telle que les responsables la reçoivent.").format(
                n=applications.round_number, phase=student_phase_label(applications.phase),
                since=self.tr(" ; fermées le {d}").format(d=when(closes)) if closes
                and applications.phase != "upcoming" else ""), "info")

    async def show_receipts(self) -> ReceiptsDialog | None:
        """« Mes reçus »: this round's receipts, each one checkable with the server."""
        if self.service.campaign is None or self.applications is None:
            return None
        dialog = ReceiptsDialog(self.service, self.service.campaign.id,
                                self.applications.round_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        await dialog.load()
        return dialog

    def _update_enough(self) -> None:
        if self.applications is None or not self.applications.eligible:
            return
        count = len(self.mine.posts)
        required = self.applications.required
        self.mine_title.setText(self.tr("Mes candidatures ({n})").format(n=count))
        if count >= required:
            self.enough.show_message(self.tr("✓ Candidatures suffisantes : {n} sur {r} "
                                             "requises.").format(n=count, r=required),
                                     "success")
        else:
            self.enough.show_message(self.tr(
                "Candidatures insuffisantes : {n} sur {r} requises (au moins {r} parmi les "
                "{o} postes ouverts pour vous). Ajoutez-en {m}.").format(
                n=count, r=required, o=self.applications.open_posts, m=required - count),
                "warning")

    # ---------------------------------------------------------------- changing

    def _filter(self) -> None:
        self.proxy.set_filters(self.search.text(), self.subdivision.currentData() or "",
                               self.with_places.isChecked())

    def _show_post_info(self, current: Any, _previous: Any) -> None:
        post: Post | None = current.data(ItemRole) if current.isValid() else None
        if post is None:
            self.post_info.setText("")
            return
        who = post.supervisor.display_name if post.supervisor else ""
        self.post_info.setText(" · ".join(x for x in (
            post.label, post.establishment, who, post.subdivision,
            self.tr("{k} place(s) restante(s) sur {n}").format(k=post.remaining_places,
                                                               n=post.places)) if x))

    def selected_post(self) -> Post | None:
        index = self.table.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def add_selected(self) -> None:
        post = self.selected_post()
        if post is None or not self.mine.editable or post.id in self.mine.post_ids:
            return
        self.mine.set_posts([*self.mine.posts, post])
        self._changed()

    def remove_selected(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid() or not self.mine.editable:
            return
        posts = list(self.mine.posts)
        del posts[index.row()]
        self.mine.set_posts(posts)
        self._changed()

    def shift_selected(self, delta: int) -> None:
        index = self.list.currentIndex()
        if index.isValid() and self.mine.shift(index.row(), delta):
            self.list.setCurrentIndex(self.mine.index(index.row() + delta))

    def _save(self) -> None:
        self._changed()

    def _changed(self) -> None:
        self.posts_model.set_mine(self.mine.post_ids)
        self._update_enough()
        if self.applications is not None and self.service.campaign is not None:
            self.service.applications.save(self.service.campaign.id,
                                           self.applications.round_id, self.mine.post_ids)

    def _on_save_state(self, state: str, text: str) -> None:
        labels = {SAVED: self.tr("✓ Enregistré"), SAVING: self.tr("Enregistrement…"),
                  OFFLINE: self.tr("Hors ligne — gardé sur cet ordinateur"),
                  FAILED: self.tr("Non enregistré")}
        self.save_state.setText(labels.get(state, state))
        self.save_state.setVisible(bool(self.save_state.text()))
        self.save_state.setToolTip(text)
        self.save_state.setProperty("state", state)
        repolish(self.save_state)
        if state == FAILED:
            self.banner.show_message(text, "error")

    def _on_saved(self, applications: Applications) -> None:
        if applications.applications and [a.post.id for a in applications.applications] \
                == self.mine.post_ids or not applications.applications and not self.mine.posts:
            self.applications = applications
            self._update_enough()

    def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if not self._loaded:
            return
        if kind == "matching_applications_saved" and self.service.applications.state == SAVED:
            if payload.get("count") != len(self.mine.posts):
                spawn(self, self.refresh())  # another device changed them
        elif kind in ("matching_results_published", "matching_schedule_changed"):
            spawn(self, self.refresh())

    # ---------------------------------------------------------------- file

    def show_file(self, file: CandidateFile) -> None:
        self.file = file
        self.presentation.setPlainText(file.presentation or "")
        clear_layout(self.document_rows)
        have = {d.kind: d for d in file.documents}
        for kind in DOCUMENT_KINDS:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(styled_label(document_label(kind), "field"), 1)
            doc = have.get(kind)
            line.addWidget(styled_label(
                f"{doc.filename} ({size_text(doc.size)})" if doc else self.tr("non déposé"),
                "muted"), 2)
            upload = QPushButton(self.tr("Remplacer…") if doc else self.tr("Déposer…"))
            upload.setObjectName(f"upload_{kind}")
            upload.setAutoDefault(False)
            upload.clicked.connect(lambda _=False, k=kind: self.upload(k))
            line.addWidget(upload)
            if doc:
                open_button = QPushButton(self.tr("Ouvrir"))
                open_button.setAutoDefault(False)
                open_button.clicked.connect(lambda _=False, d=doc: self.open_document(d))
                line.addWidget(open_button)
            self.document_rows.addWidget(row)

    def _ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir un document"), "",
            self.tr("Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods "
                    "*.odp *.rtf)"))
        return Path(name) if name else None

    @asyncSlot()
    async def save_presentation(self) -> None:
        if self.service.campaign is None:
            return
        try:
            file = await self.service.update_my_presentation(
                self.service.campaign.id, self.presentation.toPlainText() or None)
        except ApiError as error:
            self.presentation_state.setText(error.message)
            return
        self.file = file
        self.presentation_state.setText(self.tr("✓ Texte enregistré"))

    @asyncSlot()
    async def upload(self, kind: str) -> None:
        if self.service.campaign is None:
            return
        path = self.choose_file()
        if path is None:
            return
        cid = self.service.campaign.id
        try:
            await self.service.upload_my_document(cid, kind, path)
            file = await self.service.get_my_candidate_file(cid)
        except (ApiError, OSError) as error:
            self.banner.show_message(getattr(error, "message", str(error)), "error")
            return
        self.banner.show_message(self.tr("{kind} déposé.").format(kind=document_label(kind)),
                                 "success")
        self.show_file(file)

    @asyncSlot()
    async def open_document(self, doc: Any) -> None:
        try:
            download = await self.service.download_file(doc)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        self.opener(save_temporary(download.filename, download.content))

    # ---------------------------------------------------------------- results

    def show_results(self, rows: Any) -> None:
        clear_layout(self.results)
        if not rows:
            self.results.addWidget(styled_label(self.tr("Aucun résultat publié pour "
                                                        "l'instant."), "muted"))
            return
        for row in sorted(rows, key=lambda r: r.round_number):
            card = Card(self.tr("Tour {n} — {wave}").format(n=row.round_number,
                                                          wave=row.wave_name))
            if row.post is None:
                text = self.tr("Pas d'affectation à ce tour.")
            else:
                p = row.post
                who = p.supervisor.display_name if p.supervisor else ""
                text = self.tr("Affecté(e) : {label} — {est} ({sub}), {d} mois{who}").format(
                    label=p.label, est=p.establishment, sub=p.subdivision,
                    d=p.duration_months, who=f" — {who}" if who else "")
            card.body.addWidget(styled_label(text, wrap=True))
            self.results.addWidget(card)
