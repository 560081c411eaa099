"""« Consulter sans compte »: the public space's window, wired (issue 16).

The composition root of the public screens: the national public tables (`TablesView`
without « Dispo pour moi », bound to the newest national campaign), the amphitheatres
(`PublicAmphiView`) and the matching calendar (`MatchingCalendarView`), in a
`PublicWindow`. They follow the live stream, which without a token carries only the
public events, and read everything again when the connection comes back. Like a main
window's areas, everything here is parented to the window and connected to the shared
services through `context.connect`, so it all goes with the window (see `desktop.areas`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop.api.client import ApiError
from desktop.api.national import NationalApi
from desktop.areas import AppContext
from desktop.areas.national import table_source
from desktop.sync.public import PublicAmphiReads, PublicMatchingReads
from desktop.tasks import spawn
from desktop.ui.amphi.public_view import PublicAmphiView
from desktop.ui.matching.calendar_view import MatchingCalendarView
from desktop.ui.national.tables_view import TablesView
from desktop.ui.public_window import PublicWindow

log = logging.getLogger(__name__)

# National events that move the public tables (as in desktop/areas/national.py).
LIVE_KINDS_TABLES = frozenset({"simulation_moved", "student_assigned", "turn_ended",
                               "offer_changed", "order_changed", "turn_started",
                               "amphi_state", "amphi_waiting", "site_state"})
MATCHING_KINDS = frozenset({"matching_schedule_changed", "matching_results_published"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("PublicSpace", text)


class PublicSpace(QObject):
    """The public window's screens and what feeds them; lives as long as the window."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.national_api = NationalApi(context.api)
        self.national_campaign_id: int | None = None
        self.tables_view = TablesView(signed_in_candidate=False)
        self.amphi_view = PublicAmphiView(PublicAmphiReads(context.api))
        self.matching_view = MatchingCalendarView(PublicMatchingReads(context.api))
        self.window = PublicWindow(server=context.api.server, national=self.tables_view,
                                   amphi=self.amphi_view, matching=self.matching_view)
        super().__init__(self.window)
        self.amphi_view.reads.setParent(self)
        self.matching_view.reads.setParent(self)
        context.connect(context.live.event_received, self._on_event)
        context.connect(context.monitor.came_back, self.refresh)

    # ---------------------------------------------------------------- loading

    def start(self) -> None:
        """Read every tab's first state (each says by itself what it could not read)."""
        spawn(self, self._load_national())
        spawn(self, self.amphi_view.load())
        spawn(self, self.matching_view.load())

    async def _load_national(self) -> None:
        try:
            cid = await self.national_api.find_national_campaign()
        except ApiError as exc:
            self.window.national.show_missing(exc.message)
            return
        if cid is None:
            self.window.national.show_missing(_tr(
                "Aucun choix national n'est publié sur ce serveur pour l'instant : les "
                "tableaux publics (dispo finale, rangs limites, radar, listing) apparaîtront "
                "ici dès que l'agence ouvrira la campagne."))
            return
        if cid == self.national_campaign_id:
            self.tables_view.reload()
            return
        self.national_campaign_id = cid
        self.tables_view.attach(table_source(self.national_api, cid))
        self.window.national.show_screen()

    def refresh(self) -> None:
        """Back online: read everything again (the stream replays what was missed, but a
        table read before the cut may be stale)."""
        spawn(self, self._load_national())
        spawn(self, self.amphi_view.refresh())
        spawn(self, self.matching_view.load())

    # ---------------------------------------------------------------- live

    def _on_event(self, kind: str, event: dict[str, Any], _event_id: int) -> None:
        payload = event.get("payload") or {}
        cid = payload.get("campaign_id")
        # Every event of the amphitheatre choice names its amphitheatre (an import, its
        # campaign); the national amphitheatre's `amphi_state` names only its campaign.
        if kind.startswith("amphi_") and ("amphi_id" in payload or kind == "amphi_import"):
            spawn(self, self.amphi_view.on_event(kind, event))
        elif cid is not None and cid == self.national_campaign_id \
                and kind in LIVE_KINDS_TABLES:
            self.tables_view.refresh_soon()
        elif kind in MATCHING_KINDS and cid == self.matching_view.campaign_id:
            spawn(self, self.matching_view.reload())


def build_public_window(context: AppContext) -> PublicWindow:
    """The public space's window for the server of `context.api`, its screens loading."""
    space = PublicSpace(context)  # parented to its window: it lives as long
    space.start()
    return space.window
