"""Request and response models of the amphi area (conventions: `core.schemas`).

Names follow the glossary: amphi, session, intern, service, post, favourite, call list,
turn, proxy, supernumerary (« type de choix »), assignment, attestation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from server_stub.core.schemas import MultiLineStr, RequestModel

Id = Annotated[int, Field(ge=1, le=2**31 - 1)]
AmphiStateName = Literal["not_validated", "validated", "open", "in_progress", "paused",
                         "finished"]
ChoiceTypeName = Literal["classique", "surnombre validant", "surnombre non validant"]
TurnStatusName = Literal["waiting", "choosing", "chosen", "absent", "timed_out", "skipped",
                         "not_reached"]
ProxyStatusName = Literal["pending", "active", "cancelled", "ended"]


# --------------------------------------------------------------------------- amphitheatres


class AmphiSessionPublic(BaseModel):
    """A sitting: start, end and the call ranks it covers (« Rangs 1 à 30 »)."""

    no: int
    starts_at: datetime
    ends_at: datetime
    rank_from: int
    rank_to: int


class AmphiPublic(BaseModel):
    id: int
    campaign_id: int
    semester: str
    name: str
    specialty_group: str
    phase: str
    phase_label: str
    state: AmphiStateName
    opens_at: datetime | None
    intern_count: int
    post_count: int
    free_post_count: int
    sessions: list[AmphiSessionPublic]


class AmphiCampaignCreate(RequestModel):
    """A regional campaign of amphitheatre choice (one semester)."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    region: str | None = Field(default=None, max_length=100)
    semester: str = Field(min_length=1, max_length=60)
    # Normal seniority (semesters) of each cohort at this choice: the call list's reference.
    normal_seniority: dict[str, Annotated[int, Field(ge=0, le=40)]] = Field(min_length=1,
                                                                           max_length=40)

    @field_validator("normal_seniority")
    @classmethod
    def _years(cls, value: dict[str, int]) -> dict[str, int]:
        for key in value:
            if not key.isdigit() or not 1900 <= int(key) <= 2200:
                raise ValueError(f"« {key} » n'est pas une année de promotion")
        return value


class AmphiCreate(RequestModel):
    """An amphitheatre: interns and posts of this group and phase in the campaign join it."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    specialty_group: str = Field(min_length=1, max_length=100)
    phase: Literal["socle", "approfondissement", "consolidation"]


class AmphiSessionIn(RequestModel):
    model_config = ConfigDict(extra="forbid")
    starts_at: datetime
    ends_at: datetime
    rank_from: int = Field(ge=1, le=100_000)
    rank_to: int = Field(ge=1, le=100_000)


class AmphiTransition(RequestModel):
    """A state change by staff. `validate` needs `opens_at` (the opening date shown)."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["validate", "invalidate", "open", "start", "pause", "resume", "finish"]
    opens_at: datetime | None = None


# --------------------------------------------------------------------------- call list


class CallListEntry(BaseModel):
    """One line of « liste d'appel », always computed from the current data."""

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
    updated_rank_display: str  # truncated to two decimals ("7.58")
    planned_absence: bool
    choice_type: ChoiceTypeName
    session_no: int | None
    session_starts_at: datetime | None


# --------------------------------------------------------------------------- offer


class ServicePublic(BaseModel):
    id: int
    establishment: str
    name: str
    head: str
    department: str
    number: str
    post_count: int
    free_count: int


class AmphiPostPublic(BaseModel):
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
    taken: bool  # « Pourvu »: its place is used (a supernumerary choice leaves it free)
    taken_by_intern_id: int | None
    taken_by_name: str | None


class AmphiOffer(BaseModel):
    """Posts with their services (one call loads an amphitheatre's or a semester's offer)."""

    campaign_id: int
    amphi_id: int | None
    services: list[ServicePublic]
    posts: list[AmphiPostPublic]


class AssignmentPublic(BaseModel):
    """A line of the public real-time assignments list (« liste des affectations »)."""

    id: int
    campaign_id: int
    semester: str
    amphi_id: int
    amphi_name: str
    intern_id: int
    intern_name: str  # "Prénom N."
    intern_seniority: int
    intern_regime: str
    intern_des: str
    intern_des_label: str
    faculty: str
    group: str
    post_id: int
    post_number: str
    post_des: str
    post_type: str
    department: str
    establishment: str
    service: str
    head: str
    earmark: str | None
    reserved: bool
    choice_type: ChoiceTypeName
    chosen_at: datetime
    by_proxy: bool
    by_staff: bool


# --------------------------------------------------------------------------- interns


class ProxyPublic(BaseModel):
    id: int
    intern_id: int
    holder_email: str
    holder_phone: str
    status: ProxyStatusName
    created_at: datetime
    validated_at: datetime | None
    ended_at: datetime | None


class InternSelf(BaseModel):
    """An intern's own record for one semester: ranks with the seed's meanings, type of
    choice and pending request, proxy, amphitheatre and assignment."""

    id: int
    campaign_id: int
    semester: str
    amphi: AmphiPublic | None
    acting_as_proxy: bool  # true when a proxy holder reads the intern he acts for
    last_name: str
    first_name: str
    des: str
    des_label: str
    specialty_group: str
    regime: str
    phase: str
    faculty: str
    cohort: int  # « Promotion »: initial, year of the national exam
    seniority: int  # « Nombre de semestres d'ancienneté »
    local_rank: int  # « Rang local »
    local_cohort_size: int  # « Effectif promotion local »
    theoretical_cohort: int | None  # « Promotion théorique »
    theoretical_cohort_size: int | None  # « Effectif promotion théorique »
    updated_rank: float | None  # « Rang actualisé »
    updated_rank_display: str | None
    call_rank: int | None  # « Rang appel »
    choice_type: ChoiceTypeName  # « Type de choix actuel »
    supernumerary_request: ChoiceTypeName | None  # pending (« Changement en cours »)
    supernumerary_decision: Literal["accepted", "refused"] | None
    planned_absence: bool
    absence_reason: str | None
    proxy: ProxyPublic | None
    assignment: AssignmentPublic | None
    # First entry: when he checked his faculty and passing order (None: not yet — the
    # client asks him), and what he reported wrong, if anything.
    details_checked_at: datetime | None = None
    details_report: str | None = None


class InternStaff(BaseModel):
    """An intern as staff manage him (supernumerary requests, planned absence)."""

    id: int
    campaign_id: int
    amphi_id: int | None
    person_id: int
    last_name: str
    first_name: str
    des: str
    specialty_group: str
    phase: str
    choice_type: ChoiceTypeName
    supernumerary_request: ChoiceTypeName | None
    supernumerary_requested_at: datetime | None
    supernumerary_decision: Literal["accepted", "refused"] | None
    planned_absence: bool
    absence_reason: str | None
    details_checked_at: datetime | None = None
    details_report: str | None = None  # an error he reported at his first entry


class DetailsCheck(RequestModel):
    """The first entry's answer: « C'est exact », or what is wrong (a report required)."""

    model_config = ConfigDict(extra="forbid")
    correct: bool
    report: MultiLineStr | None = Field(default=None, max_length=500)


class SupernumeraryRequest(RequestModel):
    model_config = ConfigDict(extra="forbid")
    requested: ChoiceTypeName


class SupernumeraryDecision(RequestModel):
    model_config = ConfigDict(extra="forbid")
    accept: bool


class InternUpdate(RequestModel):
    """Staff edits; only the fields sent change."""

    model_config = ConfigDict(extra="forbid")
    planned_absence: bool | None = None
    absence_reason: str | None = Field(default=None, max_length=200)


class ProxyCreate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=254)
    phone: str = Field(min_length=4, max_length=30)


# --------------------------------------------------------------------------- favourites


class FavouritePublic(BaseModel):
    """A favourite service (all its posts) or post, with « k disponibles - n favoris »."""

    id: int
    position: int  # 1 = first
    kind: Literal["service", "post"]
    service_id: int
    post_id: int | None
    establishment: str
    service: str
    head: str
    post_ids: list[int]  # posts it covers (the service's posts in this amphi, or the one post)
    available: int  # of those, still free
    favourites: int  # len(post_ids)


class FavouriteList(BaseModel):
    amphi_id: int
    intern_id: int
    version: int  # send it back as `base_version` to replace the list after offline edits
    single_post_warned: bool
    items: list[FavouritePublic]


class FavouriteEstimateItem(BaseModel):
    """One of my favourites: places I may take now and, estimated, at my turn."""

    favourite_id: int
    position: int
    free_now: int
    free_at_my_turn: int  # after everyone before me took his first free favourite
    likely_free: bool  # free_at_my_turn > 0


class FavouriteEstimate(BaseModel):
    """« À mon tour (estimation) »: the serial simulation over favourites, mine only."""

    amphi_id: int
    intern_id: int
    interns_before: int  # still to choose before me (planned absences left out)
    computed_at: datetime
    items: list[FavouriteEstimateItem]


class FavouriteTarget(RequestModel):
    """A service (all its posts) when `post_id` is absent, else that one post."""

    model_config = ConfigDict(extra="forbid")
    service_id: Id | None = None
    post_id: Id | None = None


class FavouriteAdd(FavouriteTarget):
    position: int | None = Field(default=None, ge=1, le=100_000)  # default: last


class FavouriteAdded(FavouriteList):
    """The list after an add; `first_single_post` says when to show the one-time warning."""

    first_single_post: bool = False


class FavouriteMove(RequestModel):
    model_config = ConfigDict(extra="forbid")
    position: int = Field(ge=1, le=100_000)


class FavouriteReplace(RequestModel):
    """The whole list in order (offline sync); refused with 409 when `base_version` is old."""

    model_config = ConfigDict(extra="forbid")
    base_version: int = Field(ge=0)
    items: list[FavouriteTarget] = Field(max_length=5000)


class SavedSearchIn(RequestModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)
    # Field name → one value or several ({"des": ["MG"], "department": ["69", "01"]}).
    criteria: dict[str, Any] = Field(max_length=50)


class SavedSearchPublic(BaseModel):
    id: int
    name: str
    criteria: dict[str, Any]
    created_at: datetime
    updated_at: datetime


# --------------------------------------------------------------------------- live session


class LiveIntern(BaseModel):
    intern_id: int
    call_rank: int
    position: int
    name: str  # "Prénom N."
    des: str
    choice_type: ChoiceTypeName
    status: TurnStatusName
    present: bool
    planned_absence: bool
    post_id: int | None
    post_number: str | None
    post_label: str | None  # "Établissement — Service"


class LiveMe(BaseModel):
    """The caller's place: "n before me", the banner, and whether he may choose now."""

    intern_id: int
    acting_as_proxy: bool
    status: TurnStatusName
    position: int
    before: int  # interns who will choose before me (the chooser included)
    present_before: int  # of those, connected ones (planned absences excluded)
    soon: bool  # « C'est bientôt votre tour » (at most `soon_threshold` present before me)
    my_turn: bool
    can_choose: bool
    cannot_choose_reason: str | None  # French, when my_turn and not can_choose
    proxy_active: bool  # the intern gave a proxy (pending or active): only the holder chooses


class LiveState(BaseModel):
    amphi_id: int
    state: AmphiStateName
    server_time: datetime  # correct the local clock with it
    turn_no: int
    current_intern_id: int | None
    deadline: datetime | None  # UTC; None when paused or nobody is choosing
    remaining_seconds: float | None  # time left on the turn (frozen while paused)
    turn_seconds: float
    soon_threshold: int
    queue: list[LiveIntern]  # every intern, in passing order
    me: LiveMe | None


class PresencePublic(BaseModel):
    """The answer to a presence signal: small on purpose (sent every ~10 s by every client).

    The queue itself comes from `get_live` once, then from the live events."""

    server_time: datetime  # correct the local clock with it
    state: AmphiStateName
    turn_no: int
    current_intern_id: int | None
    deadline: datetime | None
    remaining_seconds: float | None
    intern_id: int  # the intern I act for
    status: TurnStatusName | None  # my place in the live queue (None before the start)
    requeued: bool  # this signal placed me back right after the intern choosing


class ChoiceRequest(RequestModel):
    """« Oui je confirme »: the post and a key the client keeps for retries."""

    model_config = ConfigDict(extra="forbid")
    post_id: Id
    idempotency_key: str = Field(min_length=8, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")


class StaffAssign(RequestModel):
    model_config = ConfigDict(extra="forbid")
    intern_id: Id
    post_id: Id


class InternRef(RequestModel):
    model_config = ConfigDict(extra="forbid")
    intern_id: Id


class ChoicePublic(BaseModel):
    """The post sheet after a choice (also the answer to a retry with the same key)."""

    assignment: AssignmentPublic
    post: AmphiPostPublic
    mailed_to: str | None  # where the confirmation went (the intern's address)


class AttestationPublic(BaseModel):
    assignment_id: int
    campaign_id: int
    semester: str
    amphi_name: str
    post: AmphiPostPublic
    choice_type: ChoiceTypeName
    chosen_at: datetime


class AmphiMessageIn(RequestModel):
    model_config = ConfigDict(extra="forbid")
    text: MultiLineStr = Field(min_length=1, max_length=2000)


class AmphiMessagePublic(BaseModel):
    id: int
    amphi_id: int
    text: str
    author: str | None
    at: datetime


# --------------------------------------------------------------------------- imports


class RejectedLine(BaseModel):
    line: int  # 1-based line of the file (the header is line 1)
    reason: str  # French
    values: dict[str, str]


class ImportReport(BaseModel):
    kind: Literal["interns", "services", "posts"]
    lines: int  # data lines read
    created: int
    updated: int
    rejected: list[RejectedLine]
