"""Signing out and quitting are clean: nothing printed, no window left, a clean exit.

Signing out deletes the main window, and with it every widget, model, timer and page
the areas built; the account, the live stream and the connection monitor live on for
the next person. Anything of the old window still wired to them (a live-event handler,
a sign-in handler, a task finishing late) would reach deleted Qt objects and print
« RuntimeError: ... already deleted », or worse, end the process with a fatal error.
These tests sign in and out of every role on one server with data for the three
procedures, and quit real client processes (`python -m desktop`) while live events keep
arriving and the screens are still loading.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import (
    SIGNAL,
    QMetaMethod,
    QObject,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qasync import QEventLoop
from shiboken6 import Shiboken

from desktop.app import AmphiApp
from desktop.store import FILE_NAME, LocalStore
from desktop.ui.main_window import MainWindow
from tests.desktop.amphi_helpers import amphi_server, world
from tests.desktop.conftest import PASSWORD, RestartableServer, until
from tests.desktop.endurance import PLATFORM_NOISE, qt_messages
from tests.server import test_matching_helpers as matching_helpers
from tests.server.test_amphi_support import Who, World
from tests.server.test_national import build_campaign

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]
ROOT = Path(__file__).resolve().parents[2]


def stderr_text(text: str) -> str:
    """What a process printed on stderr, less the offscreen platform's own remark."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if line.strip() not in PLATFORM_NOISE)


@dataclass
class Trouble:
    """What went wrong without failing a test by itself: Qt warnings, unraisable
    exceptions, exceptions the asyncio loop caught."""

    qt: list[str] = field(default_factory=list)
    unraisable: list[str] = field(default_factory=list)
    loop: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.qt or self.unraisable or self.loop)


@pytest.fixture
def trouble(qloop: QEventLoop) -> Iterator[Trouble]:
    """Collect Qt messages, unraisable exceptions and the loop's unhandled errors."""
    found = Trouble()

    def on_unraisable(info: Any) -> None:
        found.unraisable.append(f"{info.exc_type.__name__}: {info.exc_value} "
                                f"({info.err_msg or ''} {info.object!r})")

    def on_loop(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        found.loop.append(f"{context.get('message')}: {context.get('exception')!r}")

    previous_unraisable = sys.unraisablehook
    sys.unraisablehook = on_unraisable
    qloop.set_exception_handler(on_loop)
    try:
        with qt_messages() as qt:
            found.qt = qt.messages
            yield found
    finally:
        sys.unraisablehook = previous_unraisable
        qloop.set_exception_handler(None)


@dataclass
class Everything:
    """One server with an amphitheatre, a national campaign and a matching campaign."""

    staff: str  # agency staff: every area
    intern: str  # an intern of the running amphitheatre
    supervisor: str  # a post supervisor of the matching
    student: str  # a ranked student of the national campaign


def everything(server: RestartableServer) -> Everything:
    """Data for the three procedures; the amphitheatre runs, so live events flow."""
    assert server.live is not None
    amphi = world(server, interns=3)
    client = httpx.Client(base_url=server.url, timeout=30)
    national = build_campaign(server.live, client, students=[(1, "general", True),
                                                             (2, "general", True)],
                              staff=amphi.staff.h)
    # Both builders name their staff account staff<n>@ars.example.org from their own
    # counter: move the matching one past the amphitheatre's n.
    run = int(amphi.staff.email.removeprefix("staff").split("@")[0])
    while next(matching_helpers._ids) < run:
        pass
    matching = matching_helpers.build_world(server.live, client, phase="applications")
    assert amphi.transition("start").status_code == 200
    student = national.students[1].email
    assert student is not None
    return Everything(staff=amphi.staff.email, intern=amphi.interns[1].email,
                      supervisor=matching.sup["A"].email, student=student)


async def sign_in_again(app: AmphiApp, email: str) -> MainWindow:
    """Through the sign-in dialog on screen; the main window, once its live stream runs."""
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(PASSWORD)
    dialog.sign_in_button.click()
    await until(lambda: app.main_window is not None and app.main_window.isVisible(),
                message=dialog.banner.text)
    await until(lambda: app.live.is_connected)
    assert app.main_window is not None
    return app.main_window


async def visit_every_page(window: MainWindow) -> list[str]:
    """Open each page this person may see, letting its loads run a moment (those of
    the last page are still in flight when he signs out)."""
    pages = window.visible_pages()
    for n, key in enumerate(pages):
        if n:
            await asyncio.sleep(0.4)
        window.show_page(key)
    return pages


async def sign_out(app: AmphiApp) -> MainWindow:
    """« Se déconnecter » from the menu; the old window, once the dialog is back."""
    window = app.main_window
    assert window is not None
    window.sign_out_action.trigger()
    await until(lambda: app.signin_dialog is not None and app.main_window is None
                and app.signin_dialog.isVisible())
    await until(lambda: not Shiboken.isValid(window), message="the old window lives on")
    return window


def windows_shown() -> list[str]:
    return sorted(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())


def connections(*senders: QObject) -> dict[str, int]:
    """How many slots each signal of `senders` has (their own signals, not QObject's)."""
    counts = {}
    for sender in senders:
        meta = sender.metaObject()
        for index in range(meta.methodOffset(), meta.methodCount()):
            method = meta.method(index)
            if method.methodType() == QMetaMethod.MethodType.Signal:
                signature = bytes(method.methodSignature().data()).decode()
                counts[f"{type(sender).__name__}.{signature}"] = sender.receivers(
                    SIGNAL(signature))
    return counts


def test_signing_out_of_every_role_and_in_again_prints_nothing_and_leaves_no_window(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any,
        trouble: Trouble, capfd: pytest.CaptureFixture[str]) -> None:
    server = amphi_server(server_factory, turn=1.0)  # a turn ends every second: events
    people = everything(server)
    app = make_app(server.url)
    seen: dict[str, list[str]] = {}

    async def scenario() -> None:
        await app.start()
        services = (app.account, app.live, app.monitor, app.api)
        before = connections(*services)  # the sign-in dialog's and the app's own
        for email in (people.staff, people.intern, people.supervisor, people.student,
                      people.staff):
            window = await sign_in_again(app, email)
            assert connections(*services) != before  # the window's screens listen
            seen[email] = await visit_every_page(window)
            await sign_out(app)
            assert windows_shown() == ["SignInDialog"]
            await until(lambda: connections(*services) == before,
                        message="the old window still listens to the services")
            await asyncio.sleep(0.3)  # whatever of the old window would still run, does

    arun(scenario(), timeout=120)
    assert {"national_staff", "amphi_staff", "matching_follow"} <= set(seen[people.staff])
    assert "amphi" in seen[people.intern]
    assert "matching_posts" in seen[people.supervisor]
    assert "national_wishes" in seen[people.student]
    captured = capfd.readouterr()
    assert stderr_text(captured.err) == "", captured.err
    assert not trouble, trouble


# --------------------------------------------------------------------------- real processes


def returning_intern(server: RestartableServer, data_dir: Path, email: str
                     ) -> dict[str, str]:
    """The environment of a client whose data directory and keyring remember `email`
    signed in on `server`: it starts on his main window (`Account.restore`)."""
    from desktop.credentials import SERVICE, SecretStore
    from tests.desktop import file_keyring

    token = httpx.post(f"{server.url}/api/auth/login",
                       json={"email": email, "password": PASSWORD}).json()["token"]
    data_dir.mkdir(parents=True)
    store = LocalStore(data_dir / FILE_NAME)
    store.remember_sign_in(server.url, email)
    store.close()
    secrets = data_dir / "keyring.json"
    file_keyring.put(secrets, SERVICE, SecretStore.key(server.url, email), token)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "tests.desktop.file_keyring.FileKeyring",
            file_keyring.ENV: str(secrets)}


class Chatter:
    """Staff ring the amphitheatre's bell and message everyone, many times a second."""

    def __init__(self, server: RestartableServer, staff_token: str, amphi_id: int) -> None:
        self._client = httpx.Client(base_url=server.url, timeout=10,
                                    headers={"Authorization": f"Bearer {staff_token}"})
        self._amphi_id = amphi_id
        self._n = 0

    def say(self) -> None:
        self._n += 1
        self._client.post(f"/api/staff/amphi/amphis/{self._amphi_id}/messages",
                          json={"text": f"Message {self._n}"})
        self._client.post("/api/staff/messages", json={"text": f"Annonce {self._n}"})

    def close(self) -> None:
        self._client.close()


def wait_present(w: World, intern: Who, process: subprocess.Popen[str],
                 timeout: float = 20.0) -> None:
    """Until the client in `process` opened the live screen (its presence signal)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        state = w.live_state()
        if any(q["intern_id"] == intern.intern_id and q["present"] for q in state["queue"]):
            return
        time.sleep(0.1)
    raise AssertionError("the client never opened the live screen")


CLOSE, SIGTERM, SWITCH = "close", "sigterm", "switch"


@pytest.mark.parametrize("how", [CLOSE, SIGTERM, SWITCH])
def test_quitting_while_live_events_arrive_ends_cleanly(
        server_factory: Any, tmp_path: Path, how: str) -> None:
    """CLOSE: the window's close button; SIGTERM: the signal; SWITCH: sign out, in as
    agency staff (every area), out, in as another intern, then close the window."""
    server = amphi_server(server_factory, turn=1.0)
    w = world(server, interns=3)
    assert w.transition("start").status_code == 200
    chatter = Chatter(server, w.staff.token, w.amphi_id)
    expected = 130 if how == SIGTERM else 0  # 130: Ctrl+C or SIGTERM (see desktop.app)
    try:
        # The fatal errors were intermittent: several runs, acting sooner or later
        # (each run as another intern, whose presence says his client is up).
        delays = (0.0, 1.0) if how == SWITCH else (0.0, 0.7, 2.0)  # SWITCH: 3 windows each
        for n, (me, delay) in enumerate(zip(w.interns, delays, strict=False)):
            data_dir = tmp_path / f"client-{me.intern_id}"
            env = returning_intern(server, data_dir, me.email)
            args = ["--server", server.url, "--data-dir", str(data_dir)]
            if how == SIGTERM:
                command = [sys.executable, "-m", "desktop", *args]
            else:
                switch = (f"{w.staff.email},{w.interns[(n + 1) % 3].email}" if how == SWITCH
                          else "-")
                command = [sys.executable, "-m", "tests.desktop.close_window_child",
                           str(delay), switch, *args]
            process = subprocess.Popen(command, cwd=ROOT, env=env, text=True,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                wait_present(w, me, process)
                if how == SIGTERM:
                    end = time.monotonic() + delay
                    while time.monotonic() < end:
                        chatter.say()
                    process.send_signal(signal.SIGTERM)
                end = time.monotonic() + 40
                while process.poll() is None and time.monotonic() < end:
                    chatter.say()  # events and loads keep coming while it closes
                out, err = process.communicate(timeout=20)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.communicate()
            assert (process.returncode, stderr_text(err)) == (expected, ""), (delay, out, err)
    finally:
        chatter.close()
