"""The amphitheatres as anyone sees them, without an account (« Consulter sans compte »).

One campaign (the newest first; a picker when the server runs several) and one of its
amphitheatres: « Amphithéâtres et liste d'appel » (every amphitheatre's state and opening,
the chosen one's sessions and call list, downloadable as CSV or PDF as staff download it),
« Postes » (its offer, read-only), « Séance en direct » (the queue and the clock, as a
spectator), « Affectations » (the real-time list), « Offre du semestre » (every
amphitheatre's posts, exported as CSV or Excel). Live events come through `on_event`.

The view reads through `PublicAmphiReads` (desktop/sync/public.py); it holds no API.
Nothing personal: no « me » in the queue, no favourites, no saved searches.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.amphi import Amphi, Offer
from desktop.api.client import ApiError
from desktop.models.amphi_live import local_time, state_label
from desktop.sync.amphi import LiveSession
from desktop.sync.public import PublicAmphiReads
from desktop.tasks import spawn
from desktop.ui.amphi.assignments_view import AssignmentsView
from desktop.ui.amphi.intern_page import PUBLIC_STATES, InfoView
from desktop.ui.amphi.live_view import LiveView, start_live
from desktop.ui.amphi.posts_view import PostsView
from desktop.ui.campaign_picker import CampaignPicker
from desktop.ui.printing import fetch_and_save
from desktop.ui.widgets import Banner, MissingHolder, styled_label

# Events after which the list of amphitheatres (states, counts, sessions) is read again.
RELOAD_EVENTS = ("amphi_state", "amphi_sessions", "amphi_import", "amphi_intern")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PublicAmphiView", text)


FILE_FILTERS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def opening_campaign(amphis: list[Amphi]) -> int | None:
    """The campaign to show first: one whose amphitheatre is in session, else one whose
    posts are published (the most advanced), else None (the newest campaign)."""
    for states in (("in_progress", "paused"), ("open",), ("validated",), ("finished",)):
        found = [a.campaign_id for a in amphis if a.state in states]
        if found:
            return max(found)
    return None


class PublicAmphiView(QWidget):
    """Amphitheatres, their sessions, posts, live session and assignments; read-only."""

    def __init__(self, reads: PublicAmphiReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publicAmphiView")
        self.reads = reads
        self.campaign_id: int | None = None
        self.amphis: list[Amphi] = []
        self.live: LiveSession | None = None
        self.live_view: LiveView | None = None
        self.save_dir: Path | None = None  # set: save there without asking (tests)
        self.last_saved: Path | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget(self)
        self.holder = MissingHolder(self.body, self)  # the body, or why there is none
        outer.addWidget(self.holder)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        row = QHBoxLayout()
        self.campaigns = CampaignPicker(self)
        self.campaigns.chosen.connect(self._campaign_chosen)
        row.addWidget(self.campaigns)
        row.addSpacing(16)
        row.addWidget(QLabel(_tr("Amphithéâtre :"), self))
        self.amphi_combo = QComboBox(self)
        self.amphi_combo.setObjectName("publicAmphiCombo")
        self.amphi_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.amphi_combo.currentIndexChanged.connect(self._amphi_chosen)
        row.addWidget(self.amphi_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.state_label = styled_label("", "muted", wrap=True)
        self.state_label.setObjectName("publicAmphiState")
        layout.addWidget(self.state_label)
        self.banner = Banner(self)
        layout.addWidget(self.banner)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("publicAmphiTabs")
        info_tab = QWidget(self)
        info_layout = QVBoxLayout(info_tab)
        info_layout.setContentsMargins(0, 0, 0, 0)
        self.info_view = InfoView(info_tab)
        # The picker above lists the amphitheatres with their state: the call list gets
        # the room their table took.
        self.info_view.amphis_title.hide()
        self.info_view.amphis.hide()
        info_layout.addWidget(self.info_view, 1)
        self.info_view.set_downloader(reads.download_call_list)
        self.posts_view = PostsView(None, self)
        self.posts_view.set_public(_tr("Clic droit sur un poste : « Voir tous les postes de "
                                       "ce service »."))
        self.live_holder = QWidget(self)
        live_layout = QVBoxLayout(self.live_holder)
        live_layout.setContentsMargins(0, 0, 0, 0)
        self.live_empty = styled_label(_tr("Choisissez un amphithéâtre validé pour suivre sa "
                                           "séance."), "muted", wrap=True)
        live_layout.addWidget(self.live_empty, 0, Qt.AlignmentFlag.AlignTop)
        self.assignments_view = AssignmentsView(reads.list_assignments, self)
        offer_tab = QWidget(self)
        offer_layout = QVBoxLayout(offer_tab)
        offer_layout.setContentsMargins(0, 0, 0, 0)
        export_row = QHBoxLayout()
        self.offer_label = styled_label(_tr(
            "Tous les postes du semestre, tous amphithéâtres confondus."), "muted", wrap=True)
        export_row.addWidget(self.offer_label, 1)
        self.export_csv_button = QPushButton(_tr("Exporter (CSV)"), self)
        self.export_csv_button.setObjectName("offerExportCsv")
        self.export_csv_button.clicked.connect(lambda: self._export_offer("csv"))
        export_row.addWidget(self.export_csv_button)
        self.export_xlsx_button = QPushButton(_tr("Exporter (Excel)"), self)
        self.export_xlsx_button.setObjectName("offerExportXlsx")
        self.export_xlsx_button.clicked.connect(lambda: self._export_offer("xlsx"))
        export_row.addWidget(self.export_xlsx_button)
        offer_layout.addLayout(export_row)
        self.offer_view = PostsView(None, offer_tab)
        self.offer_view.setObjectName("semesterOffer")
        self.offer_view.set_public(_tr("Clic droit sur un poste : « Voir tous les postes de "
                                       "ce service »."))
        offer_layout.addWidget(self.offer_view, 1)
        self.tabs.addTab(info_tab, _tr("Séances et liste d'appel"))
        self.tabs.addTab(self.posts_view, _tr("Postes"))
        self.tabs.addTab(self.live_holder, _tr("Séance en direct"))
        self.tabs.addTab(self.assignments_view, _tr("Affectations"))
        self.tabs.addTab(offer_tab, _tr("Offre du semestre"))
        layout.addWidget(self.tabs, 1)

    # ---------------------------------------------------------------- loading

    @property
    def amphi(self) -> Amphi | None:
        data = self.amphi_combo.currentData()
        return next((a for a in self.amphis if a.id == data), None)

    async def load(self) -> None:
        """The campaigns, then the newest one's amphitheatres (a banner when none)."""
        try:
            campaigns, everywhere = await asyncio.gather(self.reads.list_campaigns(),
                                                         self.reads.list_amphis(None))
        except ApiError as exc:
            self.holder.show_screen()
            self.banner.show_message(exc.message, "warning" if exc.offline else "error")
            return
        self.campaign_id = self.campaigns.set_campaigns(campaigns, opening_campaign(everywhere))
        if self.campaign_id is None:
            self.holder.show_missing(_tr(
                "Aucun choix de stage en amphithéâtre n'est publié sur ce serveur pour "
                "l'instant : les amphithéâtres, leurs postes, leurs listes d'appel et leurs "
                "séances apparaîtront ici dès que l'agence les publiera."))
            return
        self.holder.show_screen()
        await self.reload()

    def _campaign_chosen(self, campaign_id: int) -> None:
        self.campaign_id = campaign_id
        spawn(self, self.reload())

    async def reload(self) -> None:
        """The campaign's amphitheatres and its whole offer; the chosen amphitheatre kept."""
        if self.campaign_id is None:
            return
        cid = self.campaign_id
        amphis, offer = await asyncio.gather(self.reads.list_amphis(cid),
                                             self.reads.list_campaign_posts(cid),
                                             return_exceptions=True)
        if isinstance(amphis, ApiError):
            self.banner.show_message(amphis.message, "warning" if amphis.offline else "error")
            return
        if isinstance(amphis, BaseException):
            raise amphis  # a bug, not a refusal: let it show
        self.banner.clear()
        if isinstance(offer, Offer):
            self.offer_view.set_offer(list(offer.services), list(offer.posts))
            self._offer_text(offer)
        self.amphis = amphis
        self.assignments_view.set_campaign(cid)
        chosen = self.amphi_combo.currentData()
        self.amphi_combo.blockSignals(True)
        self.amphi_combo.clear()
        for a in amphis:
            self.amphi_combo.addItem(_tr("%1 (%2)").replace("%1", a.name).replace(
                "%2", state_label(a.state)), a.id)
        self.amphi_combo.blockSignals(False)
        self.info_view.set_amphis(amphis, None)
        if not amphis:
            self.state_label.setText(_tr("Aucun amphithéâtre n'est encore créé pour cette "
                                         "campagne."))
            return
        # The one in session first, else the one chosen before, else the first.
        live = next((a for a in amphis if a.state in ("in_progress", "paused")), None)
        index = self.amphi_combo.findData(chosen)
        if index < 0:
            index = self.amphi_combo.findData(live.id) if live is not None else 0
        self.amphi_combo.setCurrentIndex(index)
        await self._load_amphi()

    def _offer_text(self, offer: Offer) -> None:
        if not offer.posts:
            self.offer_label.setText(_tr(
                "Aucun poste publié pour l'instant : les postes d'un amphithéâtre sont "
                "publiés quand l'agence le valide."))
            return
        free = sum(1 for p in offer.posts if not p.taken)
        self.offer_label.setText(_tr(
            "Tous les postes du semestre, tous amphithéâtres validés confondus : %1 postes, "
            "%2 libres.").replace("%1", str(len(offer.posts))).replace("%2", str(free)))

    def _amphi_chosen(self, _index: int) -> None:
        spawn(self, self._load_amphi())

    async def _load_amphi(self) -> None:
        amphi = self.amphi
        if amphi is None:
            return
        self._show_state(amphi)
        self.info_view.set_amphi(amphi, None)
        if amphi.state not in PUBLIC_STATES:
            self.posts_view.set_offer([], [])
            self.info_view.call_model.set_entries([])
            self._watch(None)
            self.banner.show_message(_tr(
                "Cet amphithéâtre n'est pas encore validé par l'agence : ses postes, sa liste "
                "d'appel et sa séance seront publiés à sa validation."), "info")
            return
        self.banner.clear()
        offer, calls = await asyncio.gather(self.reads.list_amphi_posts(amphi.id),
                                            self.reads.get_call_list(amphi.id),
                                            return_exceptions=True)
        if self.amphi is None or self.amphi.id != amphi.id:
            return  # another one was chosen meanwhile
        if isinstance(offer, Offer):
            self.posts_view.set_offer(list(offer.services), list(offer.posts))
        elif isinstance(offer, ApiError):
            self.posts_view.banner.show_message(offer.message, "info")
        if isinstance(calls, list):
            self.info_view.call_model.set_entries(calls)
        elif isinstance(calls, ApiError):
            self.banner.show_message(calls.message, "info")
        self._watch(amphi, list(offer.posts) if isinstance(offer, Offer) else None)

    def _show_state(self, amphi: Amphi) -> None:
        parts = [amphi.semester, state_label(amphi.state)]
        if amphi.state == "validated" and amphi.opens_at:
            parts.append(_tr("ouverture le %1").replace("%1", local_time(amphi.opens_at)))
        parts.append(_tr("%1 internes").replace("%1", str(amphi.intern_count)))
        parts.append(_tr("%1 postes, %2 libres").replace("%1", str(amphi.post_count))
                     .replace("%2", str(amphi.free_post_count)))
        if amphi.state not in PUBLIC_STATES:
            parts.append(_tr("pas encore validé par l'agence : postes et liste d'appel à "
                             "venir"))
        self.state_label.setText(" · ".join(parts))

    def _watch(self, amphi: Amphi | None, posts: list[Any] | None = None) -> None:
        """The live tab follows the chosen amphitheatre, as a spectator (no presence)."""
        if amphi is not None and self.live is not None and self.live.amphi_id == amphi.id:
            if posts is not None and self.live_view is not None:
                self.live_view.set_posts(posts)
            return
        if self.live_view is not None:
            self.live_view.stop()
            self.live_view.deleteLater()
        if self.live is not None:
            self.live.deleteLater()
        self.live = self.live_view = None
        self.live_empty.setVisible(amphi is None)
        if amphi is None:
            return
        self.live = self.reads.live_session(amphi.id, parent=self)
        self.live_view = LiveView(self.live, amphi_name=amphi.name, parent=self.live_holder)
        holder = self.live_holder.layout()
        assert isinstance(holder, QVBoxLayout)  # (made with its layout)
        holder.addWidget(self.live_view, 1)
        if posts is not None:
            self.live_view.set_posts(posts)
        spawn(self, self._start_watch(self.live_view))

    async def _start_watch(self, view: LiveView) -> None:
        try:
            await start_live(view)
        except ApiError as exc:
            if not exc.offline:  # offline: the window's banner says so, and the live
                view.banner.show_message(exc.message, "info")  # state is read when back

    # ---------------------------------------------------------------- live

    async def on_event(self, kind: str, event: dict[str, Any]) -> None:
        """Route one SSE event (public ones only reach an anonymous stream)."""
        if not kind.startswith("amphi_") or self.campaign_id is None:
            return
        payload = event.get("payload") or {}
        self.assignments_view.on_event(kind, payload)
        if kind == "amphi_choice":
            self._choice_seen(payload)
        if kind in RELOAD_EVENTS:
            spawn(self, self.reload())
        if self.live is not None:
            await self.live.on_event(kind, payload)

    def _choice_seen(self, payload: dict[str, Any]) -> None:
        post_id = payload.get("post_id")
        if not isinstance(post_id, int) or not payload.get("post_taken", True):
            return
        for view in (self.posts_view, self.offer_view):
            post = view.model.post(post_id)
            if post is not None:
                view.update_post(replace(post, taken=True,
                                         taken_by_intern_id=payload.get("intern_id"),
                                         taken_by_name=payload.get("name")))

    async def refresh(self) -> None:
        """Back online: read everything again."""
        if self.campaign_id is None:
            await self.load()
        else:
            await self.reload()
        if self.live is not None:
            await self.live.refresh()

    # ---------------------------------------------------------------- files

    @asyncSlot()
    async def _export_offer(self, fmt: str) -> None:
        await self.export_offer(fmt)

    async def export_offer(self, fmt: str) -> Path | None:
        """The semester's offer as "csv" or "xlsx", where the user says."""
        if self.campaign_id is None:
            return None
        button = self.export_csv_button if fmt == "csv" else self.export_xlsx_button
        button.setEnabled(False)
        cid = self.campaign_id
        try:
            saved = await fetch_and_save(
                self, self.banner, lambda: self.reads.export_campaign_posts(cid, fmt),
                _tr("Enregistrer l'offre du semestre"), FILE_FILTERS[fmt], fmt, self.save_dir)
        finally:
            button.setEnabled(True)
        if saved is None:
            return None
        path, download = saved
        self.last_saved = path
        rows = download.rows if download.rows is not None else "?"
        self.banner.show_message(_tr("Offre du semestre enregistrée (%1 postes) : %2")
                                 .replace("%1", str(rows)).replace("%2", str(path)),
                                 "success")
        return path
