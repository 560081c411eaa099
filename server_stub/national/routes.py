"""National choice (CELINE): wishes, simulation, public tables, amphitheatre turns.

Map and conventions: docs/api-national.md. The routes parse, authorise and call one
service; the in-memory simulations live in `app.state.national` (a `NationalRegistry`),
built at start-up by `national.scheduled.lifespan`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, File, Path, Query, Request, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from server_stub.core.deps import CachedCaller, ContextDep, CurrentUser, SessionDep, StaffUser
from server_stub.core.routes.common import encoded, errors
from server_stub.core.spreadsheets import MEDIA_TYPES
from server_stub.national import admin as national_admin
from server_stub.national import exports as national_exports
from server_stub.national import messages as national_messages
from server_stub.national import reads as national_reads
from server_stub.national import schemas as sch
from server_stub.national import turns as national_turns
from server_stub.national import wishes as national_wishes
from server_stub.national.receipts import verify
from server_stub.national.runtime import NationalRegistry

router = APIRouter(prefix="/api/national", tags=["choix national"])

MAX_ID = 2**31 - 1
CampaignId = Annotated[int, Path(ge=1, le=MAX_ID, description="Id of the national campaign.")]
PoolQuery = Annotated[Literal["general", "cesp"], Query(description="Pool of the offer.")]
Limit = Annotated[int, Query(ge=1, le=500)]
BeforeId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


async def get_registry(request: Request) -> NationalRegistry:
    """The app's national runtimes (created on first use when no lifespan ran)."""
    registry = getattr(request.app.state, "national", None)
    if registry is None:
        registry = request.app.state.national = NationalRegistry(request.app.state.sessionmaker)
    return registry


RegistryDep = Annotated[NationalRegistry, Depends(get_registry)]


def _stale(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`errors(...)` where 409 may also be `stale_version` with the current list."""
    out = errors(*statuses, 409)
    out[409] = {"model": sch.NationalStaleBody,
                "description": "Conflit ; `stale_version` porte la liste actuelle (`current`)"}
    return out


# --------------------------------------------------------------------------- public


@router.get("/{campaign_id}", operation_id="national_campaign",
            response_model=sch.NationalCampaignPublic, responses=errors(404))
def national_campaign(campaign_id: CampaignId, session: SessionDep,
                      registry: RegistryDep) -> sch.NationalCampaignPublic:
    """The campaign's home page: site state, counts, day slices (answers in every state)."""
    return national_reads.summary(session, registry, campaign_id)


@router.get("/{campaign_id}/cells", operation_id="national_cells",
            response_model=list[sch.NationalCellPublic], responses=errors(404, 409))
def national_cells(campaign_id: CampaignId, registry: RegistryDep,
                   pool: Annotated[Literal["general", "cesp"] | None, Query()] = None,
                   ) -> list[sch.NationalCellPublic]:
    """The offer (cells with their posts), for the subdivision and specialty pickers."""
    return national_reads.cells(registry, campaign_id, pool)


@router.get("/{campaign_id}/cells/{cell_id}", operation_id="national_cell_view",
            response_model=sch.NationalCellView, responses=errors(404, 409))
def national_cell_view(campaign_id: CampaignId,
                       cell_id: Annotated[int, Path(ge=1, le=MAX_ID)],
                       registry: RegistryDep) -> sch.NationalCellView:
    """One cell: each post "affecté" or "simulé", the holder's rank and his wish n°."""
    return national_reads.cell_view(registry, campaign_id, cell_id)


@router.get("/{campaign_id}/tables/final", operation_id="national_final_availability",
            response_model=sch.NationalAvailability, responses=errors(404, 409))
def national_final_availability(campaign_id: CampaignId, registry: RegistryDep,
                                pool: PoolQuery = "general") -> sch.NationalAvailability:
    """« La dispo finale »: posts left per cell once everybody has chosen."""
    return national_reads.availability(registry, campaign_id, "final", pool)


@router.get("/{campaign_id}/tables/current", operation_id="national_current_availability",
            response_model=sch.NationalAvailability, responses=errors(404, 409))
def national_current_availability(campaign_id: CampaignId, registry: RegistryDep,
                                  pool: PoolQuery = "general") -> sch.NationalAvailability:
    """« La dispo pour celui qui passe »: posts left when the current chooser chooses."""
    return national_reads.availability(registry, campaign_id, "current", pool)


@router.get("/{campaign_id}/tables/mine", operation_id="national_my_availability",
            response_model=sch.NationalAvailability, responses=errors(401, 403, 404, 409))
def national_my_availability(campaign_id: CampaignId, registry: RegistryDep,
                             user: CurrentUser) -> sch.NationalAvailability:
    """« La dispo pour moi »: posts left per cell of my pool at my turn."""
    return national_reads.availability(registry, campaign_id, "mine", "general", user)


@router.get("/{campaign_id}/tables/rank-limits", operation_id="national_rank_limits",
            response_model=sch.NationalRankLimits, responses=errors(404, 409))
def national_rank_limits(campaign_id: CampaignId, registry: RegistryDep,
                         pool: PoolQuery = "general") -> sch.NationalRankLimits:
    """« Les rangs limites »: ranks of the first and last holder of each cell."""
    return national_reads.rank_limits(registry, campaign_id, pool)


@router.get("/{campaign_id}/radar", operation_id="national_radar",
            response_model=sch.NationalRadar, responses=errors(404, 409))
def national_radar(campaign_id: CampaignId, registry: RegistryDep) -> sch.NationalRadar:
    """« Le radar »: who passes now, how many chose today, the pace per hour."""
    return national_reads.radar(registry, campaign_id)


@router.get("/{campaign_id}/listing", operation_id="national_listing",
            response_model=sch.NationalListing, responses=errors(404, 409))
def national_listing(campaign_id: CampaignId, registry: RegistryDep,
                     pool: Annotated[Literal["general", "cesp"] | None, Query()] = None,
                     offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
                     limit: Limit = 100) -> sch.NationalListing:
    """« Le listing intégral »: every student in passing order with his assignment, paged."""
    return national_reads.listing(registry, campaign_id, pool, offset, limit)


@router.post("/{campaign_id}/receipts/verify", operation_id="national_verify_receipt",
             response_model=sch.NationalReceiptCheck, responses=errors(404))
def national_verify_receipt(campaign_id: CampaignId, data: sch.NationalReceiptIn,
                            session: SessionDep, registry: RegistryDep,
                            ctx: ContextDep) -> sch.NationalReceiptCheck:
    """Check a wish-list receipt: the server's signature, recorded, still the current list."""
    rt = registry.get(campaign_id)
    with rt.lock:
        cand = rt.cands.get(data.candidate_id)
        current = cand.version if cand is not None else None
    return verify(session, ctx.settings.secret_key, campaign_id, current, data)


# --------------------------------------------------------------------------- the student


@router.get("/{campaign_id}/me", operation_id="national_me", response_model=sch.NationalMe,
            responses=errors(401, 403, 404, 409))
def national_me(campaign_id: CampaignId, user: CurrentUser, registry: RegistryDep,
                ctx: ContextDep) -> sch.NationalMe:
    """My screen: rank, passing number, turn panel, assignment, wishes with statuses."""
    return national_reads.me(registry, campaign_id, user, ctx.settings.secret_key)


@router.get("/{campaign_id}/me/wishes", operation_id="national_my_wishes",
            response_model=sch.NationalWishList, responses=errors(401, 403, 404, 409))
def national_my_wishes(campaign_id: CampaignId, user: CurrentUser,
                       registry: RegistryDep) -> sch.NationalWishList:
    """My wishes and their statuses (fetch after `simulation_moved`)."""
    return national_reads.my_wishes(registry, campaign_id, user)


# The four changes of a list: the busiest writes of choice day, so each costs one hop to
# the thread pool (the service), none for the caller (`CachedCaller`) or the answer
# (`encoded`).


@router.put("/{campaign_id}/me/wishes", operation_id="national_replace_wishes",
            response_model=sch.NationalWishWrite, responses=_stale(401, 403, 404))
async def national_replace_wishes(campaign_id: CampaignId, data: sch.NationalWishesReplace,
                                  user: CachedCaller, session: SessionDep,
                                  registry: RegistryDep, ctx: ContextDep) -> Response:
    """Replace my whole list (cell ids, in order)."""
    return encoded(await run_in_threadpool(national_wishes.replace, session, ctx, registry,
                                           campaign_id, user, data))


@router.post("/{campaign_id}/me/wishes", operation_id="national_add_wish",
             response_model=sch.NationalWishWrite, responses=_stale(401, 403, 404))
async def national_add_wish(campaign_id: CampaignId, data: sch.NationalWishAdd,
                            user: CachedCaller, session: SessionDep, registry: RegistryDep,
                            ctx: ContextDep) -> Response:
    """Add a wish, at a position or at the end."""
    return encoded(await run_in_threadpool(national_wishes.add, session, ctx, registry,
                                           campaign_id, user, data))


@router.post("/{campaign_id}/me/wishes/move", operation_id="national_move_wish",
             response_model=sch.NationalWishWrite, responses=_stale(401, 403, 404))
async def national_move_wish(campaign_id: CampaignId, data: sch.NationalWishMove,
                             user: CachedCaller, session: SessionDep, registry: RegistryDep,
                             ctx: ContextDep) -> Response:
    """Move a wish to a new position."""
    return encoded(await run_in_threadpool(national_wishes.move, session, ctx, registry,
                                           campaign_id, user, data))


@router.delete("/{campaign_id}/me/wishes/{cell_id}", operation_id="national_delete_wish",
               response_model=sch.NationalWishWrite, responses=_stale(401, 403, 404))
async def national_delete_wish(campaign_id: CampaignId,
                               cell_id: Annotated[int, Path(ge=1, le=MAX_ID)],
                               version: Annotated[int, Query(ge=0, le=MAX_ID)],
                               user: CachedCaller, session: SessionDep, registry: RegistryDep,
                               ctx: ContextDep) -> Response:
    """Delete a wish (`?version=` of the list it was made on)."""
    return encoded(await run_in_threadpool(national_wishes.remove, session, ctx, registry,
                                           campaign_id, user, cell_id, version))


@router.get("/{campaign_id}/me/wishes/history", operation_id="national_wish_changes",
            response_model=list[sch.NationalWishChange], responses=errors(401, 403, 404, 409))
def national_wish_changes(campaign_id: CampaignId, user: CurrentUser, session: SessionDep,
                          registry: RegistryDep, limit: Limit = 100,
                          before_id: BeforeId = None) -> list[sch.NationalWishChange]:
    """« Mes changements passés »: every change of my wishes, newest first."""
    return national_wishes.changes(session, registry, campaign_id, user, limit, before_id)


@router.get("/{campaign_id}/me/receipts", operation_id="national_receipts",
            response_model=list[sch.NationalReceipt], responses=errors(401, 403, 404, 409))
def national_receipts(campaign_id: CampaignId, user: CurrentUser, session: SessionDep,
                      registry: RegistryDep, limit: Limit = 100,
                      before_id: BeforeId = None) -> list[sch.NationalReceipt]:
    """The receipts of my saved lists, newest first."""
    return national_wishes.receipts(session, registry, campaign_id, user, limit, before_id)


@router.put("/{campaign_id}/me/absence", operation_id="national_set_absence",
            response_model=sch.NationalMe, responses=errors(401, 403, 404, 409))
def national_set_absence(campaign_id: CampaignId, data: sch.NationalAbsence, user: CurrentUser,
                         session: SessionDep, registry: RegistryDep,
                         ctx: ContextDep) -> sch.NationalMe:
    """Declare or cancel my absence (my first feasible wish is assigned at my turn)."""
    return national_turns.set_absence(session, ctx, registry, campaign_id, user, data)


@router.put("/{campaign_id}/me/demotion", operation_id="national_request_demotion",
            response_model=sch.NationalMe, responses=errors(401, 403, 404, 409))
def national_request_demotion(campaign_id: CampaignId, data: sch.NationalDemotionRequest,
                              user: CurrentUser, session: SessionDep, registry: RegistryDep,
                              ctx: ContextDep) -> sch.NationalMe:
    """Pass right after a given rank (« déclassé »); `behind_rank: null` cancels."""
    return national_turns.request_demotion(session, ctx, registry, campaign_id, user, data)


@router.post("/{campaign_id}/me/enter", operation_id="national_enter_amphi",
             response_model=sch.NationalMe, responses=errors(401, 403, 404, 409, 429))
def national_enter_amphi(campaign_id: CampaignId, data: sch.NationalEnter, user: CurrentUser,
                         session: SessionDep, registry: RegistryDep,
                         ctx: ContextDep) -> sch.NationalMe:
    """First entry into the amphitheatre: my secret answer, asked once."""
    return national_turns.enter(session, ctx, registry, campaign_id, user, data)


@router.post("/{campaign_id}/me/validate", operation_id="national_validate_choice",
             response_model=sch.NationalValidation, responses=errors(401, 403, 404, 409))
def national_validate_choice(campaign_id: CampaignId, data: sch.NationalValidate,
                             user: CurrentUser, session: SessionDep, registry: RegistryDep,
                             ctx: ContextDep) -> sch.NationalValidation:
    """Final click: take the post shown on « JE PRENDS » (idempotent by key)."""
    return national_turns.validate(session, ctx, registry, campaign_id, user, data)


# --------------------------------------------------------------------------- staff


@router.post("", operation_id="national_create_campaign", status_code=201,
             response_model=sch.NationalCampaignPublic, responses=errors(401, 403))
def national_create_campaign(data: sch.NationalCampaignCreate, staff: StaffUser,
                             session: SessionDep, registry: RegistryDep,
                             ctx: ContextDep) -> sch.NationalCampaignPublic:
    """Create a national campaign (site state `closed`)."""
    return national_admin.create_campaign(session, ctx, registry, staff, data)


@router.put("/{campaign_id}/staff/state", operation_id="national_set_state",
            response_model=sch.NationalCampaignPublic, responses=errors(401, 403, 404, 409))
def national_set_state(campaign_id: CampaignId, data: sch.NationalStateChange,
                       staff: StaffUser, session: SessionDep, registry: RegistryDep,
                       ctx: ContextDep) -> sch.NationalCampaignPublic:
    """Set the site state (closed, details_only, wishes_open, amphi, finished)."""
    return national_admin.set_state(session, ctx, registry, campaign_id, staff, data)


@router.put("/{campaign_id}/staff/day-slices", operation_id="national_set_day_slices",
            response_model=list[sch.NationalDaySlice], responses=errors(401, 403, 404, 409))
def national_set_day_slices(campaign_id: CampaignId,
                            rows: Annotated[list[sch.NationalDaySliceIn], Body(max_length=200)],
                            staff: StaffUser, session: SessionDep, registry: RegistryDep,
                            ctx: ContextDep) -> list[sch.NationalDaySlice]:
    """Replace the day slices (« tranches de passage »)."""
    return national_admin.set_day_slices(session, ctx, registry, campaign_id, staff, rows)


@router.post("/{campaign_id}/staff/offer", operation_id="national_import_offer",
             response_model=sch.NationalImportReport, responses=errors(401, 403, 404, 409))
def national_import_offer(campaign_id: CampaignId, file: Annotated[UploadFile, File()],
                          staff: StaffUser, session: SessionDep, registry: RegistryDep,
                          ctx: ContextDep,
                          dry_run: Annotated[bool, Query()] = False) -> sch.NationalImportReport:
    """Import the offer from CSV or XLSX (subdivision, spécialité, postes[, contingent])."""
    content = file.file.read()
    return national_admin.import_offer(session, ctx, registry, campaign_id, staff,
                                       file.filename or "", content, dry_run)


@router.post("/{campaign_id}/staff/students", operation_id="national_import_students",
             response_model=sch.NationalImportReport, responses=errors(401, 403, 404, 409))
def national_import_students(campaign_id: CampaignId, file: Annotated[UploadFile, File()],
                             staff: StaffUser, session: SessionDep, registry: RegistryDep,
                             ctx: ContextDep, dry_run: Annotated[bool, Query()] = False,
                             ) -> sch.NationalImportReport:
    """Import the ranked students from CSV or XLSX (rang, nom, prénom, date de naissance...)."""
    content = file.file.read()
    return national_admin.import_students(session, ctx, registry, campaign_id, staff,
                                          file.filename or "", content, dry_run)


@router.get("/{campaign_id}/staff/amphi", operation_id="national_staff_amphi",
            response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404))
def national_staff_amphi(campaign_id: CampaignId, staff: StaffUser, session: SessionDep,
                         registry: RegistryDep) -> sch.NationalStaffAmphi:
    """The run: current student with his phone number, the next ones, the radar."""
    return national_turns.staff_view(session, registry, campaign_id)


@router.post("/{campaign_id}/staff/amphi/start", operation_id="national_start_amphi",
             response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404, 409))
def national_start_amphi(campaign_id: CampaignId, staff: StaffUser, session: SessionDep,
                         registry: RegistryDep, ctx: ContextDep) -> sch.NationalStaffAmphi:
    """Open the amphitheatre and start the first turn."""
    return national_turns.start(session, ctx, registry, campaign_id, staff)


@router.post("/{campaign_id}/staff/amphi/pause", operation_id="national_pause_amphi",
             response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404, 409))
def national_pause_amphi(campaign_id: CampaignId, staff: StaffUser, session: SessionDep,
                         registry: RegistryDep, ctx: ContextDep) -> sch.NationalStaffAmphi:
    """Pause the amphitheatre."""
    return national_turns.pause(session, ctx, registry, campaign_id, staff)


@router.post("/{campaign_id}/staff/amphi/resume", operation_id="national_resume_amphi",
             response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404, 409))
def national_resume_amphi(campaign_id: CampaignId, staff: StaffUser, session: SessionDep,
                          registry: RegistryDep, ctx: ContextDep) -> sch.NationalStaffAmphi:
    """Resume a paused amphitheatre."""
    return national_turns.resume(session, ctx, registry, campaign_id, staff)


@router.post("/{campaign_id}/staff/amphi/assign", operation_id="national_assign_current",
             response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404, 409))
def national_assign_current(campaign_id: CampaignId, data: sch.NationalStaffAction,
                            staff: StaffUser, session: SessionDep, registry: RegistryDep,
                            ctx: ContextDep) -> sch.NationalStaffAmphi:
    """Assign the current student his first feasible wish."""
    return national_turns.staff_assign(session, ctx, registry, campaign_id, staff, data)


@router.post("/{campaign_id}/staff/amphi/skip", operation_id="national_skip_current",
             response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404, 409))
def national_skip_current(campaign_id: CampaignId, data: sch.NationalStaffAction,
                          staff: StaffUser, session: SessionDep, registry: RegistryDep,
                          ctx: ContextDep) -> sch.NationalStaffAmphi:
    """End the current student's turn without a post."""
    return national_turns.staff_skip(session, ctx, registry, campaign_id, staff, data)


@router.post("/{campaign_id}/staff/amphi/open-next-slice",
             operation_id="national_open_next_slice",
             response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404, 409))
def national_open_next_slice(campaign_id: CampaignId, staff: StaffUser, session: SessionDep,
                             registry: RegistryDep, ctx: ContextDep) -> sch.NationalStaffAmphi:
    """Open now the day slice the amphitheatre waits for (its start becomes now)."""
    return national_turns.open_next_slice(session, ctx, registry, campaign_id, staff)


@router.post("/{campaign_id}/staff/amphi/demote", operation_id="national_demote_student",
             response_model=sch.NationalStaffAmphi, responses=errors(401, 403, 404, 409))
def national_demote_student(campaign_id: CampaignId, data: sch.NationalStaffAction,
                            staff: StaffUser, session: SessionDep, registry: RegistryDep,
                            ctx: ContextDep) -> sch.NationalStaffAmphi:
    """Demote a student who has not passed into the next day slice."""
    return national_turns.staff_demote(session, ctx, registry, campaign_id, staff, data)




@router.get("/{campaign_id}/staff/exports/assignments", operation_id="national_export_assignments",
            response_class=Response,
            responses={200: {"content": {"text/csv": {}, MEDIA_TYPES["xlsx"]: {}},
                             "description": "Fichier CSV (UTF-8, « ; ») ou Excel"},
                       **errors(401, 403, 404, 409)})
def national_export_assignments(
        campaign_id: CampaignId, staff: StaffUser, session: SessionDep, registry: RegistryDep,
        ctx: ContextDep,
        group_by: Annotated[sch.ExportGrouping, Query(
            description="subdivision, faculty (UFR) or specialty")] = "subdivision",
        format: Annotated[sch.ExportFormat, Query()] = "csv") -> Response:
    """The assignments by subdivision, faculty or specialty, with ranks (amphi and after)."""
    out = national_exports.export_assignments(session, ctx, registry, campaign_id, staff,
                                              group_by, format)
    return Response(out.content, media_type=out.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{out.filename}"',
                             "Cache-Control": "private, no-store",
                             "X-Row-Count": str(out.rows)})


@router.post("/{campaign_id}/staff/students/{candidate_id}/message",
             operation_id="national_message_student", response_model=sch.NationalMessageSent,
             responses=errors(401, 403, 404, 409))
def national_message_student(campaign_id: CampaignId,
                             candidate_id: Annotated[int, Path(ge=1, le=MAX_ID)],
                             data: sch.NationalStudentMessage, staff: StaffUser,
                             session: SessionDep, registry: RegistryDep,
                             ctx: ContextDep) -> sch.NationalMessageSent:
    """Write to a student whose turn is coming: notified live, emailed, in his history."""
    return national_messages.send_to_student(session, ctx, registry, campaign_id, staff,
                                             candidate_id, data)
