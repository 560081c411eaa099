"""The national choice's API (docs/api-national.md), as an extension of `ApiClient`.

`NationalApi(api)` wraps the shared client (same httpx client, token and online
tracking); its methods are named after the server's operation ids and return frozen
dataclasses. A stale wish write raises `StaleVersion`, which carries the server's
current list (the 409 body's `current`), so the caller never needs a second request.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx

from desktop.api.client import ApiClient, ApiError, bad_response, decode, decode_list, encode

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------- answers


@dataclass(frozen=True, slots=True)
class DaySlice:
    day: date
    rank_from: int
    rank_to: int
    starts_at: datetime


@dataclass(frozen=True, slots=True)
class NationalCampaign:
    """The home page of a national campaign (`NationalCampaignPublic`)."""

    id: int
    name: str
    state: str
    state_label: str
    amphi_status: str
    hotline: str | None
    day_start: str | None
    pace_per_hour: tuple[int, ...]
    wishes_page_size: int
    students: int
    registered: int
    pools: dict[str, Any]
    cells: int
    posts: int
    day_slices: tuple[DaySlice, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    id: int
    pool: str
    subdivision: str
    specialty: str
    capacity: int


@dataclass(frozen=True, slots=True)
class Wish:
    number: int
    cell_id: int
    subdivision: str
    specialty: str
    capacity: int
    k: int | None
    exhausted: bool
    label: str
    satisfied: bool
    assigned: bool = False


@dataclass(frozen=True, slots=True)
class Headline:
    wish_number: int | None
    cell_id: int | None
    subdivision: str | None
    specialty: str | None
    k: int | None
    capacity: int | None
    text: str  # French, from the server
    situation: str = ""  # feasible, assigned, no_wishes, none_feasible(_at_turn), skipped


@dataclass(frozen=True, slots=True)
class Above:
    with_wishes: int
    above: int
    text: str  # French, from the server
    pool: str = ""  # general or cesp


@dataclass(frozen=True, slots=True)
class WishList:
    version: int
    count: int
    editable: bool
    read_only_reason: str | None
    headline: Headline
    above: Above
    page_size: int
    wishes: tuple[Wish, ...]


@dataclass(frozen=True, slots=True)
class Receipt:
    campaign_id: int
    candidate_id: int
    version: int
    at: datetime
    cells: tuple[int, ...]
    digest: str
    signature: str
    code: str


@dataclass(frozen=True, slots=True)
class WishWrite:
    """A saved change: the new list (with statuses) and its receipt."""

    version: int
    count: int
    editable: bool
    read_only_reason: str | None
    headline: Headline
    above: Above
    page_size: int
    wishes: tuple[Wish, ...]
    receipt: Receipt

    @property
    def wish_list(self) -> WishList:
        return WishList(self.version, self.count, self.editable, self.read_only_reason,
                        self.headline, self.above, self.page_size, self.wishes)


@dataclass(frozen=True, slots=True)
class WishChange:
    id: int
    at: datetime
    action: str
    cell_id: int | None
    subdivision: str | None
    specialty: str | None
    from_position: int | None
    to_position: int | None
    version: int
    count: int
    by_staff: bool


@dataclass(frozen=True, slots=True)
class ReceiptCheck:
    valid: bool
    recorded: bool
    current: bool
    message: str


@dataclass(frozen=True, slots=True)
class Assignment:
    cell_id: int
    subdivision: str
    specialty: str
    wish_number: int | None
    k: int
    capacity: int
    assigned_at: datetime
    how: str
    code: str = ""


@dataclass(frozen=True, slots=True)
class Turn:
    amphi_status: str
    current_rank: int | None
    current_position: int | None
    my_position: int
    people_before: int
    my_turn: bool
    turn_started_at: datetime | None
    turn_deadline: datetime | None
    pace_per_hour: float
    estimated_wait_seconds: int | None


@dataclass(frozen=True, slots=True)
class NationalMe:
    campaign_id: int
    candidate_id: int
    rank: int
    pool: str
    pool_label: str
    passing: int
    demoted_behind: int | None
    absent: bool
    site_state: str
    outcome: str | None
    assignment: Assignment | None
    secret_required: bool
    secret_question: str | None
    turn: Turn
    wishes: WishList


@dataclass(frozen=True, slots=True)
class Validation:
    candidate_id: int
    assignment: Assignment


@dataclass(frozen=True, slots=True)
class AvailabilityRow:
    cell_id: int
    subdivision: str
    specialty: str
    capacity: int
    remaining: int


@dataclass(frozen=True, slots=True)
class Availability:
    kind: str
    pool: str
    passing: int
    rows: tuple[AvailabilityRow, ...]


@dataclass(frozen=True, slots=True)
class RankLimit:
    cell_id: int
    subdivision: str
    specialty: str
    capacity: int
    taken: int
    first_rank: int | None
    last_rank: int | None


@dataclass(frozen=True, slots=True)
class RankLimits:
    pool: str
    rows: tuple[RankLimit, ...]


@dataclass(frozen=True, slots=True)
class Holder:
    n: int
    state: str
    label: str
    rank: int
    demoted_behind: int | None
    wish_number: int | None


@dataclass(frozen=True, slots=True)
class CellView:
    cell: Cell
    remaining: int
    holders: tuple[Holder, ...]


@dataclass(frozen=True, slots=True)
class Current:
    candidate_id: int
    rank: int
    pool: str
    passing: int
    position: int
    turn_started_at: datetime | None
    waiting_seconds: int | None


@dataclass(frozen=True, slots=True)
class Radar:
    site_state: str
    amphi_status: str
    current: Current | None
    total: int
    passed: int
    remaining: int
    chosen_today: int
    chosen_last_hour: int
    pace_per_hour: float
    expected_pace_per_hour: tuple[int, ...]
    today: DaySlice | None
    generation: int


@dataclass(frozen=True, slots=True)
class ListingRow:
    position: int
    rank: int
    demoted_behind: int | None
    pool: str
    passing: int
    absent: bool
    outcome: str | None
    state: str | None
    cell_id: int | None
    subdivision: str | None
    specialty: str | None
    wish_number: int | None


@dataclass(frozen=True, slots=True)
class Listing:
    total: int
    offset: int
    limit: int
    rows: tuple[ListingRow, ...]


@dataclass(frozen=True, slots=True)
class RejectedLine:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    dry_run: bool
    lines: int
    created: int
    updated: int
    rejected: tuple[RejectedLine, ...]


@dataclass(frozen=True, slots=True)
class StaffStudent:
    candidate_id: int
    person_id: int
    rank: int
    pool: str
    position: int
    last_name: str
    first_name: str
    email: str | None
    phone: str | None
    absent: bool
    demoted_behind: int | None
    has_account: bool
    entered_amphi: bool
    headline: Headline


@dataclass(frozen=True, slots=True)
class StaffAmphi:
    site_state: str
    amphi_status: str
    current: StaffStudent | None
    turn_started_at: datetime | None
    waiting_seconds: int | None
    next: tuple[StaffStudent, ...]
    radar: Radar


# --------------------------------------------------------------------------- errors


class StaleVersion(ApiError):
    """409 `stale_version`: the list changed meanwhile; `current` is the list as it is."""

    def __init__(self, error: ApiError, current: WishList) -> None:
        super().__init__(error.code, error.message, status=error.status, field=error.field)
        self.current = current


# --------------------------------------------------------------------------- client


class NationalApi:
    """The `/api/national` routes of one server, over the shared `ApiClient`."""

    def __init__(self, api: ApiClient) -> None:
        self.api = api

    async def _raw(self, method: str, path: str, *, auth: bool | None, **kwargs: Any) -> Any:
        """`ApiClient.send` with multipart files, turning a 409 `stale_version` into
        `StaleVersion` (with the server's current list: no second request needed)."""
        try:
            response = await self.api.send(method, path, auth=auth, **kwargs)
        except ApiError as error:
            if error.code == "stale_version" and isinstance(error.body, dict):
                try:
                    current = decode(WishList, error.body.get("current"))
                except ApiError:
                    raise error from None
                raise StaleVersion(error, current) from None
            raise
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise bad_response(f"{method} {path}: not JSON") from exc

    @staticmethod
    def _path(cid: int, tail: str = "") -> str:
        return f"/api/national/{cid}{tail}"

    async def _get(self, path: str, *, auth: bool | None = None,
                   params: dict[str, Any] | None = None) -> Any:
        return await self.api._request("GET", path, params=params, auth=auth)

    # ---------------------------------------------------------------- public

    async def find_national_campaign(self) -> int | None:
        """The id of the newest national campaign (from `list_campaigns`), if any."""
        found = [c for c in await self.api.list_campaigns() if c.kind == "national"]
        mine = [c for c in found if c.my_role]
        chosen = mine or found
        return max(c.id for c in chosen) if chosen else None

    async def national_campaign(self, cid: int) -> NationalCampaign:
        return decode(NationalCampaign, await self._get(self._path(cid)))

    async def national_cells(self, cid: int, pool: str | None = None) -> list[Cell]:
        params = {"pool": pool} if pool else None
        return decode_list(Cell, await self._get(self._path(cid, "/cells"), params=params))

    async def national_cell_view(self, cid: int, cell_id: int) -> CellView:
        return decode(CellView, await self._get(self._path(cid, f"/cells/{cell_id}")))

    async def national_final_availability(self, cid: int, pool: str = "general"
                                          ) -> Availability:
        return decode(Availability, await self._get(self._path(cid, "/tables/final"),
                                                    params={"pool": pool}))

    async def national_current_availability(self, cid: int, pool: str = "general"
                                            ) -> Availability:
        return decode(Availability, await self._get(self._path(cid, "/tables/current"),
                                                    params={"pool": pool}))

    async def national_my_availability(self, cid: int) -> Availability:
        return decode(Availability, await self._get(self._path(cid, "/tables/mine"),
                                                    auth=True))

    async def national_rank_limits(self, cid: int, pool: str = "general") -> RankLimits:
        return decode(RankLimits, await self._get(self._path(cid, "/tables/rank-limits"),
                                                  params={"pool": pool}))

    async def national_radar(self, cid: int) -> Radar:
        return decode(Radar, await self._get(self._path(cid, "/radar")))

    async def national_listing(self, cid: int, *, pool: str | None = None, offset: int = 0,
                               limit: int = 500) -> Listing:
        params: dict[str, Any] = {"offset": offset, "limit": limit}
        if pool:
            params["pool"] = pool
        return decode(Listing, await self._get(self._path(cid, "/listing"), params=params))

    async def national_verify_receipt(self, cid: int, receipt: Receipt) -> ReceiptCheck:
        return decode(ReceiptCheck, await self.api._request(
            "POST", self._path(cid, "/receipts/verify"), json=encode(receipt)))

    # ---------------------------------------------------------------- me

    async def national_me(self, cid: int) -> NationalMe:
        return decode(NationalMe, await self._get(self._path(cid, "/me"), auth=True))

    async def national_my_wishes(self, cid: int) -> WishList:
        return decode(WishList, await self._get(self._path(cid, "/me/wishes"), auth=True))

    async def national_replace_wishes(self, cid: int, version: int, cells: list[int]
                                      ) -> WishWrite:
        return decode(WishWrite, await self._raw(
            "PUT", self._path(cid, "/me/wishes"), auth=True,
            json={"version": version, "cells": list(cells)}))

    async def national_add_wish(self, cid: int, version: int, cell_id: int,
                                position: int | None = None) -> WishWrite:
        body: dict[str, Any] = {"version": version, "cell_id": cell_id}
        if position is not None:
            body["position"] = position
        return decode(WishWrite, await self._raw("POST", self._path(cid, "/me/wishes"),
                                                 auth=True, json=body))

    async def national_move_wish(self, cid: int, version: int, cell_id: int, position: int
                                 ) -> WishWrite:
        return decode(WishWrite, await self._raw(
            "POST", self._path(cid, "/me/wishes/move"), auth=True,
            json={"version": version, "cell_id": cell_id, "position": position}))

    async def national_delete_wish(self, cid: int, version: int, cell_id: int) -> WishWrite:
        return decode(WishWrite, await self._raw(
            "DELETE", self._path(cid, f"/me/wishes/{cell_id}"), auth=True,
            params={"version": version}))

    async def national_wish_changes(self, cid: int, limit: int = 200) -> list[WishChange]:
        return decode_list(WishChange, await self._get(
            self._path(cid, "/me/wishes/history"), auth=True, params={"limit": limit}))

    async def national_receipts(self, cid: int, limit: int = 200) -> list[Receipt]:
        return decode_list(Receipt, await self._get(self._path(cid, "/me/receipts"),
                                                    auth=True, params={"limit": limit}))

    async def national_set_absence(self, cid: int, absent: bool) -> NationalMe:
        return decode(NationalMe, await self.api._request(
            "PUT", self._path(cid, "/me/absence"), json={"absent": absent}, auth=True))

    async def national_request_demotion(self, cid: int, behind_rank: int | None
                                        ) -> NationalMe:
        return decode(NationalMe, await self.api._request(
            "PUT", self._path(cid, "/me/demotion"), json={"behind_rank": behind_rank},
            auth=True))

    async def national_enter_amphi(self, cid: int, secret_answer: str) -> NationalMe:
        return decode(NationalMe, await self.api._request(
            "POST", self._path(cid, "/me/enter"), json={"secret_answer": secret_answer},
            auth=True))

    async def national_validate_choice(self, cid: int, idempotency_key: str, cell_id: int
                                       ) -> Validation:
        return decode(Validation, await self.api._request(
            "POST", self._path(cid, "/me/validate"), auth=True,
            json={"idempotency_key": idempotency_key, "cell_id": cell_id}))

    # ---------------------------------------------------------------- staff

    async def national_set_state(self, cid: int, state: str) -> NationalCampaign:
        return decode(NationalCampaign, await self.api._request(
            "PUT", self._path(cid, "/staff/state"), json={"state": state}, auth=True))

    async def national_set_day_slices(self, cid: int, slices: list[DaySlice]
                                      ) -> list[DaySlice]:
        body = [{"day": s.day.isoformat(), "rank_from": s.rank_from, "rank_to": s.rank_to,
                 "starts_at": s.starts_at.isoformat()} for s in slices]
        return decode_list(DaySlice, await self.api._request(
            "PUT", self._path(cid, "/staff/day-slices"), json=body, auth=True))

    async def _import(self, cid: int, what: str, path: Path, dry_run: bool) -> ImportReport:
        content = path.read_bytes()
        return decode(ImportReport, await self._raw(
            "POST", self._path(cid, f"/staff/{what}"), auth=True,
            params={"dry_run": "true" if dry_run else "false"},
            files={"file": (path.name, content, "application/octet-stream")},
            timeout=httpx.Timeout(120.0, connect=5.0)))

    async def national_import_offer(self, cid: int, path: Path, *, dry_run: bool = False
                                    ) -> ImportReport:
        return await self._import(cid, "offer", path, dry_run)

    async def national_import_students(self, cid: int, path: Path, *, dry_run: bool = False
                                       ) -> ImportReport:
        return await self._import(cid, "students", path, dry_run)

    async def national_staff_amphi(self, cid: int) -> StaffAmphi:
        return decode(StaffAmphi, await self._get(self._path(cid, "/staff/amphi"), auth=True))

    async def _staff_post(self, cid: int, tail: str, body: Any = None) -> Any:
        return await self.api._request("POST", self._path(cid, f"/staff/amphi{tail}"),
                                       json=body, auth=True)

    async def national_start_amphi(self, cid: int) -> StaffAmphi:
        return decode(StaffAmphi, await self._staff_post(cid, "/start"))

    async def national_pause_amphi(self, cid: int) -> StaffAmphi:
        return decode(StaffAmphi, await self._staff_post(cid, "/pause"))

    async def national_resume_amphi(self, cid: int) -> StaffAmphi:
        return decode(StaffAmphi, await self._staff_post(cid, "/resume"))

    async def national_assign_current(self, cid: int, candidate_id: int) -> Any:
        return await self._staff_post(cid, "/assign", {"candidate_id": candidate_id})

    async def national_skip_current(self, cid: int, candidate_id: int) -> Any:
        return await self._staff_post(cid, "/skip", {"candidate_id": candidate_id})

    async def national_demote_student(self, cid: int, candidate_id: int) -> Any:
        return await self._staff_post(cid, "/demote", {"candidate_id": candidate_id})


__all__ = [
    "Above", "Assignment", "Availability", "AvailabilityRow", "Cell", "CellView", "Current",
    "DaySlice", "Headline", "Holder", "ImportReport", "Listing", "ListingRow",
    "NationalApi", "NationalCampaign", "NationalMe", "Radar", "RankLimit", "RankLimits",
    "Receipt", "ReceiptCheck", "RejectedLine", "StaffAmphi", "StaffStudent", "StaleVersion",
    "Turn", "Validation", "Wish", "WishChange", "WishList", "WishWrite",
]
