"""The main window: pages per role, the offline banner and its retries, live notices,
signing out, and the profile's forms against a real server."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.api.client import Campaign, Profile
from desktop.app import AmphiApp
from desktop.ui.main_window import MainWindow
from desktop.ui.profile_view import ActivityView, ProfileView
from tests.desktop.conftest import PASSWORD, RestartableServer, add_person, until

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]


def profile(role: str, *campaign_roles: str) -> Profile:
    campaigns = tuple(Campaign(id=i, kind="matching", name=f"C{i}", region=None,
                               state="applications", my_role=r)
                      for i, r in enumerate(campaign_roles, 1))
    return Profile(id=1, role=role, last_name="Durand", first_name="Sophie",
                   birth_date=date(1978, 4, 2), birth_town=None, ine=None, email="s@example.org",
                   phone=None, address=None, faculty=None, secret_question=None,
                   campaigns=campaigns)


def test_pages_show_only_to_the_roles_that_may_use_them(qtbot: QtBot) -> None:
    window = MainWindow(server="http://127.0.0.1:8000")
    qtbot.addWidget(window)
    for key, roles, test in (("profile", None, None),
                             ("wishes", {"student"}, None),
                             ("ranking", {"supervisor"}, None),
                             ("dashboard", {"coordinator", "staff"}, None),
                             ("national", {"student"},
                              lambda p: any(c.kind == "national" for c in p.campaigns))):
        window.add_page(key, key.title(), None, QLabel(key), roles=roles, visible_if=test)
    with pytest.raises(ValueError):
        window.add_page("profile", "Encore", None, QLabel())
    assert window.visible_pages() == []  # nobody signed in: nothing to show

    window.set_profile(profile("student"))
    assert window.visible_pages() == ["profile", "wishes"]
    assert window.navigation.count() == 2
    window.set_profile(profile("supervisor"))
    assert window.visible_pages() == ["profile", "ranking"]
    # A person may hold a role in a campaign beyond his account's role.
    window.set_profile(profile("student", "supervisor"))
    assert window.visible_pages() == ["profile", "wishes", "ranking"]
    assert window.role_label.text() == "Étudiant · Responsable de terrain de stage"
    # A student is named by the procedure he takes part in (the glossary).
    for kinds, name in ((("amphi",), "Interne"), (("matching",), "Docteur junior"),
                        (("national",), "Étudiant"), (("amphi", "matching"), "Étudiant"),
                        ((), "Étudiant")):
        taking_part = tuple(Campaign(id=i, kind=kind, name=f"C{i}", region=None, state="open",
                                     my_role="student")
                            for i, kind in enumerate(kinds, 1))
        window.set_profile(replace(profile("student"), campaigns=taking_part))
        assert window.role_label.text() == name, kinds
    window.set_profile(profile("staff"))
    assert window.visible_pages() == ["profile", "dashboard"]
    window.show_page("dashboard")
    assert window.current_page() == "dashboard"
    assert window.stack.currentWidget() is window.page("dashboard")
    items = [window.navigation.item(r).text() for r in range(window.navigation.count())]
    assert items == ["Profile", "Dashboard"]


def test_the_side_bar_never_clips_a_title(qtbot: QtBot) -> None:
    """Issue 15, point 8: « Mes candidatures (appariement) » was cut, with a horizontal
    scroll bar under it."""
    window = MainWindow(server="http://127.0.0.1:8000")
    qtbot.addWidget(window)
    for key, title in (("profile", "Mon profil"), ("activity", "Mon activité"),
                       ("applications", "Mes candidatures (appariement)"),
                       ("national_staff", "Choix national (agence)")):
        window.add_page(key, title, None, QLabel(key))
    window.set_profile(profile("student"))
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    navigation = window.navigation
    assert not navigation.horizontalScrollBar().isVisible()
    metrics = navigation.fontMetrics()
    for row in range(navigation.count()):
        item = navigation.item(row)
        rect = navigation.visualItemRect(item)
        assert rect.right() <= navigation.viewport().width()
        assert metrics.horizontalAdvance(item.text()) + 2 * 12 <= rect.width(), item.text()


async def open_main(qtbot: QtBot, app: AmphiApp, email: str) -> MainWindow:
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window is not None and app.main_window.isVisible())
    window = app.main_window
    assert window is not None
    await until(lambda: app.live.is_connected)
    return window


def test_offline_banner_appears_when_the_server_stops_and_goes_when_it_is_back(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        window = await open_main(qtbot, app, "camille@example.org")
        assert not window.offline_shown
        assert "En ligne" in window.connection_label.text()
        server.stop()
        await until(lambda: window.offline_shown, timeout=15,
                    message="the offline banner did not appear")
        await until(lambda: "nouvel essai" in window.offline_banner.text, timeout=5)
        seen["banner"] = window.offline_banner.text
        seen["status"] = window.connection_label.text()
        seen["kind"] = window.offline_banner.kind
        server.start()
        await until(lambda: not window.offline_shown, timeout=15,
                    message="the offline banner did not go away")
        await until(lambda: app.live.is_connected, timeout=15)
        seen["status_after"] = window.connection_label.text()

    arun(scenario(), timeout=60)
    assert seen["banner"].startswith("Le serveur est injoignable")
    assert seen["kind"] == "error"
    assert "Hors ligne" in seen["status"]
    assert "En ligne" in seen["status_after"]


def test_staff_messages_show_as_a_notice(qtbot: QtBot, arun: Run, make_app: MakeApp,
                                         server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    add_person(server.live, role="staff", email="ars@example.org", last_name="Durand",
               first_name="Sophie", birth_date=None, birth_town=None, ine=None)
    app = make_app(server.url)

    async def scenario() -> None:
        window = await open_main(qtbot, app, "camille@example.org")
        async with httpx.AsyncClient(base_url=server.url) as staff:
            r = await staff.post("/api/auth/login",
                                 json={"email": "ars@example.org", "password": PASSWORD})
            token = r.json()["token"]
            r = await staff.post("/api/staff/messages",
                                 json={"text": "L'amphithéâtre ouvre à 14 h."},
                                 headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200
        await until(lambda: window.notice_banner.isVisibleTo(window))
        assert window.notice_banner.text == (
            "Message de l'agence : L'amphithéâtre ouvre à 14 h.")
        window.notice_banner.action.click()
        assert not window.notice_banner.isVisibleTo(window)

    arun(scenario())


def test_signing_out_revokes_the_token_and_returns_to_the_dialog(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)
    tokens: list[str] = []

    async def scenario() -> None:
        window = await open_main(qtbot, app, "camille@example.org")
        assert app.api.token
        tokens.append(app.api.token)
        window.sign_out_action.trigger()
        await until(lambda: app.signin_dialog is not None and app.main_window is None)

    arun(scenario())
    r = httpx.get(f"{server.url}/api/me", headers={"Authorization": f"Bearer {tokens[0]}"})
    assert r.status_code == 401
    assert app.signin_dialog is not None
    assert app.signin_dialog.email_edit.text() == "camille@example.org"
    assert app.signin_dialog.banner.text == ""


def test_profile_forms_talk_to_the_server_and_show_errors_inline(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)

    async def scenario() -> None:
        window = await open_main(qtbot, app, "camille@example.org")
        view = window.page("profile")
        assert isinstance(view, ProfileView)
        view.email_edit.setText("nouvelle@example.org")
        view.phone_edit.setText("06 01 02 03 04")
        qtbot.mouseClick(view.contact_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.banner.kind == "success" and view.banner.isVisibleTo(view))
        assert "nouvelle@example.org" in view.banner.text
        assert "nouvelle@example.org" in view.pending_banner.text
        assert view.email_edit.text() == "camille@example.org"  # until confirmed

        view.current_password_edit.setText("Mauvais1")
        view.new_password_edit.setText("Nouveau2026")
        view.confirm_password_edit.setText("Nouveau2026")
        qtbot.mouseClick(view.password_button, Qt.MouseButton.LeftButton)
        field = view.password_errors.fields["current_password"]
        await until(lambda: bool(field.error_text))
        assert field.error_text == "Mot de passe actuel incorrect."
        assert view.new_password_edit.text() == "Nouveau2026"

        view.secret_password_edit.setText(PASSWORD)
        view.question_combo.setCurrentText("Ville de naissance de ma mère ?")
        view.answer_edit.setText("a-b")
        qtbot.mouseClick(view.secret_button, Qt.MouseButton.LeftButton)
        answer = view.secret_errors.fields["secret_answer"]
        await until(lambda: bool(answer.error_text))
        view.answer_edit.setText("Brest")
        qtbot.mouseClick(view.secret_button, Qt.MouseButton.LeftButton)
        await until(lambda: "Question secrète modifiée" in view.banner.text)
        assert "Ville de naissance de ma mère ?" in view.current_question.text()

        window.show_page("activity")
        activity = window.page("activity")
        assert isinstance(activity, ActivityView)
        await until(lambda: activity.model.rowCount() >= 3)
        actions = [e.action for e in activity.model.entries()]
        assert actions == ["secret_changed", "contact_updated", "email_change_requested",
                           "login"]
        assert activity.model.data(activity.model.index(1, 1)) == "Coordonnées modifiées"

    arun(scenario())


def test_banners_say_their_kind_in_words(qtbot: QtBot) -> None:
    from desktop.ui.widgets import Banner

    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("Le serveur ne répond pas.", "error")
    assert (banner.accessibleName(), banner.accessibleDescription()) == (
        "Erreur", "Le serveur ne répond pas.")
    banner.show_message("Vœux enregistrés.", "success")
    assert banner.accessibleName() == "Réussi"


def test_the_window_fits_a_small_screen_and_remembers_its_size_and_place(
        qtbot: QtBot, isolated_settings: Any) -> None:
    """First time: the default size, never more than the screen offers; then the size
    and place it had when closed (QSettings, here in this test's own folder)."""
    from PySide6.QtCore import QPoint, QSize

    from desktop.ui.main_window import DEFAULT_SIZE

    first = MainWindow(server="http://127.0.0.1:8000")
    qtbot.addWidget(first)
    room = first.screen().availableGeometry()
    assert first.width() == max(min(DEFAULT_SIZE[0], room.width()), first.minimumWidth())
    assert first.height() == max(min(DEFAULT_SIZE[1], room.height()), first.minimumHeight())
    # (Qt keeps a restored window on its screen: the test screen is 800×800.)
    first.resize(860, 700)
    first.move(QPoint(0, 40))
    first.close_quietly()  # closing saves it
    assert list(isolated_settings.rglob("*.ini")) or list(isolated_settings.rglob("*.conf"))

    second = MainWindow(server="http://127.0.0.1:8000")
    qtbot.addWidget(second)
    assert second.size() == QSize(860, 700)
    assert second.pos() == QPoint(0, 40)


def test_each_role_opens_on_its_work_screen_not_on_its_profile(qtbot: QtBot) -> None:
    """Issue 15: every role but the student opened on « Mon profil »."""
    window = MainWindow(server="http://127.0.0.1:8000")
    qtbot.addWidget(window)
    window.add_page("profile", "Mon profil", None, QLabel("profile"))
    window.add_page("wishes", "Mes vœux", None, QLabel(), roles={"student"}, home=10)
    window.add_page("posts", "Mes postes", None, QLabel(), roles={"supervisor"}, home=10)
    window.add_page("follow", "Suivi", None, QLabel(), roles={"coordinator", "staff"},
                    home=lambda p: 10 if p.role == "coordinator" else None)
    window.add_page("national", "National", None, QLabel(), roles={"staff"}, home=50)
    window.add_page("amphi", "Amphis", None, QLabel(), roles={"staff"}, home=60)
    for role, home in (("student", "wishes"), ("supervisor", "posts"),
                       ("coordinator", "follow"), ("staff", "national")):
        window.set_profile(replace(profile(role), id=len(role)))  # another person signs in
        assert window.current_page() == home, role
    # The agent's procedure in progress, known once loaded, takes over...
    window.propose_home("amphi", 8)
    assert window.current_page() == "amphi"
    window.propose_home("national", 9)  # ...unless it ranks lower
    assert window.current_page() == "amphi"
    # A page the person chose himself is never taken from him.
    window.navigation.setCurrentRow(0)
    assert window.current_page() == "profile"
    window.propose_home("national", 1)
    assert window.current_page() == "profile"
    # A refreshed profile (same person) keeps the page he is on.
    window.set_profile(replace(profile("staff"), id=5))
    assert window.current_page() == "profile"
