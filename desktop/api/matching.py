"""The matching area's API (docs/api-matching.md), as an extension of `ApiClient`.

`MatchingApi(api)` wraps the shared client (same httpx client, token and online
tracking); methods are named after the server's operation ids and return frozen
dataclasses holding the fields the screens use (`decode` ignores the others). A stale
ranking write raises `StaleRanking`, which carries the ranking as stored (the 409
body's `current`), so the sync can merge without a second request.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from desktop.api.client import (
    ApiClient,
    ApiError,
    decode,
    decode_list,
)

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------- answers


@dataclass(frozen=True, slots=True)
class ThresholdRule:
    round_number: int
    share: float
    minimum: int


@dataclass(frozen=True, slots=True)
class MatchingSettings:
    min_ranked_share: float = 0.8
    subdivision_first: bool = True
    threshold_scope: str = "subdivision"
    thresholds: tuple[ThresholdRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Round:
    id: int
    wave_id: int
    number: int
    off_platform: bool
    state: str
    phase: str
    applications_opens_at: datetime | None = None
    applications_closes_at: datetime | None = None
    ranking_opens_at: datetime | None = None
    ranking_closes_at: datetime | None = None
    results_at: datetime | None = None
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    run_at: datetime | None = None
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Wave:
    id: int
    name: str
    position: int
    posts_open: bool
    current_round_id: int | None
    rounds: tuple[Round, ...]
    posts_opens_at: datetime | None = None
    posts_closes_at: datetime | None = None

    @property
    def current_round(self) -> Round | None:
        for rnd in self.rounds:
            if rnd.id == self.current_round_id:
                return rnd
        return self.rounds[0] if self.rounds else None


@dataclass(frozen=True, slots=True)
class MatchingCampaign:
    id: int
    name: str
    state: str
    my_role: str
    settings: MatchingSettings
    waves: tuple[Wave, ...]
    server_time: datetime
    region: str | None = None
    my_wave_id: int | None = None

    def wave(self, wave_id: int | None = None) -> Wave | None:
        """The given wave, else the student's, else the first."""
        wanted = wave_id or self.my_wave_id
        for wave in self.waves:
            if wave.id == wanted:
                return wave
        return self.waves[0] if self.waves else None

    def round(self, round_id: int) -> Round | None:
        for wave in self.waves:
            for rnd in wave.rounds:
                if rnd.id == round_id:
                    return rnd
        return None


@dataclass(frozen=True, slots=True)
class PersonBrief:
    id: int
    first_name: str
    last_name: str
    email: str | None = None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class FileInfo:
    """`FilePublic`: an uploaded document; GET `download_path` with the token."""

    kind: str
    filename: str
    content_type: str
    size: int
    uploaded_at: datetime
    download_path: str


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    wave_id: int
    number: str
    specialty: str
    post_type: str
    duration_months: int
    offset_semester: bool
    label: str
    establishment: str
    subdivision: str
    places: int
    remaining_places: int
    validated: bool
    option: str | None = None
    indication: str | None = None
    region: str | None = None
    supervisor: PersonBrief | None = None
    second_supervisor: PersonBrief | None = None
    second_supervisor_access: str = "read"
    description: str | None = None
    attachment: FileInfo | None = None
    my_position: int | None = None


@dataclass(frozen=True, slots=True)
class RankingSummary:
    round_id: int
    round_number: int
    phase: str
    candidates: int
    ranked: int
    rejected: int
    unclassified: int
    valid: bool
    version: int
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AssignedCandidate:
    candidate_id: int
    first_name: str
    last_name: str
    specialty: str
    subdivision: str


@dataclass(frozen=True, slots=True)
class PostRoundResult:
    round_id: int
    round_number: int
    assigned: tuple[AssignedCandidate, ...]


@dataclass(frozen=True, slots=True)
class MyPost:
    """A supervisor's card: the post, his access, the ranking's state, results."""

    id: int
    wave_id: int
    number: str
    specialty: str
    post_type: str
    duration_months: int
    offset_semester: bool
    label: str
    establishment: str
    subdivision: str
    places: int
    remaining_places: int
    validated: bool
    my_access: str
    can_edit_description: bool
    ranking: RankingSummary | None
    results: tuple[PostRoundResult, ...]
    option: str | None = None
    indication: str | None = None
    supervisor: PersonBrief | None = None
    second_supervisor: PersonBrief | None = None
    second_supervisor_access: str = "read"
    description: str | None = None
    attachment: FileInfo | None = None


@dataclass(frozen=True, slots=True)
class PostPage:
    rows: tuple[Post, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class CandidateBrief:
    id: int
    first_name: str
    last_name: str
    specialty: str
    subdivision: str
    offset_semester: bool
    ine: str | None = None

    @property
    def display_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}".strip()


@dataclass(frozen=True, slots=True)
class CandidateFile:
    candidate: CandidateBrief
    presentation: str | None
    documents: tuple[FileInfo, ...]


@dataclass(frozen=True, slots=True)
class Application:
    position: int
    post: Post


@dataclass(frozen=True, slots=True)
class Applications:
    candidate_id: int
    round_id: int
    round_number: int
    phase: str
    can_edit: bool
    eligible: bool
    applications: tuple[Application, ...]
    count: int
    required: int
    open_posts: int
    enough: bool


@dataclass(frozen=True, slots=True)
class Violation:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class RankingCandidate:
    id: int
    first_name: str
    last_name: str
    specialty: str
    subdivision: str
    offset_semester: bool
    in_post_subdivision: bool
    status: str
    rank: int | None
    has_file: bool
    ine: str | None = None
    observation: str | None = None

    @property
    def display_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}".strip()


@dataclass(frozen=True, slots=True)
class Ranking:
    post_id: int
    round_id: int
    round_number: int
    phase: str
    can_edit: bool
    version: int
    capacity: int
    candidates: tuple[RankingCandidate, ...]
    ranked: tuple[int, ...]
    rejected: tuple[int, ...]
    unclassified: tuple[int, ...]
    valid: bool
    violations: tuple[Violation, ...]
    updated_at: datetime | None = None
    updated_by: str | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    post_id: int
    candidate_id: int
    text: str | None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RoundRun:
    round: Round
    participants: int
    assigned: int
    unassigned: int
    posts: int
    posts_valid: int
    posts_invalid: int
    places: int
    seconds: float


@dataclass(frozen=True, slots=True)
class ResultPost:
    id: int
    number: str
    label: str
    specialty: str
    establishment: str
    subdivision: str
    duration_months: int
    offset_semester: bool
    indication: str | None = None
    supervisor: PersonBrief | None = None


@dataclass(frozen=True, slots=True)
class ResultRow:
    round_id: int
    round_number: int
    wave_id: int
    wave_name: str
    published: bool
    source: str
    candidate: CandidateBrief
    post: ResultPost | None


@dataclass(frozen=True, slots=True)
class ResultPage:
    rows: tuple[ResultRow, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class Ratio:
    count: int
    total: int
    percent: float


@dataclass(frozen=True, slots=True)
class StudentRow:
    candidate_id: int
    person_id: int
    last_name: str
    first_name: str
    subdivision: str
    specialty: str
    wave_id: int
    applications: int
    required: int
    enough: bool
    participating: bool
    offset_semester: bool
    email: str | None = None
    ine: str | None = None
    region: str | None = None
    last_seen_at: datetime | None = None
    assigned_round: int | None = None
    assigned_post: ResultPost | None = None


@dataclass(frozen=True, slots=True)
class StudentStats:
    total: int
    connected: Ratio
    enough: Ratio
    participating: Ratio
    offset_semester: Ratio
    assigned: Ratio


@dataclass(frozen=True, slots=True)
class StudentDashboard:
    rows: tuple[StudentRow, ...]
    total: int
    stats: StudentStats


@dataclass(frozen=True, slots=True)
class PostRow:
    post_id: int
    wave_id: int
    number: str
    label: str
    specialty: str
    establishment: str
    subdivision: str
    post_type: str
    duration_months: int
    places: int
    remaining_places: int
    applications: int
    assignments: int
    ranking_valid: bool | None
    violations: tuple[str, ...]
    offset_semester: bool
    validated: bool
    indication: str | None = None
    region: str | None = None
    supervisor: PersonBrief | None = None
    supervisor_last_seen_at: datetime | None = None
    last_change_at: datetime | None = None
    last_change_by: str | None = None


@dataclass(frozen=True, slots=True)
class PostStats:
    total: int
    places: int
    assignments: Ratio
    with_applications: Ratio
    ranking_valid: Ratio
    assigned: Ratio
    validated: Ratio
    supervisors_connected: Ratio


@dataclass(frozen=True, slots=True)
class PostDashboard:
    rows: tuple[PostRow, ...]
    total: int
    stats: PostStats


@dataclass(frozen=True, slots=True)
class CandidateApplicationRow:
    round_id: int
    round_number: int
    position: int
    post: ResultPost
    ranking_status: str
    rank: int | None
    ranking_valid: bool
    result: str


@dataclass(frozen=True, slots=True)
class CandidateApplications:
    candidate: CandidateBrief
    rows: tuple[CandidateApplicationRow, ...]
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Download:
    """A fetched file: the name the server suggests, its bytes, and rows for exports."""

    filename: str
    content: bytes
    rows: int | None = None


class StaleRanking(ApiError):
    """409 `stale_version`: the ranking changed meanwhile; `current` is how it is stored."""

    def __init__(self, error: ApiError, current: Ranking) -> None:
        super().__init__(error.code, error.message, status=error.status, field=error.field)
        self.current = current


DOCUMENT_KINDS: tuple[str, ...] = ("cv", "letter", "contract")
UPLOAD_TYPES = {
    ".pdf": "application/pdf", ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation", ".rtf": "application/rtf",
}


def _filename(response: httpx.Response, fallback: str) -> str:
    """The file name of a `Content-Disposition` header (RFC 5987 `filename*` first)."""
    from email.message import Message

    header = response.headers.get("Content-Disposition", "")
    if not header:
        return fallback
    message = Message()
    message["Content-Disposition"] = header
    name = message.get_filename()
    return str(name) if name else fallback


def _clean(params: dict[str, Any]) -> dict[str, Any]:
    """Query parameters without the unset ones; booleans as the server reads them."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if value is None or value == "":
            continue
        out[key] = ("true" if value else "false") if isinstance(value, bool) else value
    return out


# --------------------------------------------------------------------------- client


class MatchingApi:
    """The `/api/matching` routes of one server, over the shared `ApiClient`."""

    PREFIX = "/api/matching"

    def __init__(self, api: ApiClient) -> None:
        self.api = api

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One authenticated request; the raw answer. Raises ApiError (StaleRanking)."""
        try:
            return await self.api.send(method, path, auth=True, **kwargs)
        except ApiError as error:
            if error.code != "stale_version" or not isinstance(error.body, dict):
                raise
            try:
                current = decode(Ranking, error.body.get("current"))
            except (ValueError, AttributeError, ApiError):
                raise error from None
            raise StaleRanking(error, current) from None

    async def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self._send(method, self.PREFIX + path, **kwargs)
        return response.json() if response.content else None

    async def _download(self, path: str, fallback: str,
                        params: dict[str, Any] | None = None) -> Download:
        response = await self._send("GET", path, params=params)
        rows = response.headers.get("X-Row-Count")
        return Download(_filename(response, fallback), response.content,
                        int(rows) if rows and rows.isdigit() else None)

    @staticmethod
    def _upload(path: Path) -> dict[str, Any]:
        content_type = UPLOAD_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return {"files": {"file": (path.name, path.read_bytes(), content_type)}}

    # ---------------------------------------------------------------- campaign

    async def find_matching_campaign(self) -> int | None:
        """The id of the newest matching campaign this account sees, if any."""
        found = [c for c in await self.api.list_campaigns() if c.kind == "matching"]
        return max((c.id for c in found), default=None)

    async def get_matching_campaign(self, cid: int) -> MatchingCampaign:
        return decode(MatchingCampaign, await self._json("GET", f"/campaigns/{cid}"))

    # ---------------------------------------------------------------- posts

    async def list_matching_posts(self, cid: int, **filters: Any) -> PostPage:
        return decode(PostPage, await self._json("GET", f"/campaigns/{cid}/posts",
                                                 params=_clean(filters)))

    async def list_my_matching_posts(self, cid: int) -> list[MyPost]:
        return decode_list(MyPost, await self._json("GET", f"/campaigns/{cid}/my-posts"))

    async def get_matching_post(self, post_id: int) -> Post:
        return decode(Post, await self._json("GET", f"/posts/{post_id}"))

    async def describe_matching_post(self, post_id: int, description: str | None) -> Post:
        return decode(Post, await self._json("PUT", f"/posts/{post_id}/description",
                                             json={"description": description}))

    async def upload_post_attachment(self, post_id: int, path: Path) -> FileInfo:
        return decode(FileInfo, await self._json("PUT", f"/posts/{post_id}/attachment",
                                                 **self._upload(path)))

    async def download_post_attachment(self, post_id: int) -> Download:
        return await self._download(f"{self.PREFIX}/posts/{post_id}/attachment", "piece-jointe")

    async def delete_post_attachment(self, post_id: int) -> None:
        await self._json("DELETE", f"/posts/{post_id}/attachment")

    # ---------------------------------------------------------------- applications, files

    async def get_my_applications(self, cid: int, round_id: int | None = None
                                  ) -> Applications:
        return decode(Applications, await self._json(
            "GET", f"/campaigns/{cid}/applications", params=_clean({"round_id": round_id})))

    async def set_my_applications(self, cid: int, post_ids: list[int],
                                  round_id: int | None = None) -> Applications:
        body: dict[str, Any] = {"post_ids": post_ids}
        if round_id is not None:
            body["round_id"] = round_id
        return decode(Applications, await self._json("PUT", f"/campaigns/{cid}/applications",
                                                     json=body))

    async def get_my_candidate_file(self, cid: int) -> CandidateFile:
        return decode(CandidateFile, await self._json("GET", f"/campaigns/{cid}/my-file"))

    async def update_my_presentation(self, cid: int, presentation: str | None
                                     ) -> CandidateFile:
        return decode(CandidateFile, await self._json(
            "PUT", f"/campaigns/{cid}/my-file/presentation",
            json={"presentation": presentation}))

    async def upload_my_document(self, cid: int, kind: str, path: Path) -> FileInfo:
        return decode(FileInfo, await self._json(
            "PUT", f"/campaigns/{cid}/my-file/documents/{kind}", **self._upload(path)))

    async def delete_my_document(self, cid: int, kind: str) -> None:
        await self._json("DELETE", f"/campaigns/{cid}/my-file/documents/{kind}")

    async def get_candidate_file(self, candidate_id: int) -> CandidateFile:
        return decode(CandidateFile, await self._json("GET", f"/candidates/{candidate_id}/file"))

    async def download_candidate_document(self, candidate_id: int, kind: str) -> Download:
        return await self._download(
            f"{self.PREFIX}/candidates/{candidate_id}/documents/{kind}", kind)

    async def download_file(self, info: FileInfo) -> Download:
        """Any `FilePublic` by its `download_path`."""
        return await self._download(info.download_path, info.filename)

    async def get_candidate_applications(self, candidate_id: int) -> CandidateApplications:
        return decode(CandidateApplications, await self._json(
            "GET", f"/candidates/{candidate_id}/applications"))

    # ---------------------------------------------------------------- rankings

    async def get_post_ranking(self, post_id: int, round_id: int | None = None) -> Ranking:
        return decode(Ranking, await self._json("GET", f"/posts/{post_id}/ranking",
                                                params=_clean({"round_id": round_id})))

    async def save_post_ranking(self, post_id: int, version: int, ranked: list[int],
                                rejected: list[int], round_id: int | None = None
                                ) -> Ranking:
        """Raises `StaleRanking` (with the stored ranking) when `version` is not current."""
        body: dict[str, Any] = {"version": version, "ranked": ranked, "rejected": rejected}
        if round_id is not None:
            body["round_id"] = round_id
        return decode(Ranking, await self._json("PUT", f"/posts/{post_id}/ranking", json=body))

    async def save_candidate_observation(self, post_id: int, candidate_id: int,
                                         text: str) -> Observation:
        return decode(Observation, await self._json(
            "PUT", f"/posts/{post_id}/observations/{candidate_id}", json={"text": text}))

    # ---------------------------------------------------------------- rounds, results

    async def run_matching_round(self, round_id: int) -> RoundRun:
        return decode(RoundRun, await self._json("POST", f"/rounds/{round_id}/run"))

    async def publish_matching_round(self, round_id: int) -> RoundRun:
        return decode(RoundRun, await self._json("POST", f"/rounds/{round_id}/publish"))

    async def record_matching_outcome(self, round_id: int, candidate_id: int,
                                      post_id: int | None) -> ResultRow:
        """Type in what an off-platform round gave a candidate (a post, or none)."""
        return decode(ResultRow, await self._json(
            "PUT", f"/rounds/{round_id}/outcomes/{candidate_id}", json={"post_id": post_id}))

    async def delete_matching_outcome(self, round_id: int, candidate_id: int) -> None:
        await self._json("DELETE", f"/rounds/{round_id}/outcomes/{candidate_id}")

    async def list_matching_results(self, cid: int, **filters: Any) -> ResultPage:
        return decode(ResultPage, await self._json("GET", f"/campaigns/{cid}/results",
                                                   params=_clean(filters)))

    # ---------------------------------------------------------------- dashboards, exports

    async def matching_students_dashboard(self, cid: int, **filters: Any
                                          ) -> StudentDashboard:
        return decode(StudentDashboard, await self._json(
            "GET", f"/campaigns/{cid}/dashboard/students", params=_clean(filters)))

    async def matching_posts_dashboard(self, cid: int, **filters: Any) -> PostDashboard:
        return decode(PostDashboard, await self._json(
            "GET", f"/campaigns/{cid}/dashboard/posts", params=_clean(filters)))

    async def export_matching(self, cid: int, view: str, fmt: str, **filters: Any
                              ) -> Download:
        """`export_matching_students` / `_posts` / `_results` (`view`) as CSV or XLSX."""
        if view not in ("students", "posts", "results"):
            raise ValueError(view)
        params = _clean({**filters, "format": fmt, "offset": None, "limit": None})
        return await self._download(f"{self.PREFIX}/campaigns/{cid}/exports/{view}",
                                    f"appariement-{view}.{fmt}", params)
