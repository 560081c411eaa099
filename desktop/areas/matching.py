"""The matching area (SiiMOP, junior doctors): supervisors, students, coordinators and staff.

Composition only: one `MatchingService` (API extension, campaign, ranking and
applications syncs) per main window, fed by the live stream and the connection
monitor, and one page per part a person may play. The service is the window's child
and is connected through `context.connect`: it goes with the window.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from desktop.api.client import Profile
from desktop.api.matching import MatchingApi
from desktop.sync.matching import MatchingService
from desktop.tasks import spawn
from desktop.ui.matching.coordinator_view import CoordinatorView
from desktop.ui.matching.posts_view import MyPostsView
from desktop.ui.matching.setup_view import SetupView
from desktop.ui.matching.student_view import StudentView

if TYPE_CHECKING:
    from desktop.areas import AppContext
    from desktop.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingArea", text)


def in_matching(role: str) -> object:
    """A `visible_if` test: he plays `role` in a matching campaign."""

    def test(profile: Profile) -> bool:
        return any(c.kind == "matching" and c.my_role == role for c in profile.campaigns)

    return test


def follows_matching(profile: Profile) -> bool:
    """Coordinators of a matching campaign, and agency staff."""
    return profile.role == "staff" or any(
        c.kind == "matching" and c.my_role in ("coordinator", "staff")
        for c in profile.campaigns)


# Opening pages (MainWindow.add_page `home`, lowest first): the RTS on his posts, the junior
# doctor on his applications (after a national or amphitheatre page), the coordinator on
# the follow-up dashboard (the agent's opening page is his procedure's: areas/national.py).
HOME_SUPERVISOR = 10
HOME_STUDENT = 30
HOME_COORDINATOR = 10


def coordinator_home(profile: Profile) -> int | None:
    """The follow-up opens first for a coordinator of a matching campaign."""
    coordinates = any(c.kind == "matching" and c.my_role == "coordinator"
                      for c in profile.campaigns)
    return HOME_COORDINATOR if coordinates or profile.role == "coordinator" else None


def make_service(context: AppContext, owner: QObject | None = None) -> MatchingService:
    """The area's shared service (a child of `owner`), wired to the live stream and the
    connection monitor."""

    def who() -> tuple[str, str] | None:
        profile = context.account.profile
        if profile is None or not profile.email:
            return None
        return context.api.server, profile.email

    service = MatchingService(MatchingApi(context.api), context.store, who, owner)
    context.connect(context.live.event_received, service.on_live_event)
    context.connect(context.monitor.came_back, lambda: spawn(service, service.replay()))

    def signed_in(_profile: object) -> None:
        service.campaign = None
        service.campaign_id = None
        spawn(service, service.replay())

    context.connect(context.account.signed_in, signed_in)
    if context.account.profile is not None:  # changes queued before a restart go out now
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            spawn(service, service.replay())
    return service


def install(window: MainWindow, context: AppContext) -> None:
    service = make_service(context, window)
    window.add_page("matching_posts", _tr("Mes postes (appariement)"), None,
                    MyPostsView(service), roles={"supervisor"},
                    visible_if=in_matching("supervisor"),  # type: ignore[arg-type]
                    home=HOME_SUPERVISOR)
    window.add_page("matching_student", _tr("Mes candidatures (appariement)"), None,
                    StudentView(service), roles={"student"},
                    visible_if=in_matching("student"),  # type: ignore[arg-type]
                    home=HOME_STUDENT)
    window.add_page("matching_follow", _tr("Suivi de l'appariement"), None,
                    CoordinatorView(service), visible_if=follows_matching,
                    home=coordinator_home)
    window.add_page("matching_setup", _tr("Paramétrage de l'appariement"), None,
                    SetupView(service), roles={"staff"})
