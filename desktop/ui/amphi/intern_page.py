"""The intern's (or his proxy holder's) amphitheatre page: a header with the amphitheatre,
its state, my place and the bell; tabs « Postes », « Mes favoris », « Liste d'appel et
séances », « Séance en direct », « Mon internat ».

It is given its sync object by the area module (`AmphiIntern`, docs/client.md "Views and
the server"): it awaits its calls, and asks it for the favourites sync and the live
session once the amphitheatre is known; it holds no API object.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QMenu,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)
from qasync import asyncSlot

from desktop.api.amphi import (
    Amphi,
    AmphiMessage,
    InternSelf,
    Offer,
    Post,
)
from desktop.api.client import ApiError
from desktop.api.matching import Download
from desktop.models.amphi_live import (
    CL_COHORT,
    CL_DES,
    CL_LOCAL,
    CL_NAME,
    CL_RANK,
    CL_SENIORITY,
    CL_SESSION,
    CL_TYPE,
    CL_UPDATED,
    CallListModel,
    choice_type_label,
    local_time,
    state_label,
)
from desktop.models.amphi_posts import ServiceGroup
from desktop.sync.amphi import (
    AmphiIntern,
    FavouritesSync,
    LiveSession,
    favourite_for_post,
    favourite_for_service,
)
from desktop.sync.notifications import Notifier
from desktop.tasks import spawn
from desktop.ui.amphi.assignments_view import AssignmentsView
from desktop.ui.amphi.details_check import DetailsCheckCard
from desktop.ui.amphi.favourites_view import FavouritesView
from desktop.ui.amphi.internship_view import InternshipActions, InternshipView
from desktop.ui.amphi.live_view import LiveView, start_live
from desktop.ui.amphi.posts_view import PostsView, SavedSearches
from desktop.ui.printing import fetch_and_save
from desktop.ui.widgets import Banner, styled_label

FAVOURITE_STATES = ("open", "in_progress", "paused")
PUBLIC_STATES = ("validated", "open", "in_progress", "paused", "finished")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiInternPage", text)


# What can change « À mon tour (estimation) » (besides my own favourites).
ESTIMATE_EVENTS = ("amphi_choice", "amphi_turn", "amphi_intern", "amphi_requeued",
                   "amphi_state", "amphi_import")


class Bell(QToolButton):
    """The staff's messages to the amphitheatre: a count of unread ones and a list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amphiBell")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.messages: list[AmphiMessage | dict[str, Any]] = []
        self.unread = 0
        self.list = QListWidget()
        self.list.setMinimumSize(420, 220)
        self.list.setWordWrap(True)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.list)
        menu.addAction(action)
        menu.aboutToShow.connect(self.mark_read)
        self.setMenu(menu)
        self._update()

    def set_messages(self, messages: list[AmphiMessage]) -> None:
        self.messages = list(messages)
        self.unread = 0
        self._fill()

    def add(self, payload: dict[str, Any]) -> None:
        self.messages.insert(0, payload)
        self.unread += 1
        self._fill()

    def texts(self) -> list[str]:
        return [m.text if isinstance(m, AmphiMessage) else str(m.get("text", ""))
                for m in self.messages]

    def _fill(self) -> None:
        self.list.clear()
        for m in self.messages:
            if isinstance(m, AmphiMessage):
                self.list.addItem(f"{local_time(m.at)} — {m.text}")
            else:
                self.list.addItem(f"{m.get('text', '')}")
        if not self.messages:
            self.list.addItem(_tr("Aucun message de l'agence."))
        self._update()

    def mark_read(self) -> None:
        self.unread = 0
        self._update()

    def _update(self) -> None:
        self.setText(_tr("Messages de l'agence (%1)").replace("%1", str(self.unread))
                     if self.unread else _tr("Messages de l'agence"))
        self.setProperty("unread", self.unread > 0)
        self.style().unpolish(self)
        self.style().polish(self)


CallListFetch = Callable[[int, str], Awaitable[Download]]  # amphi id, "csv"|"pdf" → file
FILE_FILTERS = {"csv": "CSV (*.csv)", "pdf": "PDF (*.pdf)"}


class InfoView(QWidget):
    """« Liste d'appel et séances »: my place, type of choice, presence, sessions, call list;
    the call list downloadable as CSV or PDF (as staff download it) once `set_downloader`
    gave the way to fetch it and the amphitheatre is validated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amphi: Amphi | None = None
        self.fetch_call_list: CallListFetch | None = None
        self.save_dir: Path | None = None  # set: save there without asking (tests)
        self.last_saved: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.place_label = styled_label("", "value", wrap=True)
        self.place_label.setObjectName("amphiMyPlace")
        layout.addWidget(self.place_label)
        self.amphis_title = styled_label(_tr("Amphithéâtres du semestre"), "section")
        layout.addWidget(self.amphis_title)
        self.amphis = QTableWidget(0, 4, self)
        self.amphis.setObjectName("amphiList")
        self.amphis.setHorizontalHeaderLabels([_tr("Amphithéâtre"), _tr("État"),
                                               _tr("Internes"), _tr("Postes libres")])
        self.amphis.verticalHeader().hide()
        self.amphis.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.amphis.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.amphis.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.amphis.setMaximumHeight(120)
        layout.addWidget(self.amphis)
        layout.addWidget(styled_label(_tr("Séances"), "section"))
        self.sessions = QTableWidget(0, 3, self)
        self.sessions.setObjectName("amphiSessions")
        self.sessions.setHorizontalHeaderLabels([_tr("Séance"), _tr("Horaires"),
                                                 _tr("Rangs d'appel")])
        self.sessions.verticalHeader().hide()
        self.sessions.horizontalHeader().setStretchLastSection(True)
        self.sessions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessions.setMaximumHeight(130)
        layout.addWidget(self.sessions)
        layout.addWidget(styled_label(_tr("Liste d'appel"), "section"))
        self.call_model = CallListModel(self)
        self.call_table = QTableView(self)
        self.call_table.setObjectName("amphiCallList")
        self.call_table.setModel(self.call_model)
        self.call_table.verticalHeader().hide()
        self.call_table.verticalHeader().setDefaultSectionSize(26)
        header = self.call_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CL_SESSION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CL_RANK, 112), (CL_NAME, 210), (CL_DES, 60), (CL_COHORT, 180),
                              (CL_SENIORITY, 104), (CL_LOCAL, 170), (CL_UPDATED, 130),
                              (CL_TYPE, 150)):
            header.resizeSection(column, width)
        layout.addWidget(self.call_table, 1)
        self.downloads = QWidget(self)
        row = QHBoxLayout(self.downloads)
        row.setContentsMargins(0, 0, 0, 0)
        note = styled_label(_tr("Publique dès la validation par l'agence, toujours à jour."),
                            "muted", wrap=True)
        note.setToolTip(_tr("La liste d'appel est publique dès que l'agence a validé "
                            "l'amphithéâtre ; elle suit les données actuelles."))
        row.addWidget(note, 1)
        self.csv_button = QPushButton(_tr("Télécharger la liste d'appel (CSV)"), self)
        self.csv_button.setObjectName("callListCsv")
        self.csv_button.clicked.connect(lambda: self._download("csv"))
        row.addWidget(self.csv_button)
        self.pdf_button = QPushButton(_tr("Télécharger la liste d'appel (PDF)"), self)
        self.pdf_button.setObjectName("callListPdf")
        self.pdf_button.clicked.connect(lambda: self._download("pdf"))
        row.addWidget(self.pdf_button)
        self.downloads.hide()
        layout.addWidget(self.downloads)
        self._set_downloadable()

    def set_downloader(self, fetch: CallListFetch) -> None:
        """Offer « Télécharger la liste d'appel » (CSV, PDF) through `fetch`."""
        self.fetch_call_list = fetch
        self.downloads.show()

    def _set_downloadable(self) -> None:
        published = self.amphi is not None and self.amphi.state in PUBLIC_STATES
        why = "" if published else _tr("La liste d'appel est publiée quand l'agence a validé "
                                       "l'amphithéâtre.")
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(published)
            button.setToolTip(why)

    @asyncSlot()
    async def _download(self, kind: str) -> None:
        await self.download_call_list(kind)

    async def download_call_list(self, kind: str) -> Path | None:
        """The amphitheatre's call list as "csv" or "pdf", where the user says."""
        amphi, fetch = self.amphi, self.fetch_call_list
        if amphi is None or fetch is None:
            return None
        button = self.csv_button if kind == "csv" else self.pdf_button
        button.setEnabled(False)
        try:
            saved = await fetch_and_save(self, self.banner, lambda: fetch(amphi.id, kind),
                                         _tr("Enregistrer la liste d'appel"),
                                         FILE_FILTERS[kind], kind, self.save_dir)
        finally:
            self._set_downloadable()
        if saved is None:
            return None
        self.last_saved = saved[0]
        self.banner.show_message(_tr("Liste d'appel enregistrée : %1").replace(
            "%1", str(saved[0])), "success")
        return saved[0]

    def show_me(self) -> None:
        """Scroll the call list to my line (green)."""
        for row, entry in enumerate(self.call_model.entries()):
            if entry.intern_id == self.call_model.me:
                self.call_table.scrollTo(self.call_model.index(row, CL_NAME),
                                         QAbstractItemView.ScrollHint.PositionAtCenter)
                return

    def set_amphis(self, amphis: list[Amphi], mine: int | None) -> None:
        self.amphis.setRowCount(len(amphis))
        for row, a in enumerate(amphis):
            name = a.name + (_tr(" (le vôtre)") if a.id == mine else "")
            state = state_label(a.state)
            if a.state == "validated" and a.opens_at:
                state += _tr(", ouverture le %1").replace("%1", local_time(a.opens_at))
            for column, text in enumerate((name, state, str(a.intern_count),
                                           f"{a.free_post_count} / {a.post_count}")):
                self.amphis.setItem(row, column, QTableWidgetItem(text))

    def set_amphi(self, amphi: Amphi, intern: InternSelf | None,
                  present: bool | None = None) -> None:
        self.amphi = amphi
        self._set_downloadable()
        self.sessions.setRowCount(len(amphi.sessions))
        for row, s in enumerate(amphi.sessions):
            self.sessions.setItem(row, 0, QTableWidgetItem(_tr("Séance %1").replace(
                "%1", str(s.no))))
            self.sessions.setItem(row, 1, QTableWidgetItem(
                f"{local_time(s.starts_at)} – {local_time(s.ends_at, with_date=False)}"))
            self.sessions.setItem(row, 2, QTableWidgetItem(_tr("%1 à %2").replace(
                "%1", str(s.rank_from)).replace("%2", str(s.rank_to))))
        self.sessions.resizeColumnsToContents()
        if intern is None:
            self.place_label.setText("")
            return
        session = next((s for s in amphi.sessions if intern.call_rank is not None
                        and s.rank_from <= intern.call_rank <= s.rank_to), None)
        parts = [_tr("Rang d'appel : %1").replace("%1", str(intern.call_rank or "—"))]
        if session is not None:
            parts.append(_tr("séance %1, le %2").replace("%1", str(session.no)).replace(
                "%2", local_time(session.starts_at)))
        parts.append(_tr("type de choix : %1").replace("%1",
                                                       choice_type_label(intern.choice_type)))
        if intern.planned_absence:
            parts.append(_tr("absence prévue"))
        if present is not None:
            parts.append(_tr("présence : connecté") if present else
                         _tr("présence : non connecté"))
        self.place_label.setText(" · ".join(parts))


class AmphiInternPage(QWidget):
    """Everything an intern (or his proxy holder) does in the amphitheatre."""

    def __init__(self, amphi_intern: AmphiIntern, notifier: Notifier | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amphiInternPage")
        self.amphi_intern = amphi_intern
        self.notifier = notifier
        self.intern: InternSelf | None = None
        self.amphi: Amphi | None = None
        self.sync: FavouritesSync | None = None
        self.live: LiveSession | None = None
        self.live_view: LiveView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = styled_label(_tr("Amphithéâtre"), "title")
        titles.addWidget(self.title)
        self.subtitle = styled_label("", "subtitle", wrap=True)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.bell = Bell(self)
        top.addWidget(self.bell, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.details_check = DetailsCheckCard(amphi_intern.check_details, self)
        self.details_check.answered.connect(self._details_answered)
        layout.addWidget(self.details_check)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("amphiTabs")
        self.posts_view = PostsView(SavedSearches(
            amphi_intern.list_saved_searches, amphi_intern.create_saved_search,
            amphi_intern.update_saved_search, amphi_intern.delete_saved_search), self)
        self.posts_view.add_requested.connect(self._add_favourite)
        self.favourites_view = FavouritesView(self)
        self.favourites_view.show_posts_requested.connect(self._show_posts)
        self.favourites_view.show_service_requested.connect(self._show_service)
        self.info_view = InfoView(self)
        self.info_view.set_downloader(amphi_intern.download_call_list)
        self.live_holder = QWidget(self)
        QVBoxLayout(self.live_holder).setContentsMargins(0, 0, 0, 0)
        self.internship_view = InternshipView(InternshipActions(
            amphi_intern.request_supernumerary, amphi_intern.withdraw_supernumerary_request,
            amphi_intern.get_proxy, amphi_intern.give_proxy, amphi_intern.cancel_proxy,
            amphi_intern.list_attestations, amphi_intern.download_attestation), self)
        self.assignments_view: AssignmentsView | None = AssignmentsView(
            amphi_intern.list_assignments, self)
        self.tabs.addTab(self.posts_view, _tr("Postes"))
        self.tabs.addTab(self.favourites_view, _tr("Mes favoris"))
        self.tabs.addTab(self.info_view, _tr("Liste d'appel et séances"))
        self.tabs.addTab(self.live_holder, _tr("Séance en direct"))
        if self.assignments_view is not None:
            self.tabs.addTab(self.assignments_view, _tr("Affectations"))
        self.tabs.addTab(self.internship_view, _tr("Mon internat"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.info_view:
            self.info_view.show_me()  # scroll to my line once it has a size


    def reset(self) -> None:
        """Signed out: forget this person's amphitheatre (the window may serve another)."""
        if self.live_view is not None:
            self.live_view.stop()  # no more presence signals
            self.live_view.deleteLater()
        self.live_view = self.live = self.sync = None
        self.intern = self.amphi = None
        self.favourites_view.sync = None
        self.favourites_view.set_estimator(None)
        self.favourites_view.last_estimate = None
        self.favourites_view.model.set_estimates([])
        self.favourites_view.model.set_items([])
        self.posts_view.set_offer([], [])
        self.info_view.call_model.set_entries([])
        self.bell.set_messages([])
        if self.assignments_view is not None:
            self.assignments_view.set_campaign(None)
        self.banner.clear()
        self.banner.hide()
        self.title.setText(_tr("Amphithéâtre"))
        self.subtitle.setText("")
        self.tabs.setCurrentIndex(0)

    # ---------------------------------------------------------------- loading

    async def load(self) -> None:
        """Find my amphitheatre and load what it shows (offline: what is cached)."""
        try:
            records = await self.amphi_intern.my_amphi()
        except ApiError as exc:
            self.banner.show_message(exc.message, "error" if not exc.offline else "warning")
            return
        current = next((r for r in records if r.amphi is not None), None)
        if current is None or current.amphi is None:
            self.title.setText(_tr("Amphithéâtre"))
            self.subtitle.setText(_tr("Vous n'êtes inscrit dans aucun amphithéâtre pour "
                                      "l'instant."))
            return
        self.intern, self.amphi = current, current.amphi
        self.internship_view.set_intern(current)
        self.details_check.set_intern(current)
        spawn(self, self.internship_view.load())
        await self._load_amphi()

    async def _load_amphi(self) -> None:
        intern, amphi = self.intern, self.amphi
        assert intern is not None and amphi is not None
        self._show_header()
        self.info_view.set_amphi(amphi, intern)
        if amphi.state not in PUBLIC_STATES:
            self.banner.show_message(_tr("L'amphithéâtre n'est pas encore validé par "
                                         "l'agence : postes et liste d'appel à venir."), "info")
            return
        offer, calls, messages = await asyncio.gather(
            self.amphi_intern.list_amphi_posts(amphi.id), self.amphi_intern.get_call_list(amphi.id),
            self.amphi_intern.list_amphi_messages(amphi.id), return_exceptions=True)
        if isinstance(offer, Offer):
            self.posts_view.set_offer(list(offer.services), list(offer.posts))
            self.favourites_view.model.numbers = {p.id: p.number for p in offer.posts}
            self.favourites_view.model.set_taken(p.id for p in offer.posts if p.taken)
        if isinstance(calls, list):
            self.info_view.call_model.set_entries(calls, intern.id)
            self.info_view.show_me()
        if isinstance(messages, list):
            self.bell.set_messages(messages)
        try:
            self.info_view.set_amphis(await self.amphi_intern.list_amphis(amphi.campaign_id),
                                      amphi.id)
        except ApiError as exc:
            self.info_view.place_label.setToolTip(exc.message)
        spawn(self, self.posts_view.load_saved())
        if self.assignments_view is not None:
            self.assignments_view.set_campaign(amphi.campaign_id)
        can_edit = amphi.state in FAVOURITE_STATES and intern.assignment is None
        self.posts_view.set_can_add(can_edit, "" if can_edit else _tr(
            "Les favoris se préparent quand l'amphithéâtre est ouvert."))
        self.favourites_view.set_editable(can_edit)
        if amphi.state in FAVOURITE_STATES or amphi.state == "finished":
            await self._start_sync(amphi.id)
        if self.live is None:
            self.live = self.amphi_intern.live_session(amphi.id)
            self.live.message_received.connect(self._message)
            self.live.changed.connect(self._show_header)
            view = LiveView(self.live, my_des=intern.des, choice_type=intern.choice_type,
                            amphi_name=amphi.name, call_rank=intern.call_rank,
                            notifier=self.notifier, parent=self.live_holder)
            view.chosen.connect(self._chosen)
            self._favourites_to_live()
            holder = self.live_holder.layout()
            assert holder is not None  # (made with its layout)
            holder.addWidget(view)
            self.live_view = view
            if isinstance(offer, Offer):
                view.set_posts(list(offer.posts))
            try:
                await start_live(view)
            except ApiError as exc:  # offline: the live screen fills in when back
                view.banner.show_message(exc.message, "warning")
            if amphi.state in ("in_progress", "paused"):
                self.tabs.setCurrentWidget(self.live_holder)
        elif isinstance(offer, Offer) and self.live_view is not None:
            self.live_view.set_posts(list(offer.posts))

    def _show_header(self) -> None:
        intern, amphi = self.intern, self.amphi
        if intern is None or amphi is None:
            return
        state = self.live.state.state if self.live and self.live.state else amphi.state
        if self.live is not None and self.live.state is not None and self.live.me is not None:
            mine = self.live.me.intern_id
            present = next((q.present for q in self.live.state.queue if q.intern_id == mine),
                           None)
            self.info_view.set_amphi(amphi, intern, present)
        self.title.setText(amphi.name)
        parts = [amphi.semester, state_label(state)]
        if state == "validated" and amphi.opens_at:
            parts.append(_tr("ouverture le %1").replace("%1", local_time(amphi.opens_at)))
        parts.append(_tr("%1 postes, %2 libres").replace("%1", str(amphi.post_count))
                     .replace("%2", str(amphi.free_post_count)))
        if intern.acting_as_proxy:
            parts.append(_tr("vous agissez par procuration pour %1 %2").replace(
                "%1", intern.first_name).replace("%2", intern.last_name))
        self.subtitle.setText(" · ".join(parts))

    # ---------------------------------------------------------------- live

    async def on_event(self, kind: str, event: dict[str, Any]) -> None:
        """Route one SSE event to what it changes (the area connects the live stream)."""
        payload = event.get("payload") or {}
        if self.amphi is None:
            if kind in ("amphi_state", "amphi_import", "amphi_sessions"):
                await self.load()
            return
        if kind == "amphi_favourites" and self.sync is not None:
            await self.sync.on_event(kind, payload)
            return
        if self.assignments_view is not None:
            self.assignments_view.on_event(kind, payload)
        if kind in ESTIMATE_EVENTS and payload.get("amphi_id", self.amphi.id) == self.amphi.id:
            self.favourites_view.refresh_estimate()
        if kind in ("amphi_supernumerary", "amphi_proxy", "amphi_intern"):
            spawn(self, self._reload_intern())
        if kind == "amphi_choice" and payload.get("amphi_id") == self.amphi.id:
            self._choice_seen(payload)
        if kind in ("amphi_state", "amphi_sessions") and payload.get("amphi_id") == \
                self.amphi.id:
            previous = self.amphi.state
            self.amphi = replace(self.amphi, state=payload.get("state", self.amphi.state))
            if self.amphi.state == "in_progress" and previous not in ("in_progress",
                                                                      "paused"):
                self.tabs.setCurrentWidget(self.live_holder)  # the session starts: show it
            if kind == "amphi_sessions":
                spawn(self, self._reload_intern(full=True))
            elif previous != self.amphi.state:
                spawn(self, self._state_changed())
        if self.live is not None:
            await self.live.on_event(kind, payload)

    async def _state_changed(self) -> None:
        """Favourites open or close with the state; the offer itself did not change."""
        intern, amphi = self.intern, self.amphi
        if intern is None or amphi is None:
            return
        self._show_header()
        if amphi.state not in PUBLIC_STATES or self.posts_view.model.rowCount() == 0:
            await self._reload_intern(full=True)  # the offer just became public
            return
        can_edit = amphi.state in FAVOURITE_STATES and intern.assignment is None
        self.posts_view.set_can_add(can_edit, "" if can_edit else _tr(
            "Les favoris ne se modifient plus : la séance est terminée."))
        self.favourites_view.set_editable(can_edit)
        if self.sync is None and amphi.state in FAVOURITE_STATES:
            await self._start_sync(amphi.id)

    async def _start_sync(self, amphi_id: int) -> None:
        """The favourites of this amphitheatre, shown in their tab and on the live screen."""
        if self.sync is None:
            sync = self.amphi_intern.favourites(amphi_id)
            self.sync = sync
            self.favourites_view.set_sync(sync)
            sync.changed.connect(self._favourites_to_live)
            fetch = self.amphi_intern.amphi_favourites_estimate
            self.favourites_view.set_estimator(lambda: fetch(amphi_id))
        try:
            await self.sync.load()
        except ApiError as exc:
            self.favourites_view.banner.show_message(exc.message, "info")
        self._favourites_to_live()

    def _favourites_to_live(self) -> None:
        if self.live_view is not None and self.sync is not None:
            self.live_view.set_favourite_posts([p for f in self.sync.items
                                                for p in f.post_ids])

    def _choice_seen(self, payload: dict[str, Any]) -> None:
        post_id = payload.get("post_id")
        if not isinstance(post_id, int) or not payload.get("post_taken", True):
            return
        post = self.posts_view.model.post(post_id)
        if post is not None:
            self.posts_view.update_post(replace(post, taken=True,
                                                taken_by_intern_id=payload.get("intern_id"),
                                                taken_by_name=payload.get("name")))
        self.favourites_view.mark_taken(post_id)

    async def _reload_intern(self, full: bool = False) -> None:
        try:
            records = await self.amphi_intern.my_amphi()
        except ApiError:
            return
        current = next((r for r in records if self.intern and r.id == self.intern.id), None)
        if current is None:
            return
        self.intern = current
        self.amphi = current.amphi or self.amphi
        self.internship_view.set_intern(current)
        self.details_check.set_intern(current)
        if full:
            await self._load_amphi()
        else:
            self._show_header()

    def _details_answered(self, intern: InternSelf) -> None:
        self.intern = intern
        self.internship_view.set_intern(intern)
        if intern.details_report:
            self.banner.show_message(_tr("Votre signalement a été transmis à l'agence."),
                                     "success")
        else:
            self.banner.show_message(_tr("Merci : vos informations sont confirmées."),
                                     "success")

    def _message(self, payload: dict[str, Any]) -> None:
        self.bell.add(payload)
        if self.notifier is not None:
            self.notifier.notify(_tr("Message de l'agence"),
                                          str(payload.get("text", "")))

    def _chosen(self, _choice: object) -> None:
        spawn(self, self._reload_intern())
        spawn(self, self.internship_view.load())

    # ---------------------------------------------------------------- favourites

    def _show_posts(self) -> None:
        self.tabs.setCurrentWidget(self.posts_view)

    def _show_service(self, establishment: str, service: str) -> None:
        """« Voir tous les postes de ce service » from a favourite."""
        self.tabs.setCurrentWidget(self.posts_view)
        self.posts_view.show_service(establishment, service)

    def _add_favourite(self, item: object) -> None:
        if self.sync is None:
            return
        if isinstance(item, Post):
            favourite = favourite_for_post(item)
        elif isinstance(item, ServiceGroup):
            favourite = favourite_for_service(item.service, item.posts)
        else:
            return
        self.sync.add(favourite)  # the sync sends it, as its own task
        self.posts_view.banner.show_message(
            _tr("Ajouté à vos favoris : %1").replace("%1", f"{favourite.establishment} — "
                                                     f"{favourite.service}"), "success")
