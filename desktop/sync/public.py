"""What the public space (« Consulter sans compte ») reads from one server, signed in or not.

The public views call these, never the API (docs/client.md, "Views and the server"); each
call is the API call of the same name, sent with no token needed. Nothing here is
personal: the routes it uses answer everyone the same (the call list is public in DCI once
the amphitheatre is validated; the offer's file says whether a post is filled, not by
whom).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop.api.amphi import Amphi, AmphiApi, Assignment, CallListEntry, Offer
from desktop.api.client import ApiClient, Campaign
from desktop.api.matching import Download, MatchingApi, MatchingCalendar
from desktop.sync.amphi import LiveSession


class PublicAmphiReads(QObject):
    """The amphitheatres of a server as anyone sees them; live sessions as a spectator."""

    def __init__(self, api: ApiClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = api
        self.api = AmphiApi(api)

    async def list_campaigns(self) -> list[Campaign]:
        """The amphitheatre campaigns under way, newest first."""
        found = [c for c in await self.client.list_campaigns() if c.kind == "amphi"]
        return sorted(found, key=lambda c: c.id, reverse=True)

    def live_session(self, amphi_id: int, parent: QObject | None = None) -> LiveSession:
        return LiveSession(self.api, amphi_id, intern=False, parent=parent)

    async def list_amphis(self, campaign_id: int | None = None) -> list[Amphi]:
        return await self.api.list_amphis(campaign_id)

    async def list_amphi_posts(self, amphi_id: int) -> Offer:
        return await self.api.list_amphi_posts(amphi_id)

    async def list_campaign_posts(self, campaign_id: int) -> Offer:
        return await self.api.list_campaign_posts(campaign_id)

    async def get_call_list(self, amphi_id: int) -> list[CallListEntry]:
        return await self.api.get_call_list(amphi_id)

    async def list_assignments(self, campaign_id: int, **filters: Any) -> list[Assignment]:
        return await self.api.list_assignments(campaign_id, **filters)

    async def download_call_list(self, amphi_id: int, kind: str) -> Download:
        """The call list as "csv" or "pdf" (409 `amphi_not_validated` before validation)."""
        if kind == "csv":
            return await self.api.public_call_list_csv(amphi_id)
        return await self.api.public_call_list_pdf(amphi_id)

    async def export_campaign_posts(self, campaign_id: int, fmt: str) -> Download:
        return await self.api.export_campaign_posts(campaign_id, fmt)


class PublicMatchingReads(QObject):
    """The matching campaigns' calendars (waves, rounds, dated phases)."""

    def __init__(self, api: ApiClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = api
        self.api = MatchingApi(api)

    async def list_campaigns(self) -> list[Campaign]:
        """The matching campaigns under way, newest first."""
        found = [c for c in await self.client.list_campaigns() if c.kind == "matching"]
        return sorted(found, key=lambda c: c.id, reverse=True)

    async def get_matching_calendar(self, campaign_id: int) -> MatchingCalendar:
        return await self.api.get_matching_calendar(campaign_id)
