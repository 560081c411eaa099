"""The amphitheatre choice's API (docs/api-amphi.md), as an extension of `ApiClient`.

`AmphiApi(api)` wraps the shared client (same httpx client, token and online tracking);
its methods are named after the server's operation ids and return frozen dataclasses.
Downloads (PDF, CSV) return bytes; imports send a multipart file.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from desktop.api.client import (
    ApiClient,
    ApiError,
    SignedIn,
    decode,
    decode_list,
)

# --------------------------------------------------------------------------- answers


@dataclass(frozen=True, slots=True)
class AmphiSession:
    no: int
    starts_at: datetime
    ends_at: datetime
    rank_from: int
    rank_to: int


@dataclass(frozen=True, slots=True)
class Amphi:
    id: int
    campaign_id: int
    semester: str
    name: str
    specialty_group: str
    phase: str
    phase_label: str
    state: str
    opens_at: datetime | None
    intern_count: int
    post_count: int
    free_post_count: int
    sessions: tuple[AmphiSession, ...] = ()


@dataclass(frozen=True, slots=True)
class CallListEntry:
    call_rank: int
    intern_id: int
    last_name: str
    first_name: str
    des: str
    des_label: str
    seniority: int
    cohort: int
    local_cohort_size: int
    local_rank: int
    theoretical_cohort: int
    theoretical_cohort_size: int
    updated_rank: float
    updated_rank_display: str
    planned_absence: bool
    choice_type: str
    session_no: int | None = None
    session_starts_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Service:
    id: int
    establishment: str
    name: str
    head: str
    department: str
    number: str
    post_count: int
    free_count: int


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    number: str
    amphi_id: int | None
    service_id: int
    establishment: str
    service: str
    head: str
    department: str
    service_number: str
    des: str
    specialty_group: str
    post_type: str
    regime: str
    earmark: str | None
    reserved: bool
    taken: bool
    taken_by_intern_id: int | None = None
    taken_by_name: str | None = None

    @property
    def label(self) -> str:
        return f"{self.establishment} — {self.service}, poste {self.number}"


@dataclass(frozen=True, slots=True)
class Offer:
    campaign_id: int
    amphi_id: int | None
    services: tuple[Service, ...]
    posts: tuple[Post, ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    id: int
    campaign_id: int
    semester: str
    amphi_id: int
    amphi_name: str
    intern_id: int
    intern_name: str
    post_id: int
    post_number: str
    establishment: str
    service: str
    head: str
    department: str
    choice_type: str
    chosen_at: datetime
    by_proxy: bool = False
    by_staff: bool = False
    intern_regime: str = ""
    intern_des: str = ""
    intern_des_label: str = ""
    group: str = ""
    post_des: str = ""
    post_type: str = ""
    earmark: str | None = None
    reserved: bool = False


@dataclass(frozen=True, slots=True)
class Proxy:
    id: int
    intern_id: int
    holder_email: str
    holder_phone: str
    status: str
    created_at: datetime
    validated_at: datetime | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InternSelf:
    id: int
    campaign_id: int
    semester: str
    amphi: Amphi | None
    acting_as_proxy: bool
    last_name: str
    first_name: str
    des: str
    des_label: str
    specialty_group: str
    regime: str
    phase: str
    faculty: str
    cohort: int
    seniority: int
    local_rank: int
    local_cohort_size: int
    theoretical_cohort: int | None
    theoretical_cohort_size: int | None
    updated_rank: float | None
    updated_rank_display: str | None
    call_rank: int | None
    choice_type: str
    supernumerary_request: str | None
    supernumerary_decision: str | None
    planned_absence: bool
    absence_reason: str | None = None
    proxy: Proxy | None = None
    assignment: Assignment | None = None


@dataclass(frozen=True, slots=True)
class Favourite:
    id: int
    position: int
    kind: str  # "service" | "post"
    service_id: int
    post_id: int | None
    establishment: str
    service: str
    head: str
    post_ids: tuple[int, ...]
    available: int
    favourites: int

    @property
    def key(self) -> tuple[str, int]:
        """What it points at (the same on every device): ("service", id) or ("post", id)."""
        return ("post", self.post_id) if self.post_id is not None else ("service",
                                                                         self.service_id)


@dataclass(frozen=True, slots=True)
class FavouriteList:
    amphi_id: int
    intern_id: int
    version: int
    single_post_warned: bool
    items: tuple[Favourite, ...]
    first_single_post: bool = False


@dataclass(frozen=True, slots=True)
class FavouriteEstimateItem:
    favourite_id: int
    position: int
    free_now: int
    free_at_my_turn: int
    likely_free: bool


@dataclass(frozen=True, slots=True)
class FavouriteEstimate:
    """« À mon tour (estimation) »: computed by the server (others' favourites are private)."""

    amphi_id: int
    intern_id: int
    interns_before: int
    computed_at: datetime
    items: tuple[FavouriteEstimateItem, ...]


@dataclass(frozen=True, slots=True)
class LiveIntern:
    intern_id: int
    call_rank: int
    position: int
    name: str
    des: str
    choice_type: str
    status: str
    present: bool
    planned_absence: bool
    post_id: int | None = None
    post_number: str | None = None
    post_label: str | None = None


@dataclass(frozen=True, slots=True)
class LiveMe:
    intern_id: int
    acting_as_proxy: bool
    status: str
    position: int
    before: int
    present_before: int
    soon: bool
    my_turn: bool
    can_choose: bool
    cannot_choose_reason: str | None
    proxy_active: bool


@dataclass(frozen=True, slots=True)
class LiveState:
    amphi_id: int
    state: str
    server_time: datetime
    turn_no: int
    current_intern_id: int | None
    deadline: datetime | None
    remaining_seconds: float | None
    turn_seconds: float
    soon_threshold: int
    queue: tuple[LiveIntern, ...]
    me: LiveMe | None = None


@dataclass(frozen=True, slots=True)
class Presence:
    server_time: datetime
    state: str
    turn_no: int
    current_intern_id: int | None
    deadline: datetime | None
    remaining_seconds: float | None
    intern_id: int
    status: str | None
    requeued: bool


@dataclass(frozen=True, slots=True)
class Choice:
    assignment: Assignment
    post: Post
    mailed_to: str | None = None


@dataclass(frozen=True, slots=True)
class Attestation:
    assignment_id: int
    campaign_id: int
    semester: str
    amphi_name: str
    post: Post
    choice_type: str
    chosen_at: datetime


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    name: str
    criteria: dict[str, Any]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class AmphiMessage:
    id: int
    amphi_id: int
    text: str
    author: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class RejectedLine:
    line: int
    reason: str
    values: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ImportReport:
    kind: str
    lines: int
    created: int
    updated: int
    rejected: tuple[RejectedLine, ...]


@dataclass(frozen=True, slots=True)
class InternStaff:
    id: int
    campaign_id: int
    amphi_id: int | None
    person_id: int
    last_name: str
    first_name: str
    des: str
    specialty_group: str
    phase: str
    choice_type: str
    supernumerary_request: str | None
    supernumerary_requested_at: datetime | None
    supernumerary_decision: str | None
    planned_absence: bool
    absence_reason: str | None = None


def new_idempotency_key() -> str:
    """A key for one choice; keep it for retries of that very choice."""
    return f"amphi-{uuid.uuid4().hex}"


def utcnow() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------- client


class AmphiApi:
    """The `/api/amphi` and `/api/staff/amphi` routes of one server, over `ApiClient`."""

    def __init__(self, api: ApiClient) -> None:
        self.api = api

    async def _req(self, method: str, path: str, *, auth: bool | None = True,
                   json: Any = None, params: Any = None) -> Any:
        return await self.api._request(method, path, json=json, params=params, auth=auth)

    async def _raw(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A request whose answer is not JSON (files) or whose body is multipart."""
        return await self.api.send(method, path, auth=True, **kwargs)

    # ---------------------------------------------------------------- public

    async def list_amphis(self, campaign_id: int | None = None) -> list[Amphi]:
        params = {"campaign_id": campaign_id} if campaign_id is not None else None
        return decode_list(Amphi, await self._req("GET", "/api/amphi/amphis", auth=None,
                                                  params=params))

    async def get_amphi(self, amphi_id: int) -> Amphi:
        return decode(Amphi, await self._req("GET", f"/api/amphi/amphis/{amphi_id}", auth=None))

    async def get_call_list(self, amphi_id: int) -> list[CallListEntry]:
        return decode_list(CallListEntry, await self._req(
            "GET", f"/api/amphi/amphis/{amphi_id}/call-list", auth=None))

    async def list_amphi_posts(self, amphi_id: int) -> Offer:
        return decode(Offer, await self._req("GET", f"/api/amphi/amphis/{amphi_id}/posts",
                                             auth=None))

    async def list_campaign_posts(self, campaign_id: int) -> Offer:
        return decode(Offer, await self._req(
            "GET", f"/api/amphi/campaigns/{campaign_id}/posts", auth=None))

    async def list_assignments(self, campaign_id: int, **filters: Any) -> list[Assignment]:
        params = [(k, v) for k, vs in filters.items()
                  for v in (vs if isinstance(vs, list | tuple) else [vs])]
        return decode_list(Assignment, await self._req(
            "GET", f"/api/amphi/campaigns/{campaign_id}/assignments", auth=None,
            params=params))

    async def get_live(self, amphi_id: int) -> LiveState:
        return decode(LiveState, await self._req("GET", f"/api/amphi/amphis/{amphi_id}/live",
                                                 auth=None))

    async def list_amphi_messages(self, amphi_id: int) -> list[AmphiMessage]:
        return decode_list(AmphiMessage, await self._req(
            "GET", f"/api/amphi/amphis/{amphi_id}/messages", auth=None))

    async def proxy_login(self, email: str, password: str) -> SignedIn:
        """Sign in in « Procuration » mode (the holder's email and password)."""
        return decode(SignedIn, await self._req("POST", "/api/amphi/proxy/login", auth=False,
                                                json={"email": email, "password": password}))

    # ---------------------------------------------------------------- intern

    async def my_amphi(self) -> list[InternSelf]:
        return decode_list(InternSelf, await self._req("GET", "/api/amphi/me"))

    def _fav(self, amphi_id: int, tail: str = "") -> str:
        return f"/api/amphi/amphis/{amphi_id}/favourites{tail}"

    async def get_favourites(self, amphi_id: int) -> FavouriteList:
        return decode(FavouriteList, await self._req("GET", self._fav(amphi_id)))

    async def amphi_favourites_estimate(self, amphi_id: int) -> FavouriteEstimate:
        return decode(FavouriteEstimate, await self._req("GET", self._fav(amphi_id,
                                                                          "/estimate")))

    async def add_favourite(self, amphi_id: int, *, service_id: int | None = None,
                            post_id: int | None = None, position: int | None = None
                            ) -> FavouriteList:
        """`first_single_post` in the answer: show the one-time single-post warning."""
        body: dict[str, Any] = {}
        if post_id is not None:
            body["post_id"] = post_id
        else:
            body["service_id"] = service_id
        if position is not None:
            body["position"] = position
        return decode(FavouriteList, await self._req("POST", self._fav(amphi_id), json=body))

    async def replace_favourites(self, amphi_id: int, base_version: int,
                                 items: list[tuple[str, int]]) -> FavouriteList:
        """The whole list in order; 409 `version_conflict` when the list changed meanwhile."""
        body = {"base_version": base_version,
                "items": [{f"{kind}_id": ident} for kind, ident in items]}
        return decode(FavouriteList, await self._req("PUT", self._fav(amphi_id), json=body))

    async def remove_favourite(self, amphi_id: int, favourite_id: int) -> FavouriteList:
        return decode(FavouriteList, await self._req("DELETE",
                                                     self._fav(amphi_id, f"/{favourite_id}")))

    async def move_favourite(self, amphi_id: int, favourite_id: int, position: int
                             ) -> FavouriteList:
        return decode(FavouriteList, await self._req(
            "POST", self._fav(amphi_id, f"/{favourite_id}/move"), json={"position": position}))

    async def amphi_presence(self, amphi_id: int) -> Presence:
        return decode(Presence, await self._req("POST",
                                                f"/api/amphi/amphis/{amphi_id}/presence"))

    async def choose_post(self, amphi_id: int, post_id: int, idempotency_key: str) -> Choice:
        return decode(Choice, await self._req(
            "POST", f"/api/amphi/amphis/{amphi_id}/choices",
            json={"post_id": post_id, "idempotency_key": idempotency_key}))

    async def request_supernumerary(self, intern_id: int, requested: str) -> InternSelf:
        return decode(InternSelf, await self._req(
            "POST", f"/api/amphi/interns/{intern_id}/supernumerary-request",
            json={"requested": requested}))

    async def withdraw_supernumerary_request(self, intern_id: int) -> InternSelf:
        return decode(InternSelf, await self._req(
            "DELETE", f"/api/amphi/interns/{intern_id}/supernumerary-request"))

    async def get_proxy(self, intern_id: int) -> Proxy | None:
        data = await self._req("GET", f"/api/amphi/interns/{intern_id}/proxy")
        return decode(Proxy, data) if data else None

    async def give_proxy(self, intern_id: int, email: str, phone: str) -> Proxy:
        return decode(Proxy, await self._req("POST", f"/api/amphi/interns/{intern_id}/proxy",
                                             json={"email": email, "phone": phone}))

    async def cancel_proxy(self, intern_id: int) -> None:
        await self._req("DELETE", f"/api/amphi/interns/{intern_id}/proxy")

    async def list_attestations(self) -> list[Attestation]:
        return decode_list(Attestation, await self._req("GET", "/api/amphi/me/attestations"))

    async def download_attestation(self, assignment_id: int) -> bytes:
        response = await self._raw("GET", f"/api/amphi/me/attestations/{assignment_id}/pdf")
        return response.content

    async def list_saved_searches(self) -> list[SavedSearch]:
        return decode_list(SavedSearch, await self._req("GET", "/api/amphi/saved-searches"))

    async def create_saved_search(self, name: str, criteria: dict[str, Any]) -> SavedSearch:
        return decode(SavedSearch, await self._req(
            "POST", "/api/amphi/saved-searches", json={"name": name, "criteria": criteria}))

    async def update_saved_search(self, search_id: int, name: str, criteria: dict[str, Any]
                                  ) -> SavedSearch:
        return decode(SavedSearch, await self._req(
            "PUT", f"/api/amphi/saved-searches/{search_id}",
            json={"name": name, "criteria": criteria}))

    async def delete_saved_search(self, search_id: int) -> None:
        await self._req("DELETE", f"/api/amphi/saved-searches/{search_id}")

    # ---------------------------------------------------------------- staff

    async def create_amphi_campaign(self, name: str, semester: str,
                                    normal_seniority: dict[str, int],
                                    region: str | None = None) -> dict[str, Any]:
        return await self._req("POST", "/api/staff/amphi/campaigns", json={  # type: ignore[no-any-return]
            "name": name, "region": region, "semester": semester,
            "normal_seniority": normal_seniority})

    async def import_amphi_file(self, campaign_id: int, kind: str, filename: str,
                                content: bytes) -> ImportReport:
        mime = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                if filename.lower().endswith(".xlsx") else "text/csv")
        response = await self._raw(
            "POST", f"/api/staff/amphi/campaigns/{campaign_id}/imports/{kind}",
            files={"file": (filename, content, mime)})
        return decode(ImportReport, response.json())

    async def create_amphi(self, campaign_id: int, name: str, specialty_group: str,
                           phase: str) -> Amphi:
        return decode(Amphi, await self._req(
            "POST", f"/api/staff/amphi/campaigns/{campaign_id}/amphis",
            json={"name": name, "specialty_group": specialty_group, "phase": phase}))

    async def list_supernumerary_requests(self, campaign_id: int) -> list[InternStaff]:
        return decode_list(InternStaff, await self._req(
            "GET", f"/api/staff/amphi/campaigns/{campaign_id}/supernumerary-requests"))

    async def decide_supernumerary(self, intern_id: int, accept: bool) -> InternStaff:
        return decode(InternStaff, await self._req(
            "POST", f"/api/staff/amphi/interns/{intern_id}/supernumerary-decision",
            json={"accept": accept}))

    async def set_amphi_sessions(self, amphi_id: int,
                                 sessions: list[tuple[datetime, datetime, int, int]]) -> Amphi:
        body = [{"starts_at": s.isoformat(), "ends_at": e.isoformat(), "rank_from": a,
                 "rank_to": b} for s, e, a, b in sessions]
        return decode(Amphi, await self._req(
            "PUT", f"/api/staff/amphi/amphis/{amphi_id}/sessions", json=body))

    async def change_amphi_state(self, amphi_id: int, action: str,
                                 opens_at: datetime | None = None) -> Amphi:
        body: dict[str, Any] = {"action": action}
        if opens_at is not None:
            body["opens_at"] = opens_at.isoformat()
        return decode(Amphi, await self._req(
            "POST", f"/api/staff/amphi/amphis/{amphi_id}/transitions", json=body))

    async def download_call_list_csv(self, amphi_id: int) -> bytes:
        return (await self._raw("GET",
                                f"/api/staff/amphi/amphis/{amphi_id}/call-list.csv")).content

    async def download_call_list_pdf(self, amphi_id: int) -> bytes:
        return (await self._raw("GET",
                                f"/api/staff/amphi/amphis/{amphi_id}/call-list.pdf")).content

    async def post_amphi_message(self, amphi_id: int, text: str) -> AmphiMessage:
        return decode(AmphiMessage, await self._req(
            "POST", f"/api/staff/amphi/amphis/{amphi_id}/messages", json={"text": text}))

    async def requeue_intern(self, amphi_id: int, intern_id: int) -> LiveState:
        return decode(LiveState, await self._req(
            "POST", f"/api/staff/amphi/amphis/{amphi_id}/requeue", json={"intern_id": intern_id}))

    async def assign_post(self, amphi_id: int, intern_id: int, post_id: int) -> Choice:
        return decode(Choice, await self._req(
            "POST", f"/api/staff/amphi/amphis/{amphi_id}/assignments",
            json={"intern_id": intern_id, "post_id": post_id}))

    async def update_amphi_intern(self, intern_id: int, *, planned_absence: bool | None = None,
                                  absence_reason: str | None = None) -> InternStaff:
        body: dict[str, Any] = {}
        if planned_absence is not None:
            body["planned_absence"] = planned_absence
        if absence_reason is not None:
            body["absence_reason"] = absence_reason
        return decode(InternStaff, await self._req(
            "PATCH", f"/api/staff/amphi/interns/{intern_id}", json=body))


__all__ = ["AmphiApi", "ApiError"]
