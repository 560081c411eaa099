"""Request and response models of the national area (conventions: `core.schemas`).

Numbers shown to people are 1-based (wish n°, passing number, position); ids are database
ids. Times are UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server_stub.core.errors import HEX_PATTERN
from server_stub.core.schemas import ErrorDetail, MultiLineStr, RequestModel

MAX_ID = 2**31 - 1
MAX_WISHES = 5000

SiteStateName = Literal["closed", "details_only", "wishes_open", "amphi", "finished"]
RunStatusName = Literal["not_started", "running", "paused", "finished"]
PoolName = Literal["general", "cesp"]
OutcomeName = Literal["validated", "auto_assigned", "staff_assigned", "no_feasible_wish",
                      "skipped"]
CellId = Field(ge=1, le=MAX_ID)
Version = Field(ge=0, le=MAX_ID, description="Version of the list the change was made on.")


# --------------------------------------------------------------------------- campaign, offer


class NationalDaySlice(BaseModel):
    """A day of the amphitheatre: ranks passing that day, and when the day starts."""

    day: date
    rank_from: int
    rank_to: int
    starts_at: datetime


class NationalDaySliceIn(RequestModel):
    model_config = ConfigDict(extra="forbid")
    day: date
    rank_from: int = Field(ge=1, le=MAX_ID)
    rank_to: int = Field(ge=1, le=MAX_ID)
    starts_at: datetime


class NationalPoolCounts(BaseModel):
    students: int
    with_wishes: int  # students who made at least one wish


class NationalCampaignPublic(BaseModel):
    """The home page of a national campaign ("le site est ouvert pour : ...")."""

    id: int
    name: str
    state: SiteStateName
    state_label: str  # French, e.g. "Ouvert pour choix avec simulation"
    amphi_status: RunStatusName
    hotline: str | None
    day_start: str | None  # "09:00"
    pace_per_hour: list[int]  # expected pace range, e.g. [50, 70]
    wishes_page_size: int
    students: int
    registered: int  # students who defined their account ("ont défini leurs informations")
    pools: dict[str, NationalPoolCounts]
    cells: int
    posts: int
    day_slices: list[NationalDaySlice]


class NationalCampaignCreate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    hotline: str | None = Field(default=None, max_length=40)
    day_start: str | None = Field(default=None, max_length=5, pattern=r"^\d{2}:\d{2}$")


class NationalCellPublic(BaseModel):
    """A cell of the offer: subdivision × specialty, with its number of posts."""

    id: int
    pool: PoolName
    subdivision: str
    specialty: str
    capacity: int


# --------------------------------------------------------------------------- wishes


class NationalWish(BaseModel):
    """One wish with its status at the student's turn (simulation)."""

    number: int  # 1-based position in the list ("vœu n°")
    cell_id: int
    subdivision: str
    specialty: str
    capacity: int  # N
    k: int | None  # "k / N": the place he would take (None when exhausted)
    exhausted: bool  # "épuisé / N"
    label: str  # "épuisé / 14" or "135 / 180"
    satisfied: bool  # the wish that would be satisfied (shown green)
    assigned: bool = False  # the post he holds (after his turn)


class NationalHeadline(BaseModel):
    """'en k / N le vœu n° X à SUBDIVISION en SPECIALTY permettra d'être affecté'."""

    wish_number: int | None
    cell_id: int | None
    subdivision: str | None
    specialty: str | None
    k: int | None
    capacity: int | None
    # What the sentence says, for clients that write it in their own language:
    # "feasible" (en k / N le vœu n° X…), "assigned" (définitivement affecté), "no_wishes",
    # "none_feasible" (now), "none_feasible_at_turn", "skipped" (turn passed, no post).
    situation: Literal["feasible", "assigned", "no_wishes", "none_feasible",
                       "none_feasible_at_turn", "skipped"]
    text: str


class NationalAbove(BaseModel):
    """'A / B étudiants non CESP validés au-dessus de moi ont fait au moins 1 vœu'."""

    with_wishes: int
    above: int
    pool: Literal["general", "cesp"]  # the student's pool (« non CESP » / « CESP »)
    text: str


class NationalWishList(BaseModel):
    """My wishes and their statuses. `version` must accompany the next change."""

    version: int
    count: int
    editable: bool
    read_only_reason: str | None
    headline: NationalHeadline
    above: NationalAbove
    page_size: int
    wishes: list[NationalWish]


class NationalReceipt(BaseModel):
    """Signed proof of a saved wish list; keep it, show it, verify it."""

    campaign_id: int
    candidate_id: int
    version: int
    at: datetime
    cells: list[int]
    digest: str  # SHA-256 of the ordered cell ids
    signature: str  # HMAC-SHA256 by the server's secret key
    code: str  # short human form of the signature, e.g. "3F2A-9C1B-77D0"


class NationalWishWrite(NationalWishList):
    """The list after a saved change, with the change's receipt."""

    receipt: NationalReceipt


class NationalWishesReplace(RequestModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Version
    cells: list[int] = Field(max_length=MAX_WISHES)


class NationalWishAdd(RequestModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Version
    cell_id: int = CellId
    position: int | None = Field(default=None, ge=1, le=MAX_ID,
                                 description="1-based; omitted: at the end of the list.")


class NationalWishMove(RequestModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Version
    cell_id: int = CellId
    position: int = Field(ge=1, le=MAX_ID, description="New 1-based position.")


class NationalStaleBody(BaseModel):
    """409 `stale_version`: the list changed meanwhile; `current` is the list as it is."""

    error: ErrorDetail
    current: NationalWishList


class NationalWishChange(BaseModel):
    """One line of "mes changements passés"."""

    id: int
    at: datetime
    action: Literal["add", "delete", "move", "replace"]
    cell_id: int | None
    subdivision: str | None
    specialty: str | None
    from_position: int | None
    to_position: int | None
    version: int
    count: int
    by_staff: bool


class NationalReceiptCheck(BaseModel):
    valid: bool  # the signature is the server's and the digest matches the cells
    recorded: bool  # the server holds this exact receipt
    current: bool  # it is the student's current list
    message: str


# --------------------------------------------------------------------------- me, turn


class NationalAbsence(RequestModel):
    model_config = ConfigDict(extra="forbid")
    absent: bool


class NationalDemotionRequest(RequestModel):
    model_config = ConfigDict(extra="forbid")
    behind_rank: int | None = Field(ge=1, le=MAX_ID,
                                    description="Pass right after this rank; null cancels.")


class NationalEnter(RequestModel):
    model_config = ConfigDict(extra="forbid")
    secret_answer: str = Field(min_length=1, max_length=200)


class NationalValidate(RequestModel):
    """Step 3 of the validation: the post the student saw on the "JE PRENDS" button."""

    model_config = ConfigDict(extra="forbid")
    idempotency_key: str = Field(min_length=8, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")
    cell_id: int = CellId


class NationalAssignment(BaseModel):
    """The post a student holds after his turn (the attestation's content)."""

    cell_id: int
    subdivision: str
    specialty: str
    wish_number: int | None
    k: int
    capacity: int
    assigned_at: datetime
    how: OutcomeName
    code: str  # attestation code (server signature), printed on the PDF


class NationalPace(BaseModel):
    """The pace observed over the last turns (national/pace.py): « il en passe low-high à
    l'heure »."""

    low: int  # turns per hour
    high: int
    turns: int  # turns observed
    seconds: int  # over this long (up to now)


class NationalTurn(BaseModel):
    """The turn panel."""

    amphi_status: RunStatusName
    current_rank: int | None  # who passes now
    current_position: int | None
    my_position: int
    people_before: int
    my_turn: bool
    turn_started_at: datetime | None  # of the current turn
    turn_deadline: datetime | None  # expected end of the current turn (~1 min)
    # Observed over the last turns; None while too few turns ended to tell.
    pace: NationalPace | None
    # Time to my turn at that pace, [shortest, longest]; None when the pace is unknown
    # or my turn came.
    wait_seconds: list[int] | None
    # The amphitheatre waits for the next day slice, which starts then: no turn before
    # (the current student's day has not come).
    waiting_until: datetime | None = None
    my_day: NationalDaySlice | None = None  # my day slice (« tranche de passage »)


class NationalMe(BaseModel):
    """Everything the student's screen shows."""

    campaign_id: int
    candidate_id: int
    rank: int
    pool: PoolName
    pool_label: str
    passing: int  # within his pool
    demoted_behind: int | None
    absent: bool
    site_state: SiteStateName
    outcome: OutcomeName | None
    assignment: NationalAssignment | None
    secret_required: bool  # the amphitheatre asks the secret answer (once) before choosing
    secret_question: str | None
    turn: NationalTurn
    wishes: NationalWishList


class NationalValidation(BaseModel):
    """Answer to a validation (the same for every retry with the same idempotency key)."""

    candidate_id: int
    assignment: NationalAssignment


# --------------------------------------------------------------------------- public tables


class NationalAvailabilityRow(BaseModel):
    cell_id: int
    subdivision: str
    specialty: str
    capacity: int
    remaining: int


class NationalAvailability(BaseModel):
    """Posts left per cell at a given passing number of a pool."""

    kind: Literal["final", "current", "mine"]
    pool: PoolName
    passing: int  # the pool's passing number these figures are "at"
    rows: list[NationalAvailabilityRow]


class NationalRankLimit(BaseModel):
    cell_id: int
    subdivision: str
    specialty: str
    capacity: int
    taken: int
    first_rank: int | None
    last_rank: int | None


class NationalRankLimits(BaseModel):
    pool: PoolName
    rows: list[NationalRankLimit]


class NationalHolder(BaseModel):
    n: int  # post number 1..N
    state: Literal["assigned", "simulated"]
    label: Literal["affecté", "simulé"]
    rank: int
    demoted_behind: int | None  # shown "501 (345)": rank 345 passing behind 501
    wish_number: int | None


class NationalCellView(BaseModel):
    cell: NationalCellPublic
    remaining: int  # once everybody has chosen (simulation)
    holders: list[NationalHolder]


class NationalCurrent(BaseModel):
    candidate_id: int
    rank: int
    pool: PoolName
    passing: int
    position: int
    turn_started_at: datetime | None
    waiting_seconds: int | None


class NationalRadar(BaseModel):
    site_state: SiteStateName
    amphi_status: RunStatusName
    current: NationalCurrent | None
    total: int
    passed: int
    remaining: int
    chosen_today: int
    chosen_last_hour: int
    pace_per_hour: float  # average since the first turn of the day (0 before any)
    pace: NationalPace | None  # observed over the last turns (None: too early to tell)
    expected_pace_per_hour: list[int]
    today: NationalDaySlice | None
    generation: int
    # The amphitheatre waits for the next day slice, which starts then (no turn before).
    waiting_until: datetime | None = None


class NationalListingRow(BaseModel):
    position: int
    rank: int
    demoted_behind: int | None
    pool: PoolName
    passing: int
    absent: bool
    outcome: OutcomeName | None
    state: Literal["assigned", "simulated"] | None
    cell_id: int | None
    subdivision: str | None
    specialty: str | None
    wish_number: int | None


class NationalListing(BaseModel):
    total: int
    offset: int
    limit: int
    rows: list[NationalListingRow]


# --------------------------------------------------------------------------- staff


class NationalStateChange(RequestModel):
    model_config = ConfigDict(extra="forbid")
    state: SiteStateName


class NationalRejectedLine(BaseModel):
    line: int  # 1-based line of the file (the header is line 1)
    reason: str  # French


class NationalImportReport(BaseModel):
    """What an import did; rejected lines are listed, the others are imported."""

    dry_run: bool
    lines: int  # data lines read
    created: int
    updated: int
    rejected: list[NationalRejectedLine]


class NationalStaffAction(RequestModel):
    """Staff decision on a student's turn; `candidate_id` guards against a moved turn."""

    model_config = ConfigDict(extra="forbid")
    candidate_id: int = Field(ge=1, le=MAX_ID)


class NationalStaffStudent(BaseModel):
    candidate_id: int
    person_id: int
    rank: int
    pool: PoolName
    position: int
    last_name: str
    first_name: str
    email: str | None
    phone: str | None
    absent: bool
    demoted_behind: int | None
    has_account: bool
    entered_amphi: bool
    headline: NationalHeadline


class NationalStaffAmphi(BaseModel):
    """The run as staff see it: the current student with his phone, and who follows."""

    site_state: SiteStateName
    amphi_status: RunStatusName
    current: NationalStaffStudent | None
    turn_started_at: datetime | None
    waiting_seconds: int | None
    next: list[NationalStaffStudent]
    radar: NationalRadar


class NationalReceiptIn(RequestModel):
    """A receipt to verify, as the server handed it out (`code` may be left out)."""

    model_config = ConfigDict(extra="ignore")
    campaign_id: int = Field(ge=1, le=MAX_ID)
    candidate_id: int = Field(ge=1, le=MAX_ID)
    version: int = Field(ge=0, le=MAX_ID)
    at: datetime
    cells: list[int] = Field(max_length=MAX_WISHES)
    # Hex only: anything else cannot be ours, and is refused before any comparison.
    digest: str = Field(max_length=128, pattern=HEX_PATTERN)
    signature: str = Field(max_length=128, pattern=HEX_PATTERN)
    code: str | None = Field(default=None, max_length=40)


# ------------------------------------------------------------------ staff: exports, messages

ExportGrouping = Literal["subdivision", "faculty", "specialty"]
ExportFormat = Literal["csv", "xlsx"]


class NationalStudentMessage(RequestModel):
    """A message from the agency to one student (whose turn is coming and who cannot be
    reached): shown in his client, emailed, kept in his activity history."""

    model_config = ConfigDict(extra="forbid")
    text: MultiLineStr = Field(min_length=1, max_length=2000)


class NationalMessageSent(BaseModel):
    candidate_id: int
    sent_at: datetime
    emailed: bool  # False when the student has no email address
