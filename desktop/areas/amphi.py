"""The amphitheatre choice's screens (issue 5): wiring only.

Interns (students of an amphitheatre campaign) and proxy holders get « Amphithéâtre »;
staff get « Amphithéâtres — gestion ». Both follow the live stream; favourites edited
offline are sent again when the connection comes back. Each page is given its sync
object (`AmphiIntern`, `AmphiStaff`), parented to the window, and so are the favourites
and live session objects they make; the services are connected through
`context.connect`: all of it goes with the window (see `desktop.areas`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.api.amphi import AmphiApi
from desktop.api.client import Profile
from desktop.areas import AppContext
from desktop.sync.amphi import AmphiIntern, AmphiStaff
from desktop.sync.notifications import Notifier
from desktop.tasks import spawn
from desktop.ui.amphi.intern_page import AmphiInternPage
from desktop.ui.amphi.staff_page import StaffPage
from desktop.ui.main_window import MainWindow

INTERN_ROLES = {"student", "proxy_holder"}
# Opening pages (MainWindow.add_page `home`, lowest first): an intern on his amphitheatre
# (after the national wishes); the agent here while an amphitheatre runs, unless the
# national amphitheatre does (areas/national.py: 5).
HOME_INTERN = 20
HOME_STAFF_IN_PROGRESS = 8
HOME_STAFF = 60
LIVE_STATES = ("in_progress", "paused")  # a sitting is on


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiArea", text)


def in_amphi_campaign(profile: Profile) -> bool:
    """A proxy holder always; a student when he takes part in an amphitheatre campaign."""
    return profile.role == "proxy_holder" or any(c.kind == "amphi" for c in profile.campaigns)


def install(window: MainWindow, context: AppContext) -> None:
    api = AmphiApi(context.api)
    # No tray (some desktops): the page's own banner says it already, no second notice.
    notifier = Notifier(None, window)
    intern_page = AmphiInternPage(AmphiIntern(api, context.store, context.account, window),
                                  notifier)
    staff_page = StaffPage(AmphiStaff(api, window), context.api.list_campaigns)
    window.add_page("amphi", _tr("Amphithéâtre"), None, intern_page, roles=INTERN_ROLES,
                    visible_if=in_amphi_campaign, home=HOME_INTERN)
    window.add_page("amphi_staff", _tr("Amphithéâtres — gestion"), None, staff_page,
                    roles={"staff"}, home=HOME_STAFF)

    async def load_staff() -> None:
        await staff_page.load()
        if any(a.state in LIVE_STATES for a in staff_page.amphis):
            window.propose_home("amphi_staff", HOME_STAFF_IN_PROGRESS)

    def signed_in(profile: Profile) -> None:
        if profile.role in INTERN_ROLES and in_amphi_campaign(profile):
            spawn(intern_page, intern_page.load())
        if profile.role == "staff":
            spawn(staff_page, load_staff())

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
