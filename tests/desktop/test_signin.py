"""Signing in through the real dialogs against a real server: registration, confirmation
from the outbox, password and mailed-link sign-in, refusals shown inline, throttling,
lost sessions, and no keyring backend."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.app import AmphiApp
from desktop.ui.main_window import MainWindow
from desktop.ui.profile_view import ProfileView
from desktop.ui.registration_dialog import RegistrationDialog
from desktop.ui.signin_dialog import SignInDialog
from desktop.ui.widgets import FormField
from tests.desktop.conftest import (
    PASSWORD,
    RestartableServer,
    add_person,
    clipped_headers,
    mail_link,
    signal_future,
    until,
)

MakeApp = Callable[..., AmphiApp]


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, edit: Any, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


async def submit(qtbot: QtBot, dialog: SignInDialog, button: Any) -> None:
    """Click and wait until the dialog's request to the server has ended."""
    done = signal_future(dialog.request_done)
    click(qtbot, button)
    await asyncio.wait_for(done, 10)


async def sign_in(qtbot: QtBot, dialog: SignInDialog, email: str, password: str) -> None:
    type_into(qtbot, dialog.email_edit, email)
    type_into(qtbot, dialog.password_edit, password)
    await submit(qtbot, dialog, dialog.sign_in_button)


def squeezed_fields(dialog: RegistrationDialog) -> list[str]:
    """The fields of the current step shorter than their content (texts overlapping)."""
    page = dialog.pages.currentWidget()
    found = []
    for field in page.findChildren(FormField):
        layout = field.layout()
        if not field.isVisible() or layout is None:
            continue
        needed = (layout.totalHeightForWidth(field.width()) if layout.hasHeightForWidth()
                  else layout.totalMinimumSize().height())
        if field.height() < needed:
            found.append(f"{field.label.text()} {field.height()} < {needed}")
    return found


def fill_identity(qtbot: QtBot, dialog: RegistrationDialog, **overrides: str) -> None:
    values = {"last_name": "LEFEVRE", "first_name": "camille", "birth_date": "14/03/2000",
              "birth_town": "Lyon", "ine": "", **overrides}
    type_into(qtbot, dialog.last_name_edit, values["last_name"])
    type_into(qtbot, dialog.first_name_edit, values["first_name"])
    type_into(qtbot, dialog.birth_date_edit, values["birth_date"])
    type_into(qtbot, dialog.birth_town_edit, values["birth_town"])
    type_into(qtbot, dialog.ine_edit, values["ine"])


def test_registration_confirmation_then_sign_in_shows_the_profile(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, password=None, campaign=("national", "student"))
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        signin = app.signin_dialog
        assert signin is not None and signin.isVisible()
        click(qtbot, signin.create_button)
        await until(lambda: signin.findChild(RegistrationDialog) is not None)
        registration = signin.findChild(RegistrationDialog)
        assert isinstance(registration, RegistrationDialog)
        fill_identity(qtbot, registration)
        click(qtbot, registration.identity_button)
        await until(lambda: registration.step == registration.STEP_ACCOUNT)
        # Issue 15, point 10: every field of step 2 gets the height its wrapped hint needs
        # (the secret answer's hint overlapped the field), the password rules fit.
        await until(lambda: not squeezed_fields(registration),
                    message=f"squeezed: {squeezed_fields(registration)}")
        for rule in registration.checklist.findChildren(QLabel):
            if rule.isVisible():
                assert rule.width() >= rule.sizeHint().width(), rule.text()
        type_into(qtbot, registration.email_edit, "camille@example.org")
        type_into(qtbot, registration.email_again_edit, "camile@example.org")  # a typo
        type_into(qtbot, registration.password_edit, PASSWORD)
        type_into(qtbot, registration.confirmation_edit, PASSWORD)
        assert registration.checklist.satisfied() == [True, True, True, True]
        type_into(qtbot, registration.answer_edit, "Pollux")
        click(qtbot, registration.register_button)
        await until(lambda: bool(registration.errors.fields["email_again"].error_text))
        assert "différentes" in registration.errors.fields["email_again"].error_text
        registration.email_again_edit.clear()
        type_into(qtbot, registration.email_again_edit, "Camille@example.org ")
        # « Recopiez l'adresse » now agrees; the terms are not accepted yet.
        click(qtbot, registration.register_button)
        await until(lambda: bool(registration.errors.fields["terms_accepted"].error_text))
        assert registration.step == registration.STEP_ACCOUNT
        assert registration.password_edit.text() == PASSWORD  # nothing typed is lost
        click(qtbot, registration.terms_button)
        await until(lambda: registration.terms_dialog is not None
                    and registration.terms_dialog.isVisible())
        terms = registration.terms_dialog
        assert terms is not None
        assert terms.text.toPlainText().startswith("Conditions d'utilisation")
        click(qtbot, terms.accept_button)
        assert registration.terms_check.isChecked()
        click(qtbot, registration.register_button)
        await until(lambda: registration.step == registration.STEP_MAIL)
        assert "camille@example.org" in registration.mail_text.text()

        # The confirmation link, taken from the outbox, pasted into the dialog.
        assert server.live is not None
        type_into(qtbot, registration.link_edit, mail_link(server.live, "camille@example.org"))
        assert registration.resend_button.isVisible()
        click(qtbot, registration.confirm_button)
        await until(lambda: registration.confirmed)
        # Confirmed: no more « ouvrez le lien » nor « Renvoyer le lien ».
        assert "ouvrez" not in registration.mail_text.text()
        assert "est confirmée" in registration.mail_text.text()
        assert not registration.resend_button.isVisible()
        assert not registration.link_edit.isVisible()
        assert not registration.confirm_button.isVisible()
        click(qtbot, registration.done_button)
        await until(lambda: not registration.isVisible())
        assert signin.email_edit.text() == "camille@example.org"
        assert signin.banner.kind == "success"

        type_into(qtbot, signin.password_edit, PASSWORD)
        click(qtbot, signin.sign_in_button)
        await until(lambda: app.main_window is not None and app.main_window.isVisible())
        # Issue 15, point 8: the procedure's name is whole (« EDN 2026 — choix des po… »).
        main = app.main_window
        assert main is not None
        await until(lambda: main.current_page() == "national_wishes",  # his work screen
                    message=f"opened on {main.current_page()}")
        main.resize(1280, 720)
        main.show_page("profile")
        table = main.page("profile").campaign_table  # type: ignore[attr-defined]
        name = "EDN 2026 — choix des postes d'internat"
        await until(lambda: table.isVisible() and table.columnWidth(0)
                    >= table.fontMetrics().horizontalAdvance(name) + 12,
                    message=f"name column {table.columnWidth(0)}")
        assert not clipped_headers(table)

    arun(scenario())
    window = app.main_window
    assert isinstance(window, MainWindow)
    # He was imported as a ranked student of a national campaign: its screens show too.
    assert window.visible_pages() == ["profile", "activity", "national_wishes",
                                      "national_tables", "national_history"]
    assert window.current_page() == "profile"  # the page he chose himself stays
    profile = window.page("profile")
    assert isinstance(profile, ProfileView)
    assert profile.identity_values["last_name"].text() == "Lefèvre"  # type: ignore[attr-defined]
    assert profile.identity_values["birth_date"].text() == "14/03/2000"  # type: ignore[attr-defined]
    assert profile.email_edit.text() == "camille@example.org"
    assert [c.name for c in profile.campaign_model.campaigns()] == [
        "EDN 2026 — choix des postes d'internat"]
    assert window.name_label.text() == "Camille Lefèvre"
    assert app.signin_dialog is None


def test_wrong_identity_is_explained_in_french_and_the_form_is_kept(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, password=None)
    app = make_app(server.url)
    dialog = RegistrationDialog(app.account, server=server.url)
    qtbot.addWidget(dialog)
    dialog.show()

    async def scenario() -> None:
        fill_identity(qtbot, dialog, first_name="Camila")
        click(qtbot, dialog.identity_button)
        await until(lambda: dialog.banner.isVisible())

    arun(scenario())
    assert dialog.step == dialog.STEP_IDENTITY
    assert "Aucun dossier ne correspond" in dialog.banner.text
    assert dialog.first_name_edit.text() == "Camila"
    assert dialog.last_name_edit.text() == "LEFEVRE"
    assert dialog.birth_date_edit.text() == "14/03/2000"
    assert dialog.identity_button.isEnabled()


def test_a_bad_birth_date_is_refused_next_to_its_field(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    app = make_app(server.url)
    dialog = RegistrationDialog(app.account, server=server.url)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.errors.fields["birth_date"]

    async def scenario() -> None:
        fill_identity(qtbot, dialog, birth_date="31/02/2000")
        click(qtbot, dialog.identity_button)
        await until(lambda: bool(field.error_text))

    arun(scenario())
    assert "JJ/MM/AAAA" in field.error_text
    assert dialog.step == dialog.STEP_IDENTITY
    assert server.live is not None and server.live.mails() == []


def test_weak_password_is_refused_inline_and_nothing_is_created(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, password=None)
    app = make_app(server.url)
    dialog = RegistrationDialog(app.account, server=server.url)
    qtbot.addWidget(dialog)
    dialog.show()

    async def scenario() -> None:
        fill_identity(qtbot, dialog)
        click(qtbot, dialog.identity_button)
        await until(lambda: dialog.step == dialog.STEP_ACCOUNT)
        type_into(qtbot, dialog.email_edit, "camille@example.org")
        type_into(qtbot, dialog.email_again_edit, "camille@example.org")
        type_into(qtbot, dialog.password_edit, "motdepasse")
        type_into(qtbot, dialog.confirmation_edit, "motdepasse")
        type_into(qtbot, dialog.answer_edit, "Pollux")
        click(qtbot, dialog.register_button)
        await until(lambda: bool(dialog.errors.fields["password"].error_text))

    arun(scenario())
    message = dialog.errors.fields["password"].error_text
    assert "une lettre majuscule" in message and "un chiffre" in message
    assert dialog.checklist.satisfied() == [True, False, True, False]
    assert dialog.step == dialog.STEP_ACCOUNT
    assert dialog.password_edit.text() == "motdepasse"
    assert dialog.registered_email is None
    assert server.live.mails() == []  # no confirmation mail: nothing was registered


def test_throttled_sign_in_shows_the_wait_and_keeps_the_form(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server_factory: Callable[..., RestartableServer]) -> None:
    server = server_factory(login_max_failures=2)
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        for _ in range(2):
            await sign_in(qtbot, dialog, "camille@example.org", "Mauvais1")
            assert "incorrect" in dialog.password_field.error_text
            assert dialog.wait_left == 0
        await sign_in(qtbot, dialog, "camille@example.org", "Mauvais1")

    arun(scenario())
    dialog = app.signin_dialog
    assert dialog is not None
    assert "Trop de tentatives" in dialog.banner.text
    assert not dialog.sign_in_button.isEnabled()
    assert "Nouvel essai possible dans" in dialog.sign_in_button.text()
    assert 0 < dialog.wait_left <= server.settings.login_window_seconds
    assert dialog.email_edit.text() == "camille@example.org"
    assert dialog.password_edit.text() == "Mauvais1"


def test_a_revoked_session_returns_to_sign_in_with_the_email_kept(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        await sign_in(qtbot, dialog, "camille@example.org", PASSWORD)
        await until(lambda: app.main_window is not None)
        token = app.api.token
        assert token
        # Another client closes this session on the server (as a logout elsewhere would).
        async with httpx.AsyncClient(base_url=server.url) as other:
            r = await other.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 204
        window = app.main_window
        assert window is not None
        window.show_page("activity")  # the next call to the server meets the 401
        await until(lambda: app.signin_dialog is not None and app.main_window is None)

    arun(scenario())
    dialog = app.signin_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.email_edit.text() == "camille@example.org"
    assert "reconnecter" in dialog.banner.text
    assert app.api.token is None
    assert app.secrets.get_token(app.api.server, "camille@example.org") is None


def test_remembered_session_opens_the_main_window_directly(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    first = make_app(server.url)

    async def scenario() -> None:
        await first.start()
        dialog = first.signin_dialog
        assert dialog is not None
        assert dialog.remember_check.isEnabled()
        dialog.remember_check.setChecked(True)
        await sign_in(qtbot, dialog, "camille@example.org", PASSWORD)
        await until(lambda: first.main_window is not None)
        token = first.api.token
        # The token is in the (memory) keyring, never in the local store's file.
        stored = keyring.get_password("Amphi", "camille@example.org @ " + server.url)
        assert stored == token
        assert token is not None and token.encode() not in first.store.path.read_bytes()
        await first.shutdown()

        again = AmphiApp(first.options)
        try:
            await again.start()
            assert again.main_window is not None and again.signin_dialog is None
            assert again.account.profile is not None
            assert again.account.profile.email == "camille@example.org"
        finally:
            await again.shutdown()

    arun(scenario())


def test_without_a_keyring_remember_me_is_off_with_the_reason_and_sign_in_works(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    keyring.set_keyring(fail.Keyring())  # the autouse fixture restores the previous one
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        assert not dialog.remember_check.isEnabled()
        assert "trousseau" in dialog.remember_check.toolTip()
        assert dialog.remember_note.isVisibleTo(dialog)
        await sign_in(qtbot, dialog, "camille@example.org", PASSWORD)
        await until(lambda: app.main_window is not None)

    arun(scenario())
    assert app.account.profile is not None
    assert app.account.remembered is False
    assert app.secrets.get_token(app.api.server, "camille@example.org") == app.api.token


def test_sign_in_with_the_code_of_a_mailed_link(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        type_into(qtbot, dialog.email_edit, "camille@example.org")
        await submit(qtbot, dialog, dialog.link_button)
        assert dialog.code_panel.isVisible()
        assert server.live is not None
        code = mail_link(server.live, "camille@example.org").rsplit("token=", 1)[1]
        type_into(qtbot, dialog.code_edit, code)
        click(qtbot, dialog.code_button)
        await until(lambda: app.main_window is not None)

    arun(scenario())
    assert app.account.profile is not None
    assert app.account.profile.email == "camille@example.org"


def test_errors_keep_what_was_typed_and_show_next_to_the_field(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org", email_confirmed=False)
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        await sign_in(qtbot, dialog, "", "x")
        assert dialog.email_field.error_text == "Saisissez votre adresse électronique."
        # Not confirmed yet: the warning offers to send the link again.
        await sign_in(qtbot, dialog, "camille@example.org", PASSWORD)
        assert dialog.banner.action.isVisible()
        assert "pas encore confirmée" in dialog.banner.text
        click(qtbot, dialog.banner.action)
        await until(lambda: dialog.banner.kind == "success")
        # A server that does not answer: a French message next to the address.
        dialog._show_server()
        type_into(qtbot, dialog.server_edit, f"127.0.0.1:{_closed_port()}")
        await submit(qtbot, dialog, dialog.sign_in_button)
        assert "injoignable" in dialog.banner.text

    arun(scenario())
    dialog = app.signin_dialog
    assert dialog is not None
    assert dialog.email_edit.text() == "camille@example.org"
    assert dialog.password_edit.text() == PASSWORD
    assert dialog.sign_in_button.isEnabled()
    assert server.live.mails(), "the confirmation link was sent again"


def _closed_port() -> int:
    from tests.conftest import free_port

    return free_port()
