"""The amphitheatre choice's screens (issue 5): wiring only.

Interns (students of an amphitheatre campaign) and proxy holders get « Amphithéâtre »;
staff get « Amphithéâtres — gestion ». Both follow the live stream; favourites edited
offline are sent again when the connection comes back. The services are connected
through `context.connect`, and the favourites and live session objects are parented to
the window: all of it goes with the window (see `desktop.areas`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop.api.amphi import AmphiApi
from desktop.api.client import Profile
from desktop.areas import AppContext
from desktop.sync.amphi import AmphiStaff, CachedReads, FavouritesSync, LiveSession
from desktop.sync.notifications import Notifier
from desktop.tasks import spawn
from desktop.ui.amphi.intern_page import AmphiInternPage, InternServices
from desktop.ui.amphi.internship_view import InternshipActions
from desktop.ui.amphi.posts_view import SavedSearches
from desktop.ui.amphi.staff_page import StaffPage
from desktop.ui.main_window import MainWindow

INTERN_ROLES = {"student", "proxy_holder"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiArea", text)


def in_amphi_campaign(profile: Profile) -> bool:
    """A proxy holder always; a student when he takes part in an amphitheatre campaign."""
    return profile.role == "proxy_holder" or any(c.kind == "amphi" for c in profile.campaigns)


def intern_services(api: AmphiApi, context: AppContext, notifier: Notifier | None,
                    owner: QObject) -> InternServices:
    """What the intern's page uses; the objects it makes are `owner`'s (the window)."""
    reads = CachedReads(api, context.store, context.account)  # the page opens offline
    return InternServices(
        my_amphi=reads.my_amphi, list_amphi_posts=reads.list_amphi_posts,
        get_call_list=reads.get_call_list, list_amphi_messages=api.list_amphi_messages,
        favourites=lambda amphi_id: FavouritesSync(api, context.store, context.account,
                                                   amphi_id, owner),
        live=lambda amphi_id: LiveSession(api, amphi_id, parent=owner),
        searches=SavedSearches(api.list_saved_searches, api.create_saved_search,
                               api.update_saved_search, api.delete_saved_search),
        internship=InternshipActions(
            api.request_supernumerary, api.withdraw_supernumerary_request, api.get_proxy,
            api.give_proxy, api.cancel_proxy, api.list_attestations,
            api.download_attestation),
        notifier=notifier, list_amphis=api.list_amphis,
        estimate=api.amphi_favourites_estimate, list_assignments=api.list_assignments)


def install(window: MainWindow, context: AppContext) -> None:
    api = AmphiApi(context.api)
    # No tray (some desktops): the page's own banner says it already, no second notice.
    notifier = Notifier(None, window)
    intern_page = AmphiInternPage(intern_services(api, context, notifier, window))
    staff_page = StaffPage(AmphiStaff(api, window), context.api.list_campaigns)
    window.add_page("amphi", _tr("Amphithéâtre"), None, intern_page, roles=INTERN_ROLES,
                    visible_if=in_amphi_campaign)
    window.add_page("amphi_staff", _tr("Amphithéâtres — gestion"), None, staff_page,
                    roles={"staff"})
    def signed_in(profile: Profile) -> None:
        if profile.role in INTERN_ROLES and in_amphi_campaign(profile):
            spawn(intern_page, intern_page.load())
        if profile.role == "staff":
            spawn(staff_page, staff_page.load())

    def event(kind: str, payload: dict[str, Any], _id: int) -> None:
        if not kind.startswith("amphi_"):
            return
        if intern_page.amphi is not None or kind == "amphi_state":
            spawn(intern_page, intern_page.on_event(kind, payload))
        if staff_page.campaign_id is not None:
            spawn(staff_page, staff_page.on_event(kind, payload))

    def came_back() -> None:
        if intern_page.sync is not None:
            spawn(intern_page.sync, intern_page.sync.push())
        if intern_page.live is not None:
            spawn(intern_page.live, intern_page.live.refresh())
        for view in (intern_page.assignments_view, staff_page.assignments_view):
            if view is not None:
                spawn(view, view.reload())
        intern_page.favourites_view.refresh_estimate()

    def signed_out(*_args: object) -> None:
        intern_page.reset()
        staff_page.reset()

    context.connect(context.account.signed_in, signed_in)
    context.connect(context.account.signed_out, signed_out)
    context.connect(context.account.session_lost, signed_out)
    context.connect(context.live.event_received, event)
    context.connect(context.monitor.came_back, came_back)
    if context.account.profile is not None:
        signed_in(context.account.profile)
