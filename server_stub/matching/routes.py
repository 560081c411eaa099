"""Matching (SiiMOP): campaign set-up, posts, applications, supervisors' rankings, rounds,
results, coordinators' dashboards and exports. The route table is in docs/api-matching.md.

Routes only parse, call one service and shape the answer; who may do what in a campaign
is decided by the services (a person's part comes from the campaign's data).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Path, Query, Response, UploadFile, status
from fastapi.responses import FileResponse

from server_stub.core.deps import ContextDep, CurrentUser, SessionDep, SettingsDep, StaffUser
from server_stub.core.errors import ApiError
from server_stub.core.routes.common import errors
from server_stub.core.schemas import ErrorBody
from server_stub.matching import applications as matching_applications
from server_stub.matching import dashboards as matching_dashboards
from server_stub.matching import exports as matching_exports
from server_stub.matching import files as matching_files
from server_stub.matching import imports as matching_imports
from server_stub.matching import members as matching_members
from server_stub.matching import phases as matching_phases
from server_stub.matching import posts as matching_posts
from server_stub.matching import rankings as matching_rankings
from server_stub.matching import receipts as matching_receipts
from server_stub.matching import rounds as matching_rounds
from server_stub.matching.schemas import (
    ApplicationReceiptCheck,
    ApplicationReceiptIn,
    ApplicationReceiptPublic,
    ApplicationsPublic,
    ApplicationsUpdate,
    CandidateApplicationsPublic,
    CandidateFilePublic,
    CandidateImport,
    CoordinatorAdd,
    DocumentKind,
    FilePublic,
    ImportSummary,
    MatchingCalendarPublic,
    MatchingCampaignCreate,
    MatchingCampaignPublic,
    MatchingCampaignUpdate,
    MatchingImportReport,
    MatchingPostPublic,
    MemberInvite,
    MemberPublic,
    MyPostPublic,
    ObservationPublic,
    ObservationUpdate,
    OutcomeUpdate,
    PostDashboard,
    PostDashboardFilter,
    PostDescriptionUpdate,
    PostExport,
    PostFilter,
    PostImport,
    PostPage,
    PostUpdate,
    PresentationUpdate,
    RankingConflictBody,
    RankingPublic,
    RankingUpdate,
    ResultExport,
    ResultFilter,
    ResultPage,
    ResultRow,
    RoundCreate,
    RoundDates,
    RoundRunPublic,
    StudentDashboard,
    StudentExport,
    StudentFilter,
    WaveCreate,
    WaveUpdate,
)

router = APIRouter(prefix="/api/matching", tags=["appariement"])

MAX_ID = 2**31 - 1
MAX_IMPORT_ROWS = 20_000
CampaignId = Annotated[int, Path(ge=1, le=MAX_ID)]
ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]
RoundQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Upload = Annotated[UploadFile, File(description="Document PDF ou bureautique")]
Sheet = Annotated[UploadFile, File(description="Fichier CSV (« ; », « , » ou tabulation ; "
                                               "UTF-8 ou Windows-1252) ou Excel (.xlsx)")]
DryRun = Annotated[bool, Query(description="Seulement vérifier : rien n'est enregistré")]
MAX_SHEET_BYTES = 20 * 1024 * 1024


def _file_errors() -> dict[int | str, dict[str, Any]]:
    out = errors(401, 403, 404, 409, 413)
    out[415] = {"model": ErrorBody, "description": "Type de fichier non accepté"}
    return out


def _read(upload: UploadFile, settings: Any) -> bytes:
    """The upload's bytes, read only up to one byte past the limit."""
    return upload.file.read(settings.matching_upload_max_bytes + 1)


def _sheet(upload: UploadFile) -> tuple[str, bytes]:
    """The uploaded spreadsheet's name and bytes; 413 past `MAX_SHEET_BYTES`."""
    content = upload.file.read(MAX_SHEET_BYTES + 1)
    if len(content) > MAX_SHEET_BYTES:
        raise ApiError(413, "file_too_large", "Fichier trop volumineux (20 Mo au plus).",
                       field="file")
    return upload.filename or "", content


def _send(download: matching_files.Download) -> FileResponse:
    return FileResponse(download.path, media_type=download.content_type,
                        filename=download.filename,
                        headers={"Cache-Control": "private, no-store"})


def _export(out: matching_exports.ExportFile) -> Response:
    return Response(out.content, media_type=out.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{out.filename}"',
                             "Cache-Control": "private, no-store",
                             "X-Row-Count": str(out.rows)})


_EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}, matching_exports.MEDIA_TYPES["xlsx"]: {}},
          "description": "Fichier CSV (UTF-8, « ; ») ou Excel"},
    **errors(401, 403, 404),
}


# --------------------------------------------------------------------------- campaign, phases


@router.get("/campaigns/{campaign_id}/calendar", operation_id="get_matching_calendar",
            response_model=MatchingCalendarPublic, responses=errors(404))
def get_matching_calendar(campaign_id: CampaignId, session: SessionDep) -> MatchingCalendarPublic:
    """The campaign's waves, rounds and dated phases, for everyone (no sign-in)."""
    return matching_phases.calendar(session, campaign_id)


@router.get("/campaigns/{campaign_id}", operation_id="get_matching_campaign",
            response_model=MatchingCampaignPublic, responses=errors(401, 403, 404))
def get_matching_campaign(campaign_id: CampaignId, user: CurrentUser,
                          session: SessionDep) -> MatchingCampaignPublic:
    """The campaign, its waves and dated rounds, each round's phase now, and my part in it."""
    return matching_phases.get_campaign(session, campaign_id, user)


@router.post("/campaigns", operation_id="create_matching_campaign",
             status_code=status.HTTP_201_CREATED, response_model=MatchingCampaignPublic,
             responses=errors(401, 403))
def create_matching_campaign(data: MatchingCampaignCreate, user: StaffUser, session: SessionDep,
                             ctx: ContextDep) -> MatchingCampaignPublic:
    """A new matching campaign, as a draft (staff)."""
    return matching_phases.create_campaign(session, ctx, user, data)


@router.patch("/campaigns/{campaign_id}", operation_id="update_matching_campaign",
              response_model=MatchingCampaignPublic, responses=errors(401, 403, 404))
def update_matching_campaign(campaign_id: CampaignId, data: MatchingCampaignUpdate,
                             user: StaffUser, session: SessionDep,
                             ctx: ContextDep) -> MatchingCampaignPublic:
    """Rename, open (`state: open`) or close the campaign; change its rules and thresholds."""
    return matching_phases.update_campaign(session, ctx, user, campaign_id, data)


@router.post("/campaigns/{campaign_id}/waves", operation_id="create_matching_wave",
             status_code=status.HTTP_201_CREATED, response_model=MatchingCampaignPublic,
             responses=errors(401, 403, 404))
def create_matching_wave(campaign_id: CampaignId, data: WaveCreate, user: StaffUser,
                         session: SessionDep, ctx: ContextDep) -> MatchingCampaignPublic:
    """Add a wave (with its "Mes postes" window) to the campaign (staff)."""
    return matching_phases.create_wave(session, ctx, user, campaign_id, data)


@router.patch("/waves/{wave_id}", operation_id="update_matching_wave",
              response_model=MatchingCampaignPublic, responses=errors(401, 403, 404))
def update_matching_wave(wave_id: ItemId, data: WaveUpdate, user: StaffUser,
                         session: SessionDep, ctx: ContextDep) -> MatchingCampaignPublic:
    """Rename or reschedule a wave (only the fields sent; null clears a date)."""
    return matching_phases.update_wave(session, ctx, user, wave_id, data)


@router.post("/waves/{wave_id}/rounds", operation_id="create_matching_round",
             status_code=status.HTTP_201_CREATED, response_model=MatchingCampaignPublic,
             responses=errors(401, 403, 404, 409))
def create_matching_round(wave_id: ItemId, data: RoundCreate, user: StaffUser,
                          session: SessionDep, ctx: ContextDep) -> MatchingCampaignPublic:
    """Add a round with its dated phases (off-platform rounds: `opens_at`/`closes_at`)."""
    return matching_phases.create_round(session, ctx, user, wave_id, data)


@router.patch("/rounds/{round_id}", operation_id="update_matching_round",
              response_model=MatchingCampaignPublic, responses=errors(401, 403, 404, 409))
def update_matching_round(round_id: ItemId, data: RoundDates, user: StaffUser,
                          session: SessionDep, ctx: ContextDep) -> MatchingCampaignPublic:
    """Move a round's dates (only the fields sent; null clears)."""
    return matching_phases.update_round(session, ctx, user, round_id, data)


@router.post("/campaigns/{campaign_id}/coordinators", operation_id="add_matching_coordinator",
             response_model=MatchingCampaignPublic, responses=errors(401, 403, 404))
def add_matching_coordinator(campaign_id: CampaignId, data: CoordinatorAdd, user: StaffUser,
                             session: SessionDep, ctx: ContextDep) -> MatchingCampaignPublic:
    """Make a known person (by email) a coordinator of the campaign."""
    return matching_phases.add_coordinator(session, ctx, user, campaign_id, data)


@router.post("/waves/{wave_id}/posts", operation_id="import_matching_posts",
             response_model=ImportSummary, responses=errors(401, 403, 404))
def import_matching_posts(wave_id: ItemId,
                          rows: Annotated[list[PostImport], Body(max_length=MAX_IMPORT_ROWS)],
                          user: StaffUser, session: SessionDep,
                          ctx: ContextDep) -> ImportSummary:
    """Create or update (same number) the wave's posts; supervisors by email. All or nothing."""
    return matching_posts.import_posts(session, ctx, user, wave_id, rows)


@router.post("/waves/{wave_id}/candidates", operation_id="import_matching_candidates",
             response_model=ImportSummary, responses=errors(401, 403, 404))
def import_matching_candidates(
        wave_id: ItemId,
        rows: Annotated[list[CandidateImport], Body(max_length=MAX_IMPORT_ROWS)],
        user: StaffUser, session: SessionDep, ctx: ContextDep) -> ImportSummary:
    """Add junior doctors (found by INE or email) to the wave, or update them. All or nothing."""
    return matching_applications.import_candidates(session, ctx, user, wave_id, rows)


@router.post("/campaigns/{campaign_id}/supervisors/file",
             operation_id="import_matching_supervisors_file",
             response_model=MatchingImportReport, responses=errors(401, 403, 404, 409, 413))
def import_matching_supervisors_file(campaign_id: CampaignId, file: Sheet, user: StaffUser,
                                     session: SessionDep, ctx: ContextDep,
                                     dry_run: DryRun = False) -> MatchingImportReport:
    """Supervisors from CSV or XLSX (nom, prénom, adresse): accounts for unknown addresses,
    an invitation mailed to each newcomer; every rejected line reported (staff)."""
    name, content = _sheet(file)
    return matching_imports.import_supervisors(session, ctx, user, campaign_id, name, content,
                                               dry_run)


@router.post("/waves/{wave_id}/posts/file", operation_id="import_matching_posts_file",
             response_model=MatchingImportReport, responses=errors(401, 403, 404, 409, 413))
def import_matching_posts_file(wave_id: ItemId, file: Sheet, user: StaffUser,
                               session: SessionDep, ctx: ContextDep,
                               dry_run: DryRun = False) -> MatchingImportReport:
    """The wave's posts from CSV or XLSX (created, or updated by number); every rejected
    line reported, the others imported (staff)."""
    name, content = _sheet(file)
    return matching_imports.import_posts(session, ctx, user, wave_id, name, content, dry_run)


@router.post("/waves/{wave_id}/candidates/file", operation_id="import_matching_candidates_file",
             response_model=MatchingImportReport, responses=errors(401, 403, 404, 409, 413))
def import_matching_candidates_file(wave_id: ItemId, file: Sheet, user: StaffUser,
                                    session: SessionDep, ctx: ContextDep,
                                    dry_run: DryRun = False) -> MatchingImportReport:
    """The wave's junior doctors from CSV or XLSX (INE or adresse, spécialité, subdivision,
    décalé); every rejected line reported, the others imported (staff)."""
    name, content = _sheet(file)
    return matching_imports.import_candidates(session, ctx, user, wave_id, name, content,
                                              dry_run)


@router.get("/campaigns/{campaign_id}/members", operation_id="list_matching_members",
            response_model=list[MemberPublic], responses=errors(401, 403, 404))
def list_matching_members(campaign_id: CampaignId, user: CurrentUser,
                          session: SessionDep) -> list[MemberPublic]:
    """The campaign's coordinators and supervisors (staff, coordinators)."""
    return matching_members.list_members(session, user, campaign_id)


@router.post("/campaigns/{campaign_id}/members", operation_id="invite_matching_member",
             status_code=status.HTTP_201_CREATED, response_model=MemberPublic,
             responses=errors(401, 403, 404, 409))
def invite_matching_member(campaign_id: CampaignId, data: MemberInvite, user: StaffUser,
                           session: SessionDep, ctx: ContextDep) -> MemberPublic:
    """Add a coordinator or supervisor by email (an account is created for an unknown
    address) and mail him an invitation (staff)."""
    return matching_members.invite_member(session, ctx, user, campaign_id, data)


# --------------------------------------------------------------------------- posts


@router.get("/campaigns/{campaign_id}/posts", operation_id="list_matching_posts",
            response_model=PostPage, responses=errors(401, 403, 404))
def list_matching_posts(campaign_id: CampaignId, f: Annotated[PostFilter, Query()],
                        user: CurrentUser, session: SessionDep) -> PostPage:
    """Posts to browse: a student sees the validated posts of his wave (`my_position` tells
    where each is in his current list); coordinators and staff see all."""
    return matching_posts.list_posts(session, user, campaign_id, f)


@router.get("/campaigns/{campaign_id}/my-posts", operation_id="list_my_matching_posts",
            response_model=list[MyPostPublic], responses=errors(401, 403, 404))
def list_my_matching_posts(campaign_id: CampaignId, user: CurrentUser,
                           session: SessionDep) -> list[MyPostPublic]:
    """A supervisor's post cards (his posts, and those where he is second supervisor)."""
    return matching_posts.my_posts(session, user, campaign_id)


@router.get("/posts/{post_id}", operation_id="get_matching_post",
            response_model=MatchingPostPublic, responses=errors(401, 403, 404))
def get_matching_post(post_id: ItemId, user: CurrentUser, session: SessionDep
                      ) -> MatchingPostPublic:
    """A post's details (its supervisors, coordinators, staff, students of its wave)."""
    return matching_posts.get_post(session, user, post_id)


@router.patch("/posts/{post_id}", operation_id="update_matching_post",
              response_model=MatchingPostPublic, responses=errors(401, 403, 404))
def update_matching_post(post_id: ItemId, data: PostUpdate, user: StaffUser,
                         session: SessionDep, ctx: ContextDep) -> MatchingPostPublic:
    """The agency corrects a post or validates it (`validated`)."""
    return matching_posts.update_post(session, ctx, user, post_id, data)


@router.put("/posts/{post_id}/description", operation_id="describe_matching_post",
            response_model=MatchingPostPublic, responses=errors(401, 403, 404, 409))
def describe_matching_post(post_id: ItemId, data: PostDescriptionUpdate, user: CurrentUser,
                           session: SessionDep, ctx: ContextDep) -> MatchingPostPublic:
    """The referent supervisor describes his post during "Mes postes" (staff: any time)."""
    return matching_posts.describe_post(session, ctx, user, post_id, data)


@router.put("/posts/{post_id}/attachment", operation_id="upload_post_attachment",
            response_model=FilePublic, responses=_file_errors())
def upload_post_attachment(post_id: ItemId, file: Upload, user: CurrentUser,
                           session: SessionDep, ctx: ContextDep) -> FilePublic:
    """Attach (or replace) the post's descriptive file: PDF or office document, size-limited."""
    return matching_files.upload_attachment(session, ctx, user, post_id, file.filename,
                                            _read(file, ctx.settings))


@router.get("/posts/{post_id}/attachment", operation_id="download_post_attachment",
            response_class=FileResponse,
            responses={200: {"content": {"application/octet-stream": {}},
                             "description": "Le fichier descriptif"},
                       **errors(401, 403, 404)})
def download_post_attachment(post_id: ItemId, user: CurrentUser, session: SessionDep,
                             settings: SettingsDep) -> FileResponse:
    """The post's descriptive file (whoever may see the post)."""
    return _send(matching_files.attachment_download(session, settings, user, post_id))


@router.delete("/posts/{post_id}/attachment", operation_id="delete_post_attachment",
               status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
               responses=errors(401, 403, 404, 409))
def delete_post_attachment(post_id: ItemId, user: CurrentUser, session: SessionDep,
                           ctx: ContextDep) -> Response:
    matching_files.delete_attachment(session, ctx, user, post_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --------------------------------------------------------------------------- applications, file


@router.get("/campaigns/{campaign_id}/applications", operation_id="get_my_applications",
            response_model=ApplicationsPublic, responses=errors(401, 403, 404, 409))
def get_my_applications(campaign_id: CampaignId, user: CurrentUser, session: SessionDep,
                        round_id: RoundQuery = None) -> ApplicationsPublic:
    """My ordered applications in a round (default: my wave's current round), and whether
    they are enough ("candidatures suffisantes")."""
    return matching_applications.my_applications(session, user, campaign_id, round_id)


@router.put("/campaigns/{campaign_id}/applications", operation_id="set_my_applications",
            response_model=ApplicationsPublic, responses=errors(401, 403, 404, 409))
def set_my_applications(campaign_id: CampaignId, data: ApplicationsUpdate, user: CurrentUser,
                        session: SessionDep, ctx: ContextDep) -> ApplicationsPublic:
    """Replace my whole ordered list (applications phase only)."""
    return matching_applications.set_applications(session, ctx, user, campaign_id, data)


@router.get("/campaigns/{campaign_id}/my-receipts", operation_id="list_my_matching_receipts",
            response_model=list[ApplicationReceiptPublic], responses=errors(401, 403, 404))
def list_my_matching_receipts(campaign_id: CampaignId, user: CurrentUser, session: SessionDep,
                              round_id: RoundQuery = None) -> list[ApplicationReceiptPublic]:
    """The signed receipts of my saved application lists (one round, or all), newest first."""
    return matching_receipts.my_receipts(session, user, campaign_id, round_id)


@router.post("/campaigns/{campaign_id}/receipts/verify",
             operation_id="verify_matching_receipt", response_model=ApplicationReceiptCheck,
             responses=errors(401, 403, 404))
def verify_matching_receipt(campaign_id: CampaignId, data: ApplicationReceiptIn,
                            user: CurrentUser, session: SessionDep,
                            ctx: ContextDep) -> ApplicationReceiptCheck:
    """Check an application-list receipt: the server's signature, recorded, still the list
    as it stands (participants of the campaign)."""
    return matching_receipts.verify(session, ctx.settings.secret_key, user, campaign_id, data)


@router.get("/campaigns/{campaign_id}/my-file", operation_id="get_my_candidate_file",
            response_model=CandidateFilePublic, responses=errors(401, 403, 404))
def get_my_candidate_file(campaign_id: CampaignId, user: CurrentUser,
                          session: SessionDep) -> CandidateFilePublic:
    """My file: presentation text and documents (CV, letter, training contract)."""
    return matching_files.my_file(session, user, campaign_id)


@router.put("/campaigns/{campaign_id}/my-file/presentation",
            operation_id="update_my_presentation", response_model=CandidateFilePublic,
            responses=errors(401, 403, 404, 409))
def update_my_presentation(campaign_id: CampaignId, data: PresentationUpdate,
                           user: CurrentUser, session: SessionDep,
                           ctx: ContextDep) -> CandidateFilePublic:
    return matching_files.update_presentation(session, ctx, user, campaign_id, data)


@router.put("/campaigns/{campaign_id}/my-file/documents/{kind}",
            operation_id="upload_my_document", response_model=FilePublic,
            responses=_file_errors())
def upload_my_document(campaign_id: CampaignId, kind: DocumentKind, file: Upload,
                       user: CurrentUser, session: SessionDep, ctx: ContextDep) -> FilePublic:
    """Deposit (or replace) my CV (`cv`), letter (`letter`) or training contract (`contract`)."""
    return matching_files.upload_document(session, ctx, user, campaign_id, kind, file.filename,
                                          _read(file, ctx.settings))


@router.delete("/campaigns/{campaign_id}/my-file/documents/{kind}",
               operation_id="delete_my_document", status_code=status.HTTP_204_NO_CONTENT,
               response_class=Response, responses=errors(401, 403, 404, 409))
def delete_my_document(campaign_id: CampaignId, kind: DocumentKind, user: CurrentUser,
                       session: SessionDep, ctx: ContextDep) -> Response:
    matching_files.delete_document(session, ctx, user, campaign_id, kind)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/candidates/{candidate_id}/file", operation_id="get_candidate_file",
            response_model=CandidateFilePublic, responses=errors(401, 403, 404))
def get_candidate_file(candidate_id: ItemId, user: CurrentUser,
                       session: SessionDep) -> CandidateFilePublic:
    """A candidate's file (supervisors of a post he applied to, coordinators, staff)."""
    return matching_files.candidate_file(session, user, candidate_id)


@router.get("/candidates/{candidate_id}/documents/{kind}",
            operation_id="download_candidate_document", response_class=FileResponse,
            responses={200: {"content": {"application/octet-stream": {}},
                             "description": "Le document"},
                       **errors(401, 403, 404)})
def download_candidate_document(candidate_id: ItemId, kind: DocumentKind, user: CurrentUser,
                                session: SessionDep, settings: SettingsDep) -> FileResponse:
    return _send(matching_files.document_download(session, settings, user, candidate_id, kind))


@router.get("/candidates/{candidate_id}/applications",
            operation_id="get_candidate_applications",
            response_model=CandidateApplicationsPublic, responses=errors(401, 403, 404))
def get_candidate_applications(candidate_id: ItemId, user: CurrentUser,
                               session: SessionDep) -> CandidateApplicationsPublic:
    """A student's applications round by round, with each post's ranking of him and the
    outcome (coordinators and staff)."""
    return matching_applications.candidate_applications(session, user, candidate_id)


# --------------------------------------------------------------------------- rankings


@router.get("/posts/{post_id}/ranking", operation_id="get_post_ranking",
            response_model=RankingPublic, responses=errors(401, 403, 404, 409))
def get_post_ranking(post_id: ItemId, user: CurrentUser, session: SessionDep,
                     round_id: RoundQuery = None) -> RankingPublic:
    """The post's ranking in a round (default: current) with its validity and broken rules.
    Supervisors of the post see their observations; coordinators and staff read it without."""
    return matching_rankings.get_ranking(session, user, post_id, round_id)


@router.put("/posts/{post_id}/ranking", operation_id="save_post_ranking",
            response_model=RankingPublic,
            responses={**errors(401, 403, 404, 409),
                       409: {"model": RankingConflictBody,
                             "description": "`stale_version` (with `current`) or "
                                            "`phase_closed`"}})
def save_post_ranking(post_id: ItemId, data: RankingUpdate, user: CurrentUser,
                      session: SessionDep, ctx: ContextDep) -> RankingPublic:
    """Save the whole ranking from `version` (ranking phase, referent supervisor)."""
    return matching_rankings.save_ranking(session, ctx, user, post_id, data)


@router.put("/posts/{post_id}/observations/{candidate_id}",
            operation_id="save_candidate_observation", response_model=ObservationPublic,
            responses=errors(401, 403, 404, 409))
def save_candidate_observation(post_id: ItemId, candidate_id: ItemId, data: ObservationUpdate,
                               user: CurrentUser, session: SessionDep,
                               ctx: ContextDep) -> ObservationPublic:
    """Private notes of the post's supervisors on a candidate (empty text deletes them)."""
    return matching_rankings.save_observation(session, ctx, user, post_id, candidate_id, data)


# --------------------------------------------------------------------------- rounds, results


@router.post("/rounds/{round_id}/run", operation_id="run_matching_round",
             response_model=RoundRunPublic, responses=errors(401, 403, 404, 409))
def run_matching_round(round_id: ItemId, user: StaffUser, session: SessionDep,
                       ctx: ContextDep) -> RoundRunPublic:
    """Compute the round (after its ranking phase) and store its results; again until
    published (staff)."""
    return matching_rounds.run_round(session, ctx, user, round_id)


@router.post("/rounds/{round_id}/publish", operation_id="publish_matching_round",
             response_model=RoundRunPublic, responses=errors(401, 403, 404, 409))
def publish_matching_round(round_id: ItemId, user: CurrentUser, session: SessionDep,
                           ctx: ContextDep) -> RoundRunPublic:
    """Publish the round's results to students and supervisors (coordinators, staff)."""
    return matching_rounds.publish_round(session, ctx, user, round_id)


@router.put("/rounds/{round_id}/outcomes/{candidate_id}", operation_id="record_matching_outcome",
            response_model=ResultRow, responses=errors(401, 403, 404, 409))
def record_matching_outcome(round_id: ItemId, candidate_id: ItemId, data: OutcomeUpdate,
                            user: CurrentUser, session: SessionDep,
                            ctx: ContextDep) -> ResultRow:
    """Type in what an off-platform round gave a candidate (`post_id`, or null for none)."""
    return matching_rounds.record_outcome(session, ctx, user, round_id, candidate_id, data)


@router.delete("/rounds/{round_id}/outcomes/{candidate_id}",
               operation_id="delete_matching_outcome", status_code=status.HTTP_204_NO_CONTENT,
               response_class=Response, responses=errors(401, 403, 404, 409))
def delete_matching_outcome(round_id: ItemId, candidate_id: ItemId, user: CurrentUser,
                            session: SessionDep, ctx: ContextDep) -> Response:
    matching_rounds.delete_outcome(session, ctx, user, round_id, candidate_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/campaigns/{campaign_id}/results", operation_id="list_matching_results",
            response_model=ResultPage, responses=errors(401, 403, 404))
def list_matching_results(campaign_id: CampaignId, f: Annotated[ResultFilter, Query()],
                          user: CurrentUser, session: SessionDep) -> ResultPage:
    """Results round by round: all of them for coordinators and staff (published or not);
    published ones of his posts for a supervisor; his own for a student."""
    return matching_rounds.list_results(session, user, campaign_id, f)


# --------------------------------------------------------------------------- dashboards, exports


@router.get("/campaigns/{campaign_id}/dashboard/students",
            operation_id="matching_students_dashboard", response_model=StudentDashboard,
            responses=errors(401, 403, 404))
def matching_students_dashboard(campaign_id: CampaignId, f: Annotated[StudentFilter, Query()],
                                user: CurrentUser, session: SessionDep) -> StudentDashboard:
    """"Suivi des Docteurs Juniors" with filters and the percentages (coordinators, staff)."""
    return matching_dashboards.students_dashboard(session, user, campaign_id, f)


@router.get("/campaigns/{campaign_id}/dashboard/posts", operation_id="matching_posts_dashboard",
            response_model=PostDashboard, responses=errors(401, 403, 404))
def matching_posts_dashboard(campaign_id: CampaignId,
                             f: Annotated[PostDashboardFilter, Query()],
                             user: CurrentUser, session: SessionDep) -> PostDashboard:
    """"Suivi des postes" with filters and the percentages (coordinators, staff)."""
    return matching_dashboards.posts_dashboard(session, user, campaign_id, f)


@router.get("/campaigns/{campaign_id}/exports/students",
            operation_id="export_matching_students", response_class=Response,
            responses=_EXPORT_RESPONSES)
def export_matching_students(campaign_id: CampaignId, f: Annotated[StudentExport, Query()],
                             user: CurrentUser, session: SessionDep,
                             ctx: ContextDep) -> Response:
    """Every student row the filters keep, as CSV or Excel (`format`)."""
    return _export(matching_exports.export_students(session, ctx, user, campaign_id, f,
                                                    f.format))


@router.get("/campaigns/{campaign_id}/exports/posts", operation_id="export_matching_posts",
            response_class=Response, responses=_EXPORT_RESPONSES)
def export_matching_posts(campaign_id: CampaignId, f: Annotated[PostExport, Query()],
                          user: CurrentUser, session: SessionDep, ctx: ContextDep) -> Response:
    """Every post row the filters keep, as CSV or Excel (`format`)."""
    return _export(matching_exports.export_posts(session, ctx, user, campaign_id, f, f.format))


@router.get("/campaigns/{campaign_id}/exports/results", operation_id="export_matching_results",
            response_class=Response, responses=_EXPORT_RESPONSES)
def export_matching_results(campaign_id: CampaignId, f: Annotated[ResultExport, Query()],
                            user: CurrentUser, session: SessionDep,
                            ctx: ContextDep) -> Response:
    """Every result row the filters keep (published or not), as CSV or Excel (`format`)."""
    return _export(matching_exports.export_results(session, ctx, user, campaign_id, f,
                                                   f.format))
