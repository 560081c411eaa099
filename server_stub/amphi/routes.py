"""Amphitheatre choice (DCI): posts, favourites, call lists, live turns, proxies.

Thin routes: parse, authorize, call one service, return a schema. The API map with its
conventions is `docs/api-amphi.md`. `amphi.scheduled.lifespan` runs the turn clock (and,
in demo mode, the simulated interns) while the app serves.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import (
    APIRouter,
    Body,
    File,
    Form,
    Path,
    Query,
    Request,
    Response,
    UploadFile,
    status,
)
from fastapi.responses import HTMLResponse, JSONResponse

from server_stub.amphi import admin as amphi_admin
from server_stub.amphi import call_list as amphi_call_list
from server_stub.amphi import estimate as amphi_estimate
from server_stub.amphi import exports as amphi_exports
from server_stub.amphi import favourites as amphi_favourites
from server_stub.amphi import interns as amphi_interns
from server_stub.amphi import live as amphi_live
from server_stub.amphi import pages as amphi_pages
from server_stub.amphi import posts as amphi_posts
from server_stub.amphi import proxies as amphi_proxies
from server_stub.amphi.common import amphi_public, get_amphi
from server_stub.amphi.schemas import (
    AmphiCampaignCreate,
    AmphiCreate,
    AmphiMessageIn,
    AmphiMessagePublic,
    AmphiOffer,
    AmphiPublic,
    AmphiSessionIn,
    AmphiTransition,
    AssignmentPublic,
    AttestationPublic,
    CallListEntry,
    ChoicePublic,
    ChoiceRequest,
    DetailsCheck,
    FavouriteAdd,
    FavouriteAdded,
    FavouriteEstimate,
    FavouriteList,
    FavouriteMove,
    FavouriteReplace,
    ImportReport,
    InternRef,
    InternSelf,
    InternStaff,
    InternUpdate,
    LiveState,
    PresencePublic,
    ProxyCreate,
    ProxyPublic,
    SavedSearchIn,
    SavedSearchPublic,
    StaffAssign,
    SupernumeraryDecision,
    SupernumeraryRequest,
)
from server_stub.core.deps import (
    ContextDep,
    CurrentUser,
    OptionalUser,
    SessionDep,
    SettingsDep,
    StaffUser,
)
from server_stub.core.errors import ApiError
from server_stub.core.pages import error_page
from server_stub.core.routes.common import errors
from server_stub.core.schemas import CampaignPublic, LoginRequest, SessionPublic
from server_stub.core.spreadsheets import MEDIA_TYPES, Format

router = APIRouter(tags=["amphithéâtre"])

AmphiId = Annotated[int, Path(ge=1, le=2**31 - 1)]
CampaignId = Annotated[int, Path(ge=1, le=2**31 - 1)]
ItemId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Values = Annotated[list[str], Query(max_length=50)]
PUBLIC = "/api/amphi"
STAFF = "/api/staff/amphi"


def _file(name: str, content: bytes, media_type: str) -> Response:
    return Response(content, media_type=media_type,
                    headers={"Content-Disposition": f"attachment; filename=\"{name}\"",
                             "Cache-Control": "no-store"})


# --------------------------------------------------------------------------- public


@router.get(f"{PUBLIC}/amphis", operation_id="list_amphis", response_model=list[AmphiPublic],
            responses=errors(401))
def list_amphis(session: SessionDep, user: OptionalUser,
                campaign_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                ) -> list[AmphiPublic]:
    """Amphitheatres with state, opening date, sittings and counts (« liste des amphis »)."""
    return amphi_admin.list_amphis(session, campaign_id)


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}", operation_id="get_amphi",
            response_model=AmphiPublic, responses=errors(401, 404))
def get_amphi_route(amphi_id: AmphiId, session: SessionDep, user: OptionalUser) -> AmphiPublic:
    """One amphitheatre."""
    return amphi_public(session, get_amphi(session, amphi_id))


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/call-list", operation_id="get_call_list",
            response_model=list[CallListEntry], responses=errors(401, 404, 409))
def get_call_list(amphi_id: AmphiId, session: SessionDep,
                  user: OptionalUser) -> list[CallListEntry]:
    """The current call list (public once the amphitheatre is validated)."""
    amphi = get_amphi(session, amphi_id)
    amphi_posts.check_published(amphi, user)
    return amphi_call_list.call_list(session, amphi)


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/call-list.csv", operation_id="public_call_list_csv",
            response_class=Response,
            responses={200: {"content": {"text/csv": {}}, "description": "CSV"},
                       **errors(401, 404, 409)})
def public_call_list_csv(amphi_id: AmphiId, session: SessionDep, user: OptionalUser) -> Response:
    """The call list as staff download it (same columns as the JSON), for interns and the
    public once the amphitheatre is validated."""
    amphi_posts.check_published(get_amphi(session, amphi_id), user)
    name, data = amphi_admin.call_list_file(session, amphi_id, "csv")
    return _file(name, data, "text/csv; charset=utf-8")


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/call-list.pdf", operation_id="public_call_list_pdf",
            response_class=Response,
            responses={200: {"content": {"application/pdf": {}}, "description": "PDF"},
                       **errors(401, 404, 409)})
def public_call_list_pdf(amphi_id: AmphiId, session: SessionDep, user: OptionalUser) -> Response:
    """The printable call list, for interns and the public once the amphitheatre is
    validated."""
    amphi_posts.check_published(get_amphi(session, amphi_id), user)
    name, data = amphi_admin.call_list_file(session, amphi_id, "pdf")
    return _file(name, data, "application/pdf")


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/posts", operation_id="list_amphi_posts",
            response_model=AmphiOffer, responses=errors(401, 404, 409))
def list_amphi_posts(amphi_id: AmphiId, session: SessionDep, user: OptionalUser) -> AmphiOffer:
    """The posts offered to this amphitheatre, with their services and state."""
    return amphi_posts.amphi_offer(session, amphi_id, user)


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/live", operation_id="get_live",
            response_model=LiveState, responses=errors(401, 404, 409))
def get_live(amphi_id: AmphiId, session: SessionDep, settings: SettingsDep,
             user: OptionalUser) -> LiveState:
    """The queue, whose turn it is and its deadline; `me` when an intern of it is signed in."""
    return amphi_live.live_state(session, settings, amphi_id, user)


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/messages", operation_id="list_amphi_messages",
            response_model=list[AmphiMessagePublic], responses=errors(401, 404))
def list_amphi_messages(amphi_id: AmphiId, session: SessionDep,
                        user: OptionalUser) -> list[AmphiMessagePublic]:
    """The bell: staff messages to this amphitheatre, newest first."""
    return amphi_admin.messages(session, amphi_id)


@router.get(f"{PUBLIC}/campaigns/{{campaign_id}}/posts", operation_id="list_campaign_posts",
            response_model=AmphiOffer, responses=errors(401, 404))
def list_campaign_posts(campaign_id: CampaignId, session: SessionDep,
                        user: OptionalUser) -> AmphiOffer:
    """Every post of the semester (« liste des postes »)."""
    return amphi_posts.campaign_offer(session, campaign_id, user)


@router.get(f"{PUBLIC}/campaigns/{{campaign_id}}/posts/export",
            operation_id="export_campaign_posts", response_class=Response,
            responses={200: {"content": {"text/csv": {}, MEDIA_TYPES["xlsx"]: {}},
                             "description": "Fichier CSV (UTF-8, « ; ») ou Excel"},
                       **errors(401, 404)})
def export_campaign_posts(campaign_id: CampaignId, session: SessionDep, user: OptionalUser,
                          format: Annotated[Format, Query()] = "csv") -> Response:
    """Every post of the semester as a file (no names: filled or not), for everyone."""
    out = amphi_exports.export_offer(session, campaign_id, user, format)
    return Response(out.content, media_type=out.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{out.filename}"',
                             "Cache-Control": "no-store", "X-Row-Count": str(out.rows)})


@router.get(f"{PUBLIC}/campaigns/{{campaign_id}}/assignments", operation_id="list_assignments",
            response_model=list[AssignmentPublic], responses=errors(401, 404))
def list_assignments(campaign_id: CampaignId, session: SessionDep, user: OptionalUser,
                     amphi_id: Annotated[list[int], Query(max_length=50)] = [],  # noqa: B006
                     regime: Values = [],  # noqa: B006
                     post_des: Values = [],  # noqa: B006
                     head: Values = [],  # noqa: B006
                     intern: Values = [],  # noqa: B006
                     group: Values = [],  # noqa: B006
                     establishment: Values = [],  # noqa: B006
                     post_type: Values = [],  # noqa: B006
                     intern_des: Values = [],  # noqa: B006
                     ) -> list[AssignmentPublic]:
    """The real-time assignments list, newest first. Repeat a filter for several values."""
    filters = amphi_posts.AssignmentFilters(
        amphi_id=amphi_id, regime=regime, post_des=post_des, head=head, intern=intern,
        group=group, establishment=establishment, post_type=post_type, intern_des=intern_des)
    return amphi_posts.assignments(session, campaign_id, filters)


@router.post(f"{PUBLIC}/proxy/login", operation_id="proxy_login", response_model=SessionPublic,
             responses=errors(401, 429))
def proxy_login(data: LoginRequest, session: SessionDep, ctx: ContextDep) -> SessionPublic:
    """Sign in in proxy mode (« Procuration »): the session acts for the proxy's intern."""
    return amphi_proxies.proxy_login(session, ctx, data.email, data.password)


# --------------------------------------------------------------------------- interns


@router.get(f"{PUBLIC}/me", operation_id="my_amphi", response_model=list[InternSelf],
            responses=errors(401))
def my_amphi(user: CurrentUser, session: SessionDep) -> list[InternSelf]:
    """My intern records, newest semester first (a proxy holder: his intern's)."""
    return amphi_interns.my_interns(session, user)


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/favourites", operation_id="get_favourites",
            response_model=FavouriteList, responses=errors(401, 403, 404, 409))
def get_favourites(amphi_id: AmphiId, user: CurrentUser, session: SessionDep) -> FavouriteList:
    """My favourites in order, with « k disponibles - n favoris »."""
    return amphi_favourites.get_favourites(session, user, amphi_id)


@router.get(f"{PUBLIC}/amphis/{{amphi_id}}/favourites/estimate",
            operation_id="amphi_favourites_estimate", response_model=FavouriteEstimate,
            responses=errors(401, 403, 404, 409))
async def amphi_favourites_estimate(amphi_id: AmphiId, user: CurrentUser, session: SessionDep,
                                    request: Request) -> FavouriteEstimate:
    """Would each of my favourites still be free at my turn? (an estimate)"""
    return await amphi_estimate.estimate_in_turn(request.app.state, session, user, amphi_id)


@router.post(f"{PUBLIC}/amphis/{{amphi_id}}/favourites", operation_id="add_favourite",
             response_model=FavouriteAdded, responses=errors(401, 403, 404, 409))
def add_favourite(amphi_id: AmphiId, data: FavouriteAdd, user: CurrentUser, session: SessionDep,
                  ctx: ContextDep) -> FavouriteAdded:
    """Add a service (no `post_id`) or one post; `first_single_post` asks for the warning."""
    return amphi_favourites.add(session, ctx, user, amphi_id, data)


@router.put(f"{PUBLIC}/amphis/{{amphi_id}}/favourites", operation_id="replace_favourites",
            response_model=FavouriteList, responses=errors(401, 403, 404, 409))
def replace_favourites(amphi_id: AmphiId, data: FavouriteReplace, user: CurrentUser,
                       session: SessionDep, ctx: ContextDep) -> FavouriteList:
    """Replace the whole list (offline sync); 409 `version_conflict` if it changed since."""
    return amphi_favourites.replace(session, ctx, user, amphi_id, data)


@router.delete(f"{PUBLIC}/amphis/{{amphi_id}}/favourites/{{favourite_id}}",
               operation_id="remove_favourite", response_model=FavouriteList,
               responses=errors(401, 403, 404, 409))
def remove_favourite(amphi_id: AmphiId, favourite_id: ItemId, user: CurrentUser,
                     session: SessionDep, ctx: ContextDep) -> FavouriteList:
    """Remove one favourite."""
    return amphi_favourites.remove(session, ctx, user, amphi_id, favourite_id)


@router.post(f"{PUBLIC}/amphis/{{amphi_id}}/favourites/{{favourite_id}}/move",
             operation_id="move_favourite", response_model=FavouriteList,
             responses=errors(401, 403, 404, 409))
def move_favourite(amphi_id: AmphiId, favourite_id: ItemId, data: FavouriteMove,
                   user: CurrentUser, session: SessionDep, ctx: ContextDep) -> FavouriteList:
    """Put a favourite at a position (drag and drop, or typing its number)."""
    return amphi_favourites.move(session, ctx, user, amphi_id, favourite_id, data.position)


@router.post(f"{PUBLIC}/amphis/{{amphi_id}}/presence", operation_id="amphi_presence",
             response_model=PresencePublic, responses=errors(401, 403, 404, 409))
def amphi_presence(amphi_id: AmphiId, user: CurrentUser, session: SessionDep,
                   ctx: ContextDep) -> PresencePublic:
    """« Je suis connecté » every ~10 s; an absent intern is placed after the chooser."""
    return amphi_live.presence(session, ctx, user, amphi_id)


@router.post(f"{PUBLIC}/amphis/{{amphi_id}}/choices", operation_id="choose_post",
             response_model=ChoicePublic, responses=errors(401, 403, 404, 409))
def choose_post(amphi_id: AmphiId, data: ChoiceRequest, user: CurrentUser, session: SessionDep,
                ctx: ContextDep) -> JSONResponse:
    """Take a post at my turn (final). A retry with the same key gets the first answer
    (header `Idempotent-Replayed: true`)."""
    answer, replayed = amphi_live.choose(session, ctx, user, amphi_id, data)
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    return JSONResponse(answer.model_dump(mode="json"), headers=headers)


@router.post(f"{PUBLIC}/interns/{{intern_id}}/supernumerary-request",
             operation_id="request_supernumerary", response_model=InternSelf,
             responses=errors(401, 403, 404, 409))
def request_supernumerary(intern_id: ItemId, data: SupernumeraryRequest, user: CurrentUser,
                          session: SessionDep, ctx: ContextDep) -> InternSelf:
    """Ask for a type of choice (pending until the agency decides)."""
    return amphi_interns.request_supernumerary(session, ctx, user, intern_id, data)


@router.post(f"{PUBLIC}/interns/{{intern_id}}/details-check",
             operation_id="check_intern_details", response_model=InternSelf,
             responses=errors(401, 403, 404, 422))
def check_intern_details(intern_id: ItemId, data: DetailsCheck, user: CurrentUser,
                         session: SessionDep, ctx: ContextDep) -> InternSelf:
    """First entry: my faculty and passing order are right, or what is wrong."""
    return amphi_interns.check_details(session, ctx, user, intern_id, data)


@router.delete(f"{PUBLIC}/interns/{{intern_id}}/supernumerary-request",
               operation_id="withdraw_supernumerary_request", response_model=InternSelf,
               responses=errors(401, 403, 404, 409))
def withdraw_supernumerary_request(intern_id: ItemId, user: CurrentUser, session: SessionDep,
                                   ctx: ContextDep) -> InternSelf:
    """Withdraw my pending request."""
    return amphi_interns.withdraw_supernumerary(session, ctx, user, intern_id)


@router.get(f"{PUBLIC}/interns/{{intern_id}}/proxy", operation_id="get_proxy",
            response_model=ProxyPublic | None, responses=errors(401, 403, 404))
def get_proxy(intern_id: ItemId, user: CurrentUser, session: SessionDep) -> ProxyPublic | None:
    """My current proxy (or the last one, ended or cancelled); null if never given."""
    return amphi_proxies.get_proxy(session, user, intern_id)


@router.post(f"{PUBLIC}/interns/{{intern_id}}/proxy", operation_id="give_proxy",
             response_model=ProxyPublic, status_code=status.HTTP_201_CREATED,
             responses=errors(401, 403, 404, 409))
def give_proxy(intern_id: ItemId, data: ProxyCreate, user: CurrentUser, session: SessionDep,
               ctx: ContextDep) -> ProxyPublic:
    """Name a proxy holder (email, phone): he gets a validation link by mail."""
    return amphi_proxies.give_proxy(session, ctx, user, intern_id, data)


@router.delete(f"{PUBLIC}/interns/{{intern_id}}/proxy", operation_id="cancel_proxy",
               status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
               responses=errors(401, 403, 404))
def cancel_proxy(intern_id: ItemId, user: CurrentUser, session: SessionDep,
                 ctx: ContextDep) -> Response:
    """Cancel my proxy; its holder is signed out at once."""
    amphi_proxies.cancel_proxy(session, ctx, user, intern_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(f"{PUBLIC}/me/attestations", operation_id="list_attestations",
            response_model=list[AttestationPublic], responses=errors(401))
def list_attestations(user: CurrentUser, session: SessionDep) -> list[AttestationPublic]:
    """My attestations, one per semester in which I chose."""
    return amphi_interns.attestations(session, user)


@router.get(f"{PUBLIC}/me/attestations/{{assignment_id}}/pdf",
            operation_id="download_attestation", response_class=Response,
            responses={200: {"content": {"application/pdf": {}}, "description": "PDF"},
                       **errors(401, 404)})
def download_attestation(assignment_id: ItemId, user: CurrentUser,
                         session: SessionDep) -> Response:
    """The attestation of one semester as a PDF."""
    name, pdf = amphi_interns.attestation_file(session, user, assignment_id)
    return _file(name, pdf, "application/pdf")


@router.get(f"{PUBLIC}/saved-searches", operation_id="list_saved_searches",
            response_model=list[SavedSearchPublic], responses=errors(401))
def list_saved_searches(user: CurrentUser, session: SessionDep) -> list[SavedSearchPublic]:
    """My saved post searches, by name."""
    return amphi_favourites.list_searches(session, user)


@router.post(f"{PUBLIC}/saved-searches", operation_id="create_saved_search",
             response_model=SavedSearchPublic, status_code=status.HTTP_201_CREATED,
             responses=errors(401, 409))
def create_saved_search(data: SavedSearchIn, user: CurrentUser, session: SessionDep,
                        ctx: ContextDep) -> SavedSearchPublic:
    """Save search criteria under a name."""
    return amphi_favourites.create_search(session, ctx, user, data)


@router.put(f"{PUBLIC}/saved-searches/{{search_id}}", operation_id="update_saved_search",
            response_model=SavedSearchPublic, responses=errors(401, 404, 409))
def update_saved_search(search_id: ItemId, data: SavedSearchIn, user: CurrentUser,
                        session: SessionDep, ctx: ContextDep) -> SavedSearchPublic:
    """Rename a saved search or change its criteria."""
    return amphi_favourites.update_search(session, ctx, user, search_id, data)


@router.delete(f"{PUBLIC}/saved-searches/{{search_id}}", operation_id="delete_saved_search",
               status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
               responses=errors(401, 404))
def delete_saved_search(search_id: ItemId, user: CurrentUser, session: SessionDep,
                        ctx: ContextDep) -> Response:
    amphi_favourites.delete_search(session, ctx, user, search_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --------------------------------------------------------------------------- staff


@router.post(f"{STAFF}/campaigns", operation_id="create_amphi_campaign",
             response_model=CampaignPublic, status_code=status.HTTP_201_CREATED,
             responses=errors(401, 403))
def create_amphi_campaign(data: AmphiCampaignCreate, user: StaffUser, session: SessionDep,
                          ctx: ContextDep) -> CampaignPublic:
    """A semester's campaign of amphitheatre choice, with its cohorts' normal seniority."""
    return amphi_admin.create_campaign(session, ctx, user, data)


@router.post(f"{STAFF}/campaigns/{{campaign_id}}/imports/{{kind}}",
             operation_id="import_amphi_file", response_model=ImportReport,
             responses=errors(401, 403, 404, 413))
def import_amphi_file(campaign_id: CampaignId, kind: Literal["interns", "services", "posts"],
                      file: Annotated[UploadFile, File(description="CSV ou XLSX")],
                      user: StaffUser, session: SessionDep, ctx: ContextDep) -> ImportReport:
    """Import interns, services or posts; the report lists each rejected line and why."""
    content = file.file.read()
    return amphi_admin.import_file(session, ctx, user, campaign_id, kind, file.filename or "",
                                   content)


@router.post(f"{STAFF}/campaigns/{{campaign_id}}/amphis", operation_id="create_amphi",
             response_model=AmphiPublic, status_code=status.HTTP_201_CREATED,
             responses=errors(401, 403, 404, 409))
def create_amphi(campaign_id: CampaignId, data: AmphiCreate, user: StaffUser,
                 session: SessionDep, ctx: ContextDep) -> AmphiPublic:
    """Create an amphitheatre (its group and phase's interns and posts join it)."""
    return amphi_admin.create_amphi(session, ctx, user, campaign_id, data)


@router.get(f"{STAFF}/campaigns/{{campaign_id}}/supernumerary-requests",
            operation_id="list_supernumerary_requests", response_model=list[InternStaff],
            responses=errors(401, 403, 404))
def list_supernumerary_requests(campaign_id: CampaignId, user: StaffUser,
                                session: SessionDep) -> list[InternStaff]:
    """Pending requests to change the type of choice, oldest first."""
    return amphi_interns.pending_requests(session, campaign_id)


@router.get(f"{STAFF}/campaigns/{{campaign_id}}/details-reports",
            operation_id="list_details_reports", response_model=list[InternStaff],
            responses=errors(401, 403, 404))
def list_details_reports(campaign_id: CampaignId, user: StaffUser,
                         session: SessionDep) -> list[InternStaff]:
    """Errors interns reported at their first entry (faculty, passing order), oldest first."""
    return amphi_interns.details_reports(session, campaign_id)


@router.post(f"{STAFF}/interns/{{intern_id}}/supernumerary-decision",
             operation_id="decide_supernumerary", response_model=InternStaff,
             responses=errors(401, 403, 404, 409))
def decide_supernumerary(intern_id: ItemId, data: SupernumeraryDecision, user: StaffUser,
                         session: SessionDep, ctx: ContextDep) -> InternStaff:
    """Accept or refuse an intern's pending request."""
    return amphi_interns.decide_supernumerary(session, ctx, user, intern_id, data)


@router.patch(f"{STAFF}/interns/{{intern_id}}", operation_id="update_amphi_intern",
              response_model=InternStaff, responses=errors(401, 403, 404))
def update_amphi_intern(intern_id: ItemId, data: InternUpdate, user: StaffUser,
                        session: SessionDep, ctx: ContextDep) -> InternStaff:
    """Set or clear a planned absence (skipped at his turn)."""
    return amphi_interns.update_intern(session, ctx, user, intern_id, data)


@router.put(f"{STAFF}/amphis/{{amphi_id}}/sessions", operation_id="set_amphi_sessions",
            response_model=AmphiPublic, responses=errors(401, 403, 404, 409))
def set_amphi_sessions(amphi_id: AmphiId,
                       rows: Annotated[list[AmphiSessionIn], Body(max_length=100)],
                       user: StaffUser, session: SessionDep, ctx: ContextDep) -> AmphiPublic:
    """Cut the amphitheatre into sessions (consecutive rank ranges from 1)."""
    return amphi_admin.set_sessions(session, ctx, user, amphi_id, rows)


@router.post(f"{STAFF}/amphis/{{amphi_id}}/transitions", operation_id="change_amphi_state",
             response_model=AmphiPublic, responses=errors(401, 403, 404, 409))
def change_amphi_state(amphi_id: AmphiId, data: AmphiTransition, user: StaffUser,
                       session: SessionDep, ctx: ContextDep) -> AmphiPublic:
    """validate (with opens_at), invalidate, open, start, pause, resume, finish."""
    return amphi_live.change_state(session, ctx, user, amphi_id, data)


@router.get(f"{STAFF}/amphis/{{amphi_id}}/call-list.csv", operation_id="download_call_list_csv",
            response_class=Response,
            responses={200: {"content": {"text/csv": {}}, "description": "CSV"},
                       **errors(401, 403, 404)})
def download_call_list_csv(amphi_id: AmphiId, user: StaffUser, session: SessionDep) -> Response:
    """The current call list, semicolon-separated UTF-8 (opens in French spreadsheets)."""
    name, data = amphi_admin.call_list_file(session, amphi_id, "csv")
    return _file(name, data, "text/csv; charset=utf-8")


@router.get(f"{STAFF}/amphis/{{amphi_id}}/call-list.pdf", operation_id="download_call_list_pdf",
            response_class=Response,
            responses={200: {"content": {"application/pdf": {}}, "description": "PDF"},
                       **errors(401, 403, 404)})
def download_call_list_pdf(amphi_id: AmphiId, user: StaffUser, session: SessionDep) -> Response:
    """The current call list as a printable PDF."""
    name, data = amphi_admin.call_list_file(session, amphi_id, "pdf")
    return _file(name, data, "application/pdf")


@router.post(f"{STAFF}/amphis/{{amphi_id}}/messages", operation_id="post_amphi_message",
             response_model=AmphiMessagePublic, status_code=status.HTTP_201_CREATED,
             responses=errors(401, 403, 404))
def post_amphi_message(amphi_id: AmphiId, data: AmphiMessageIn, user: StaffUser,
                       session: SessionDep, ctx: ContextDep) -> AmphiMessagePublic:
    """Ring the bell: a message to the amphitheatre (event `amphi_message`)."""
    return amphi_admin.post_message(session, ctx, user, amphi_id, data)


@router.post(f"{STAFF}/amphis/{{amphi_id}}/requeue", operation_id="requeue_intern",
             response_model=LiveState, responses=errors(401, 403, 404, 409))
def requeue_intern(amphi_id: AmphiId, data: InternRef, user: StaffUser, session: SessionDep,
                   ctx: ContextDep) -> LiveState:
    """Place a passed-over intern right after the intern choosing."""
    return amphi_live.requeue(session, ctx, user, amphi_id, data.intern_id)


@router.post(f"{STAFF}/amphis/{{amphi_id}}/assignments", operation_id="assign_post",
             response_model=ChoicePublic, responses=errors(401, 403, 404, 409))
def assign_post(amphi_id: AmphiId, data: StaffAssign, user: StaffUser, session: SessionDep,
                ctx: ContextDep) -> ChoicePublic:
    """Assign a post to an intern whose turn has passed (absent, timed out, finished)."""
    return amphi_live.staff_assign(session, ctx, user, amphi_id, data)


# --------------------------------------------------------------------------- proxy page


@router.get("/pages/proxy", response_class=HTMLResponse, include_in_schema=False)
def proxy_page(session: SessionDep, token: str = "") -> HTMLResponse:
    """The proxy holder's validation form (the link is checked, not used)."""
    try:
        proxy = amphi_proxies.pending_validation(session, token)
    except ApiError as exc:
        return error_page(exc)
    return amphi_pages.proxy_page(token, proxy.intern.person.display_name)


@router.post("/pages/proxy", response_class=HTMLResponse, include_in_schema=False)
def proxy_page_submit(session: SessionDep, ctx: ContextDep,
                      token: Annotated[str, Form(max_length=200)] = "",
                      password: Annotated[str, Form(max_length=200)] = "",
                      confirm: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
    """Activate the proxy with the chosen password, or show the form again with the reason."""
    try:
        pending = amphi_proxies.pending_validation(session, token)
    except ApiError as exc:
        return error_page(exc)
    intern = pending.intern.person.display_name
    if password != confirm:
        return amphi_pages.proxy_page(token, intern, "Les deux mots de passe sont différents.")
    try:
        proxy = amphi_proxies.validate_proxy(session, ctx, token, password)
    except ApiError as exc:
        if exc.code == "weak_password":
            return amphi_pages.proxy_page(token, intern, exc.message)
        return error_page(exc)
    return amphi_pages.proxy_activated(proxy.holder_email, intern)
