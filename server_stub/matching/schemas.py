"""Request and response models of the matching area (conventions: `core.schemas`).

Names follow the glossary: campaign → waves → rounds; posts ("terrains de stage"),
candidates (junior doctors), applications ("candidatures"), rankings ("classements"),
results ("affectations"). Ids are database ids; times are UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from server_stub.core import errors
from server_stub.core.schemas import ErrorDetail, MultiLineStr, RequestModel

MAX_ID = 2**31 - 1
IdItem = Annotated[int, Field(ge=1, le=MAX_ID)]

# French names of our fields in validation messages (the foundation's registry; ours are
# only added when absent).
for _name, _label in {
    "post_ids": "postes choisis", "ranked": "candidatures classées",
    "rejected": "candidatures non retenues", "version": "version",
    "presentation": "texte de présentation", "description": "description",
    "name": "nom", "number": "numéro", "specialty": "spécialité",
    "subdivision": "subdivision", "places": "nombre de places", "label": "libellé",
    "establishment": "établissement", "post_type": "type de poste",
    "duration_months": "durée", "supervisor_email": "adresse du responsable",
    "second_supervisor_email": "adresse du second responsable",
    "candidate_id": "candidat", "post_id": "poste", "round_id": "tour",
    "share": "part", "minimum": "minimum", "round_number": "tour", "file": "fichier",
    "min_ranked_share": "part classée minimale", "offset": "décalage de la page",
}.items():
    errors.FIELD_LABELS.setdefault(_name, _label)

Phase = Literal["upcoming", "applications", "awaiting_ranking", "ranking",
                "awaiting_results", "off_platform", "results"]
RoundState = Literal["planned", "run", "published"]
PostType = Literal["simple", "couplé", "mixte"]
DocumentKind = Literal["cv", "letter", "contract"]
Violation = Literal["unclassified", "ranked_share", "subdivision_first"]


# --------------------------------------------------------------------------- campaign, phases


class ThresholdRule(RequestModel):
    """"Candidatures suffisantes" for a round: at least `share` of the posts open to the
    student, and at least `minimum` applications (rounds above the last rule use it)."""

    model_config = ConfigDict(extra="forbid")
    round_number: int = Field(ge=1, le=9)
    share: float = Field(ge=0, le=1)
    minimum: int = Field(ge=0, le=500)


class MatchingSettings(RequestModel):
    """Campaign rules: the engine's ranking rules and the application thresholds.

    `threshold_scope`: the posts "open to him" are those of his specialty in his
    subdivision ("subdivision") or anywhere ("national").
    """

    min_ranked_share: float = Field(default=0.8, ge=0, le=1)
    subdivision_first: bool = True
    threshold_scope: Literal["subdivision", "national"] = "subdivision"
    thresholds: list[ThresholdRule] = Field(default_factory=lambda: [
        ThresholdRule(round_number=1, share=0.2, minimum=2),
        ThresholdRule(round_number=2, share=0.4, minimum=1),
    ])


class MatchingSettingsUpdate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    min_ranked_share: float | None = Field(default=None, ge=0, le=1)
    subdivision_first: bool | None = None
    threshold_scope: Literal["subdivision", "national"] | None = None
    thresholds: list[ThresholdRule] | None = Field(default=None, max_length=9)


class RoundPublic(BaseModel):
    id: int
    wave_id: int
    number: int
    off_platform: bool
    applications_opens_at: datetime | None
    applications_closes_at: datetime | None
    ranking_opens_at: datetime | None
    ranking_closes_at: datetime | None
    results_at: datetime | None
    opens_at: datetime | None  # off-platform rounds
    closes_at: datetime | None
    state: RoundState
    phase: Phase  # as of `server_time` of the enclosing answer
    run_at: datetime | None
    published_at: datetime | None


class WavePublic(BaseModel):
    id: int
    name: str
    position: int
    posts_opens_at: datetime | None  # "Mes postes": supervisors describe their posts
    posts_closes_at: datetime | None
    posts_open: bool
    current_round_id: int | None
    rounds: list[RoundPublic]


class MatchingCampaignPublic(BaseModel):
    id: int
    name: str
    region: str | None
    state: Literal["draft", "open", "closed"]
    my_role: Literal["student", "supervisor", "coordinator", "staff"]
    settings: MatchingSettings
    waves: list[WavePublic]
    my_wave_id: int | None = None  # a student's wave
    server_time: datetime


class MatchingCalendarPublic(BaseModel):
    """A campaign's waves, rounds and dated phases, as anyone may read them (no roles)."""

    id: int
    name: str
    region: str | None
    state: Literal["open", "closed"]
    waves: list[WavePublic]
    server_time: datetime


class MatchingCampaignCreate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    region: str | None = Field(default=None, max_length=100)
    settings: MatchingSettings | None = None


class MatchingCampaignUpdate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=200)
    region: str | None = Field(default=None, max_length=100)
    state: Literal["draft", "open", "closed"] | None = None
    settings: MatchingSettingsUpdate | None = None


class WaveCreate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120)
    position: int | None = Field(default=None, ge=1, le=99)
    posts_opens_at: datetime | None = None
    posts_closes_at: datetime | None = None


class WaveUpdate(RequestModel):
    """Only the fields sent change; an explicit null clears a date."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=120)
    position: int | None = Field(default=None, ge=1, le=99)
    posts_opens_at: datetime | None = None
    posts_closes_at: datetime | None = None


class RoundDates(RequestModel):
    """Only the fields sent change; an explicit null clears a date. Times need a UTC offset."""

    model_config = ConfigDict(extra="forbid")
    applications_opens_at: datetime | None = None
    applications_closes_at: datetime | None = None
    ranking_opens_at: datetime | None = None
    ranking_closes_at: datetime | None = None
    results_at: datetime | None = None
    opens_at: datetime | None = None
    closes_at: datetime | None = None


class RoundCreate(RoundDates):
    number: int = Field(ge=1, le=9)
    off_platform: bool = False


class CoordinatorAdd(RequestModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=254)


class ImportSummary(BaseModel):
    created: int
    updated: int


class MatchingRejectedLine(BaseModel):
    line: int  # 1-based line of the file (the header is line 1)
    reason: str  # French


class MatchingImportReport(BaseModel):
    """What a file import did (or would do, `dry_run`): every rejected line with its French
    reason; the other lines are imported. A rejected line changes nothing stored."""

    dry_run: bool
    lines: int  # data lines read
    created: int
    updated: int
    unchanged: int  # lines naming what is already stored as the line says
    invited: int  # invitation mails sent (new supervisors of the campaign)
    rejected: list[MatchingRejectedLine]


MemberRole = Literal["coordinator", "supervisor"]


class MemberInvite(RequestModel):
    """A coordinator or supervisor the agency adds to the campaign (by email); the account
    is created when the address is unknown, and an invitation is mailed."""

    email: str = Field(min_length=3, max_length=254)
    first_name: str | None = Field(default=None, max_length=100)
    last_name: str | None = Field(default=None, max_length=100)
    role: MemberRole


class MemberPublic(BaseModel):
    """A coordinator or supervisor of the campaign (one row per part)."""

    person_id: int
    first_name: str
    last_name: str
    email: str | None
    role: MemberRole
    posts: int  # posts he supervises (or co-supervises) in the campaign
    last_seen_at: datetime | None  # his last sign-in: None = never came


# --------------------------------------------------------------------------- people, posts


class PersonBrief(BaseModel):
    """A supervisor as others see him (contact of the second supervisor, cards)."""

    id: int
    first_name: str
    last_name: str
    email: str | None


class FilePublic(BaseModel):
    kind: Literal["attachment", "cv", "letter", "contract"]
    filename: str
    content_type: str
    size: int
    uploaded_at: datetime
    download_path: str  # GET it with the same bearer token


class MatchingPostPublic(BaseModel):
    """A post with what its card shows ("k poste(s) restant à attribuer sur n")."""

    id: int
    wave_id: int
    number: str
    specialty: str
    option: str | None
    post_type: PostType
    duration_months: int
    offset_semester: bool
    label: str
    indication: str | None
    establishment: str
    subdivision: str
    region: str | None
    places: int
    remaining_places: int  # places minus assignments of published rounds
    supervisor: PersonBrief | None
    second_supervisor: PersonBrief | None
    second_supervisor_access: Literal["read", "rank"]
    description: str | None
    validated: bool
    attachment: FilePublic | None
    my_position: int | None = None  # students: the post's place in my list of this round


class PostPage(BaseModel):
    rows: list[MatchingPostPublic]
    total: int
    offset: int
    limit: int


class RankingSummary(BaseModel):
    round_id: int
    round_number: int
    phase: Phase
    candidates: int
    ranked: int
    rejected: int
    unclassified: int
    valid: bool
    version: int
    updated_at: datetime | None


class AssignedCandidate(BaseModel):
    candidate_id: int
    first_name: str
    last_name: str
    specialty: str
    subdivision: str


class PostRoundResult(BaseModel):
    round_id: int
    round_number: int
    assigned: list[AssignedCandidate]


class MyPostPublic(MatchingPostPublic):
    """A supervisor's post: his access, the current ranking's state, published results."""

    my_access: Literal["referent", "reader"]  # referent: may rank and describe the post
    can_edit_description: bool
    ranking: RankingSummary | None
    results: list[PostRoundResult]


class PostDescriptionUpdate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    description: MultiLineStr | None = Field(default=None, max_length=10_000)


class PostImport(RequestModel):
    """One post as the agency imports it (created, or updated when its number exists)."""

    model_config = ConfigDict(extra="forbid")
    number: str = Field(min_length=1, max_length=20)
    specialty: str = Field(min_length=1, max_length=120)
    option: str | None = Field(default=None, max_length=120)
    post_type: PostType = "simple"
    duration_months: Literal[6, 12] = 12
    offset_semester: bool = False
    label: str = Field(min_length=1, max_length=200)
    indication: str | None = Field(default=None, max_length=2000)
    establishment: str = Field(min_length=1, max_length=200)
    subdivision: str = Field(min_length=1, max_length=60)
    places: int = Field(default=1, ge=0, le=100)
    supervisor_email: str = Field(min_length=3, max_length=254)
    second_supervisor_email: str | None = Field(default=None, max_length=254)
    second_supervisor_access: Literal["read", "rank"] = "read"
    description: MultiLineStr | None = Field(default=None, max_length=10_000)
    validated: bool = False


class PostUpdate(RequestModel):
    """What the agency may change on a post; only the fields sent change."""

    model_config = ConfigDict(extra="forbid")
    specialty: str | None = Field(default=None, min_length=1, max_length=120)
    option: str | None = Field(default=None, max_length=120)
    post_type: PostType | None = None
    duration_months: Literal[6, 12] | None = None
    offset_semester: bool | None = None
    label: str | None = Field(default=None, min_length=1, max_length=200)
    indication: str | None = Field(default=None, max_length=2000)
    establishment: str | None = Field(default=None, min_length=1, max_length=200)
    subdivision: str | None = Field(default=None, min_length=1, max_length=60)
    places: int | None = Field(default=None, ge=0, le=100)
    second_supervisor_access: Literal["read", "rank"] | None = None
    description: MultiLineStr | None = Field(default=None, max_length=10_000)
    validated: bool | None = None


class PostFilter(RequestModel):
    """Filters of the post list (students browse; coordinators and staff too)."""

    model_config = ConfigDict(extra="forbid")
    q: str | None = Field(default=None, max_length=100)  # label, establishment, number, supervisor
    specialty: str | None = Field(default=None, max_length=120)
    subdivision: str | None = Field(default=None, max_length=60)
    region: str | None = Field(default=None, max_length=100)
    wave_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    offset_semester: bool | None = None
    with_places: bool | None = None  # remaining places > 0
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=500, ge=1, le=10_000)


# --------------------------------------------------------------------------- candidates, files


class CandidateImport(RequestModel):
    """A junior doctor joining a wave, found by INE or email among imported identities."""

    model_config = ConfigDict(extra="forbid")
    ine: str | None = Field(default=None, max_length=20)
    email: str | None = Field(default=None, max_length=254)
    specialty: str = Field(min_length=1, max_length=120)
    subdivision: str = Field(min_length=1, max_length=60)
    offset_semester: bool = False


class CandidateBrief(BaseModel):
    id: int
    first_name: str
    last_name: str
    ine: str | None
    specialty: str
    subdivision: str
    offset_semester: bool


class CandidateFilePublic(BaseModel):
    """A candidate's file ("dossier de candidature"): presentation text and documents."""

    candidate: CandidateBrief
    presentation: str | None
    documents: list[FilePublic]


class PresentationUpdate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    presentation: MultiLineStr | None = Field(default=None, max_length=10_000)


# --------------------------------------------------------------------------- applications


class ApplicationPublic(BaseModel):
    position: int
    post: MatchingPostPublic


class ApplicationReceiptPublic(BaseModel):
    """Signed proof of a saved application list; keep it, show it, verify it."""

    campaign_id: int
    candidate_id: int
    round_id: int
    version: int  # the list's save number in the round (1, 2, …)
    at: datetime
    post_ids: list[int]  # as saved, first = preferred
    digest: str  # SHA-256 of the ordered post ids
    signature: str  # HMAC-SHA256 by the server's secret key
    code: str  # short human form of the signature, e.g. "3F2A-9C1B-77D0"


class ApplicationReceiptIn(RequestModel):
    """A receipt to verify, as the server handed it out (`code` may be left out)."""

    model_config = ConfigDict(extra="ignore")
    campaign_id: int = Field(ge=1, le=MAX_ID)
    candidate_id: int = Field(ge=1, le=MAX_ID)
    round_id: int = Field(ge=1, le=MAX_ID)
    version: int = Field(ge=0, le=MAX_ID)
    at: datetime
    post_ids: list[int] = Field(max_length=1000)
    # Hex only: anything else cannot be ours, and is refused before any comparison.
    digest: str = Field(max_length=128, pattern=errors.HEX_PATTERN)
    signature: str = Field(max_length=128, pattern=errors.HEX_PATTERN)
    code: str | None = Field(default=None, max_length=40)


class ApplicationReceiptCheck(BaseModel):
    valid: bool  # the signature is the server's and the digest matches the posts
    recorded: bool  # the server holds this exact receipt
    current: bool  # it is the student's list as it stands now in that round
    message: str  # French


class ApplicationsPublic(BaseModel):
    """A student's ordered applications in a round, and whether they are enough."""

    candidate_id: int
    round_id: int
    round_number: int
    phase: Phase
    can_edit: bool
    eligible: bool  # False once assigned in an earlier round
    applications: list[ApplicationPublic]
    count: int
    required: int  # "candidatures suffisantes" from this count on
    open_posts: int  # posts open to him that the threshold's share applies to
    enough: bool
    receipt: ApplicationReceiptPublic | None = None  # of the list as last saved


class ApplicationsUpdate(RequestModel):
    """The whole ordered list (first = preferred); replaces the previous one."""

    model_config = ConfigDict(extra="forbid")
    round_id: int | None = Field(default=None, ge=1, le=MAX_ID)  # default: current round
    post_ids: list[IdItem] = Field(max_length=1000)


# --------------------------------------------------------------------------- rankings


class RankingViolation(BaseModel):
    code: Violation
    message: str  # French, shown as is in the red banner


class RankingCandidate(CandidateBrief):
    in_post_subdivision: bool  # "DANS VOTRE SUBDIVISION"
    status: Literal["unclassified", "ranked", "rejected"]
    rank: int | None  # 1-based among the ranked
    has_file: bool
    observation: str | None = None  # the post's supervisors only


class RankingPublic(BaseModel):
    """A post's ranking in a round, with its validity by the engine's rules."""

    post_id: int
    round_id: int
    round_number: int
    phase: Phase
    can_edit: bool
    version: int
    updated_at: datetime | None
    updated_by: str | None
    capacity: int
    candidates: list[RankingCandidate]  # ranked in order, then unclassified, then rejected
    ranked: list[int]
    rejected: list[int]
    unclassified: list[int]
    valid: bool
    violations: list[RankingViolation]


class RankingUpdate(RequestModel):
    """The whole ranking: ranked candidate ids in order, and rejected ones.

    `version` is the version the client started from (0 before the first save).
    """

    model_config = ConfigDict(extra="forbid")
    round_id: int | None = Field(default=None, ge=1, le=MAX_ID)  # default: current round
    version: int = Field(ge=0, le=MAX_ID)
    ranked: list[IdItem] = Field(max_length=5000)
    rejected: list[IdItem] = Field(default_factory=list, max_length=5000)


class RankingConflictBody(BaseModel):
    """The 409 `stale_version` answer: the error, and the ranking as stored now."""

    error: ErrorDetail
    current: RankingPublic


class ObservationUpdate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    text: MultiLineStr = Field(max_length=10_000)  # empty: delete


class ObservationPublic(BaseModel):
    post_id: int
    candidate_id: int
    text: str | None
    updated_at: datetime | None


# --------------------------------------------------------------------------- rounds, results


class RoundRunPublic(BaseModel):
    round: RoundPublic
    participants: int  # eligible candidates with at least one application
    assigned: int
    unassigned: int
    posts: int  # posts with places in this round
    posts_valid: int  # of those with candidates
    posts_invalid: int
    places: int
    seconds: float


class OutcomeUpdate(RequestModel):
    """An off-platform outcome: the post a candidate got (null: none)."""

    model_config = ConfigDict(extra="forbid")
    post_id: int | None = Field(ge=1, le=MAX_ID)


class ResultPost(BaseModel):
    id: int
    number: str
    label: str
    indication: str | None
    specialty: str
    establishment: str
    subdivision: str
    duration_months: int
    offset_semester: bool
    supervisor: PersonBrief | None


class ResultRow(BaseModel):
    round_id: int
    round_number: int
    wave_id: int
    wave_name: str
    published: bool
    source: Literal["engine", "manual"]
    candidate: CandidateBrief
    post: ResultPost | None


class ResultFilter(RequestModel):
    model_config = ConfigDict(extra="forbid")
    q: str | None = Field(default=None, max_length=100)
    wave_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    round_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    subdivision: str | None = Field(default=None, max_length=60)
    region: str | None = Field(default=None, max_length=100)
    specialty: str | None = Field(default=None, max_length=120)
    assigned: bool | None = None
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=500, ge=1, le=10_000)


class ResultPage(BaseModel):
    rows: list[ResultRow]
    total: int
    offset: int
    limit: int


# --------------------------------------------------------------------------- dashboards


class Ratio(BaseModel):
    count: int
    total: int
    percent: float  # 0–100, one decimal


class StudentFilter(RequestModel):
    model_config = ConfigDict(extra="forbid")
    q: str | None = Field(default=None, max_length=100)  # name, email, INE
    wave_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    round_id: int | None = Field(default=None, ge=1, le=MAX_ID)  # default: current round
    subdivision: str | None = Field(default=None, max_length=60)
    region: str | None = Field(default=None, max_length=100)
    specialty: str | None = Field(default=None, max_length=120)
    connected: bool | None = None
    enough: bool | None = None
    participating: bool | None = None
    offset_semester: bool | None = None
    assigned: bool | None = None
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=200, ge=1, le=10_000)


class StudentRow(BaseModel):
    candidate_id: int
    person_id: int
    last_name: str
    first_name: str
    email: str | None
    ine: str | None
    subdivision: str
    region: str | None
    specialty: str
    wave_id: int
    last_seen_at: datetime | None  # "Connexion"
    applications: int
    required: int
    enough: bool
    participating: bool
    offset_semester: bool
    assigned_round: int | None
    assigned_post: ResultPost | None


class StudentStats(BaseModel):
    total: int
    connected: Ratio
    enough: Ratio
    participating: Ratio
    offset_semester: Ratio
    assigned: Ratio


class StudentDashboard(BaseModel):
    rows: list[StudentRow]
    total: int
    offset: int
    limit: int
    stats: StudentStats  # over every row the filters keep


class PostDashboardFilter(RequestModel):
    model_config = ConfigDict(extra="forbid")
    q: str | None = Field(default=None, max_length=100)  # number, label, establishment, supervisor
    wave_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    round_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    subdivision: str | None = Field(default=None, max_length=60)
    region: str | None = Field(default=None, max_length=100)
    specialty: str | None = Field(default=None, max_length=120)
    with_places: bool | None = None
    with_applications: bool | None = None
    assigned: bool | None = None
    ranking_valid: bool | None = None
    validated: bool | None = None
    offset_semester: bool | None = None
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=200, ge=1, le=10_000)


class PostRow(BaseModel):
    post_id: int
    wave_id: int
    number: str
    label: str
    indication: str | None
    specialty: str
    establishment: str
    subdivision: str
    region: str | None
    supervisor: PersonBrief | None
    supervisor_last_seen_at: datetime | None  # "Connexion"
    post_type: PostType
    duration_months: int
    places: int
    remaining_places: int
    applications: int  # in the round shown
    assignments: int  # every round, published or not
    ranking_valid: bool | None  # None: nobody applied
    violations: list[Violation]
    offset_semester: bool
    validated: bool
    last_change_at: datetime | None
    last_change_by: str | None


class PostStats(BaseModel):
    total: int
    places: int
    assignments: Ratio  # over places
    with_applications: Ratio
    ranking_valid: Ratio  # over posts with applications
    assigned: Ratio  # posts with at least one assignment
    validated: Ratio
    supervisors_connected: Ratio


class PostDashboard(BaseModel):
    rows: list[PostRow]
    total: int
    offset: int
    limit: int
    stats: PostStats


class CandidateApplicationRow(BaseModel):
    """A student's application as coordinators see it, with the supervisor's rank."""

    round_id: int
    round_number: int
    position: int
    post: ResultPost
    ranking_status: Literal["unclassified", "ranked", "rejected"]
    rank: int | None
    ranking_valid: bool
    result: Literal["assigned", "not_assigned", "pending"]


class CandidateApplicationsPublic(BaseModel):
    candidate: CandidateBrief
    email: str | None
    rows: list[CandidateApplicationRow]


ExportFormat = Literal["csv", "xlsx"]


class StudentExport(StudentFilter):
    """The students view's filters, and the file format (every row, no paging)."""

    format: ExportFormat = "xlsx"


class PostExport(PostDashboardFilter):
    format: ExportFormat = "xlsx"


class ResultExport(ResultFilter):
    format: ExportFormat = "xlsx"
